import { distance } from 'fastest-levenshtein';
import { commonEnds } from './common-ends.js';
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

/** Block syntax that stands on a line of its own: a heading, list item, quote, table row or fence. */
const BLOCK_LINE = /^[ \t]*(?:#{1,6}[ \t]|[-*+][ \t]|\d{1,9}[.)][ \t]|>|\||```|~~~)/;
const SENTENCE_END = /(?<=[。．！？])|(?<=[!?.])\s+/;
/** Lines of wrapped text above a sentence's last line that are read with it (bounded). */
const MAX_WRAPPED_LINES = 8;

/**
 * For each sentence whose last line is wrapped from the lines above it (a paragraph's lines
 * since its last sentence end, none of them block syntax), the key of that line's sentence
 * and the whole sentence: "…node_modules として" / "使えないので改変。" is one sentence.
 * Line by line, by position; a blank line, a block line or a capitalised line starts afresh.
 */
function wrappedWholes(text: string): Map<string, string> {
  const wholes = new Map<string, string>();
  let pending: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || BLOCK_LINE.test(line)) {
      pending = [];
      continue;
    }
    // A capitalised line after a line without a sentence end opens a new sentence whose
    // predecessor lacks its period ("…for the sample application" / "Then delete the group.").
    if (/^\p{Lu}/u.test(trimmed)) pending = [];
    const pieces = trimmed.split(SENTENCE_END).map((piece) => piece.trim()).filter(Boolean);
    if (!TERMINAL.test(pieces[0])) {
      // No sentence ends on this line: it goes on into the next.
      pending = [...pending, trimmed].slice(-MAX_WRAPPED_LINES);
      continue;
    }
    const key = comparisonKey(pieces[0]);
    if (pending.length > 0 && key.length >= MIN_SENTENCE) wholes.set(key, [...pending, pieces[0]].join(' '));
    const rest = pieces.at(-1)!;
    pending = pieces.length > 1 && !TERMINAL.test(rest) ? [rest] : [];
  }
  return wholes;
}

/**
 * Word by word, a near variant is the same sentence with one word replaced, added or
 * dropped ("Try out the memory limit!" / "Try another the memory limit!"): in a short
 * sentence one word is more than a fifth of its characters. Only for sentences of
 * MIN_WORDS words or more written in spaced words (Japanese, Chinese, Thai, Lao, Khmer and
 * Burmese run their words together: they are compared by characters), and only a word of
 * MAX_WORD_CHANGE characters at most: a clause or a URL is no word.
 */
const MIN_WORDS = 5;
const MAX_WORDS = 60;
const MAX_WORD_CHANGE = 12;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function wordsOf(sentence: string): string[] | undefined {
  if (UNSPACED.test(sentence)) return undefined;
  const words = sentence.split(/\s+/).map(comparisonKey).filter(Boolean);
  return words.length >= MIN_WORDS - 1 && words.length <= MAX_WORDS + 1 ? words : undefined;
}

/**
 * Kept sentences (by lines, and wrapped sentences whole) as word lists, indexed by word
 * count and first word, and by word count and last word: a sentence one word away shares
 * one of the two (it has five words or more).
 */
function keptWordLists(sentences: string[]): Map<string, string[][]> {
  const index = new Map<string, string[][]>();
  const add = (key: string, words: string[]) => {
    const list = index.get(key);
    if (list) list.push(words);
    else index.set(key, [words]);
  };
  for (const sentence of sentences) {
    const words = wordsOf(sentence);
    if (words === undefined) continue;
    add(`${words.length} ${words[0]}`, words);
    add(`${words.length} ${words.at(-1)} $`, words);
  }
  return index;
}

/** Kept sentences compared with one lost sentence at most: a file of one sentence repeated cannot make this quadratic. */
const MAX_WORD_CANDIDATES = 200;

/** Whether two word lists differ by one short word replaced, inserted or deleted. */
function oneWordApart(a: string[], b: string[]): boolean {
  const [start, end] = commonEnds(a, b);
  const [ours, theirs] = [a.slice(start, a.length - end), b.slice(start, b.length - end)];
  return ours.length <= 1 && theirs.length <= 1 && ours.length + theirs.length > 0 && [...ours, ...theirs].every((word) => word.length <= MAX_WORD_CHANGE);
}

function hasWordVariant(sentence: string, kept: Map<string, string[][]>): boolean {
  const words = wordsOf(sentence);
  if (words === undefined || words.length < MIN_WORDS || words.length > MAX_WORDS) return false;
  let compared = 0;
  for (const count of [words.length - 1, words.length, words.length + 1]) {
    for (const key of [`${count} ${words[0]}`, `${count} ${words.at(-1)} $`]) {
      for (const other of kept.get(key) ?? []) {
        if (++compared > MAX_WORD_CANDIDATES) return false;
        if (oneWordApart(words, other)) return true;
      }
    }
  }
  return false;
}

/**
 * Sentences of `removed` that have no near variant in `kept`: the same key anywhere in
 * the kept text (whole or in long pieces, in order), a kept sentence at least
 * NEAR_VARIANT similar, or one a word away. Returned as written (whitespace collapsed),
 * to be shown to a reader.
 */
export function sentencesWithoutVariant(removed: string, kept: string | KeptText, budget = SearchBudget.forText(removed.length + (typeof kept === 'string' ? kept.length : kept.raw.length))): string[] {
  const lost: string[] = [];
  const sentences = finishedSentences(removed)
    .map((sentence) => ({ sentence, key: comparisonKey(sentence) }))
    .filter(({ key }) => key.length >= MIN_SENTENCE);
  if (sentences.length === 0) return lost;
  const keptText = typeof kept === 'string' ? new KeptText(kept) : kept;
  const keptKey = keptText.derived('key', comparisonKey);
  // The kept text's sentences, read once for both comparisons: by characters and by words.
  const keptSentenceTexts = () => keptText.derived('sentence texts', sentencesAndWholes);
  const keptSentences = () => keptText.derived('sentences', () => sentencesByLength(keptSentenceTexts()));
  let wholes: Map<string, string> | undefined;
  for (const { sentence, key } of sentences) {
    // Whole, or in pieces: a "sentence" made by gluing an unfinished paragraph to the next
    // one is kept when the paragraphs it was glued from are.
    if (standsVerbatimIn(key, keptKey, budget).proven || hasNearVariant(key, keptSentences()) || hasWordVariant(sentence, keptText.derived('words', () => keptWordLists(keptSentenceTexts())))) continue;
    // The last line of a sentence wrapped over lines ("…として" / "使えないので改変。") is kept
    // when a near variant of the whole sentence is, and that variant ends much as the line
    // does: the lines above must not lend a wholly changed line their likeness.
    wholes ??= wrappedWholes(removed);
    const whole = wholes.get(key);
    if (whole === undefined || !hasVariantEndingAlike(comparisonKey(whole), key, keptSentences())) lost.push(sentence.replace(/\s+/g, ' ').trim());
  }
  return lost;
}

/** A text's finished sentences by lines, and its sentences wrapped over lines whole. */
function sentencesAndWholes(text: string): string[] {
  return [...finishedSentences(text), ...wrappedWholes(text).values()];
}

/** Sentence keys long enough to count, sorted by length, so only those of a similar length are compared. */
function sentencesByLength(sentences: string[]): string[] {
  return [...new Set(sentences.map(comparisonKey).filter((key) => key.length >= MIN_SENTENCE))].sort((a, b) => a.length - b.length);
}

/** How alike the end of a kept variant must be to the lost line it ends with. */
const LINE_LIKENESS = 0.5;

/** A kept sentence that is a near variant of `whole` and whose end is like `line`, the whole's last line. */
function hasVariantEndingAlike(whole: string, line: string, sorted: string[]): boolean {
  return sorted.some((other) => similar(whole, other) && 1 - distance(line, other.slice(-line.length)) / line.length >= LINE_LIKENESS);
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
