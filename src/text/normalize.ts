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
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200B-\u200D\u2060\uFEFF\uFE0E\uFE0F]/g, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}
