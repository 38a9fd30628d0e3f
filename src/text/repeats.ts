import { distance } from 'fastest-levenshtein';
import { shingleSet } from './shingles.js';
import { ShinglePostings } from './postings.js';
import { weightedLength } from './normalize.js';

/**
 * How a block takes part in duplicate detection:
 * - `prose`: a paragraph; compared by key, as a cut-off copy, glued, and nearly.
 * - `exact`: headings, lists, tables, code, HTML, link definitions: compared by key only,
 *   and reported only as part of a re-emitted run (a repeated "Example" heading is normal).
 * - `gap`: markers, thematic breaks, empty comments: may sit inside a run, never reported.
 * - `barrier`: anything else (blocks inside tab panes among them): ends a run.
 * Keys are normalised: whether a copy may be removed is decided on the raw text elsewhere.
 */
export type BlockRole = 'prose' | 'exact' | 'gap' | 'barrier';

export interface RepeatInput {
  key: string;
  role: BlockRole;
  /** The block's text ends like a finished sentence. */
  finished: boolean;
  /**
   * For a block that is not compared (in a tab pane, or without text: an image), its text
   * as written, whitespace aside: it is a copy only when made along with the copy before it
   * (see blocksCopiedAlong).
   */
  written?: string;
}

export type RepeatKind =
  /** Same text (after normalisation) as an earlier block. */
  | 'exact'
  /** A copy cut off: the start of a more complete block. */
  | 'cut'
  /** Several earlier blocks re-emitted glued into one, the last possibly cut off. */
  | 'glued'
  /** Mostly re-emitted earlier text, with some text of its own. */
  | 'partial'
  /** Nearly the same as an earlier block: a few characters or words changed. */
  | 'near';

export interface Repeat {
  index: number;
  kind: RepeatKind;
  /** The kept blocks this one repeats, in reading order. */
  sources: number[];
  /** Share of the block's key found in the sources (1 for exact, cut and glued). */
  coverage: number;
  /** A block that is not compared, copied along with the copy before it (see blocksCopiedAlong). */
  along?: true;
}

export interface RepeatedRun {
  /** Block indices of the run, first to last (gaps included). */
  first: number;
  last: number;
  members: Repeat[];
}

export interface RepeatAnalysis {
  /** Repeat per redundant block, by block index. */
  repeats: Map<number, Repeat>;
  /** Runs of two or more consecutive repeated blocks (re-emitted sections). */
  runs: RepeatedRun[];
}

/** Detection thresholds, in the units of the rule options they come from. */
export interface RepeatThresholds {
  /** Shortest key (in characters) a cut-off copy may have. */
  minCutLength: number;
  /** Levenshtein similarity that makes two blocks near-duplicates. */
  nearSimilarity: number;
  /** Shortest key compared for near-duplicates, in weighted characters (weightedLength: a Japanese character counts 2). */
  minNearLength: number;
}

/**
 * Detection looser than any report: a re-emitted run takes in a short cut piece or an
 * edited sentence; the rule reports from it with its own options.
 */
export const LOOSE_THRESHOLDS: RepeatThresholds = {
  minCutLength: 8,
  nearSimilarity: 0.85,
  minNearLength: 30,
};

/** A source this much longer than a near copy is compared by its opening only: the copy may be cut off. */
export const CUT_SOURCE_RATIO = 1.15;

/** Postings kept per shingle: a paragraph repeated 3,000 times stays linear. */
const POSTINGS_CAP = 8;
/** Candidates examined per block, by shared shingles. */
const MAX_CANDIDATES = 24;
/** Levenshtein is only run on keys up to this length (cost is quadratic). */
const MAX_LEVENSHTEIN_LENGTH = 3000;

/**
 * Finds blocks that repeat earlier blocks. Each block is compared with earlier kept
 * blocks through an inverted index of 5-gram hashes, so the work grows with the text,
 * not with the square of the number of blocks; edit distance only confirms candidates.
 */
export function findRepeatedBlocks(inputs: RepeatInput[], thresholds: RepeatThresholds = LOOSE_THRESHOLDS): RepeatAnalysis {
  const repeats = new Map<number, Repeat>();
  const firstByKey = new Map<string, number>();
  const postings = new ShinglePostings(POSTINGS_CAP, inputs.reduce((n, input) => n + (input.role === 'prose' ? input.key.length : 0), 0));
  const shingleCounts: number[] = [];
  // Shingles shared with each earlier block, and the blocks touched, in first-touch order.
  const shared = new Int32Array(inputs.length);
  // Of those, the shingles whose lists are full (see below).
  const sharedFull = new Int32Array(inputs.length);
  let touched: number[] = [];
  const touch = (j: number, full: boolean) => {
    if (full) sharedFull[j]++;
    if (shared[j]++ === 0) touched.push(j);
  };

  // Near copies share most of their shingles: a block sharing fewer is not worth an edit
  // distance. The share follows the similarity asked for (0.7 at 0.85).
  const nearShare = Math.max(0.1, 1 - 2 * (1 - thresholds.nearSimilarity));
  for (let i = 0; i < inputs.length; i++) {
    const { key, role } = inputs[i];
    if (role === 'gap' || role === 'barrier' || key.length === 0) continue;
    const earlier = firstByKey.get(key);
    if (earlier !== undefined) {
      repeats.set(i, { index: i, kind: 'exact', sources: [earlier], coverage: 1 });
      continue;
    }
    firstByKey.set(key, i);
    if (role !== 'prose' || key.length < thresholds.minCutLength) continue;

    const shingles = shingleSet(key);
    for (const j of touched) shared[j] = sharedFull[j] = 0;
    touched = [];
    // Shingles whose lists are full (common ones in a long article: "types", "ofthe") list
    // only the first blocks that had them: a later source cannot show it shares them. A
    // block's share is taken over the shingles it could be listed for: all but the full
    // lists it is not in. (With no list full, that is all of them.)
    let full = 0;
    for (const hash of shingles) if (postings.forEach(hash, touch)) full++;
    const counts = touched.map((j) => [j, shared[j]] as const);
    const share = (j: number) => shared[j] / (shingles.length - full + sharedFull[j]);
    // Most shared first: only the first few get an edit distance, and a template's entries
    // ("The 17.x release line…", "The 12.x release line…") all qualify, in the order met.
    const nearCandidates = touched
      .filter((j) => !repeats.has(j) && share(j) >= nearShare)
      .sort((a, b) => share(b) - share(a) || a - b);
    // Blocks whose own text is mostly inside this one: the only ones that can be a
    // (possibly edited) piece of a glued re-emission.
    const pieceCandidates = counts.filter(([j, n]) => !repeats.has(j) && n >= (shingleCounts[j] ?? Infinity) * 0.8).map(([j]) => j);
    // A near copy stands in the article as written: a later block may re-emit it whole,
    // alone or glued to others (a template's second entry re-emitted after the first).
    const candidates = counts
      .filter(([j]) => !repeats.has(j) || repeats.get(j)!.kind === 'near')
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_CANDIDATES)
      .map(([j]) => j);

    const contained = containedInEarlier(i, key, candidates, pieceCandidates, inputs);
    if (contained) {
      repeats.set(i, contained);
      continue;
    }
    // An unfinished block taken for a near copy of something else may still be the cut-off
    // start of this one: being its fragment is the stronger relation.
    const fragmentCandidates = counts
      .filter(([j]) => !repeats.has(j) || (repeats.get(j)!.kind === 'near' && !inputs[j].finished))
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_CANDIDATES)
      .map(([j]) => j);
    const fragment = earlierFragmentOf(key, fragmentCandidates, inputs, thresholds);
    if (fragment !== undefined) {
      // The earlier copy was cut off and this one is complete: keep this one.
      repeats.set(fragment, { index: fragment, kind: 'cut', sources: [i], coverage: 1 });
      firstByKey.set(inputs[fragment].key, i);
    } else {
      const similar = similarToEarlier(i, key, candidates, nearCandidates, inputs, thresholds);
      // A near copy is indexed all the same, but only as a possible fragment of a later block (above).
      if (similar) repeats.set(i, similar);
    }
    shingleCounts[i] = shingles.length;
    for (const hash of shingles) postings.add(hash, i);
  }
  blocksCopiedAlong(inputs, repeats);
  return { repeats, runs: findRuns(inputs, repeats) };
}

/**
 * Blocks that are not compared (tab panes, which repeat from pane to pane by design; images
 * with no text of their own) are copies only when made along with a copy: a stretch of them
 * right after an exact copy, block for block as written the same as the stretch right after
 * the copy's source (a section re-emitted with its tab pane or its figure). Their repeats
 * are marked `along`: the rule counts them only in a section said again under the same
 * parent heading as its source. Only a whole stretch counts, from the copy to the next
 * compared block.
 */
function blocksCopiedAlong(inputs: RepeatInput[], repeats: Map<number, Repeat>): void {
  // The next block that is not a gap, for every block: one backward pass, so a stretch is
  // read in steps over its own blocks, however many gaps (rules, comments) stand between.
  const nextBlock = new Int32Array(inputs.length + 1).fill(-1);
  for (let i = inputs.length - 1; i >= 0; i--) nextBlock[i] = inputs[i + 1] === undefined ? -1 : inputs[i + 1].role === 'gap' ? nextBlock[i + 1] : i + 1;
  // The stretch of uncompared blocks after `index`, up to `limit` and one more: copies'
  // stretches do not overlap, and a source's is read only as far as its copy's, however
  // many copies it has.
  const stretchAfter = (index: number, limit = Infinity) => {
    const stretch: number[] = [];
    for (let i = nextBlock[index]; i !== -1 && stretch.length <= limit && inputs[i].written !== undefined; i = nextBlock[i]) stretch.push(i);
    return stretch;
  };
  for (const repeat of [...repeats.values()]) {
    if (repeat.kind !== 'exact') continue;
    const copy = stretchAfter(repeat.index);
    if (copy.length === 0) continue;
    const source = stretchAfter(repeat.sources[0], copy.length);
    if (source.length !== copy.length) continue;
    if (!copy.every((i, k) => inputs[i].written !== '' && inputs[i].written === inputs[source[k]].written)) continue;
    copy.forEach((i, k) => repeats.set(i, { index: i, kind: 'exact', sources: [source[k]], coverage: 1, along: true }));
  }
}

/** A block whose key is made of earlier blocks' keys: whole pieces (some possibly near), or a cut-off start. */
function containedInEarlier(i: number, key: string, candidates: number[], pieceCandidates: number[], inputs: RepeatInput[]): Repeat | undefined {
  for (const j of candidates) {
    const source = inputs[j].key;
    if (source.length > key.length && source.startsWith(key)) {
      return { index: i, kind: 'cut', sources: [j], coverage: 1 };
    }
  }
  const tiling = tileWithEarlier(key, candidates, pieceCandidates, inputs);
  if (tiling.covered === key.length && tiling.sources.length >= 2) {
    return { index: i, kind: 'glued', sources: tiling.sources, coverage: 1 };
  }
  return undefined;
}

/** A near copy (a few edits), or a block that re-emits earlier blocks and adds text of its own. */
function similarToEarlier(
  i: number,
  key: string,
  candidates: number[],
  nearCandidates: number[],
  inputs: RepeatInput[],
  thresholds: RepeatThresholds,
): Repeat | undefined {
  if (weightedLength(key) >= thresholds.minNearLength && nearCandidates.length > 0) {
    const near = nearestEarlier(key, nearCandidates, inputs, thresholds);
    if (near) return { index: i, kind: 'near', sources: [near.j], coverage: near.similarity };
  }
  const tiling = tileWithEarlier(key, candidates, [], inputs);
  // Two whole earlier paragraphs verbatim, side by side, is a re-emission even with new text after them.
  // So is one long earlier paragraph re-emitted whole with other text run into it.
  const oneLongSource = tiling.sources.length === 1 && tiling.covered >= 100;
  if ((tiling.sources.length >= 2 || oneLongSource) && tiling.covered / key.length >= 0.5) {
    return { index: i, kind: 'partial', sources: tiling.sources, coverage: tiling.covered / key.length };
  }
  return undefined;
}

/**
 * Covers `key` from the left with whole earlier blocks, the last piece possibly the
 * start of one (a glued re-emission that was cut off). A piece may also be a near copy
 * of an earlier block (a word changed): whether removing the block would lose text is
 * decided on the raw text, not here. Returns how far it got.
 */
function tileWithEarlier(key: string, candidates: number[], pieceCandidates: number[], inputs: RepeatInput[]): { covered: number; sources: number[] } {
  const ordered = [...candidates].sort((a, b) => inputs[b].key.length - inputs[a].key.length);
  const sources: number[] = [];
  let position = 0;
  let covered = 0;
  while (position < key.length) {
    let next = ordered.find((j) => key.startsWith(inputs[j].key, position));
    let length = next === undefined ? 0 : inputs[next].key.length;
    if (next === undefined) {
      // Edit distance is costly: only blocks whose text is mostly inside this one are tried.
      for (const j of pieceCandidates.slice(0, 5)) {
        const matched = nearlyAt(key, position, inputs[j].key);
        if (matched > 0) {
          next = j;
          length = matched;
          break;
        }
      }
    }
    if (next !== undefined) {
      sources.push(next);
      position += length;
      covered = Math.min(position, key.length);
      continue;
    }
    const rest = key.slice(position);
    const tail = rest.length >= 2 ? ordered.find((j) => inputs[j].key.startsWith(rest)) : undefined;
    if (tail !== undefined) {
      sources.push(tail);
      covered = key.length;
    }
    break;
  }
  return { covered, sources: [...new Set(sources)].sort((a, b) => a - b) };
}

/**
 * Whether `piece` appears at `position` of `key` with a few characters changed; returns
 * the length of the matching stretch of `key` (a changed word may be longer or shorter),
 * or 0.
 */
function nearlyAt(key: string, position: number, piece: string): number {
  if (piece.length < 30 || piece.length > MAX_LEVENSHTEIN_LENGTH) return 0;
  let best = 0;
  let bestSimilarity = 0.95;
  for (let delta = -3; delta <= 3; delta++) {
    const length = piece.length + delta;
    if (position + length > key.length) break;
    const similarity = 1 - distance(key.slice(position, position + length), piece) / Math.max(length, piece.length);
    if (similarity >= bestSimilarity) {
      best = length;
      bestSimilarity = similarity;
    }
  }
  return best;
}

/** The earlier block nearly equal to `key` (or to its cut-off start), if any. */
function nearestEarlier(
  key: string,
  candidates: number[],
  inputs: RepeatInput[],
  thresholds: RepeatThresholds,
): { j: number; similarity: number } | undefined {
  let best: { j: number; similarity: number } | undefined;
  for (const j of candidates.slice(0, 3)) {
    const source = inputs[j].key;
    if (weightedLength(source) < thresholds.minNearLength) continue;
    // A near copy may also be cut off: compare with the same length of the source.
    const target = source.length > key.length * CUT_SOURCE_RATIO ? source.slice(0, key.length) : source;
    if (Math.max(target.length, key.length) > MAX_LEVENSHTEIN_LENGTH) continue;
    const longest = Math.max(target.length, key.length);
    if (Math.abs(target.length - key.length) > longest * (1 - thresholds.nearSimilarity)) continue;
    // Paragraphs that differ only in the values of their numbers (versions, CVE ids,
    // dates, however written) are a template filled in twice, not a copy with a word
    // changed. The same numbers moved to other places, or a number dropped, are an edit
    // ("scheduled for January 26" / "scheduled 26 for January", "Node.js 6 and 8" / "Node.js 6 and").
    if (withoutNumbers(key) === withoutNumbers(target) && otherValues(key, target)) continue;
    const similarity = 1 - distance(key, target) / longest;
    if (similarity >= thresholds.nearSimilarity && (!best || similarity > best.similarity)) best = { j, similarity };
  }
  return best;
}

/** Numbers in figures or in words ("one", "two", "三つ"). */
const NUMBERS = /\d+|one|two|three|four|five|six|seven|eight|nine|ten|[一二三四五六七八九十]+/g;

/** The key with its numbers removed: what a filled-in template shares. */
function withoutNumbers(key: string): string {
  // Keys have no spaces, so number words are removed wherever they occur; both keys
  // lose the same letters, so only a difference made of numbers disappears.
  return key.replace(NUMBERS, '');
}

/**
 * Whether two keys hold other numbers: not the same ones in another order, and not one's
 * numbers with some dropped. (Keys have no spaces or punctuation, so a date written another
 * way runs its numbers together: `5march2024` / `march122024`.)
 */
function otherValues(a: string, b: string): boolean {
  const [x, y] = [a.match(NUMBERS) ?? [], b.match(NUMBERS) ?? []];
  const [fewer, more] = x.length <= y.length ? [x, y] : [y, x];
  const left = new Map<string, number>();
  for (const number of more) left.set(number, (left.get(number) ?? 0) + 1);
  for (const number of fewer) {
    const count = left.get(number) ?? 0;
    if (count === 0) return true;
    left.set(number, count - 1);
  }
  return false;
}

/**
 * An earlier block that stops mid-sentence and whose text is the start of `key`: the
 * earlier one was the cut-off copy, and the complete text came later.
 */
function earlierFragmentOf(key: string, candidates: number[], inputs: RepeatInput[], thresholds: RepeatThresholds): number | undefined {
  for (const j of candidates) {
    const earlier = inputs[j];
    if (earlier.role === 'prose' && !earlier.finished && earlier.key.length >= thresholds.minCutLength && earlier.key.length < key.length && key.startsWith(earlier.key)) {
      return j;
    }
  }
  return undefined;
}

/**
 * Groups consecutive repeated blocks into runs: a re-emitted section is reported
 * once. Gaps (markers, thematic breaks) may sit inside a run; any other block ends it.
 */
function findRuns(inputs: RepeatInput[], repeats: Map<number, Repeat>): RepeatedRun[] {
  const runs: RepeatedRun[] = [];
  let current: RepeatedRun | undefined;
  const close = () => {
    if (current && current.members.length >= 2 && current.members.some((m) => inputs[m.index].role === 'prose')) runs.push(current);
    current = undefined;
  };
  for (let i = 0; i < inputs.length; i++) {
    const repeat = repeats.get(i);
    if (repeat) {
      if (!current) current = { first: i, last: i, members: [] };
      current.members.push(repeat);
      current.last = i;
    } else if (inputs[i].role !== 'gap') {
      close();
    }
  }
  close();
  return runs;
}

/**
 * The stretch a run copies: from its first copy's earliest source to its last copy's
 * latest. (A label used all over an article is found at its first use, so this may come
 * out backwards; callers check.)
 */
export function sourceRange(run: RepeatedRun): [number, number] {
  return [Math.min(...run.members[0].sources), Math.max(...run.members[run.members.length - 1].sources)];
}

/** How many blocks a re-emitted stretch may skip between two copies and still continue its source. */
export const CONTINUATION_WINDOW = 4;

/**
 * Whether `next` repeats what follows the source of `previous` (a few blocks of slack
 * for headings and markers): a re-emitted section copies a stretch of the article in
 * order, while copies of scattered paragraphs that happen to sit together do not.
 */
export function continuesSection(previous: Repeat, next: Repeat): boolean {
  const after = Math.max(...previous.sources);
  const start = Math.min(...next.sources);
  // Two edited copies of the same paragraph side by side are a template filled twice
  // ("The 16.x line…", "The 14.x line…"), not a stretch of the article re-emitted.
  if (previous.kind === 'near' && next.kind === 'near' && previous.sources[0] === next.sources[0]) return false;
  return start > after - 1 && start <= after + CONTINUATION_WINDOW;
}
