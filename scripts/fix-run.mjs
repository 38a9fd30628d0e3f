#!/usr/bin/env node
// `--fix --unsafe-fixes` over a scratch copy of ../shared/corpus and ../shared/seeds, as
// a cleanup run would do it: checks that nothing crashes, counts files changed and
// problems fixed, measures peak memory, and writes every diff for review.
//   node scripts/fix-run.mjs [--keep]     (skips when the shared data is absent)
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTwoFilesPatch } from 'diff';
import { listMarkdownFiles } from './lib/markdown-files.mjs';
import { measureRun } from './lib/measure-run.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = path.resolve(root, '../shared');
if (!existsSync(path.join(shared, 'corpus'))) {
  console.log('../shared/corpus not found; skipped');
  process.exit(0);
}
const scratch = mkdtempSync(path.join(tmpdir(), 'scrapelint-fix-run-'));
cpSync(path.join(shared, 'corpus'), path.join(scratch, 'corpus'), { recursive: true });
mkdirSync(path.join(scratch, 'seeds'));
for (const name of readdirSync(path.join(shared, 'seeds'))) {
  if (name.endsWith('.txt')) cpSync(path.join(shared, 'seeds', name), path.join(scratch, 'seeds', name.replace(/\.txt$/, '.md')));
}
const files = listMarkdownFiles(scratch);
// The shared data is read-only, and scrapelint does not rewrite read-only files.
for (const file of files) chmodSync(file, 0o644);
const before = new Map(files.map((file) => [file, readFileSync(file)]));

// Peak memory of the whole run: the main process and its worker processes.
const run = await measureRun(process.execPath, [path.join(root, 'bin/scrapelint.js'), '--fix', '--unsafe-fixes', '--no-config', '-f', 'json', '-o', path.join(scratch, 'report.json'), 'corpus', 'seeds'], { cwd: scratch });
const stderr = run.stderr;

const results = JSON.parse(readFileSync(path.join(scratch, 'report.json'), 'utf8'));
let changed = 0;
let fixed = 0;
let diffs = '';
for (const result of results) fixed += result.fixedCount ?? 0;
for (const file of files) {
  const after = readFileSync(file);
  if (Buffer.compare(after, before.get(file)) === 0) continue;
  changed++;
  const name = path.relative(scratch, file);
  diffs += createTwoFilesPatch(`a/${name}`, `b/${name}`, before.get(file).toString('utf8'), after.toString('utf8'), '', '', { context: 1 });
}
const remaining = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
const fatal = results.reduce((n, r) => n + r.fatalErrorCount, 0);
writeFileSync(path.join(scratch, 'changes.diff'), diffs);
console.log(`${files.length} files (${before.size - files.filter((f) => f.includes('/seeds/')).length} corpus, ${files.filter((f) => f.includes('/seeds/')).length} seeds)`);
console.log(`exit code ${run.status}; crash or stack trace on stderr: ${/crashed|\n\s+at /.test(stderr) ? 'YES' : 'no'}${stderr ? `\nstderr: ${stderr.slice(0, 2000)}` : ''}`);
console.log(`files changed: ${changed}; problems fixed: ${fixed}; problems left: ${remaining} (${fatal} files refused)`);
console.log(`peak RSS of the process tree ${run.peakMb.toFixed(0)} MB, wall ${run.wallSeconds.toFixed(1)} s`);
console.log(`diffs for review: ${path.join(scratch, 'changes.diff')}`);
if (!process.argv.includes('--keep')) {
  for (const name of ['corpus', 'seeds']) rmSync(path.join(scratch, name), { recursive: true, force: true });
}
