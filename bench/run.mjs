#!/usr/bin/env node
// `npm run bench`: throughput of scrapelint on ../shared/corpus beside markdownlint-cli2
// on the same files in the same run, a cold and a warm --cache run, one-file latency
// (the pre-commit case) beside markdownlint-cli2, and the cost of one very long
// article. Medians of BENCH_RUNS runs (default 3).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText } from '../dist/src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(process.env.BENCH_CORPUS ?? path.join(root, '../shared/corpus'));
const runs = Number(process.env.BENCH_RUNS ?? 3);
// BENCH_ONLY=throughput,cache,latency runs some of the corpus sections (default: all).
const only = new Set((process.env.BENCH_ONLY ?? 'throughput,cache,latency').split(','));
const scrapelint = path.join(root, 'bin/scrapelint.js');
const markdownlint = path.join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
const textlint = path.join(root, 'node_modules/textlint/bin/textlint.js');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Wall time in seconds of a command, median of `times` runs. */
function time(command, args, { cwd = root, times = runs } = {}) {
  const samples = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [command, ...args], { cwd, stdio: 'ignore' });
    if (result.error) throw result.error;
    samples.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { median: median(samples), samples };
}

function listMarkdown(dir) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else if (/\.(md|markdown)$/.test(name)) files.push({ file: full, size: stat.size });
    }
  };
  walk(dir);
  return files;
}

const fmt = (n, digits = 1) => n.toFixed(digits);

// A neutral working directory: no project config for either tool to pick up.
const scratch = mkdtempSync(path.join(tmpdir(), 'scrapelint-bench-'));
writeFileSync(path.join(scratch, '.markdownlint-cli2.jsonc'), '{}\n');
// textlint with two common Japanese rules, resolved from this repository's node_modules.
writeFileSync(path.join(scratch, '.textlintrc.json'), JSON.stringify({ rules: { 'max-ten': true, 'no-doubled-joshi': true } }));

console.log(`node ${process.version}, ${runs} runs each, medians`);

// 1. A 3,000-paragraph article (duplicate detection must stay near-linear).
{
  const paragraphs = [];
  for (let i = 0; i < 3000; i++) paragraphs.push(`段落${i}では、項目${i * 7}について説明します。これは${i % 13}番目の話題で、内容は毎回少しずつ違います。`);
  for (let i = 0; i < 300; i++) paragraphs.push(paragraphs[i * 3]);
  const article = `---\ntitle: 長い記事\n---\n\n${paragraphs.join('\n\n')}\n`;
  const samples = [];
  for (let i = 0; i < Math.max(3, runs); i++) {
    const start = performance.now();
    const result = lintText(article, { filePath: 'long.md' });
    samples.push(performance.now() - start);
    if (i === 0) console.log(`3,300-paragraph article: ${result.messages.length} problems found`);
  }
  console.log(`3,300-paragraph article (${fmt(article.length / 1024, 0)} KB): ${fmt(median(samples), 0)} ms`);
}

if (!existsSync(corpus)) {
  console.log(`corpus not found at ${corpus}: corpus benchmarks skipped`);
  process.exit(0);
}

const files = listMarkdown(corpus);
const megabytes = files.reduce((n, f) => n + f.size, 0) / 1e6;
console.log(`corpus: ${files.length} files, ${fmt(megabytes)} MB (${corpus})`);

// 2. Throughput over the whole corpus.
const rows = [];
if (only.has('throughput')) {
const measure = (name, command, args, cwd) => {
  const { median: seconds, samples } = time(command, args, { cwd });
  rows.push({ name, seconds, samples });
  console.log(
    `${name.padEnd(36)} ${fmt(seconds).padStart(6)} s  ${fmt(files.length / seconds, 0).padStart(5)} files/s  ${fmt(megabytes / seconds, 2).padStart(5)} MB/s  (runs: ${samples.map((s) => fmt(s)).join(', ')})`,
  );
  return seconds;
};
const ours = measure('scrapelint (all rules, workers)', scrapelint, [corpus, '--format', 'json'], scratch);
const oursSingle = measure('scrapelint (all rules, --concurrency off)', scrapelint, [corpus, '--format', 'json', '--concurrency', 'off'], scratch);
const peer = measure('markdownlint-cli2 (default rules)', markdownlint, [`${corpus}/**/*.md`], scratch);
console.log(`ratio markdownlint-cli2 / scrapelint: ${fmt(peer / ours, 2)}x with workers, ${fmt(peer / oursSingle, 2)}x single-threaded`);
// textlint with Japanese morphological analysis takes over ten minutes a run: BENCH_TEXTLINT=0 skips it.
if (process.env.BENCH_TEXTLINT !== '0') {
  const textlintPeer = measure('textlint (max-ten, no-doubled-joshi)', textlint, ['--config', path.join(scratch, '.textlintrc.json'), '--rules-base-directory', path.join(root, 'node_modules'), '--format', 'json', `${corpus}/**/*.md`], scratch);
  console.log(`ratio textlint / scrapelint: ${fmt(textlintPeer / ours, 2)}x with workers, ${fmt(textlintPeer / oursSingle, 2)}x single-threaded`);
}
}

// 3. The cache: a cold run writes it, a warm run over unchanged files reuses it.
if (only.has('cache')) {
  const cacheFile = path.join(scratch, 'bench.scrapelintcache');
  const cold = [];
  const warm = [];
  for (let i = 0; i < runs; i++) {
    rmSync(cacheFile, { force: true });
    cold.push(time(scrapelint, [corpus, '--format', 'json', '--cache', '--cache-location', cacheFile], { cwd: scratch, times: 1 }).median);
    warm.push(time(scrapelint, [corpus, '--format', 'json', '--cache', '--cache-location', cacheFile], { cwd: scratch, times: 1 }).median);
  }
  console.log(`--cache: cold ${fmt(median(cold))} s, warm ${fmt(median(warm), 2)} s: warm is ${fmt(median(cold) / median(warm), 0)}x faster (runs: cold ${cold.map((s) => fmt(s)).join(', ')}; warm ${warm.map((s) => fmt(s, 2)).join(', ')})`);
}

// 4. One file, the pre-commit case: start-up dominates.
if (only.has('latency')) {
const one = files.find((f) => f.size > 4000 && f.size < 8000)?.file ?? files[0].file;
const latencyRuns = Math.max(runs, 10);
const oursOne = time(scrapelint, [one], { cwd: scratch, times: latencyRuns }).median;
const peerOne = time(markdownlint, [one], { cwd: scratch, times: latencyRuns }).median;
console.log(`one file (${path.basename(one)}): scrapelint ${fmt(oursOne * 1000, 0)} ms, markdownlint-cli2 ${fmt(peerOne * 1000, 0)} ms (ratio ${fmt(oursOne / peerOne, 2)})`);
}
