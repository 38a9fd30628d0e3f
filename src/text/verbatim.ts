/**
 * Whether removed text stands verbatim in the text that stays: the proof a safe fix
 * needs. Works on raw text (Markdown syntax, case, punctuation and digits included) with
 * only whitespace set aside, so two copies that differ in a sign, a letter's case or an
 * emphasis marker are different texts here.
 */

/** Whitespace (line breaks, indentation, ideographic spaces) is layout, not text. */
export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Shortest piece of a tiling: a removed block may be several kept blocks glued together,
 * but never a mosaic of short snippets that happen to occur somewhere in the article.
 */
export const MIN_PIECE = 12;

/**
 * Work allowed for one proof, in characters searched: a hostile file cannot make the
 * proof slow; a removal that would need more is simply not proven.
 */
const SEARCH_BUDGET = 200_000_000;

export type VerbatimProof = { proven: true; pieces: number } | { proven: false; missing: string };

/**
 * Tiles `removed` from the left with the longest pieces that occur in `kept` (both
 * without whitespace). Proven when every piece is at least MIN_PIECE characters long, or
 * `removed` is shorter than that and occurs whole. Otherwise `missing` is the start of
 * the first text that could not be found.
 */
export function standsVerbatimIn(removed: string, kept: string): VerbatimProof {
  if (removed.length === 0) return { proven: true, pieces: 0 };
  if (kept.includes(removed)) return { proven: true, pieces: 1 };
  if (removed.length < MIN_PIECE) return { proven: false, missing: removed };
  let budget = SEARCH_BUDGET;
  const found = (from: number, length: number) => {
    budget -= kept.length + length;
    return kept.includes(removed.slice(from, from + length));
  };
  let position = 0;
  let pieces = 0;
  while (position < removed.length) {
    const rest = removed.length - position;
    // A short tail is proven by the last MIN_PIECE characters, overlapping the piece before.
    if (rest < MIN_PIECE) {
      if (found(removed.length - MIN_PIECE, MIN_PIECE)) return { proven: true, pieces: pieces + 1 };
      return { proven: false, missing: removed.slice(position) };
    }
    if (!found(position, MIN_PIECE)) return { proven: false, missing: removed.slice(position, position + 40) };
    // Gallop then bisect: a found prefix's own prefixes are found too.
    let good = MIN_PIECE;
    let step = MIN_PIECE;
    let bad = rest + 1;
    while (good < rest) {
      const probe = Math.min(rest, good + step);
      if (found(position, probe)) {
        good = probe;
        step *= 2;
      } else {
        bad = probe;
        break;
      }
      if (budget < 0) return { proven: false, missing: removed.slice(position, position + 40) };
    }
    while (bad - good > 1) {
      const middle = (good + bad) >> 1;
      if (found(position, middle)) good = middle;
      else bad = middle;
      if (budget < 0) return { proven: false, missing: removed.slice(position, position + 40) };
    }
    position += good;
    pieces++;
  }
  return { proven: true, pieces };
}
