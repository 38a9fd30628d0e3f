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
 * The text of `raw` from the character at `at` in `withoutWhitespace(raw)`, as written (its
 * whitespace runs as single spaces), up to `length` characters: for messages, which quote
 * the words a reader can find in the file.
 */
export function asWritten(raw: string, at: number, length = 40): string {
  let seen = 0;
  let start = 0;
  while (start < raw.length && (seen < at || /\s/.test(raw[start]))) if (!/\s/.test(raw[start++])) seen++;
  return raw.slice(start, start + length * 2).replace(/\s+/g, ' ').slice(0, length).trimEnd();
}

/**
 * Shortest piece of a tiling: a removed block may be several kept blocks glued together,
 * but never a mosaic of short snippets that happen to occur somewhere in the article.
 */
const MIN_PIECE = 12;

/**
 * Work allowed for the proofs of one check, in characters searched, shared by all the
 * proofs it makes: a hostile file cannot make checking slow. A removal that would need
 * more is simply not proven.
 */
export class SearchBudget {
  constructor(public left: number) {}

  static forText(length: number): SearchBudget {
    return new SearchBudget(256 * length + 50_000_000);
  }
}

/** The text that stays after a fix, in the forms the proofs search. */
export class KeptText {
  private flatText?: string;
  private lineText?: string;
  private readonly memo = new Map<string, unknown>();

  constructor(readonly raw: string) {}

  /** Without whitespace. */
  get flat(): string {
    return (this.flatText ??= withoutWhitespace(this.raw));
  }

  /** Each line without whitespace, after a "\n": where a short removal must start. */
  get lines(): string {
    return (this.lineText ??= `\n${this.raw.split(/\r\n|\r|\n/).map(withoutWhitespace).join('\n')}`);
  }

  /** Other derived forms (comparison keys, sentences), computed once. */
  derived<T>(name: string, compute: (raw: string) => T): T {
    if (!this.memo.has(name)) this.memo.set(name, compute(this.raw));
    return this.memo.get(name) as T;
  }
}

export type VerbatimProof = { proven: true } | { proven: false; at: number };

/**
 * Tiles `removed` (without whitespace) with the longest pieces that occur in `kept`, in
 * order: a glued re-emission repeats kept paragraphs in their order (going back only to
 * the start of a kept line, as a loop does). Every piece is at
 * least MIN_PIECE characters long (the last may overlap the one before); a removal
 * shorter than that must stand whole at the start of a kept line when `lines` (the kept
 * lines, see KeptText) is given ("not" does not stand in "note"). `at` is where in `removed` the text not found starts.
 */
export function standsVerbatimIn(removed: string, kept: string, budget: SearchBudget, lines?: () => string): VerbatimProof {
  if (removed.length === 0) return { proven: true };
  const fail = (at: number): VerbatimProof => ({ proven: false, at });
  if (removed.length < MIN_PIECE) {
    budget.left -= kept.length;
    return (lines ? lines().includes(`\n${removed}`) : kept.includes(removed)) ? { proven: true } : fail(0);
  }
  /** Where `removed[from, from + length)` occurs in `kept` at or after `after`, or -1 (charged what it scanned). */
  const find = (from: number, length: number, after: number): number => {
    const found = kept.indexOf(removed.slice(from, from + length), after);
    budget.left -= (found < 0 ? kept.length : found + length) - after;
    return found;
  };
  // A verbatim copy, the common case: one search.
  if (find(0, removed.length, 0) >= 0) return { proven: true };
  let position = 0;
  let after = 0;
  while (position < removed.length) {
    if (budget.left < 0) return fail(position);
    const rest = removed.length - position;
    // A short tail is proven by the last MIN_PIECE characters, overlapping the piece before.
    if (rest < MIN_PIECE) return find(removed.length - MIN_PIECE, MIN_PIECE, Math.max(0, after - MIN_PIECE)) >= 0 ? { proven: true } : fail(position);
    let at = find(position, MIN_PIECE, after);
    // A piece may go back to an earlier kept block only from the start of a line of it: a
    // loop re-emits whole blocks again (A B A B), a reordered sentence starts mid-line.
    if (at < 0 && after > 0 && (!lines || lines().includes(`\n${removed.slice(position, position + MIN_PIECE)}`))) {
      after = 0;
      at = find(position, MIN_PIECE, 0);
    }
    if (at < 0) return fail(position);
    // Gallop then bisect: a found prefix's own prefixes are found too, no later.
    let good = MIN_PIECE;
    let step = MIN_PIECE;
    let bad = rest + 1;
    while (good < rest && budget.left >= 0) {
      const probe = Math.min(rest, good + step);
      const found = find(position, probe, after);
      if (found < 0) {
        bad = probe;
        break;
      }
      good = probe;
      at = found;
      step *= 2;
    }
    while (bad - good > 1 && budget.left >= 0) {
      const middle = (good + bad) >> 1;
      const found = find(position, middle, after);
      if (found >= 0) {
        good = middle;
        at = found;
      } else bad = middle;
    }
    position += good;
    after = at + good;
  }
  return { proven: true };
}
