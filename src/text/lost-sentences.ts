import { distance } from 'fastest-levenshtein';
import { comparisonKey } from './normalize.js';
import { KeptText, SearchBudget, standsVerbatimIn } from './verbatim.js';

/**
 * The rule an unsafe fix must keep: it may drop a near copy or a fragment, but never a
 * sentence unless a near variant of it stays. Sentences are compared by comparison key
 * (case, punctuation and width aside); a sentence is text that ends like one, so the
 * unfinished fragment an unsafe fix cuts is not counted.
 */

/** Similarity (by edit distance on keys) from which a kept sentence is a variant of a lost one. */
const NEAR_VARIANT = 0.8;
/** Sentences shorter than this (in key characters) say too little to count. */
const MIN_SENTENCE = 6;

const TERMINAL = /[。．！？!?.]["”’」』）)\]*_]*$/;

/**
 * Finished sentences of `text`, split after 。．！？, after ! ? . followed by a space, and at
 * line breaks (a `?` inside a URL such as `search?q=` ends no sentence).
 */
function finishedSentences(text: string): string[] {
  return text
    .split(/(?<=[。．！？])|(?<=[!?.])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => TERMINAL.test(s));
}

/**
 * The same sentences with wrapped lines joined: a line that ends without a sentence end goes
 * on into the next one ("…node_modules として" / "使えないので注意。"); blank lines still part
 * paragraphs.
 */
function wrappedSentences(text: string): string[] {
  return text
    .split(/(?<=[。．！？])|(?<=[!?.])\s+|\n[ \t]*\n\s*/)
    .map((s) => s.replace(/[ \t]*\n\s*/g, ' ').trim())
    .filter((s) => TERMINAL.test(s));
}

/** Comparison keys of the sentences of `text` that are long enough to count. */
function sentenceKeys(text: string): string[] {
  return finishedSentences(text)
    .map(comparisonKey)
    .filter((key) => key.length >= MIN_SENTENCE);
}

/**
 * Sentences of `removed` that have no near variant in `kept`: the same key anywhere in
 * the kept text (whole or in long pieces, in order), or a kept sentence at least
 * NEAR_VARIANT similar.
 */
export function sentencesWithoutVariant(removed: string, kept: string | KeptText, budget = SearchBudget.forText(removed.length + (typeof kept === 'string' ? kept.length : kept.raw.length))): string[] {
  const lost: string[] = [];
  const keys = sentenceKeys(removed);
  if (keys.length === 0) return lost;
  const keptText = typeof kept === 'string' ? new KeptText(kept) : kept;
  const keptKey = keptText.derived('key', comparisonKey);
  const keptSentences = () => keptText.derived('sentences', sentencesByLength);
  // Kept whole, or in pieces: a "sentence" made by gluing an unfinished paragraph to the next
  // one is kept when the paragraphs it was glued from are; or a near variant of it is kept.
  const isKept = (key: string) => standsVerbatimIn(key, keptKey, budget).proven || hasNearVariant(key, keptSentences());
  let wrapped: string[] | undefined;
  for (const key of keys) {
    if (isKept(key)) continue;
    // The last line of a sentence wrapped over lines ("…として" / "使えないので改変。") is kept
    // when a near variant of the whole sentence is.
    wrapped ??= wrappedSentences(removed).map(comparisonKey);
    const whole = wrapped.find((sentence) => sentence.length > key.length && sentence.endsWith(key));
    if (whole === undefined || !isKept(whole)) lost.push(key);
  }
  return lost;
}

/** Kept sentence keys (by lines, and wrapped lines joined) sorted by length, so only those of a similar length are compared. */
function sentencesByLength(text: string): string[] {
  const wrapped = wrappedSentences(text)
    .map(comparisonKey)
    .filter((key) => key.length >= MIN_SENTENCE);
  return [...new Set([...sentenceKeys(text), ...wrapped])].sort((a, b) => a.length - b.length);
}

function hasNearVariant(key: string, sorted: string[]): boolean {
  const shortest = key.length * NEAR_VARIANT;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].length < shortest) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length && sorted[i].length * NEAR_VARIANT <= key.length; i++) if (similar(key, sorted[i])) return true;
  return false;
}

function similar(a: string, b: string): boolean {
  const longest = Math.max(a.length, b.length);
  if (Math.abs(a.length - b.length) > longest * (1 - NEAR_VARIANT)) return false;
  // Edit distance is quadratic: very long "sentences" (run-on lines) compare by their starts.
  const x = a.slice(0, 2000);
  const y = b.slice(0, 2000);
  return 1 - distance(x, y) / Math.max(x.length, y.length) >= NEAR_VARIANT;
}
