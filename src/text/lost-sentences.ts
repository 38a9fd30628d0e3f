import { distance } from 'fastest-levenshtein';
import { comparisonKey } from './normalize.js';
import { standsVerbatimIn } from './verbatim.js';

/**
 * The rule an unsafe fix must keep: it may drop a near copy or a fragment, but never a
 * sentence unless a near variant of it stays. Sentences are compared by comparison key
 * (case, punctuation and width aside); a sentence is text that ends like one, so the
 * unfinished fragment an unsafe fix cuts is not counted.
 */

/** Similarity (by edit distance on keys) from which a kept sentence is a variant of a lost one. */
export const NEAR_VARIANT = 0.8;
/** Sentences shorter than this (in key characters) say too little to count. */
const MIN_SENTENCE = 6;

const TERMINAL = /[。．！？!?.]["”’」』）)\]*_]*$/;

/** Finished sentences of `text`, split after 。．！？!? and ". ", and at line breaks. */
export function finishedSentences(text: string): string[] {
  return text
    .split(/(?<=[。．！？!?])|(?<=\.)\s+|\n+/)
    .map((s) => s.trim())
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
 * the kept text (whole or in long pieces), or a kept sentence at least NEAR_VARIANT similar.
 */
export function sentencesWithoutVariant(removed: string, kept: string): string[] {
  const lost: string[] = [];
  const keys = sentenceKeys(removed);
  if (keys.length === 0) return lost;
  const keptKey = comparisonKey(kept);
  let keptSentences: string[] | undefined;
  for (const key of keys) {
    // Whole, or in pieces: a "sentence" made by gluing an unfinished paragraph to the next
    // one is kept when the paragraphs it was glued from are.
    if (keptKey.includes(key) || standsVerbatimIn(key, keptKey).proven) continue;
    keptSentences ??= sentenceKeys(kept);
    if (!keptSentences.some((other) => similar(key, other))) lost.push(key);
  }
  return lost;
}

function similar(a: string, b: string): boolean {
  const longest = Math.max(a.length, b.length);
  if (Math.abs(a.length - b.length) > longest * (1 - NEAR_VARIANT)) return false;
  // Edit distance is quadratic: very long "sentences" (run-on lines) compare by their starts.
  const x = a.slice(0, 2000);
  const y = b.slice(0, 2000);
  return 1 - distance(x, y) / Math.max(x.length, y.length) >= NEAR_VARIANT;
}
