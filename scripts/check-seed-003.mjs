#!/usr/bin/env node
// Checks the promise made for seed 003: `--fix --unsafe-fixes` leaves no marker, no
// repeated sentence, no fragment, and loses no sentence that appeared once.
//   node scripts/check-seed-003.mjs [path-to-003]
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fixText, lintText } from '../dist/src/index.js';

const dir = '../shared/seeds';
const file = process.argv[2] ?? (existsSync(dir) ? path.join(dir, readdirSync(dir).find((n) => n.startsWith('003_')) ?? '') : '');
if (!file || !existsSync(file)) {
  console.log('seed 003 not found; skipped');
  process.exit(0);
}
const source = readFileSync(file, 'utf8');
const { output, fixedCount } = fixText(source, { filePath: file, unsafe: true });
const body = (text) => text.replace(/^---[\s\S]*?\n---\n/, '');
const sentences = (text) => body(text).split(/(?<=[。！？])|\n+/).map((s) => s.replace(/[\s#*_`]+/g, '')).filter((s) => s.length >= 8 && !/^-+END-+$/.test(s));
const count = (list) => list.reduce((m, s) => m.set(s, (m.get(s) ?? 0) + 1), new Map());
const before = count(sentences(source));
const after = count(sentences(output));
const flat = output.replace(/[\s#*_`]+/g, '');
const lost = [...before].filter(([s, n]) => n === 1 && !flat.includes(s)).map(([s]) => s);
const repeated = [...after].filter(([, n]) => n > 1).map(([s]) => s);
const markers = (output.match(/---END---/g) ?? []).length;
const remaining = lintText(output, { filePath: file }).messages.filter((m) => m.ruleId !== 'front-matter');
console.log(`fixed ${fixedCount} problems; ${source.length} -> ${output.length} characters`);
console.log(`markers left: ${markers}; repeated sentences: ${repeated.length}; unique sentences lost: ${lost.length}; problems left (body): ${remaining.length}`);
for (const s of [...repeated, ...lost]) console.log(`  ${s.slice(0, 80)}`);
for (const m of remaining) console.log(`  ${m.line}:${m.column} ${m.message}`);
process.exitCode = markers || repeated.length || lost.length ? 1 : 0;
