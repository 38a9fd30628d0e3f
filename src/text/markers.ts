/**
 * End-of-generation markers: what a text generator or a scraper leaves where an
 * output stopped. A thematic break (`---`, `***`) is not a marker: it has no word in it.
 */
const BUILTIN_MARKERS = [
  // ---END---, === END ===, --- END OF ARTICLE ---
  String.raw`[-=]{2,}[ \t]*END(?:[ \t]+OF[ \t]+[A-Z]+)?[ \t]*[-=]{2,}`,
  String.raw`\[[ \t]*END[ \t]*\]`,
  String.raw`<[ \t]*END[ \t]*>`,
  String.raw`\([ \t]*END[ \t]*\)`,
  String.raw`【[ \t]*END[ \t]*】`,
  // Tokenizer special tokens: <|endoftext|>, <|im_end|>, <|eot_id|>, ...
  String.raw`<\|[a-z][a-z_]{1,30}\|>`,
  String.raw`<\/s>`,
  String.raw`\[\/INST\]`,
];

export interface MarkerMatcher {
  /** The whole line is made of markers (after optional blockquote `>`). */
  line: RegExp;
  /** Markers at the end of a line that has other text before them. */
  trailing: RegExp;
}

/** Builds the matchers for the built-in markers plus `extra` regular-expression sources. */
export function markerMatcher(extra: readonly string[] = []): MarkerMatcher {
  const core = `(?:${[...BUILTIN_MARKERS, ...extra].join('|')})`;
  return {
    line: new RegExp(`^[ \\t>]*(?:${core}[ \\t]*)+$`, 'i'),
    trailing: new RegExp(`[ \\t]*(?:${core}[ \\t]*)+$`, 'i'),
  };
}

const defaultMatcher = markerMatcher();

/**
 * Markers are short: only this much of the end of a text is searched, which keeps the
 * regular expressions linear on hostile lines (thousands of spaces).
 */
const MARKER_WINDOW = 200;

/** True when `text` (one line or a block's text) is nothing but markers. */
export function isMarkerText(text: string, matcher: MarkerMatcher = defaultMatcher): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && trimmed.length <= MARKER_WINDOW && matcher.line.test(trimmed);
}

/** Where the markers at the end of `text` begin (with the blanks before them), if any. */
export function findTrailingMarker(text: string, matcher: MarkerMatcher = defaultMatcher): { index: number; marker: string } | undefined {
  const from = Math.max(0, text.length - MARKER_WINDOW);
  const match = matcher.trailing.exec(text.slice(from));
  return match ? { index: from + match.index, marker: match[0] } : undefined;
}

/** `text` with markers at its end removed (for comparing a paragraph to its copies). */
export function stripTrailingMarkers(text: string, matcher: MarkerMatcher = defaultMatcher): string {
  const found = findTrailingMarker(text, matcher);
  return found ? text.slice(0, found.index) : text;
}
