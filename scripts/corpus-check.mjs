#!/usr/bin/env node
// False-positive hunt: lints every article of ../shared/corpus (real, mostly clean
// articles) and counts reports per rule and message. Usage:
//   node scripts/corpus-check.mjs [corpusDir] [--show messageId] [--limit N]
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { lintText } from '../dist/src/index.js';
import { listMarkdownFiles } from './lib/markdown-files.mjs';

const args = process.argv.slice(2);
const flagValues = new Set(['--show', '--limit'].map((f) => args[args.indexOf(f) + 1]).filter((v, i) => args.includes(['--show', '--limit'][i])));
const dir = path.resolve(args.find((a) => !a.startsWith('--') && !flagValues.has(a)) ?? '../shared/corpus');
const show = args.includes('--show') ? args[args.indexOf('--show') + 1] : undefined;
const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : 15;
if (!existsSync(dir)) {
  console.log(`corpus not found at ${dir}; skipped`);
  process.exit(0);
}
const files = listMarkdownFiles(dir);
const counts = new Map();
const examples = new Map();
let filesWithReports = 0;
let untitledReports = 0;
let noFrontMatterFiles = 0;
let other = 0;
const started = performance.now();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const result = lintText(text, { filePath: file });
  if (result.messages.length) filesWithReports++;
  for (const m of result.messages) {
    const key = `${m.ruleId}/${m.messageId}`;
    const byDesign = m.messageId === 'required' || m.messageId === 'missing' || m.messageId === 'scrapedHeader' || m.messageId === 'empty';
    if (byDesign) untitledReports++;
    else other++;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (!examples.has(key)) examples.set(key, []);
    examples.get(key).push(`${path.relative(dir, file)}:${m.line}:${m.column} ${m.message}`);
  }
  if (file.includes('no-front-matter')) noFrontMatterFiles++;
}
const seconds = (performance.now() - started) / 1000;
console.log(`${files.length} files in ${seconds.toFixed(1)} s; ${filesWithReports} files with reports`);
console.log(`reports by design (no title / no front matter): ${untitledReports}; other reports: ${other} = ${((100 * other) / files.length).toFixed(2)} per 100 files`);
for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${key}`);
for (const [key, list] of examples) {
  if (show && !key.endsWith(show) && show !== 'all') continue;
  console.log(`\n## ${key}`);
  for (const line of list.slice(0, limit)) console.log(`  ${line.slice(0, 300)}`);
}
