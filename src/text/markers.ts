/**
 * End-of-generation markers: what a text generator or a scraper leaves where an
 * output stopped. A thematic break (`---`, `***`) is not a marker: it has no word in it.
 *
 * The built-in patterns are case-sensitive, as generators write them: `END` in capitals,
 * tokenizer tokens in lower case. `(end)`, `[end]` or `--- end ---` in prose are text;
 * only the tight fence `---end---` (three or more dashes or equals signs, no spaces) is a
 * marker in lower case too: prose never writes a word that way.
 */
const BUILTIN_MARKERS = [
  // ---END---, === END ===, --- END OF ARTICLE ---
  String.raw`[-=]{2,}[ \t]*END(?:[ \t]+OF[ \t]+[A-Z]+)?[ \t]*[-=]{2,}`,
  // ---end---, ===end===
  String.raw`-{3,}end-{3,}|={3,}end={3,}`,
  String.raw`\[[ \t]*END[ \t]*\]`,
  String.raw`<[ \t]*END[ \t]*>`,
  String.raw`\([ \t]*END[ \t]*\)`,
  String.raw`【[ \t]*END[ \t]*】`,
  // Tokenizer special tokens: <|endoftext|>, <|im_end|>, <|eot_id|>, <|reserved_special_token_0|>, ...
  String.raw`<\|[a-z][a-z0-9_]{1,30}\|>`,
  // End of sequence, unless it closes an HTML <s> (see maskStrikeClosers).
  String.raw`<\/s>`,
  String.raw`\[\/INST\]`,
];

export interface MarkerMatcher {
  /** The whole line is made of markers (after optional blockquote `>`). */
  line: RegExp;
  /** Markers at the end of a line that has other text before them. */
  trailing: RegExp;
}

/**
 * Why a custom marker pattern cannot be used (a phrase to follow the pattern in a
 * message), or undefined when it can. Custom patterns
 * are regular-expression sources matched as written, case-sensitive like the built-ins:
 * JavaScript has no inline `(?i)`, so a pattern that should match any case spells it out
 * (`[Ee][Nn][Dd]`), and a `/.../i` literal is refused rather than matched as its slashes.
 */
export function markerPatternProblem(pattern: string): string | undefined {
  if (/^\/.+\/[a-z]*$/s.test(pattern)) {
    return 'looks like a /.../ literal: write the source alone, without slashes or flags (patterns are case-sensitive: [Ee][Nn][Dd] matches any case; \\/ matches a slash)';
  }
  const inline = /^\(\?([a-zA-Z]+)\)/.exec(pattern);
  if (inline) return `starts with "(?${inline[1]})", which JavaScript regular expressions do not have (patterns are case-sensitive: [Ee][Nn][Dd] matches any case)`;
  let compiled: RegExp;
  try {
    compiled = new RegExp(pattern);
  } catch (error) {
    return `is not a valid regular expression (${(error as Error).message})`;
  }
  if (compiled.test('')) return 'matches the empty text, so it would match at the end of every line';
  // A marker is a token, not prose: a pattern that takes a whole ordinary sentence would let
  // --fix remove any line as a "marker".
  const whole = new RegExp(`^(?:${pattern})$`);
  if (ORDINARY_LINES.some((line) => whole.test(line))) return 'matches a whole ordinary sentence, so every line would be a marker';
  return undefined;
}

const ORDINARY_LINES = ['This is an ordinary sentence about the weather.', 'これは天気についての普通の文です。'];

function alternation(extra: readonly string[]): string {
  for (const pattern of extra) {
    const problem = markerPatternProblem(pattern);
    if (problem) throw new Error(`end-marker pattern ${JSON.stringify(pattern)} ${problem}`);
  }
  return `(?:${[...BUILTIN_MARKERS, ...extra].join('|')})`;
}

/** Builds the matchers for the built-in markers plus `extra` regular-expression sources (matched as written). */
export function markerMatcher(extra: readonly string[] = []): MarkerMatcher {
  const core = alternation(extra);
  return {
    line: new RegExp(`^[ \\t>]*(?:${core}[ \\t]*)+$`),
    trailing: new RegExp(`[ \\t]*(?:${core}[ \\t]*)+$`),
  };
}

/**
 * Every marker token wherever it stands (global): the built-ins plus `extra` sources.
 * For checking that a removal takes markers and nothing else.
 */
export function markerTokens(extra: readonly string[] = []): RegExp {
  return new RegExp(alternation(extra), 'g');
}

const defaultMatcher = markerMatcher();

/**
 * Markers are short: only this much of the end of a text is searched, which keeps the
 * regular expressions linear on hostile lines (thousands of spaces).
 */
const MARKER_WINDOW = 200;

/**
 * True when `text` (one line or a block's text) is nothing but markers. A `</s>` that
 * closes an HTML `<s>` opened earlier in `text` is not a marker.
 */
export function isMarkerText(text: string, matcher: MarkerMatcher = defaultMatcher): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && trimmed.length <= MARKER_WINDOW && matcher.line.test(maskStrikeClosers(trimmed));
}

/**
 * Where the markers at the end of `text` begin (with the blanks before them), if any.
 * A `</s>` that closes an HTML `<s>` opened earlier in `text` is not a marker.
 */
export function findTrailingMarker(text: string, matcher: MarkerMatcher = defaultMatcher): { index: number; marker: string } | undefined {
  const from = Math.max(0, text.length - MARKER_WINDOW);
  const match = matcher.trailing.exec(maskStrikeClosers(text).slice(from));
  // A custom pattern that matches nothing but blanks (`\b`) finds no marker.
  if (!match || match[0].trim() === '') return undefined;
  return { index: from + match.index, marker: text.slice(from + match.index) };
}

/** `text` with markers at its end removed (for comparing a paragraph to its copies). */
export function stripTrailingMarkers(text: string, matcher: MarkerMatcher = defaultMatcher): string {
  const found = findTrailingMarker(text, matcher);
  return found ? text.slice(0, found.index) : text;
}

const STRIKE_TAG = /<(\/?)s(?:\s[^<>]*)?>/gi;

/**
 * `text` with every `</s>` that closes an HTML `<s>` opened before it replaced by
 * characters that are no marker (same length, so offsets stay): `<s>old price</s>` and
 * `<s>` … `</s>` over the lines of an HTML block are strike-through, not the
 * end-of-sequence token. Tags at offsets where `skip` is true (code) are not counted.
 */
export function maskStrikeClosers(text: string, skip?: (offset: number) => boolean): string {
  if (!text.includes('</') || !/<s[\s>]/i.test(text)) return text;
  let open = 0;
  let masked = '';
  let cursor = 0;
  for (const match of text.matchAll(STRIKE_TAG)) {
    if (skip?.(match.index)) continue;
    if (match[1] === '') {
      open++;
    } else if (open > 0) {
      open--;
      masked += text.slice(cursor, match.index) + '\uFFFF'.repeat(match[0].length);
      cursor = match.index + match[0].length;
    }
  }
  return cursor === 0 ? text : masked + text.slice(cursor);
}
