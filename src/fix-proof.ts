import type { Fix } from './types.js';
import { standsVerbatimIn, withoutWhitespace } from './text/verbatim.js';
import { sentencesWithoutVariant } from './text/lost-sentences.js';
import { markerTokens } from './text/markers.js';

/**
 * The guard between a rule's fix and the file: a rule says how safe its fix is, this
 * module checks it on the raw text, so a bug in a rule cannot turn into lost text.
 * - A safe fix only removes (or leaves whitespace), and everything it removes stands
 *   verbatim, whitespace aside, in the text that stays: a copy, a fragment of a kept
 *   copy, the pieces of a glued re-emission. End-of-generation marker tokens are the
 *   one exception, and only the built-in ones or those the fix names (`markers`).
 * - An unsafe fix may drop words, but no sentence unless a near variant of it stays.
 */

/** Why `fix`, applied to `text` giving `after`, breaks its promise; undefined when it keeps it. */
export function fixViolation(text: string, fix: Fix, after: string): string | undefined {
  return fix.safety === 'safe' ? safeViolation(text, fix, after) : unsafeViolation(text, fix, after);
}

function safeViolation(text: string, fix: Fix, after: string): string | undefined {
  const tokens = markerTokens(fix.markers);
  const kept = withoutWhitespace(after);
  for (const edit of fix.edits) {
    if (edit.text.trim() !== '') return 'a safe fix may only remove text';
    const removed = withoutWhitespace(text.slice(edit.start, edit.end).replace(tokens, ''));
    const proof = standsVerbatimIn(removed, kept);
    if (!proof.proven) return `"${clip(proof.missing)}" stands nowhere else in the text`;
  }
  return undefined;
}

function unsafeViolation(text: string, fix: Fix, after: string): string | undefined {
  const tokens = markerTokens(fix.markers);
  for (const edit of fix.edits) {
    const removed = text.slice(edit.start, edit.end).replace(tokens, '\n');
    const lost = sentencesWithoutVariant(removed, after);
    if (lost.length > 0) return `it would lose a sentence kept nowhere else ("${clip(lost[0])}")`;
  }
  return undefined;
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

/**
 * Checks the fixes of one pass together (two copies may each be proven by the other,
 * but not both removed): a fix that breaks its promise in the combined result is set
 * aside (the earliest first), and the rest is checked again, until every fix left keeps it.
 */
export function provenTogether(text: string, fixes: readonly Fix[]): { accepted: Fix[]; refused: Map<Fix, string> } {
  let accepted = [...fixes];
  const refused = new Map<Fix, string>();
  for (;;) {
    const after = applyEdits(text, accepted);
    // One at a time, earliest first: the later copy's removal may stand once the earlier copy stays.
    const failing = accepted.find((fix) => {
      const reason = fixViolation(text, fix, after);
      if (reason) refused.set(fix, reason);
      return reason !== undefined;
    });
    if (!failing) return { accepted, refused };
    accepted = accepted.filter((fix) => fix !== failing);
  }
}

function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
