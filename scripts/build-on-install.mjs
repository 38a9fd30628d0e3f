#!/usr/bin/env node
// Builds dist/ after `npm install` in a checkout of this repository (a git clone,
// pre-commit installing the hook). An installed package ships dist/ and no src/, so
// there is nothing to do. This runs as `postinstall`, not `prepare`: `npm pack` runs
// `prepare` and prints its banner on stdout, where pre-commit expects the tarball name.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}/src`) || !existsSync(`${root}/tsconfig.json`)) process.exit(0);
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  console.error('scrapelint: cannot build dist/: TypeScript is not installed (install the dev dependencies too).');
  process.exit(1);
}
// Compiler output goes to stderr: stdout belongs to the command that ran npm.
for (const args of [[tsc, '-p', 'tsconfig.json'], ['scripts/bundle.mjs']]) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
