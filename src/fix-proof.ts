import type { Fix } from './types.js';
import { asWritten, KeptText, SearchBudget, standsVerbatimIn, withoutWhitespace } from './text/verbatim.js';
import { sentencesWithoutVariant } from './text/lost-sentences.js';
import { markerMatcher, maskStrikeClosers, type MarkerMatcher } from './text/markers.js';

/**
 * The guard between a rule's fix and the file: a rule says how safe its fix is, this
 * module checks it on the raw text, so a bug in a rule cannot turn into lost text.
 * - Edits are well formed: inside the text, in order, not overlapping.
 * - A safe fix only removes, and everything it removes stands verbatim, whitespace aside,
 *   in the body that stays: a copy, a fragment of a kept copy, the pieces of a glued
 *   re-emission in order. End-marker lines and markers at the end of a line are the one
 *   exception: the built-in ones, and those the fix names (`markers`).
 * - An unsafe fix may drop words, but no sentence unless a near variant of it stays.
 */

const MARKER_WINDOW = 200;

/** What the checks of one text share: its markers, its search budget. */
export class ProofContext {
  readonly budget: SearchBudget;
  private masked?: string;
  private readonly matchers = new Map<string, MarkerMatcher>();

  /** `bodyStart`: what stays is searched from there (the front matter proves nothing). */
  constructor(
    readonly text: string,
    readonly bodyStart = 0,
  ) {
    this.budget = SearchBudget.forText(text.length);
  }

  /** The removed text of an edit without its end markers: whole marker lines, and markers ending a line. */
  removedText(start: number, end: number, markers: readonly string[] = []): string {
    const key = JSON.stringify(markers);
    let matcher = this.matchers.get(key);
    if (!matcher) this.matchers.set(key, (matcher = markerMatcher(markers)));
    // A `</s>` that closes an HTML `<s>` is strike-through, not a marker.
    this.masked ??= maskStrikeClosers(this.text);
    const raw = this.text.slice(start, end);
    const masked = this.masked.slice(start, end);
    let out = '';
    let offset = 0;
    for (const full of masked.split('\n')) {
      const rawLine = raw.slice(offset, offset + full.length);
      offset += full.length + 1;
      const line = full.endsWith('\r') ? full.slice(0, -1) : full;
      if (line.trim() !== '' && line.length <= MARKER_WINDOW && matcher.line.test(line.trim())) continue;
      // Markers are short: only the end of a line is searched (linear on hostile lines).
      const tail = line.slice(-MARKER_WINDOW);
      const trailing = matcher.trailing.exec(tail);
      out += `${trailing ? rawLine.slice(0, line.length - tail.length + trailing.index) : rawLine}\n`;
    }
    return out;
  }

  /** What stays after `after` replaced the text: its body. */
  kept(after: string): KeptText {
    return new KeptText(after.slice(Math.min(this.bodyStart, after.length)));
  }
}

/** Why `fix`, applied giving `kept`, breaks its promise; undefined when it keeps it. */
export function fixViolation(context: ProofContext, fix: Fix, kept: KeptText): string | undefined {
  const malformed = malformedEdits(context.text, fix);
  if (malformed) return malformed;
  return fix.safety === 'safe' ? safeViolation(context, fix, kept) : unsafeViolation(context, fix, kept);
}

function malformedEdits(text: string, fix: Fix): string | undefined {
  let end = 0;
  for (const edit of [...fix.edits].sort((a, b) => a.start - b.start)) {
    if (edit.start < end || edit.end < edit.start || edit.end > text.length) return 'its edits overlap or fall outside the text';
    end = edit.end;
  }
  return undefined;
}

function safeViolation(context: ProofContext, fix: Fix, kept: KeptText): string | undefined {
  for (const edit of fix.edits) {
    if (edit.text !== '') return 'a safe fix may only remove text';
    const text = context.removedText(edit.start, edit.end, fix.markers);
    const removed = withoutWhitespace(text);
    if (removed === '') continue;
    const proof = standsVerbatimIn(removed, kept.flat, context.budget, () => kept.lines);
    if (!proof.proven) return `"${clip(asWritten(text, proof.at, 41))}" stands nowhere else in the text`;
  }
  return undefined;
}

function unsafeViolation(context: ProofContext, fix: Fix, kept: KeptText): string | undefined {
  for (const edit of fix.edits) {
    const lost = sentencesWithoutVariant(context.removedText(edit.start, edit.end, fix.markers), kept, context.budget);
    if (lost.length > 0) return `it would lose a sentence kept nowhere else ("${clip(lost[0])}")`;
  }
  return undefined;
}

/** Whether the fix removes only whitespace and end markers: nothing to prove against what stays. */
export function removesOnlyLayout(context: ProofContext, fix: Fix): boolean {
  return fix.edits.every((edit) => edit.text === '' && withoutWhitespace(context.removedText(edit.start, edit.end, fix.markers)) === '');
}

/** `text` with the edits of `fixes` applied (edits must not overlap). */
export function applyEdits(text: string, fixes: readonly Fix[]): string {
  const edits = fixes.flatMap((fix) => fix.edits).sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const edit of edits) {
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/** Refusals in one pass after which the rest of the pass is refused too (each refusal costs a new check). */
const MAX_REFUSALS = 32;

/**
 * Checks the fixes of one pass together (two copies may each be proven by the other,
 * but not both removed): a fix that breaks its promise in the combined result is set
 * aside (the earliest first), and the rest is checked again, until every fix left keeps it.
 */
export function provenTogether(context: ProofContext, fixes: readonly Fix[]): { accepted: Fix[]; refused: Map<Fix, string> } {
  let accepted = [...fixes];
  const refused = new Map<Fix, string>();
  for (;;) {
    const kept = context.kept(applyEdits(context.text, accepted));
    // One at a time, earliest first: the later copy's removal may stand once the earlier copy stays.
    const failing = accepted.find((fix) => {
      const reason = fixViolation(context, fix, kept);
      if (reason) refused.set(fix, reason);
      return reason !== undefined;
    });
    if (!failing) return { accepted, refused };
    accepted = accepted.filter((fix) => fix !== failing);
    if (refused.size >= MAX_REFUSALS) {
      for (const fix of accepted) refused.set(fix, 'too many fixes in this file failed their check to try the rest');
      return { accepted: [], refused };
    }
  }
}

function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
