/**
 * Duplicates across the files of one run (rule `cross-file-duplicate`). Each file is
 * reduced to a small fingerprint where it is linted (in a worker process): hashes of its
 * long prose paragraphs and a MinHash signature of its text. The comparison then runs
 * once over all fingerprints: paragraph hashes through a map (document frequency tells
 * boilerplate apart), whole articles through MinHash with LSH banding. No pair of files
 * is compared unless they share a paragraph or a band, so the work grows with the
 * number of files, not its square.
 */
import type { Article } from './article.js';
import { blockInfos } from './blocks.js';
import { weightedLength } from './text/normalize.js';
import { hashRange, SHINGLE_SIZE } from './text/shingles.js';
import { covers, disablingRange, findDirectives } from './directives.js';
import { parseDateValue } from './text/dates.js';

export const CROSS_FILE_RULE = 'cross-file-duplicate';

export interface CrossFileOptions {
  /** Shortest paragraph (weighted characters) compared across files. */
  minLength: number;
  /** MinHash similarity (0-1) from which two articles are the same article. */
  articleSimilarity: number;
  /** A paragraph found in at least this many files is boilerplate (a footer), never a copy. */
  boilerplateFiles: number;
}

/** Permutations of the MinHash signature: 16 bands of 4 rows. */
const SIGNATURE_SIZE = 64;
const BAND_ROWS = 4;
/** Articles with less prose than this are not compared as whole articles. */
const MIN_ARTICLE_SHINGLES = 150;

export interface Fingerprint {
  /** Per long prose paragraph: 53-bit hash of its key, and its lines. */
  paragraphs: { hash: number; line: number; endLine: number }[];
  /** MinHash signature of the article's prose, or empty when it is too short. */
  signature: number[];
  /** How much prose the article has (weighted characters): the more complete copy is kept. */
  size: number;
  validFrontMatter: boolean;
  /** Publication date (ms since epoch), when the front matter has one. */
  date: number | null;
}

const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);

function mix(h: number, seed: number): number {
  h ^= seed;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * One-permutation MinHash (Li, Owen and Zhang 2012): each shingle's hash picks one of
 * SIGNATURE_SIZE bins by its top bits and competes for that bin's minimum. One hash per
 * shingle instead of one per shingle and permutation (64 times less work); empty bins
 * borrow the next filled bin's value, salted by position (densification).
 */
function minhash(text: string): number[] {
  const bins = new Array<number>(SIGNATURE_SIZE).fill(EMPTY);
  const bits = 32 - Math.log2(SIGNATURE_SIZE);
  for (let i = 0; i + SHINGLE_SIZE <= text.length; i++) {
    const h = hashRange(text, i, i + SHINGLE_SIZE);
    const bin = h >>> bits;
    const value = h & ((1 << bits) - 1);
    if (value < bins[bin]) bins[bin] = value;
  }
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    if (bins[i] !== EMPTY) continue;
    for (let step = 1; step < SIGNATURE_SIZE; step++) {
      const donor = bins[(i + step) % SIGNATURE_SIZE];
      if (donor !== EMPTY && donor < EMPTY) {
        bins[i] = EMPTY + 1 + (mix(donor, SEEDS[step]) % 0x3fffffff);
        break;
      }
    }
  }
  return bins;
}

/** A bin no shingle fell into (bin values are below it; densified ones above it). */
const EMPTY = 0x4000000;

/** A 53-bit hash (safe as a JavaScript number): collisions stay negligible at millions of paragraphs. */
function hash53(key: string): number {
  const high = hashRange(key, 0, key.length) & 0x1fffff;
  const low = hashRange(`\u0001${key}`, 0, key.length + 1);
  return high * 0x100000000 + low;
}

/** The fingerprint of one article; paragraphs under a disable directive for the rule are left out. */
export function fingerprintArticle(article: Article, options: CrossFileOptions): Fingerprint {
  const directives = findDirectives(article);
  const fileDisabled = directives.some((d) => d.kind === 'disable-file' && covers(d, CROSS_FILE_RULE));
  const infos = blockInfos(article);
  const paragraphs: Fingerprint['paragraphs'] = [];
  let prose = '';
  for (const info of infos) {
    if (info.key.length === 0) continue;
    // The whole-article signature reads every block (lists, tables, code too), so two
    // release notes that share only their boilerplate prose do not look alike.
    prose += info.key;
    // (A paragraph that continues a list item is the list's, as it always was here.)
    if (!info.prose || info.block.continuesList) continue;
    if (fileDisabled || weightedLength(info.key) < options.minLength) continue;
    const line = article.lines.position(info.block.start).line;
    // Line-level directives do not apply to whole paragraphs compared across files.
    if (disablingRange(directives, line, CROSS_FILE_RULE)) continue;
    paragraphs.push({ hash: hash53(info.key), line, endLine: article.lines.position(Math.max(info.block.start, info.block.end - 1)).line });
  }
  const signature = !fileDisabled && prose.length >= MIN_ARTICLE_SHINGLES ? minhash(prose) : [];
  const fm = article.frontMatter;
  const rawDate = fm?.data?.date;
  return {
    paragraphs,
    signature,
    size: weightedLength(prose),
    validFrontMatter: !!fm && fm.closed && fm.data !== null && fm.problems.length === 0,
    date: rawDate === undefined ? null : parseDateValue(rawDate),
  };
}

/** A problem found across files, to be added to the result of `file`. */
export interface CrossFileProblem {
  file: number;
  line: number;
  endLine: number;
  messageId: 'article' | 'paragraphs';
  data: Record<string, string | number>;
  related: { file: number; line: number; endLine: number };
}

/**
 * Which of two files to keep: valid front matter first, then the more complete body
 * (longer by more than 2%), then the earlier date, then the path. Returns a negative number when `a` is kept.
 */
export function keepOrder(a: { fp: Fingerprint; path: string }, b: { fp: Fingerprint; path: string }): number {
  if (a.fp.validFrontMatter !== b.fp.validFrontMatter) return a.fp.validFrontMatter ? -1 : 1;
  // "More complete" means clearly longer: a copy with a word changed is not more complete.
  if (Math.abs(a.fp.size - b.fp.size) > 0.02 * Math.max(a.fp.size, b.fp.size)) return b.fp.size - a.fp.size;
  const da = a.fp.date ?? Infinity;
  const db = b.fp.date ?? Infinity;
  if (da !== db) return da < db ? -1 : 1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * Compares the fingerprints of a run. `entries[i]` is undefined for files the rule is
 * off for (or that could not be read). Results are deterministic: they depend on the
 * paths and contents only, never on the order work finished in.
 */
export function compareFingerprints(entries: ({ path: string; fp: Fingerprint; options: CrossFileOptions } | undefined)[], describePath: (i: number) => string): CrossFileProblem[] {
  const problems: CrossFileProblem[] = [];
  const live = entries.map((entry, i) => (entry ? i : -1)).filter((i) => i >= 0);
  const order = (a: number, b: number) => keepOrder(entries[a]!, entries[b]!);

  // 1. Whole articles: LSH bands of the signatures, verified by signature agreement.
  const duplicateOf = new Map<number, { kept: number; similarity: number }>();
  const buckets = new Map<string, number[]>();
  for (const i of live) {
    const signature = entries[i]!.fp.signature;
    if (signature.length === 0) continue;
    for (let band = 0; band < SIGNATURE_SIZE / BAND_ROWS; band++) {
      const key = `${band}:${signature.slice(band * BAND_ROWS, band * BAND_ROWS + BAND_ROWS).join(',')}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
  }
  const pairsSeen = new Set<string>();
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    // A huge bucket is a template shared by many files: compare neighbours only, to stay bounded.
    const members = bucket.length > 64 ? bucket.slice(0, 64) : bucket;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const [a, b] = members[x] < members[y] ? [members[x], members[y]] : [members[y], members[x]];
        const pair = `${a},${b}`;
        if (pairsSeen.has(pair)) continue;
        pairsSeen.add(pair);
        const sa = entries[a]!.fp.signature;
        const sb = entries[b]!.fp.signature;
        let same = 0;
        for (let k = 0; k < SIGNATURE_SIZE; k++) if (sa[k] === sb[k]) same++;
        const similarity = same / SIGNATURE_SIZE;
        if (similarity < Math.min(entries[a]!.options.articleSimilarity, entries[b]!.options.articleSimilarity)) continue;
        const [kept, redundant] = order(a, b) <= 0 ? [a, b] : [b, a];
        const previous = duplicateOf.get(redundant);
        if (!previous || order(kept, previous.kept) < 0) duplicateOf.set(redundant, { kept, similarity });
      }
    }
  }
  // A chain (C copies B copies A) points every copy at the file finally kept.
  const root = (i: number): number => {
    let current = i;
    for (let steps = 0; duplicateOf.has(current) && steps < 100; steps++) current = duplicateOf.get(current)!.kept;
    return current;
  };
  for (const [redundant, { similarity }] of [...duplicateOf].sort((x, y) => x[0] - y[0])) {
    const kept = root(redundant);
    if (kept === redundant) continue;
    problems.push({
      file: redundant,
      line: 1,
      endLine: 1,
      messageId: 'article',
      data: { file: describePath(kept), similarity: Math.round(similarity * 100) },
      related: { file: kept, line: 1, endLine: 1 },
    });
  }

  // 2. Paragraphs: document frequency over distinct files separates copies from boilerplate.
  const holders = new Map<number, { file: number; paragraph: number }[]>();
  for (const i of live) {
    // A duplicated article is reported as a whole; its paragraphs would only inflate
    // the counts (an article scraped twice must not turn its paragraphs into boilerplate).
    if (duplicateOf.has(i)) continue;
    const seen = new Set<number>();
    entries[i]!.fp.paragraphs.forEach((p, paragraph) => {
      if (seen.has(p.hash)) return; // repeats inside one file are duplicate-paragraph's
      seen.add(p.hash);
      const list = holders.get(p.hash);
      if (list) list.push({ file: i, paragraph });
      else holders.set(p.hash, [{ file: i, paragraph }]);
    });
  }
  const boilerplate = (count: number, file: number) => count >= entries[file]!.options.boilerplateFiles;
  // copies[file] = paragraph index -> the kept file's paragraph it copies.
  const copies = new Map<number, Map<number, { file: number; paragraph: number }>>();
  for (const list of holders.values()) {
    if (list.length < 2 || boilerplate(list.length, list[0].file)) continue;
    const sorted = [...list].sort((x, y) => order(x.file, y.file));
    const kept = sorted[0];
    for (const holder of sorted.slice(1)) {
      if (!copies.has(holder.file)) copies.set(holder.file, new Map());
      copies.get(holder.file)!.set(holder.paragraph, kept);
    }
  }
  for (const [file, byParagraph] of [...copies].sort((x, y) => x[0] - y[0])) {
    const indexes = [...byParagraph.keys()].sort((a, b) => a - b);
    // Consecutive paragraphs copied from the same file make one report.
    for (let start = 0; start < indexes.length; ) {
      let end = start;
      const source = byParagraph.get(indexes[start])!;
      while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1 && byParagraph.get(indexes[end + 1])!.file === source.file) end++;
      const own = entries[file]!.fp.paragraphs;
      const theirs = entries[source.file]!.fp.paragraphs;
      const lastSource = byParagraph.get(indexes[end])!;
      const count = end - start + 1;
      const from = theirs[source.paragraph].line;
      const to = theirs[lastSource.paragraph].endLine;
      problems.push({
        file,
        line: own[indexes[start]].line,
        endLine: own[indexes[end]].endLine,
        messageId: 'paragraphs',
        data: { count: count === 1 ? 'Paragraph' : `${count} paragraphs`, file: describePath(source.file), lines: from === to ? `line ${from}` : `lines ${from}-${to}` },
        related: { file: source.file, line: from, endLine: to },
      });
      start = end + 1;
    }
  }
  return problems;
}
