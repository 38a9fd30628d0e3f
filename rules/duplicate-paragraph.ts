import type { Rule, TextEdit } from '../src/types.js';
import type { Article } from '../src/article.js';
import { DEFAULT_REPORT_THRESHOLDS, reportedRepeats, type ReportThresholds } from '../src/analysis.js';
import { blockRemoval } from '../src/text/ranges.js';
import type { RepeatedRun } from '../src/text/repeats.js';

export type DuplicateParagraphOptions = ReportThresholds;

export const duplicateParagraph: Rule<DuplicateParagraphOptions> = {
  meta: {
    id: 'duplicate-paragraph',
    description: 'Paragraphs and sections repeated later in the same article: verbatim, nearly, cut off, or glued together',
    severity: 'error',
    fixable: 'unsafe',
    docs: 'rules/duplicate-paragraph.md',
    messages: {
      exact: 'Paragraph repeats {where}.',
      cut: 'Cut-off copy of the paragraph at {where}.',
      fragment: 'Cut-off fragment of the paragraph at {where} (the complete text is kept).',
      glued: 'Paragraph re-emits {where} glued together.',
      partial: 'Paragraph mostly re-emits {where} ({percent}% of its text).',
      near: 'Paragraph nearly repeats {where} ({percent}% similar).',
      section: 'Section repeats {where} ({count} blocks re-emitted).',
    },
    defaults: { ...DEFAULT_REPORT_THRESHOLDS },
  },
  check(article, context) {
    const { runs, singles } = reportedRepeats(article, context.options);
    for (const run of runs) reportRun(article, run, context.report);
    for (const repeat of singles) {
      const block = article.blocks[repeat.index];
      const fragmentBefore = repeat.kind === 'cut' && repeat.sources[0] > repeat.index;
      const [from, to] = blockRemoval(article, repeat.index);
      context.report({
        messageId: fragmentBefore ? 'fragment' : repeat.kind,
        data: { where: describeLines(article, repeat.sources), percent: Math.round(repeat.coverage * 100) },
        start: block.start,
        end: block.end,
        related: sourceSpan(article, repeat.sources),
        // A paragraph that adds words of its own is only reported: removing it would lose them.
        fix: repeat.kind === 'partial' ? undefined : { safety: repeat.safe ? 'safe' : 'unsafe', edits: [{ start: from, end: to, text: '' }] },
      });
    }
  },
};

/**
 * A re-emitted section is one report. Its safe fix removes every block that is a
 * provable copy; a near copy inside it stays for the next pass, where it is reported
 * on its own with an unsafe fix.
 */
function reportRun(article: Article, run: RepeatedRun, report: Parameters<Rule['check']>[1]['report']): void {
  const sources = run.members.flatMap((member) => member.sources);
  const edits: TextEdit[] = [];
  let pieceStart = -1;
  const safeAt = new Map(run.members.map((member) => [member.index, member.safe] as const));
  for (let i = run.first; i <= run.last + 1; i++) {
    const removable = i <= run.last && safeAt.get(i) !== false;
    if (removable && pieceStart === -1) pieceStart = i;
    if (!removable && pieceStart !== -1) {
      const [from, to] = blockRemoval(article, pieceStart, i - 1);
      edits.push({ start: from, end: to, text: '' });
      pieceStart = -1;
    }
  }
  const allUnsafe = edits.length === 0;
  if (allUnsafe) {
    const [from, to] = blockRemoval(article, run.first, run.last);
    edits.push({ start: from, end: to, text: '' });
  }
  report({
    messageId: 'section',
    data: { where: describeRange(article, Math.min(...sources), Math.max(...sources)), count: run.members.length },
    start: article.blocks[run.first].start,
    end: article.blocks[run.last].end,
    related: sourceSpan(article, sources),
    fix: { safety: allUnsafe ? 'unsafe' : 'safe', edits },
  });
}

function lineSpan(article: Article, index: number): [number, number] {
  const block = article.blocks[index];
  return [article.lines.position(block.start).line, article.lines.position(Math.max(block.start, block.end - 1)).line];
}

function describeRange(article: Article, first: number, last: number): string {
  const from = lineSpan(article, first)[0];
  const to = lineSpan(article, last)[1];
  return from === to ? `line ${from}` : `lines ${from}-${to}`;
}

/** "line 12", "lines 12-14", or "lines 12, 15-16 and 20" for glued sources. */
function describeLines(article: Article, sources: number[]): string {
  const spans = sources.map((index) => lineSpan(article, index));
  const parts = spans.map(([from, to]) => (from === to ? `${from}` : `${from}-${to}`));
  const plural = spans.length > 1 || spans[0][0] !== spans[0][1];
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
  return `${plural ? 'lines' : 'line'} ${list}`;
}

function sourceSpan(article: Article, sources: number[]): { start: number; end: number } {
  const first = Math.min(...sources);
  const last = Math.max(...sources);
  return { start: article.blocks[first].start, end: article.blocks[last].end };
}


