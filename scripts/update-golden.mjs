// Rewrites the golden expectations (fixtures/<rule>/<case>.expected.json, .fixed.md,
// .unsafe-fixed.md and fixtures/cross-file-duplicate/<case>.expected.json) from what
// scrapelint does now. Review the diff before committing it: `npm test` never writes them.
// Usage: npm run golden:update [-- <vitest options>], e.g. -- -t end-marker
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const result = spawnSync(process.execPath, [vitest, 'run', 'test/golden.test.ts', 'test/cross-file.test.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, UPDATE_GOLDEN: '1' },
  cwd: fileURLToPath(new URL('..', import.meta.url)),
});
process.exit(result.status ?? 1);
