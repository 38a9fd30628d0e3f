import type { Rule } from '../src/types.js';
import { findTrailingMarker, isMarkerText, markerMatcher } from '../src/text/markers.js';
import { codeRanges, lineRemoval } from '../src/text/ranges.js';

export interface EndMarkerOptions {
  /** Extra marker patterns (regular-expression sources, matched case-insensitively). */
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
        try {
          new RegExp(pattern, 'i');
        } catch (error) {
          return `option "patterns": ${JSON.stringify(pattern)} is not a valid regular expression (${(error as Error).message})`;
        }
      }
      return undefined;
    },
  },
  check(article, context) {
    const matcher = markerMatcher(context.options.patterns);
    const inCode = codeRanges(article);
    const { lines } = article;
    const firstLine = lines.lineOf(article.bodyStart);
    for (let line = firstLine; line < lines.lineCount; line++) {
      const start = lines.startOf(line);
      if (start < article.bodyStart) continue;
      const text = lines.lineText(line);
      if (text.trim() === '') continue;
      if (isMarkerText(text, matcher)) {
        if (inCode(start + text.search(/\S/))) continue;
        const [from, to] = lineRemoval(article, line);
        context.report({
          messageId: 'line',
          data: { marker: text.trim() },
          start: start + text.search(/\S/),
          end: start + text.trimEnd().length,
          fix: { safety: 'safe', edits: [{ start: from, end: to, text: '' }] },
        });
        continue;
      }
      const match = findTrailingMarker(text, matcher);
      if (!match || match.index === 0) continue;
      const at = start + match.index;
      if (inCode(at + match.marker.search(/\S/)) || closesInlineTag(text, match.marker)) continue;
      context.report({
        messageId: 'trailing',
        data: { marker: match.marker.trim() },
        start: at + match.marker.search(/\S/),
        end: start + text.trimEnd().length,
        fix: { safety: 'safe', edits: [{ start: at, end: start + text.length, text: '' }] },
      });
    }
  },
};

/** `<s>struck</s>` is HTML strikethrough, not the end-of-sequence token. */
function closesInlineTag(line: string, marker: string): boolean {
  return /<\/s>/i.test(marker) && /<s>/i.test(line);
}


