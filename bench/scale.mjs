#!/usr/bin/env node
// `npm run bench:scale`: a cleanup run at scale. Builds SCALE_FILES (default 100,000)
// articles from paragraphs of ../shared/corpus, plants cross-file copies (exact and
// edited articles, pasted paragraphs) and boilerplate (a footer and a call to action in
// thousands of files), runs scrapelint once over them and reports wall time, peak RSS,
// how many planted copies were found and how many reports were false.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listMarkdownFiles } from '../scripts/lib/markdown-files.mjs';
import { measureRun } from '../scripts/lib/measure-run.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = path.resolve(process.env.BENCH_CORPUS ?? path.join(root, '../shared/corpus'));
const total = Number(process.env.SCALE_FILES ?? 100_000);
const planted = Number(process.env.SCALE_PLANTED ?? 500);
if (!existsSync(corpus)) {
  console.log(`corpus not found at ${corpus}: scale benchmark skipped`);
  process.exit(0);
}

// A deterministic random number generator (mulberry32).
let seed = 20261127;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

// 1. A pool of prose paragraphs from the corpus (no code, lists, tables or headings).
const pool = [];
for (const file of listMarkdownFiles(corpus)) {
  const body = readFileSync(file, 'utf8').replace(/^---[\s\S]*?\n---\n/, '').replace(/```[\s\S]*?```/g, '');
  for (const block of body.split(/\n\s*\n/)) {
    const text = block.trim();
    if (text.length < 120 || text.length > 800 || /^[#>|`\-*+\d<!\[{]/.test(text) || text.includes('\n')) continue;
    pool.push(text);
  }
}
const unique = [...new Set(pool)];
console.log(`${unique.length} distinct prose paragraphs from the corpus`);

// 2. Articles of 4-7 paragraphs drawn at random: each (article, paragraph) pair is made
// unique by a tag, so only planted copies repeat.
const dir = mkdtempSync(path.join(tmpdir(), 'scrapelint-scale-'));
const FOOTER = 'この記事が役に立ったら、ニュースレターに登録してください。毎週、実践的な解説記事と新しいリリースの情報をお届けします。登録はいつでも解除できます。';
const CTA = 'Enjoyed this article? Share it with your team and follow us for more practical guides on building, testing and shipping software every week.';
const articles = [];
for (let i = 0; i < total; i++) {
  const count = 4 + Math.floor(random() * 4);
  const paragraphs = Array.from({ length: count }, (_, j) => `${pick(unique)} (${i}-${j})`);
  if (i % 30 === 0) paragraphs.push(FOOTER);
  if (i % 97 === 0) paragraphs.push(CTA);
  articles.push({ name: `a${String(i).padStart(6, '0')}.md`, title: `Article ${i}`, date: `2024-${String((i % 12) + 1).padStart(2, '0')}-01`, paragraphs });
}
const edit = (text) => text.replace(/(\S{3,})(\s|、|。)/, (whole, word, after) => `${word}X${after}`);
const plantedCopies = [];
for (let k = 0; k < planted; k++) {
  const source = articles[Math.floor(random() * total)];
  articles.push({ name: `copy-exact-${k}.md`, title: source.title, date: '2025-06-01', paragraphs: [...source.paragraphs] });
  plantedCopies.push({ kind: 'exact article', copy: `copy-exact-${k}.md`, source: source.name });
  const other = articles[Math.floor(random() * total)];
  articles.push({ name: `copy-edited-${k}.md`, title: other.title, date: '2025-06-01', paragraphs: other.paragraphs.map((p, j) => (j % 3 === 0 ? edit(p) : p)) });
  plantedCopies.push({ kind: 'edited article', copy: `copy-edited-${k}.md`, source: other.name });
  const from = articles[Math.floor(random() * total)];
  const into = articles[Math.floor(random() * total)];
  if (from === into || into.name.startsWith('copy-') || from.name.startsWith('copy-')) continue;
  // The longest paragraph: shorter ones than the rule's minLength are not compared, by design.
  const pasted = from.paragraphs.filter((p) => p !== FOOTER && p !== CTA).reduce((a, b) => (b.length > a.length ? b : a));
  into.paragraphs.splice(1, 0, pasted);
  plantedCopies.push({ kind: 'pasted paragraph', copy: into.name, source: from.name });
}
for (const a of articles) writeFileSync(path.join(dir, a.name), `---\ntitle: "${a.title}"\ndate: ${a.date}\n---\n\n${a.paragraphs.join('\n\n')}\n`);
console.log(`${articles.length} articles written to ${dir}; planted: ${plantedCopies.length} copies; boilerplate: a footer in ${Math.ceil(total / 30)} files, a call to action in ${Math.ceil(total / 97)}`);

// 3. One run with every rule, as a cleanup would do it.
const report = path.join(dir, 'report.json');
// Peak memory of the whole run: the main process and its worker processes.
const run = await measureRun(process.execPath, [path.join(root, 'bin/scrapelint.js'), '--no-config', '-f', 'json', '-o', report, dir]);
const wall = run.wallSeconds;
const peak = run.peakMb;
const results = JSON.parse(readFileSync(report, 'utf8'));

// 4. Score: a planted copy is found when the copy or its source is reported against the other.
const reports = [];
for (const result of results) {
  for (const m of result.messages) {
    if (m.ruleId !== 'cross-file-duplicate') continue;
    reports.push({ file: path.basename(result.filePath), other: path.basename(m.related.filePath), message: m.message, line: m.line });
  }
}
const key = (a, b) => [a, b].sort().join(' ');
const plantedPairs = new Map(plantedCopies.map((c) => [key(c.copy, c.source), c]));
const found = new Set();
let falseReports = 0;
let boilerplateReports = 0;
for (const r of reports) {
  const pair = plantedPairs.get(key(r.file, r.other));
  if (pair) found.add(pair);
  else falseReports++;
  const text = readFileSync(path.join(dir, r.file), 'utf8').split('\n')[r.line - 1] ?? '';
  if (text.startsWith(FOOTER.slice(0, 20)) || text.startsWith(CTA.slice(0, 20))) boilerplateReports++;
}
const byKind = {};
for (const c of plantedCopies) {
  byKind[c.kind] ??= { planted: 0, found: 0 };
  byKind[c.kind].planted++;
  if (found.has(c)) byKind[c.kind].found++;
}
console.log(`wall ${wall.toFixed(1)} s (${(articles.length / wall).toFixed(0)} files/s), peak RSS of the process tree ${peak.toFixed(0)} MB, exit ${run.status}`);
for (const [kind, { planted: n, found: f }] of Object.entries(byKind)) console.log(`  ${kind.padEnd(16)} found ${f}/${n} = ${(f / n).toFixed(3)}`);
console.log(`  all planted      found ${found.size}/${plantedCopies.length} = ${(found.size / plantedCopies.length).toFixed(3)}`);
console.log(`  false reports: ${falseReports} (of ${reports.length} cross-file reports); boilerplate reported: ${boilerplateReports}`);
if (!process.env.SCALE_KEEP) rmSync(dir, { recursive: true, force: true });
