// The "--fix loses no text" checks shared by scripts/check-fix-safety.mjs and
// scripts/adversarial-fix.mjs. They read only the text before and after a fix; they
// do not ask scrapelint what it meant to do.
//
// lostLines(before, after): every line a fix removed must still stand, whitespace
// aside, in the output. A removed line passes when, with all whitespace stripped, it is
//   - empty,
//   - an end-of-generation marker line (built-ins, case-sensitive, optionally after `>`),
//   - a substring of the whitespace-stripped output,
//   - or (counted apart, as `viaTrailingMarker`) such a substring once end markers at
//     its end are taken off: `text<|endoftext|>` whose marker the fix removed.
// Anything else is a loss.
//
// lostSentences(damaged, output): the unsafe-level check. A sentence (split after
// 。．！？, after "! ", "? " or ". ", at least 8 characters) that occurs once in the damaged text and is
// gone from the output (whitespace-insensitive substring) is lost, unless the output has a
// sentence with Levenshtein similarity >= 0.8 to it (a near variant of it was kept), or it
// is the last line of a sentence wrapped over lines whose whole has such a variant ending
// much as the line does (half alike at least), or, in a sentence of five spaced words or
// more (no Japanese, Chinese, Thai, Lao, Khmer or Burmese script), the output has the same
// words with one word of 12 characters at most replaced, added or dropped ("Try out the
// memory limit!" / "Try another the memory limit!"). The
// similarity is taken on what a near copy may change (issue 10): case, width, punctuation,
// symbols, link targets and emphasis aside, so "必要です。" kept as "必要です・・・・。", or
// a link kept with its other target, is a variant kept.
import { diffArrays } from 'diff';
import { distance } from 'fastest-levenshtein';

/**
 * Built-in end-of-generation markers, case-sensitive, whitespace already stripped:
 * ---END--- and === END === (any run of 2+ dashes or equals signs, `--- END OF ARTICLE ---`
 * too), the tight lower-case fence ---end--- / ===end===, [END], <END>, 【END】, (END),
 * <|word|>, </s>, [/INST].
 */
const MARKER = String.raw`(?:[-=]{2,}END(?:OF[A-Z]+)?[-=]{2,}|-{3,}end-{3,}|={3,}end={3,}|\[END\]|<END>|【END】|\(END\)|<\|[A-Za-z0-9_]+\|>|<\/s>|\[\/INST\])`;
const MARKER_LINE = new RegExp(`^>?${MARKER}+$`);
const TRAILING_MARKERS = new RegExp(`${MARKER}+$`);
const ANY_MARKER = new RegExp(MARKER.replace('END(?:OF[A-Z]+)?', String.raw`\s*END(?:\s+OF\s+[A-Z]+)?\s*`), 'g');

export const stripWhitespace = (text) => text.replace(/\s+/g, '');

/** Whether a line (whitespace aside) is an end marker and nothing else. */
export function isEndMarkerLine(line) {
  return MARKER_LINE.test(stripWhitespace(line));
}

/** Lines without the blank ones, joined: the comparison "blank lines aside". */
export function withoutBlankLines(text) {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/**
 * Lines of `before` that the diff to `after` removes, with their 1-based line number.
 */
export function removedLines(before, after) {
  const removed = [];
  let line = 1;
  for (const part of diffArrays(before.split('\n'), after.split('\n'))) {
    if (part.added) continue;
    if (part.removed) part.value.forEach((text, i) => removed.push({ line: line + i, text }));
    line += part.value.length;
  }
  return removed;
}

/**
 * Checks every removed line. Returns { removed, lost: [{ line, text }], viaTrailingMarker }.
 */
export function lostLines(before, after) {
  const flatAfter = stripWhitespace(after);
  const removed = removedLines(before, after);
  const lost = [];
  let viaTrailingMarker = 0;
  for (const entry of removed) {
    const flat = stripWhitespace(entry.text);
    if (flat === '' || MARKER_LINE.test(flat) || flatAfter.includes(flat)) continue;
    const unmarked = flat.replace(TRAILING_MARKERS, '');
    if (unmarked !== flat && flatAfter.includes(unmarked)) {
      viaTrailingMarker++;
      continue;
    }
    lost.push(entry);
  }
  return { removed: removed.length, lost, viaTrailingMarker };
}

/**
 * Sentences of a text: split after 。．！？, after ! ? . followed by a space, and at line
 * breaks (a `?` inside a URL such as `…?hl=en` ends no sentence); >= 8 characters.
 */
export function sentences(text) {
  return text
    .split(/(?<=[。．！？])|(?<=[!?.])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 8);
}

/** A sentence end, possibly inside closing quotes, brackets or emphasis. */
const ENDS_SENTENCE = /[。．！？!?.]["”’」』）)\]*_]*$/;

/** Block syntax that stands on a line of its own: a heading, list item, quote, table row or fence. */
const BLOCK_LINE = /^[ \t]*(?:#{1,6}[ \t]|[-*+][ \t]|\d{1,9}[.)][ \t]|>|\||```|~~~)/;

/**
 * For each sentence whose last line is wrapped from the lines above it (a paragraph's lines
 * since its last sentence end, none of them block syntax, at most 8; a capitalised line
 * starts afresh), that sentence and the whole sentence, read by position: "…node_modules
 * として" / "使えないので改変。".
 */
function wrappedWholes(text) {
  const wholes = new Map();
  let pending = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || BLOCK_LINE.test(line)) {
      pending = [];
      continue;
    }
    // A capitalised line after a line without a sentence end opens a new sentence.
    if (/^\p{Lu}/u.test(trimmed)) pending = [];
    const pieces = trimmed.split(/(?<=[。．！？])|(?<=[!?.])\s+/).map((piece) => piece.trim()).filter(Boolean);
    if (!ENDS_SENTENCE.test(pieces[0])) {
      pending = [...pending, trimmed].slice(-8);
      continue;
    }
    if (pending.length > 0) wholes.set(pieces[0], [...pending, pieces[0]].join(' '));
    const rest = pieces.at(-1);
    pending = pieces.length > 1 && !ENDS_SENTENCE.test(rest) ? [rest] : [];
  }
  return wholes;
}

/** A sentence as a near copy may change it: NFKC, lower case, no link target, no punctuation or symbol. */
export function variantKey(sentence) {
  return sentence
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\]\([^)\s]*(?:\s+"[^"]*")?\)/g, ']')
    .replace(/[\p{P}\p{S}\s]+/gu, '');
}

const wordList = (sentence) => sentence.split(/\s+/).map(variantKey).filter(Boolean);

/** Whether two word lists differ by one word (of 12 characters at most) replaced, inserted or deleted. */
function oneWordApart(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const changed = [...a.slice(start, a.length - end), ...b.slice(start, b.length - end)];
  return a.length - start - end <= 1 && b.length - start - end <= 1 && changed.every((word) => word.length <= 12);
}

function similarity(a, b) {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

/**
 * Sentences that occur once in `damaged` and that the output neither keeps nor keeps a
 * near variant (similarity >= 0.8) of. End markers are not sentences: they are taken
 * out of both texts first.
 */
export function lostSentences(damaged, output, minSimilarity = 0.8) {
  const unmark = (text) => text.replace(ANY_MARKER, '');
  const counts = new Map();
  for (const s of sentences(unmark(damaged))) counts.set(s, (counts.get(s) ?? 0) + 1);
  const flatOutput = stripWhitespace(unmark(output));
  let keptSentences;
  let kept;
  let keptWords;
  const lost = [];
  let wholes;
  for (const [sentence, n] of counts) {
    const flat = stripWhitespace(sentence);
    if (n !== 1 || flat.length < 8 || flatOutput.includes(flat)) continue;
    keptSentences ??= [...sentences(unmark(output)), ...wrappedWholes(unmark(output)).values()];
    kept ??= keptSentences.map(variantKey);
    const key = variantKey(sentence);
    if (kept.some((other) => similarity(key, other) >= minSimilarity)) continue;
    keptWords ??= keptSentences.map(wordList).filter((words) => words.length >= 4);
    const words = wordList(sentence);
    if (words.length >= 5 && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u.test(sentence) && keptWords.some((other) => oneWordApart(words, other))) continue;
    // The last line of a sentence wrapped over lines is kept when a near variant of the whole
    // sentence is, one that ends much as the line does (half alike at least): the lines above
    // must not lend a wholly changed line their likeness.
    wholes ??= wrappedWholes(unmark(damaged));
    const whole = wholes.get(sentence);
    if (whole !== undefined) {
      const wholeKey = variantKey(whole);
      if (kept.some((other) => similarity(wholeKey, other) >= minSimilarity && similarity(key, other.slice(-key.length)) >= 0.5)) continue;
    }
    lost.push(sentence);
  }
  return lost;
}
