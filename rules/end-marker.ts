import type { Rule, TextEdit } from '../src/types.js';
import { findTrailingMarker, isMarkerText, markerMatcher, markerPatternProblem, maskStrikeClosers } from '../src/text/markers.js';
import { codeRanges, lineRemoval } from '../src/text/ranges.js';

export interface EndMarkerOptions {
  /** Extra marker patterns: regular-expression sources, matched as written (case-sensitive). */
  patterns: string[];
}

/** End-of-generation markers left in the text: `---END---`, `[END]`, `<|endoftext|>`, ... */
export const endMarker: Rule<EndMarkerOptions> = {
  meta: {
    id: 'end-marker',
    description: 'End-of-generation markers (---END---, [END], <|endoftext|>, </s>) left in the text',
    severity: 'error',
    fixable: 'safe',
    docs: 'rules/end-marker.md',
    messages: {
      line: 'End-of-generation marker "{marker}" left in the text.',
      trailing: 'End-of-generation marker "{marker}" at the end of a line.',
    },
    defaults: { patterns: [] },
    validate({ patterns }) {
      for (const pattern of patterns) {
        const problem = markerPatternProblem(pattern);
        if (problem) return `option "patterns": ${JSON.stringify(pattern)} ${problem}`;
      }
      try {
        markerMatcher(patterns);
      } catch (error) {
        return `option "patterns" cannot be used together (${(error as Error).message})`;
      }
      return undefined;
    },
  },
  check(article, context) {
    const matcher = markerMatcher(context.options.patterns);
    const inCode = codeRanges(article);
    const { lines } = article;
    // A `</s>` that closes an HTML `<s>` opened before it (on its line or an earlier one) is strike-through.
    const text = maskStrikeClosers(article.text, (offset) => offset < article.bodyStart || inCode(offset));
    const firstLine = lines.lineOf(article.bodyStart);
    for (let line = firstLine; line < lines.lineCount; line++) {
      const start = lines.startOf(line);
      if (start < article.bodyStart) continue;
      const lineText = text.slice(start, start + lines.lineText(line).length);
      const match = findTrailingMarker(lineText, matcher);
      if (!match) continue;
      if (isMarkerText(lineText, matcher)) {
        if (inCode(start + lineText.search(/\S/))) continue;
        const [from, to] = lineRemoval(article, line);
        context.report({
          messageId: 'line',
          data: { marker: lineText.trim() },
          start: start + lineText.search(/\S/),
          end: start + lineText.trimEnd().length,
          fix: { safety: 'safe', edits: [{ start: from, end: to, text: '' }], markers: context.options.patterns },
        });
        continue;
      }
      if (match.index === 0) continue;
      const at = start + match.index;
      if (inCode(at + match.marker.search(/\S/))) continue;
      context.report({
        messageId: 'trailing',
        data: { marker: match.marker.trim() },
        start: at + match.marker.search(/\S/),
        end: start + lineText.trimEnd().length,
        fix: { safety: 'safe', edits: [trailingRemoval(at, start + lineText.length, match.marker)], markers: context.options.patterns },
      });
    }
  },
};

/**
 * The edit that removes a marker at the end of a line. The blanks before it go with it
 * ("text <|endoftext|>" → "text"), unless blanks follow it: then it was put before the
 * line's own trailing spaces (a Markdown hard break), and only the marker goes.
 */
function trailingRemoval(at: number, lineEnd: number, marker: string): TextEdit {
  const after = marker.length - marker.trimEnd().length;
  if (after === 0) return { start: at, end: lineEnd, text: '' };
  const before = marker.length - marker.trimStart().length;
  return { start: at + before, end: lineEnd - after, text: '' };
}
