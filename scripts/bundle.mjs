#!/usr/bin/env node
// Bundles the command line (and its worker thread) into two files. Loading ~400 small
// ES modules cost ~170 ms at every start; one bundled file loads in ~40 ms, which is
// what a pre-commit hook on a few files waits for. The library entry (dist/src/index.js)
// stays unbundled for API users.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fastFromMarkdown } from './fast-from-markdown.mjs';

/**
 * js-yaml (loaded by gray-matter) tries require('esprima') for its !!js/function type.
 * scrapelint never lets js-yaml parse anything, and must never evaluate a file's
 * functions: give it a module that is not there (saves loading 280 KB at start).
 */
const noEsprima = {
  name: 'no-esprima',
  setup(build) {
    build.onResolve({ filter: /^esprima$/ }, () => ({ path: 'esprima', namespace: 'no-esprima' }));
    build.onLoad({ filter: /.*/, namespace: 'no-esprima' }, () => ({ contents: "throw new Error('esprima is left out of scrapelint on purpose');", loader: 'js' }));
  },
};

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../dist/bundle', import.meta.url), { recursive: true, force: true }); // no stale chunks
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'dist/src/cli.js', worker: 'dist/src/worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.js' },
  chunkNames: 'chunk-[hash]',
  // Some dependencies are CommonJS and call require() for Node built-ins. js-yaml (loaded
  // by gray-matter) also reaches for esprima through an indirect require, for its
  // !!js/function type: scrapelint never evaluates a file's functions, so esprima is
  // refused here (it cost 11 ms at every start).
  banner: {
    js: [
      "import { createRequire as __scrapelintCreateRequire } from 'node:module';",
      'const __scrapelintRequire = __scrapelintCreateRequire(import.meta.url);',
      "const require = Object.assign((id) => { if (id === 'esprima') throw new Error('esprima is left out of scrapelint'); return __scrapelintRequire(id); }, __scrapelintRequire);",
    ].join('\n'),
  },
  // Less source to parse at every start; names are kept for readable stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  plugins: [noEsprima, fastFromMarkdown],
});
