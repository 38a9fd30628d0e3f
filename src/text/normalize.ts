/**
 * Comparison keys for duplicate detection. A key is never written back: it only
 * decides whether two blocks say the same thing.
 *
 * NFKC folds full-width ASCII and half-width kana; lowercasing folds Latin case;
 * whitespace, punctuation and symbols are dropped, so "**強調**です。" and "強調です"
 * compare equal, and so do a heading and a bold paragraph with the same words.
 * Japanese has no spaces, so everything downstream works on characters.
 */
export function comparisonKey(text: string): string {
  // ASCII text is already NFKC and has no zero-width characters; its whitespace,
  // punctuation and symbols are exactly the printable non-alphanumerics (a cheaper,
  // non-Unicode regex: English articles are mostly ASCII).
  if (ASCII.test(text)) return text.toLowerCase().replace(ASCII_DROPPED, '');
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200B-\u200D\u2060\uFEFF\uFE0E\uFE0F]/g, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

const ASCII = /^[\x00-\x7f]*$/;
/** `[\s\p{P}\p{S}]` restricted to ASCII: tab to carriage return, space, and !-/ :-@ [-` {-~. */
const ASCII_DROPPED = /[\t-\r !-/:-@[-`{-~]+/g;

/**
 * Length of a comparison key with each non-Latin character counted twice: a Japanese
 * character carries about as much text as two Latin letters, so one threshold serves both.
 */
export function weightedLength(key: string): number {
  let length = key.length;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0x2fff) length++;
  return length;
}
