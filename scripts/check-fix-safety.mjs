#!/usr/bin/env node
// Measures the promise "--fix never removes text that is not kept elsewhere" on real
// data. Copies ../shared/corpus and ../shared/samples/damaged to a scratch folder, runs
// the real CLI there (`scrapelint --fix --no-config -f json`), and for every file it
// changed checks that each removed line still stands, whitespace aside, in the output
// (empty lines and end-marker lines excepted; see scripts/lib/fix-invariant.mjs).
// With --unsafe it runs again on a fresh copy with --fix --unsafe-fixes, where the rule is
// the unsafe one: no sentence that occurs once is lost unless a near variant of it
// (Levenshtein similarity >= 0.8) is kept. Removed lines that stand nowhere are listed
// there too, for information (removing a near copy does that by design).
//
//   npm run build && node scripts/check-fix-safety.mjs [--unsafe] [--no-samples] [--no-corpus] [--keep] [--list N]
//
// Prints files scanned and changed (per folder), removed lines and every exception
// (file:line and the line; file and sentence at the unsafe level). Exits 1 when there is
// an exception at either level (or the CLI crashed), 0 otherwise, and 0 with a note when
// ../shared is absent. Nothing from ../shared is written into the repository.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { writableScratch } from './lib/scratch.mjs';
import { lostLines, lostSentences } from './lib/fix-invariant.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = path.resolve(root, '../shared');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const listLimit = Number(option('--list', 200));

/** The folders to copy: scratch name → shared source. */
function sources() {
  const chosen = [];
  if (!args.includes('--no-corpus')) chosen.push(['corpus', path.join(shared, 'corpus')]);
  if (!args.includes('--no-samples')) chosen.push(['samples', path.join(shared, 'samples', 'damaged')]);
  return chosen.filter(([, dir]) => existsSync(dir));
}

function runCli(scratch, names, unsafe) {
  const cliArgs = [path.join(root, 'bin/scrapelint.js'), '--fix', ...(unsafe ? ['--unsafe-fixes'] : []), '--no-config', '-f', 'json', '-o', 'report.json', ...names];
  const started = performance.now();
  const run = spawnSync(process.execPath, cliArgs, { cwd: scratch, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: run.status, stderr: run.stderr ?? '', seconds: (performance.now() - started) / 1000 };
}

/** One full pass: copy, fix, compare. Returns the counts and the exceptions. */
function checkLevel(chosen, unsafe) {
  const { scratch, files } = writableScratch('scrapelint-fix-safety-', chosen);
  const before = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
  const run = runCli(scratch, chosen.map(([name]) => name), unsafe);
  const tally = { scanned: files.length, changed: 0, removed: 0, viaTrailingMarker: 0, exceptions: [], sentences: [], byFolder: {}, run };
  for (const file of files) {
    const name = path.relative(scratch, file);
    const folder = (tally.byFolder[name.split(path.sep)[0]] ??= { scanned: 0, changed: 0, exceptions: 0, sentences: 0 });
    folder.scanned++;
    const after = readFileSync(file, 'utf8');
    if (after === before.get(file)) continue;
    tally.changed++;
    folder.changed++;
    const { removed, lost, viaTrailingMarker } = lostLines(before.get(file), after);
    tally.removed += removed;
    tally.viaTrailingMarker += viaTrailingMarker;
    folder.exceptions += lost.length;
    for (const entry of lost) tally.exceptions.push({ file: name, ...entry });
    const sentences = unsafe ? lostSentences(before.get(file), after) : [];
    folder.sentences += sentences.length;
    for (const sentence of sentences) tally.sentences.push({ file: name, sentence });
  }
  if (args.includes('--keep')) console.log(`scratch copy kept: ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
  return tally;
}

/** Prints one level; returns whether it failed (the exceptions that count at this level, or a crash). */
function printLevel(label, tally, unsafe) {
  const { run } = tally;
  const crashed = run.status !== 0 && run.status !== 1;
  console.log(`\n== ${label} ==`);
  console.log(`CLI exit code ${run.status} in ${run.seconds.toFixed(1)} s${crashed ? ` (CRASH)\n${run.stderr.slice(0, 2000)}` : ''}`);
  console.log(`files scanned: ${tally.scanned}`);
  console.log(`files changed: ${tally.changed}`);
  console.log(`removed lines: ${tally.removed} (${tally.viaTrailingMarker} of them pass only once a trailing end marker is taken off)`);
  for (const [folder, f] of Object.entries(tally.byFolder)) {
    console.log(`  ${folder}: ${f.scanned} scanned, ${f.changed} changed, ${f.exceptions} removed lines standing nowhere${unsafe ? `, ${f.sentences} sentences lost` : ''}`);
  }
  const heading = unsafe ? 'removed lines that stand nowhere in the output (for information: removing a near copy does this)' : 'exceptions (removed lines that stand nowhere in the output)';
  printList(heading, tally.exceptions, (e) => `${e.file}:${e.line}: ${oneLine(e.text)}`);
  if (!unsafe) return tally.exceptions.length > 0 || crashed;
  printList('exceptions (sentences that occur once and are gone, no near variant kept)', tally.sentences, (e) => `${e.file}: ${oneLine(e.sentence, 100)}`);
  return tally.sentences.length > 0 || crashed;
}

function printList(heading, entries, format) {
  console.log(`${heading}: ${entries.length} in ${new Set(entries.map((e) => e.file)).size} files`);
  for (const entry of entries.slice(0, listLimit)) console.log(`  ${format(entry)}`);
  if (entries.length > listLimit) console.log(`  … ${entries.length - listLimit} more (--list N shows more)`);
}

const oneLine = (text, n = 160) => (text.length > n ? `${text.slice(0, n)}…` : text);

const chosen = sources();
if (chosen.length === 0) {
  console.log('../shared/corpus and ../shared/samples not found; skipped');
  process.exit(0);
}
console.log(`checking --fix over a scratch copy of ${chosen.map(([, dir]) => path.relative(root, dir)).join(' and ')}`);
let failed = printLevel('--fix (safe)', checkLevel(chosen, false), false);
if (args.includes('--unsafe')) failed = printLevel('--fix --unsafe-fixes', checkLevel(chosen, true), true) || failed;
process.exit(failed ? 1 : 0);
