#!/usr/bin/env node
// Recall at scale: puts damage into real articles of ../shared/corpus and checks that it
// is found. Complements scripts/evaluate-samples.mjs (150 hand-labelled cases) with
// hundreds of random ones. Deterministic (fixed seed).
//   node scripts/simulate-damage.mjs [corpusDir] [--every N] [--misses]
// --misses prints each case that was not found (kind, file, the end of the damaged text).
// Damage: the last paragraph cut at 30-90% of its length; a finished paragraph copied
// after a random later block verbatim, with two characters / one word changed, lightly
// edited (one or two characters, or one word swapped, dropped or replaced), and cut at
// 30-80% of its length. Also checks that --fix restores the verbatim and cut
// cases (blank lines aside). Then glued copies, re-emitted sections and end markers (3.). Truncated ends are also counted over the cuts that do not
// land right after a full stop: such a cut leaves a finished article, which no text tells
// from a clean one.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { lintText, fixText } from '../dist/src/index.js';
import { parseArticle } from '../dist/src/article.js';
import { blockInfos } from '../dist/src/blocks.js';
import { listMarkdownFiles } from './lib/markdown-files.mjs';

const args = process.argv.slice(2);
const every = args.includes('--every') ? Number(args[args.indexOf('--every') + 1]) : 10;
const dir = path.resolve(args.find((a) => !a.startsWith('--') && a !== String(every)) ?? '../shared/corpus');
if (!existsSync(dir)) {
  console.log(`corpus not found at ${dir}; skipped`);
  process.exit(0);
}
const files = [...listMarkdownFiles(path.join(dir, 'ja')), ...listMarkdownFiles(path.join(dir, 'en'))];

// A linear congruential generator (its product exceeds 2^53, so it is not the textbook
// one, but it is deterministic, and its cases are the ones every measurement quoted).
const makeRandom = (seed) => () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const random = makeRandom(11);
const tally = {};
const showMisses = args.includes('--misses');
const count = (kind, ok, file, damagedText) => {
  if (!ok && showMisses && file) console.log(`MISS ${kind}\t${path.relative(dir, file)}\t${JSON.stringify(damagedText.slice(-80))}`);
  tally[kind] ??= [0, 0];
  tally[kind][1]++;
  if (ok) tally[kind][0]++;
};
const flat = (text) => text.replace(/\n+/g, '\n');

// A lighter edit, drawn from its own stream so the other kinds keep their cases: one or
// two characters replaced by common ones (Japanese), or two neighbouring words swapped, a
// word dropped, or a word replaced by "also" (English).
const lightRandom = makeRandom(29);
const pick = (n) => Math.floor(lightRandom() * n);
const COMMON = 'やとをにもで今大小新';
function lightEdit(raw, japanese) {
  if (japanese) {
    const chars = [...raw];
    for (let n = 1 + pick(2); n > 0; n--) {
      const at = pick(chars.length);
      if (!/\s/.test(chars[at])) chars[at] = COMMON[pick(COMMON.length)];
    }
    return chars.join('');
  }
  const words = raw.split(' ');
  if (words.length < 3) return raw;
  const at = 1 + pick(words.length - 2);
  const kind = pick(3);
  if (kind === 0) [words[at], words[at + 1]] = [words[at + 1], words[at]];
  else if (kind === 1) words.splice(at, 1);
  else words[at] = 'also';
  return words.join(' ');
}

for (const file of files.filter((_, i) => i % every === 0)) {
  const text = readFileSync(file, 'utf8');
  const article = parseArticle(text, file);
  const infos = blockInfos(article);
  const touches = (messages, rule, from, to) => messages.some((m) => m.ruleId === rule && m.line <= to && m.endLine >= from);

  // 1. The last paragraph cut off.
  const last = infos.findLast((info) => info.role !== 'gap');
  if (last?.prose && last.ending === 'finished') {
    const raw = text.slice(last.block.start, last.block.end);
    if (raw.length >= 30) {
      const damaged = text.slice(0, last.block.start) + raw.slice(0, Math.floor(raw.length * (0.3 + 0.6 * random()))).trimEnd() + '\n';
      const from = article.lines.position(last.block.start).line;
      const to = from + raw.split('\n').length;
      const messages = lintText(damaged, { filePath: file }).messages;
      // A cut end that is a cut-off copy of a paragraph the article has whole is found as
      // that, by duplicate-paragraph (which also removes it).
      const found = touches(messages, 'truncated-sentence', from, to) || touches(messages.filter((m) => m.messageId === 'cut' || m.messageId === 'fragment'), 'duplicate-paragraph', from, to);
      count('truncated end', found, file, damaged.trimEnd());
      // A cut that lands right after a full stop leaves a finished article: no text can tell.
      const cutEnd = blockInfos(parseArticle(damaged, file)).findLast((info) => info.role !== 'gap');
      if (cutEnd?.ending !== 'finished') count('truncated end, cut mid-sentence', found);
    }
  }

  // 2. A paragraph copied after a later block: verbatim, edited, cut.
  const sources = infos.map((info, index) => ({ info, index })).filter(({ info }) => info.prose && info.ending === 'finished' && info.text.length >= 60);
  if (sources.length < 3) continue;
  const { info: source, index } = sources[Math.floor(random() * sources.length)];
  const later = infos.slice(index + 1);
  if (later.length === 0) continue;
  const at = later[Math.floor(random() * later.length)].block.end;
  const raw = text.slice(source.block.start, source.block.end);
  const japanese = /[\u3040-\u30ff]/.test(raw);
  const edited = japanese
    ? ((p) => raw.slice(0, p) + '改変' + raw.slice(p + 2))(Math.floor(raw.length * (0.3 + 0.4 * random())))
    : ((words) => ((words[1 + Math.floor(random() * (words.length - 2))] = 'changed'), words.join(' ')))(raw.split(' '));
  const copies = { 'verbatim copy': raw, 'edited copy': edited, 'lightly edited copy': lightEdit(raw, japanese), 'cut-off copy': raw.slice(0, Math.floor(raw.length * (0.3 + 0.5 * random()))).trimEnd() };
  for (const [kind, copy] of Object.entries(copies)) {
    if (copy === raw && kind.endsWith('edited copy')) continue;
    // A copy is a paragraph of its own: a blank line after it too, or it would run into
    // a block that follows without one (link definitions, a list) and be glued to it.
    const rest = text.slice(at);
    const damaged = `${text.slice(0, at)}\n\n${copy}${/^\r?\n[ \t]*(?:\r?\n|$)/.test(rest) || rest === '' ? '' : '\n'}${rest}`;
    const from = article.lines.position(at).line + 2;
    count(kind, touches(lintText(damaged, { filePath: file }).messages, 'duplicate-paragraph', from, from + copy.split('\n').length - 1), file, copy);
    if (!kind.endsWith('edited copy')) count(`--fix restores (${kind})`, flat(fixText(damaged, { filePath: file }).output) === flat(text));
  }
}

// 3. Other kinds, from a random stream of their own (so the cases above stay as they
// were): two or three neighbouring paragraphs glued into one and pasted after a later
// block; a section (a heading with its blocks, up to the next heading of its level)
// re-emitted after the article's end; an end marker on a line of its own, at the end or
// after a random block. Each also checks --fix (blank and whitespace-only lines aside).
const otherRandom = makeRandom(41);
const MARKERS = ['---END---', '[END]', '<|endoftext|>', '<|im_end|>', '</s>'];
const loose = (text) => text.replace(/\r/g, '').replace(/\n[ \t]*(?=\n)/g, '\n').replace(/\n+/g, '\n').trimEnd();
for (const file of files.filter((_, i) => i % every === 0)) {
  const text = readFileSync(file, 'utf8');
  const article = parseArticle(text, file);
  const content = blockInfos(article).map((info, index) => ({ info, index })).filter(({ info }) => info.role !== 'gap');
  const lineOf = (offset) => article.lines.position(offset).line;
  const check = (kind, damaged, from, to, rule, piece) => {
    const found = lintText(damaged, { filePath: file }).messages.some((m) => m.ruleId === rule && m.line <= to && m.endLine >= from);
    count(kind, found, file, piece);
    count(`--fix restores (${kind})`, loose(fixText(damaged, { filePath: file }).output) === loose(text));
  };
  const paragraph = ({ info }) => info.prose && info.block.type === 'paragraph' && info.ending === 'finished' && info.text.length >= 40;
  if (content.length >= 4) {
    const n = 2 + Math.floor(otherRandom() * 2);
    const start = Math.floor(otherRandom() * (content.length - n));
    const run = content.slice(start, start + n);
    if (run.length === n && run.every(paragraph)) {
      const japanese = /[\u3040-\u30ff]/.test(run[0].info.text);
      const glued = run.map(({ info }) => text.slice(info.block.start, info.block.end).replace(/\r?\n/g, japanese ? '' : ' ')).join(japanese ? '' : ' ');
      const later = content.filter(({ index }) => index >= run[run.length - 1].index);
      const at = later[Math.floor(otherRandom() * later.length)].info.block.end;
      const from = lineOf(at) + 2;
      check('glued copy', `${text.slice(0, at)}\n\n${glued}\n${text.slice(at)}`, from, from, 'duplicate-paragraph', glued);
    }
  }
  const headings = content.filter(({ info }) => info.block.type === 'heading');
  if (headings.length >= 2) {
    const heading = headings[Math.floor(otherRandom() * (headings.length - 1))];
    const depth = heading.info.block.node.depth;
    const next = content.find(({ index, info }) => index > heading.index && info.block.type === 'heading' && info.block.node.depth <= depth);
    const section = text.slice(heading.info.block.start, next ? next.info.block.start : text.length).trimEnd();
    if (content.some(({ index, info }) => index > heading.index && (!next || index < next.index) && info.prose) && section.length < 3000) {
      const from = lineOf(text.trimEnd().length) + 2;
      check('section re-emitted at the end', `${text.trimEnd()}\n\n${section}\n`, from, from + section.split('\n').length - 1, 'duplicate-paragraph', section.slice(0, 80));
    }
  }
  const marker = MARKERS[Math.floor(otherRandom() * MARKERS.length)];
  const after = otherRandom() < 0.5 ? undefined : content[Math.floor(otherRandom() * content.length)];
  const at = after ? after.info.block.end : text.trimEnd().length;
  check('end marker', `${text.slice(0, at)}\n\n${marker}\n${text.slice(at)}`, lineOf(at) + 2, lineOf(at) + 2, 'end-marker', marker);
}

console.log(`${files.length} articles, every ${every}th used`);
for (const [kind, [found, total]] of Object.entries(tally)) console.log(`  ${kind.padEnd(32)} ${found}/${total} = ${(found / total).toFixed(3)}`);
