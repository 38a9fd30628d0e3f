import type { Article } from '../../src/article.js';
import { linkCount, type BlockInfo } from '../../src/blocks.js';
import type { FixSafety, TextEdit } from '../../src/types.js';
import { blockRemoval } from '../../src/text/ranges.js';
import { markerMatcher, stripTrailingMarkers } from '../../src/text/markers.js';
import { SearchBudget, standsVerbatimIn, withoutWhitespace } from '../../src/text/verbatim.js';
import { CONTINUATION_WINDOW, type Repeat, type RepeatedRun } from '../../src/text/repeats.js';

/**
 * Which copy of a repeat goes, and how safe that is. Detection compares normalised keys;
 * safety is decided here on the raw text (whitespace aside): a removal is safe only when
 * what it removes stands verbatim in what stays. Copies equal only after normalisation
 * (case, punctuation, markup, a sign) are near copies: the one that holds more is kept,
 * and removing the other is unsafe. The fix engine checks every safe edit again.
 */
export interface Removal {
  /** The block removed. */
  target: number;
  /** The blocks that stay and hold its text. */
  kept: number[];
  safety: FixSafety;
  /** The copies are equal only after normalisation. */
  variant: boolean;
}

export class RawBlocks {
  private readonly cache = new Map<number, string>();
  private readonly matcher;
  private readonly budget: SearchBudget;

  constructor(
    private readonly article: Article,
    private readonly infos: BlockInfo[],
    markerPatterns: readonly string[],
  ) {
    this.matcher = markerMatcher(markerPatterns);
    this.budget = SearchBudget.forText(article.text.length);
  }

  /** The block's raw text without whitespace and trailing end markers. */
  text(index: number): string {
    let raw = this.cache.get(index);
    if (raw === undefined) {
      const { block } = this.infos[index];
      raw = withoutWhitespace(stripTrailingMarkers(this.article.text.slice(block.start, block.end), this.matcher));
      this.cache.set(index, raw);
    }
    return raw;
  }

  /**
   * Removing the repeat's block loses nothing: its raw text stands in its sources', or,
   * for a copy found by its key, in another earlier block with the same key (the key of
   * `</Tabs>` is the key of `<Tabs>`, and two code blocks may differ by an operator).
   */
  verbatimInSources(repeat: Repeat): boolean {
    const copy = this.text(repeat.index);
    // A heading stands in another only from its start: `### A` inside `#### A` is another level.
    const holds = this.infos[repeat.index].block.type === 'heading' ? (source: string) => source.startsWith(copy) : (source: string) => source.includes(copy);
    const sources = repeat.sources.map((source) => this.text(source));
    if (sources.some(holds)) return true;
    if (repeat.kind === 'exact') return this.sameKeyBefore(repeat.index).some((j) => holds(this.text(j)));
    return repeat.kind === 'glued' && standsVerbatimIn(copy, sources.join(''), this.budget).proven;
  }

  private byKey: Map<string, number[]> | undefined;

  private sameKeyBefore(index: number): number[] {
    if (!this.byKey) {
      const byKey = new Map<string, number[]>();
      this.infos.forEach((info, i) => {
        const list = byKey.get(info.key);
        if (list) list.push(i);
        else byKey.set(info.key, [i]);
      });
      this.byKey = byKey;
    }
    const same = this.byKey.get(this.infos[index].key) ?? [];
    // A few candidates are enough: a block repeated thousands of times is compared with the first ones.
    return same.filter((j) => j < index).slice(0, 16);
  }

  /** Which copy goes for a single repeat, and how safely; undefined when none may go. */
  removalOf(repeat: Repeat): Removal | undefined {
    if (repeat.kind === 'partial') return undefined;
    const { index, sources } = repeat;
    if (this.verbatimInSources(repeat)) return { target: index, kept: sources, safety: 'safe', variant: false };
    if (repeat.kind === 'exact') {
      const source = sources[0];
      const sameType = this.infos[source].block.type === this.infos[index].block.type;
      // The later copy holds more (a link, emphasis, a full stop; an HTML comment is no content): the earlier one goes.
      if (sameType && this.text(index).includes(this.text(source)) && withoutComments(this.text(index)) !== withoutComments(this.text(source))) {
        return { target: source, kept: [index], safety: 'safe', variant: false };
      }
      const keepCopy = sameType && holdsMore(this.infos[index], this.infos[source], this.text(index), this.text(source));
      return keepCopy ? { target: source, kept: [index], safety: 'unsafe', variant: true } : { target: index, kept: sources, safety: 'unsafe', variant: true };
    }
    return { target: index, kept: sources, safety: 'unsafe', variant: false };
  }
}

function withoutComments(raw: string): string {
  return raw.replace(/<!--[\s\S]*?-->/g, '');
}

/**
 * Of two copies equal after normalisation, whether `a` holds more than `b`: a finished
 * sentence, then more links (`[words][label]` whose label has no definition is broken,
 * however long), then more markup.
 */
function holdsMore(a: BlockInfo, b: BlockInfo, rawA: string, rawB: string): boolean {
  const finishedA = a.ending === 'finished';
  const finishedB = b.ending === 'finished';
  if (finishedA !== finishedB) return finishedA;
  const [linksA, linksB] = [linkCount(a.block.node), linkCount(b.block.node)];
  if (linksA !== linksB) return linksA > linksB;
  return withoutComments(rawA).length > withoutComments(rawB).length;
}

/**
 * The edits that remove a re-emitted section, and their safety. Each member whose raw
 * text stands in its sources goes, with the markers and breaks between such members; a
 * near copy of a paragraph stays for the next pass, where it is reported on its own. A
 * heading, code block, list or table that is not a verbatim copy (another level, other
 * wording, another operator) keeps its whole section, from the heading before it to the
 * next one: removing the rest around it would leave it under the wrong heading.
 */
export function runRemoval(article: Article, infos: BlockInfo[], raw: RawBlocks, run: RepeatedRun): { edits: TextEdit[]; safety: FixSafety } {
  const members = new Map(run.members.map((member) => [member.index, member] as const));
  // Whether each block of the run may go on its own: a verbatim copy, or a marker or break between copies.
  const verbatim = new Map<number, boolean>();
  for (let i = run.first; i <= run.last; i++) {
    const member = members.get(i);
    verbatim.set(i, member === undefined ? infos[i].role === 'gap' : raw.verbatimInSources(member));
  }
  const removable = new Set<number>();
  for (let start = run.first; start <= run.last; ) {
    let end = start + 1;
    while (end <= run.last && infos[end].block.type !== 'heading') end++;
    // A list with the paragraph that continues its last item is one block of structure: it
    // differs when that paragraph does (without the list, the paragraph would be left
    // indented on its own: an indented code block, or a paragraph of the list before).
    const continuationDiffers = (i: number) => infos[i].block.type === 'list' && infos[i + 1]?.block.continuesList === true && !verbatim.get(i + 1);
    const structureDiffers = (i: number) => (!verbatim.get(i) && members.has(i) && infos[i].role !== 'prose') || continuationDiffers(i);
    let kept = false;
    for (let i = start; i < end; i++) kept ||= structureDiffers(i);
    if (!kept) for (let i = start; i < end; i++) if (verbatim.get(i)) removable.add(i);
    start = end;
  }

  const edits: TextEdit[] = [];
  let pieceStart = -1;
  for (let i = run.first; i <= run.last + 1; i++) {
    const takes = i <= run.last && removable.has(i);
    if (takes && pieceStart === -1) pieceStart = i;
    if (!takes && pieceStart !== -1) {
      // A piece neither starts nor ends with a gap block alone: a marker or a break between kept blocks stays.
      let first = pieceStart;
      let last = i - 1;
      while (first <= last && !members.has(first)) first++;
      while (last >= first && !members.has(last)) last--;
      if (first <= last) {
        const [from, to] = blockRemoval(article, first, last);
        edits.push({ start: from, end: to, text: '' });
      }
      pieceStart = -1;
    }
  }
  if (edits.length === 1 && removable.has(run.first) && removable.has(run.last)) {
    const rule = closingBreak(article, infos, run, raw);
    if (rule !== undefined) {
      const [from, to] = blockRemoval(article, run.first, rule);
      edits[0] = { start: from, end: to, text: '' };
    }
  }
  if (edits.length > 0) return { edits, safety: 'safe' };
  const [from, to] = blockRemoval(article, run.first, run.last);
  return { edits: [{ start: from, end: to, text: '' }], safety: 'unsafe' };
}

/**
 * The horizontal rule that closes a re-emitted section, when it goes with the section: the
 * source section ends with one too, and the copy's rule ends the article (nothing after it
 * but blank space) or doubles the rule before the copy. A rule between the copy and the
 * original text that follows stays.
 */
function closingBreak(article: Article, infos: BlockInfo[], run: RepeatedRun, raw: RawBlocks): number | undefined {
  const isRule = (index: number) => infos[index]?.block.type === 'thematicBreak';
  const after = run.last + 1;
  // Where the copied stretch ends in the source: the last copy's source, or the block with
  // its key that follows the previous copy's source (`</Note>` is found under the key of
  // the first `<Note>`, but closes the note the copy's paragraph stood in).
  const last = run.members[run.members.length - 1];
  const sourceEnds = [...last.sources];
  const previous = run.members[run.members.length - 2];
  if (previous && infos[last.index].key !== '') {
    const after = Math.max(...previous.sources);
    for (let j = after + 1; j <= after + CONTINUATION_WINDOW && j < last.index; j++) if (infos[j].key === infos[last.index].key) sourceEnds.push(j);
  }
  // The same rule as written (`***` is not `---`): what goes stands verbatim in what stays.
  if (!isRule(after) || !sourceEnds.some((end) => isRule(end + 1) && raw.text(after) === raw.text(end + 1))) return undefined;
  const atEnd = article.text.slice(article.blocks[after].end).trim() === '';
  return atEnd || isRule(run.first - 1) ? after : undefined;
}
