#!/usr/bin/env node
// Which files a bulk --fix changes: copies ../shared/corpus to a scratch folder, runs the
// CLI with --fix (and --unsafe-fixes with --unsafe) as a cleanup run would, lists every
// file changed beyond blank lines, then runs --fix again over its own output and lists
// what that second run changes (it should change nothing).
//   node scripts/fix-changes.mjs [--unsafe] [corpusDir]    (skips when the corpus is absent)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withoutBlankLines } from './lib/fix-invariant.mjs';
import { writableScratch } from './lib/scratch.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const unsafe = args.includes('--unsafe');
const corpus = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, '../shared/corpus'));
if (!existsSync(corpus)) {
  console.log(`corpus not found at ${corpus}; skipped`);
  process.exit(0);
}
const { scratch, files } = writableScratch('scrapelint-fix-changes-', [['corpus', corpus]]);
const copy = path.join(scratch, 'corpus');
try {
  const run = () => {
    try {
      execFileSync(process.execPath, [path.join(root, 'bin/scrapelint.js'), '--fix', ...(unsafe ? ['--unsafe-fixes'] : []), '--no-config', '-f', 'json', copy], { stdio: 'ignore' });
    } catch {
      // Exit code 1: problems remain (reported only, or unsafe ones): expected.
    }
  };
  const before = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
  run();
  const after = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
  const changed = files.filter((file) => withoutBlankLines(before.get(file)) !== withoutBlankLines(after.get(file)));
  console.log(`--fix${unsafe ? ' --unsafe-fixes' : ''}: ${changed.length} of ${files.length} files changed beyond blank lines`);
  for (const file of changed) console.log(`  ${path.relative(copy, file)}`);
  run();
  const again = files.filter((file) => readFileSync(file, 'utf8') !== after.get(file));
  console.log(`second run over its own output: ${again.length} files changed`);
  for (const file of again) console.log(`  ${path.relative(copy, file)}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
