// Test cases for scripts/adversarial-fix.mjs, built from one real article: raw variants
// of a copied paragraph (each must not lose text under a safe --fix) and damage that
// --fix should undo. Every case is deterministic: its random numbers come from a PRNG
// seeded with (seed, file, kind), so one case can be rebuilt alone (--case).
import { splitBlocks, isFinishedProse, visibleText } from './markdown-blocks.mjs';

// ---------------------------------------------------------------------------------------
// Seeded random numbers

function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32, seeded from the strings given. Returns a function giving [0, 1). */
export function seededRandom(...parts) {
  let a = hash32(parts.join('|'));
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rnd, items) => items[Math.floor(rnd() * items.length)];

// ---------------------------------------------------------------------------------------
// Where a paragraph may be edited: not inside link targets, inline code, HTML tags, URLs
// or footnote references (those have variants of their own).

function protectedRanges(raw) {
  const ranges = [];
  for (const re of [/\]\([^)]*\)/g, /`[^`\n]*`/g, /<[^>\n]*>/g, /https?:\/\/[^\s)>\]]+/g, /\[\^[^\]\n]*\]/g]) {
    for (const m of raw.matchAll(re)) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

/** Matches of `re` (global) that touch no protected range. */
function freeMatches(raw, re) {
  const ranges = protectedRanges(raw);
  return [...raw.matchAll(re)].filter((m) => !ranges.some(([s, e]) => m.index < e && m.index + m[0].length > s));
}

const replaceAt = (raw, index, length, text) => raw.slice(0, index) + text + raw.slice(index + length);

/**
 * The same token pair inserted at one free place of the paragraph: `a` in the source,
 * `b` in the copy. English: before a word; Japanese: between two CJK characters.
 */
function insertPair(raw, a, b, { rnd, ja }) {
  const spots = ja ? freeMatches(raw, /(?<=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])(?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])/gu) : freeMatches(raw, /(?<= )(?=[A-Za-z])/g);
  const at = spots.length > 0 ? pick(rnd, spots).index : raw.trimEnd().length - 1;
  const [x, y] = ja ? [a, b] : [`${a} `, `${b} `];
  return { source: replaceAt(raw, at, 0, x), copy: replaceAt(raw, at, 0, y) };
}

// ---------------------------------------------------------------------------------------
// Raw variants of a copy. Each takes the source paragraph and returns { copy, source?,
// extraEnd? } (source: the paragraph as it stands in the damaged article, when the
// variant needs something in it too; extraEnd: text appended to the article), or null.

const SENTENCE_END = /[。！.!](?=[」』）)"'”’*_]*(?:\s|$))/g;
const TRAILING_STOP = /[。.]$/;

export const VARIANTS = {
  punct(raw, { rnd }) {
    const ends = freeMatches(raw, SENTENCE_END);
    if (ends.length === 0) return null;
    const m = pick(rnd, ends);
    return { copy: replaceAt(raw, m.index, 1, { '。': '！', '！': '。', '.': '!', '!': '.' }[m[0]]) };
  },
  'trailing-stop'(raw, { ja }) {
    const text = raw.trimEnd();
    return { copy: TRAILING_STOP.test(text) ? text.slice(0, -1) : text + (ja ? '。' : '.') };
  },
  'trailing-ellipsis'(raw, { ja }) {
    const text = raw.trimEnd().replace(TRAILING_STOP, '');
    return { copy: text + (ja ? '・・・・。' : '...') };
  },
  'number-sign'(raw, ctx) {
    const numbers = freeMatches(raw, /(?<![\w.])[+-]?\d+(?:\.\d+)?%?/g);
    if (numbers.length === 0) return insertPair(raw, '+3.5%', '-35%', ctx);
    const m = pick(ctx.rnd, numbers);
    let n = m[0];
    const flip = (s) => (s[0] === '+' ? `-${s.slice(1)}` : s[0] === '-' ? `+${s.slice(1)}` : `-${s}`);
    if (n.includes('.')) n = flip(n.replace('.', ''));
    else if (/^[+-]/.test(n)) n = flip(n);
    else if (/\d\d/.test(n)) n = n.replace(/(\d)(\d)/, '$1.$2');
    else n = flip(n);
    return { copy: replaceAt(raw, m.index, m[0].length, n) };
  },
  digit(raw, ctx) {
    const digits = freeMatches(raw, /\d/g);
    if (digits.length === 0) return insertPair(raw, '7', '8', ctx);
    const m = pick(ctx.rnd, digits);
    return { copy: replaceAt(raw, m.index, 1, String((Number(m[0]) + 1) % 10)) };
  },
  case(raw, ctx) {
    const words = freeMatches(raw, /(?<![\w/.-])[A-Za-z][a-z]{2,}(?![\w/-])/g);
    if (words.length === 0) return insertPair(raw, 'Web', 'web', ctx);
    const m = pick(ctx.rnd, words);
    const w = m[0];
    const changed = w[0] === w[0].toUpperCase() ? (ctx.rnd() < 0.5 ? w.toLowerCase() : w[0] + w[1].toUpperCase() + w.slice(2)) : w[0].toUpperCase() + w.slice(1);
    return { copy: replaceAt(raw, m.index, w.length, changed) };
  },
  'symbol-lead'(raw, { rnd }) {
    return { copy: pick(rnd, ['※', '★ ', '※ ']) + raw };
  },
  'symbol-arrow'(raw, ctx) {
    const arrows = freeMatches(raw, /[→⇒]/g);
    if (arrows.length === 0) return insertPair(raw, '→', '⇒', ctx);
    const m = pick(ctx.rnd, arrows);
    return { copy: replaceAt(raw, m.index, 1, m[0] === '→' ? '⇒' : '→') };
  },
  emphasis(raw, ctx) {
    const strong = freeMatches(raw, /\*\*([^*\n]+)\*\*/g);
    if (strong.length > 0) {
      const m = pick(ctx.rnd, strong);
      return { copy: replaceAt(raw, m.index, m[0].length, m[1]) };
    }
    const words = wordsOf(raw, ctx);
    if (words.length === 0) return null;
    const m = pick(ctx.rnd, words);
    return { copy: replaceAt(raw, m.index, m[0].length, `**${m[0]}**`) };
  },
  'link-target'(raw, ctx) {
    const links = [...raw.matchAll(/(?<!!)\[([^\]\n]+)\]\(([^)\s]+)\)/g)];
    if (links.length > 0) {
      const m = pick(ctx.rnd, links);
      const url = m[2].endsWith('/') ? `${m[2]}v2/` : `${m[2]}-v2`;
      return { copy: replaceAt(raw, m.index, m[0].length, `[${m[1]}](${url})`) };
    }
    const words = wordsOf(raw, ctx);
    if (words.length === 0) return null;
    const m = pick(ctx.rnd, words);
    return { copy: replaceAt(raw, m.index, m[0].length, `[${m[0]}](https://example.com/${encodeURIComponent(m[0])})`) };
  },
  'code-op'(raw, ctx) {
    const SWAP = { '<': '>', '>': '<', '==': '!=', '!=': '==', '+': '-', '-': '+' };
    const codes = [...raw.matchAll(/`[^`\n]+`/g)].filter((m) => /<|>|==|!=|\+|-/.test(m[0]));
    if (codes.length > 0) {
      const m = pick(ctx.rnd, codes);
      return { copy: replaceAt(raw, m.index, m[0].length, m[0].replace(/<|>|==|!=|\+|-/, (op) => SWAP[op])) };
    }
    return insertPair(raw, '`a < b`', '`a > b`', ctx);
  },
  footnote(raw, ctx) {
    const refs = [...raw.matchAll(/\[\^[^\]\n]+\]/g)];
    if (refs.length > 0) {
      const m = pick(ctx.rnd, refs);
      return { copy: replaceAt(raw, m.index, m[0].length, '') };
    }
    const ends = freeMatches(raw, SENTENCE_END);
    const at = ends.length > 0 ? ends[0].index + 1 : raw.trimEnd().length;
    return { copy: replaceAt(raw, at, 0, '[^x1]'), extraEnd: '[^x1]: A note that only the copy refers to.' };
  },
};

/** Words worth wrapping: Latin words of 4+ letters, or runs of 2-4 kanji / katakana. */
function wordsOf(raw, { ja }) {
  const latin = freeMatches(raw, /(?<![\w/.-])[A-Za-z]{4,}(?![\w/-])/g);
  return ja || latin.length === 0 ? [...freeMatches(raw, /[\p{sc=Han}\p{sc=Katakana}]{2,4}/gu), ...latin] : latin;
}

// ---------------------------------------------------------------------------------------
// Damage

/** The paragraph cut at 30-80% of its length, mid-word where there is a word to cut. */
export function cutMidWord(raw, rnd) {
  let at = Math.floor(raw.length * (0.3 + 0.5 * rnd()));
  const letter = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (let tries = 0; tries < 40 && !(letter(raw[at - 1]) && letter(raw[at])); tries++) at++;
  return raw.slice(0, Math.min(at, raw.length - 1)).trimEnd();
}

/** A near copy: one word changed (English), two characters changed (Japanese). */
function nearCopy(raw, { rnd, ja }) {
  if (ja) {
    const spots = freeMatches(raw, /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]{2}/gu).filter((m) => m.index > raw.length * 0.2 && m.index < raw.length * 0.8);
    if (spots.length === 0) return null;
    const m = pick(rnd, spots);
    return replaceAt(raw, m.index, 2, m[0] === '改変' ? '変更' : '改変');
  }
  const words = freeMatches(raw, /(?<=\s)[a-z]{3,}(?=[\s,;])/g);
  if (words.length === 0) return null;
  const m = pick(rnd, words);
  return replaceAt(raw, m.index, m[0].length, m[0] === 'another' ? 'several' : 'another');
}

/** `extra` as the last block; the article's last line keeps its trailing spaces. */
const appendAtEnd = (text, extra) => `${text.replace(/(\n[ \t]*)*$/, '')}\n\n${extra}\n`;

/** Consecutive finished paragraphs, 2-3 of them, joined into one (no blank line). */
function glued(plan, rnd) {
  const { blocks } = plan;
  const ok = (i) => blocks[i] && isFinishedProse(blocks[i]) && blocks[i].raw.length >= 20;
  const size = rnd() < 0.5 ? 2 : 3;
  const starts = blocks.map((_, i) => i).filter((i) => Array.from({ length: size }, (_, k) => i + k).every(ok));
  if (starts.length === 0) return null;
  const start = pick(rnd, starts);
  const pieces = blocks.slice(start, start + size).map((b) => b.raw.trim());
  const ja = /[\u3040-\u30ff]/.test(pieces.join(''));
  const separator = rnd() < 0.5 ? '\n' : ja ? '' : ' ';
  return appendAtEnd(plan.text, pieces.join(separator));
}

/** A heading and every block under it up to the next heading, re-emitted at the end. */
function section(plan, rnd) {
  const { blocks, text } = plan;
  const headings = blocks.map((b, i) => i).filter((i) => blocks[i].kind === 'heading');
  const sections = headings
    .map((h) => {
      let end = h + 1;
      while (end < blocks.length && blocks[end].kind !== 'heading') end++;
      return { h, end };
    })
    .filter(({ h, end }) => blocks.slice(h + 1, end).some((b) => isLongProse(b)));
  if (sections.length === 0) return null;
  const { h, end } = pick(rnd, sections);
  return appendAtEnd(text, text.slice(blocks[h].start, blocks[end - 1].end));
}

/**
 * `copy` as a block of its own after offset `at` (the end of a block): a blank line before
 * it, and one after it when the next block followed without one (a heading's paragraph).
 */
function insertAt(text, at, copy) {
  const rest = text.slice(at);
  const separated = rest.trim() === '' || /^\n[ \t]*\n/.test(rest) ? rest : `\n${rest}`;
  return `${text.slice(0, at)}\n\n${copy}${separated}`;
}

/** Damage kinds: each returns the damaged article, or null when the article has no place for it. */
export const DAMAGE = {
  verbatim: (plan) => insertAt(plan.text, plan.at, plan.source.raw),
  cut: (plan, rnd) => insertAt(plan.text, plan.at, cutMidWord(plan.source.raw, rnd)),
  fragment: (plan, rnd) => `${plan.text.slice(0, plan.source.start)}${cutMidWord(plan.source.raw, rnd)}\n\n${plan.text.slice(plan.source.start)}`,
  glued: (plan, rnd) => glued(plan, rnd),
  section: (plan, rnd) => section(plan, rnd),
  'marker-line': (plan, rnd) => insertAt(plan.text, pick(rnd, plan.prose).end, '---END---'),
  'marker-inline': (plan, rnd) => {
    const block = pick(rnd, plan.prose);
    const at = block.start + block.raw.trimEnd().length; // right after the text, before trailing spaces
    return `${plan.text.slice(0, at)}<|endoftext|>${plan.text.slice(at)}`;
  },
  near: (plan, rnd) => {
    const copy = nearCopy(plan.source.raw, { rnd, ja: plan.ja });
    return copy === null ? null : insertAt(plan.text, plan.at, copy);
  },
};

// ---------------------------------------------------------------------------------------
// Planning: which paragraph is copied, and where the copy goes.

/** A finished paragraph of running text with at least 60 visible characters: what gets copied. */
export const isLongProse = (block) => isFinishedProse(block) && visibleText(block.raw).length >= 60;

/** A block after which a paragraph can be inserted without changing what follows. */
function canInsertAfter(blocks, j, text) {
  if (blocks[j].kind === 'front-matter') return false;
  const next = blocks[j + 1];
  return !next || !/^[ \t]/.test(text.slice(next.start, next.start + 1));
}

/**
 * The shared choices for one article: the copied paragraph (finished prose, >= 60
 * characters) and the block after which copies go. Null when the article has fewer
 * than three such paragraphs.
 */
export function planArticle(text, file, seed) {
  const blocks = splitBlocks(text);
  const prose = blocks.filter((b) => isLongProse(b));
  if (prose.length < 3) return null;
  const laterSpots = (index) => blocks.map((_, j) => j).filter((j) => j >= index && canInsertAfter(blocks, j, text));
  const sources = prose.map((b) => blocks.indexOf(b)).filter((i) => laterSpots(i + 1).length > 0);
  if (sources.length === 0) return null;
  const rnd = seededRandom(seed, file, 'plan');
  const index = pick(rnd, sources);
  const source = blocks[index];
  const at = blocks[pick(rnd, laterSpots(index + 1))].end;
  return { text, file, seed, blocks, prose, index, source, at, ja: /[\u3040-\u30ff]/.test(source.raw) };
}

/** A heading followed by a finished paragraph, copied with one level more after a later block. */
function headingLevelCase(plan, rnd) {
  const { blocks, text } = plan;
  const pairs = blocks
    .map((_, h) => h)
    .filter((h) => /^#{1,5} /.test(blocks[h].raw) && blocks[h + 1] && isLongProse(blocks[h + 1]));
  const spots = (h) => blocks.map((_, j) => j).filter((j) => j >= h + 2 && canInsertAfter(blocks, j, text));
  const usable = pairs.filter((h) => spots(h).length > 0);
  if (usable.length === 0) return null;
  const h = pick(rnd, usable);
  const copy = `#${blocks[h].raw}\n\n${blocks[h + 1].raw}`;
  return insertAt(text, blocks[pick(rnd, spots(h))].end, copy);
}

/** The damaged article of a raw-variant case, or null when the variant does not apply. */
export function variantCase(plan, kind) {
  const rnd = seededRandom(plan.seed, plan.file, kind);
  if (kind === 'heading-level') return headingLevelCase(plan, rnd);
  const variant = VARIANTS[kind](plan.source.raw, { rnd, ja: plan.ja });
  if (!variant) return null;
  const { text, source, at } = plan;
  const edited = variant.source ?? source.raw;
  const damaged = insertAt(text.slice(0, source.start) + edited + text.slice(source.end), at + edited.length - source.raw.length, variant.copy);
  return variant.extraEnd ? appendAtEnd(damaged, variant.extraEnd) : damaged;
}

/** The damaged article of a damage case, or null when the article has no place for it. */
export function damageCase(plan, kind) {
  return DAMAGE[kind](plan, seededRandom(plan.seed, plan.file, kind));
}

export const VARIANT_KINDS = [...Object.keys(VARIANTS), 'heading-level'];
export const SAFE_DAMAGE_KINDS = ['verbatim', 'cut', 'fragment', 'glued', 'section', 'marker-line', 'marker-inline'];
export const UNSAFE_DAMAGE_KINDS = [...SAFE_DAMAGE_KINDS, 'near'];
