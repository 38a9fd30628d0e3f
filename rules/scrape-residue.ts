import type { Rule, TextEdit } from '../src/types.js';
import { codeRanges } from '../src/text/ranges.js';
import { blockInfos } from '../src/blocks.js';
import type { EndMarkerOptions } from './end-marker.js';

export interface ScrapeResidueOptions {
  /** Blank lines in a row that count as a gap left by removed page elements. */
  blankLines: number;
  /** How many such gaps a body needs before it is reported (one is a style choice). */
  minGaps: number;
}

/** A line that starts a section: an ATX heading or a thematic break. */
const SECTION_START = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|([-*_])(?:[ \t]*\1){2,}[ \t]*$)/;

/**
 * What a scraper leaves of a page's layout: stacks of blank lines where boxes were
 * removed, and link-card captions ("Title - Site" above a bare URL) of embedded cards.
 */
export const scrapeResidue: Rule<ScrapeResidueOptions> = {
  meta: {
    id: 'scrape-residue',
    description: 'Layout left by a scraper: stacks of blank lines, stray link-card captions',
    severity: 'warn',
    fixable: 'safe',
    docs: 'rules/scrape-residue.md',
    messages: {
      blankLines: '{count} gaps of {min} or more blank lines: layout left by a scraper.',
      linkCard: 'Stray link-card caption "{caption}" above a bare URL.',
    },
    defaults: { blankLines: 3, minGaps: 3 },
  },
  check(article, context) {
    const { lines } = article;
    const inCode = codeRanges(article);
    const gaps: { first: number; last: number }[] = [];
    let runStart = -1;
    for (let line = lines.lineOf(article.bodyStart); line <= lines.lineCount; line++) {
      const blank = line < lines.lineCount && lines.lineText(line).trim() === '' && !inCode(lines.startOf(line));
      if (blank && runStart === -1) runStart = line;
      if (!blank && runStart !== -1) {
        // A gap inside the body (not the end of the file) of at least `blankLines` lines.
        // Space before a heading or a rule is an author's layout (every section set apart
        // alike); a scraper leaves its gaps between paragraphs, where a box was removed.
        const layout = line < lines.lineCount && SECTION_START.test(lines.lineText(line));
        if (line < lines.lineCount && line - runStart >= context.options.blankLines && runStart > 0 && !layout) gaps.push({ first: runStart, last: line - 1 });
        runStart = -1;
      }
    }
    if (gaps.length >= context.options.minGaps) {
      // Keep one blank line of each gap: removing blank lines never loses a word.
      const edits: TextEdit[] = gaps.map((gap) => ({ start: lines.startOf(gap.first + 1), end: lines.startOf(gap.last + 1), text: '' }));
      context.report({
        messageId: 'blankLines',
        data: { count: gaps.length, min: context.options.blankLines },
        start: lines.startOf(gaps[0].first),
        end: lines.startOf(gaps[0].last + 1),
        fix: { safety: 'safe', edits },
      });
    }
    const infos = blockInfos(article, context.optionsOf<EndMarkerOptions>('end-marker').patterns);
    for (let i = 0; i + 1 < infos.length; i++) {
      const caption = infos[i];
      const next = infos[i + 1];
      if (caption.block.type !== 'paragraph' || next.block.type !== 'paragraph') continue;
      if (!/^(?:https?:\/\/|www\.)\S+$/.test(next.block.text.trim())) continue;
      const text = caption.block.text.trim();
      if (text.includes('\n') || text.length > 160 || /[。.!?！？]$/.test(text) || !/\S\s[-|｜–—]\s\S/.test(text)) continue;
      context.report({
        messageId: 'linkCard',
        data: { caption: text.length > 50 ? `${text.slice(0, 49)}…` : text },
        start: caption.block.start,
        end: caption.block.end,
      });
    }
  },
};
