#!/usr/bin/env node
// Checks scrapelint against ../shared/samples (corpus articles with injected damage,
// their originals and labels): recall per damage kind, share of reports that point at
// real damage, reports on the clean originals, and how many files --fix restores.
//   node scripts/evaluate-samples.mjs [samplesDir] [--verbose]
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { lintText, fixText } from '../dist/src/index.js';

const args = process.argv.slice(2);
const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/samples');
const verbose = args.includes('--verbose');
if (!existsSync(path.join(dir, 'labels.json'))) {
  console.log(`samples not found at ${dir}; skipped`);
  process.exit(0);
}
const labels = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8'));
const perKind = new Map();
let reports = 0;
let truePositive = 0;
let cleanReports = 0;
let fixable = 0;
let restored = 0;
let lostSentences = 0;
const misses = [];
const falseReports = [];
const unrestored = [];
const lost = [];
const withoutBlankLines = (text) => text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '').join('\n');

for (const [name, label] of Object.entries(labels)) {
  const damaged = readFileSync(path.join(dir, 'damaged', name), 'utf8');
  const clean = readFileSync(path.join(dir, 'clean', name), 'utf8');
  const messages = lintText(damaged, { filePath: name }).messages;
  const touches = (m, d) => d.rules.includes(m.ruleId) && m.line <= d.lines[1] && m.endLine >= d.lines[0];
  for (const d of label.damage) {
    const entry = perKind.get(d.kind) ?? { total: 0, found: 0 };
    entry.total++;
    if (messages.some((m) => touches(m, d))) entry.found++;
    else misses.push(`${name} ${d.kind} lines ${d.lines.join('-')}`);
    perKind.set(d.kind, entry);
  }
  for (const m of messages) {
    reports++;
    if (label.damage.some((d) => touches(m, d))) truePositive++;
    else falseReports.push(`${name}:${m.line} [${m.ruleId}] ${m.message.slice(0, 120)}`);
  }
  cleanReports += lintText(clean, { filePath: name }).messages.filter((m) => m.messageId !== 'required').length;
  const levels = label.damage.map((d) => d.fix);
  if (levels.length > 0 && levels.every((l) => l === 'safe' || l === 'unsafe')) {
    fixable++;
    const unsafe = levels.includes('unsafe');
    const { output } = fixText(damaged, { filePath: name, unsafe });
    if (withoutBlankLines(output) === withoutBlankLines(clean)) restored++;
    else unrestored.push(`${name} (${label.damage.map((d) => d.kind).join(', ')})`);
  }
  const safe = fixText(damaged, { filePath: name }).output;
  const sentences = (t) => t.split(/(?<=[。．！？!?])|(?<=\.)\s+|\n+/).map((s) => s.trim()).filter((s) => s.length >= 8);
  const counts = new Map();
  for (const s of sentences(damaged)) counts.set(s, (counts.get(s) ?? 0) + 1);
  const flat = (t) => t.replace(/\s+/g, '');
  const safeFlat = flat(safe);
  for (const [s, n] of counts) {
    if (n === 1 && !safeFlat.includes(flat(s)) && !/END|<\|/i.test(s)) {
      lostSentences++;
      if (verbose) lost.push(`${name}: ${s.slice(0, 100)}`);
    }
  }
}

console.log('recall per damage kind:');
for (const [kind, { total, found }] of [...perKind].sort()) console.log(`  ${kind.padEnd(20)} ${found}/${total} = ${(found / total).toFixed(2)}`);
console.log(`reports pointing at real damage: ${truePositive}/${reports} = ${(truePositive / reports).toFixed(3)}`);
console.log(`reports on the ${Object.keys(labels).length} clean originals (required-field reports aside): ${cleanReports}`);
console.log(`--fix restores ${restored}/${fixable} fixable files = ${(restored / fixable).toFixed(3)}`);
console.log(`unique sentences lost by --fix (safe): ${lostSentences}`);
if (verbose) {
  console.log('\nmissed:\n  ' + misses.join('\n  '));
  console.log('\nreports not on damage:\n  ' + falseReports.join('\n  '));
  console.log('\nnot restored:\n  ' + unrestored.join('\n  '));
  console.log('\nunique sentences lost by --fix:\n  ' + lost.join('\n  '));
}
