import type { Rule, RuleContext } from '../src/types.js';
import type { Article } from '../src/article.js';
import { blockInfos, type BlockInfo } from '../src/blocks.js';
import { blockRemoval } from '../src/text/ranges.js';
import { sourceRange, type RepeatedRun } from '../src/text/repeats.js';
import { DEFAULT_DUPLICATE_OPTIONS, reportedRepeats, type DuplicateOptions } from './duplicate-paragraph/report.js';
import { RawBlocks, runRemoval } from './duplicate-paragraph/removal.js';
import type { EndMarkerOptions } from './end-marker.js';

export type DuplicateParagraphOptions = DuplicateOptions;

export const duplicateParagraph: Rule<DuplicateParagraphOptions> = {
  meta: {
    id: 'duplicate-paragraph',
    description: 'Paragraphs and sections repeated later in the same article: verbatim, nearly, cut off, or glued together',
    severity: 'error',
    fixable: 'unsafe',
    docs: 'rules/duplicate-paragraph.md',
    messages: {
      exact: 'Paragraph repeats {where}.',
      variant: 'Paragraph repeats {where} with other case, punctuation or markup (the copy that holds more is kept).',
      cut: 'Cut-off copy of the paragraph at {where}.',
      fragment: 'Cut-off fragment of the paragraph at {where} (the complete text is kept).',
      glued: 'Paragraph re-emits {where} glued together.',
      partial: 'Paragraph mostly re-emits {where} ({percent}% of its text).',
      near: 'Paragraph nearly repeats {where} ({percent}% similar).',
      section: 'Section repeats {where} ({count} blocks re-emitted).',
      stepBeforeFigure: 'Paragraph repeats {where}, before another figure as its source stands before one: a step told again for another screenshot, or a copy. Not fixed: review it.',
    },
    defaults: { ...DEFAULT_DUPLICATE_OPTIONS },
  },
  check(article, context) {
    // End markers configured for end-marker are set aside here too (a copy with a marker after it is still a copy).
    const markerPatterns = context.optionsOf<EndMarkerOptions>('end-marker').patterns;
    const { runs, singles, reviewOnly } = reportedRepeats(article, context.options, markerPatterns);
    const infos = blockInfos(article, markerPatterns);
    const raw = new RawBlocks(article, infos, markerPatterns);
    for (const run of runs) reportRun(article, infos, run, raw, context, markerPatterns);
    for (const repeat of singles) {
      const removal = raw.removalOf(repeat);
      // The block reported is the one removed (a less complete earlier copy, when the later one holds more).
      const target = removal?.target ?? repeat.index;
      const kept = removal?.kept ?? repeat.sources;
      // An earlier copy that stops unfinished, removed for the complete one after it, is a fragment.
      const fragment = kept[0] > target && (repeat.kind === 'cut' || infos[target].ending !== 'finished');
      const review = reviewOnly.has(repeat.index);
      const messageId = review ? 'stepBeforeFigure' : removal?.variant ? 'variant' : fragment ? 'fragment' : repeat.kind;
      const block = article.blocks[target];
      const [from, to] = blockRemoval(article, target);
      context.report({
        messageId,
        data: { where: describeLines(article, kept), percent: Math.round(repeat.coverage * 100) },
        start: block.start,
        end: block.end,
        related: sourceSpan(article, kept),
        // A paragraph that adds words of its own is only reported: removing it would lose them.
        fix: removal && !review ? { safety: removal.safety, edits: [{ start: from, end: to, text: '' }], markers: markerPatterns } : undefined,
      });
    }
  },
};

/** A re-emitted section is one report, with one fix (duplicate-paragraph/removal.ts decides what it removes). */
function reportRun(article: Article, infos: BlockInfo[], run: RepeatedRun, raw: RawBlocks, context: RuleContext<DuplicateParagraphOptions>, markerPatterns: string[]): void {
  const sources = run.members.flatMap((member) => member.sources);
  const { edits, safety } = runRemoval(article, infos, raw, run);
  // The source section runs from the first copy's source to the last copy's; a label
  // repeated all over a glossary is found at its first use, which says nothing of the range.
  const [from, to] = sourceRange(run);
  context.report({
    messageId: 'section',
    data: { where: from <= to ? describeRange(article, from, to) : describeRange(article, Math.min(...sources), Math.max(...sources)), count: run.members.length },
    start: article.blocks[run.first].start,
    end: article.blocks[run.last].end,
    related: sourceSpan(article, sources),
    fix: { safety, edits, markers: markerPatterns },
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


