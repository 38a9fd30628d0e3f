import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

describe('npm package', () => {
  it('ships the built JavaScript, types, bin and rule docs, and no TypeScript sources', () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const [pack] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as [{ files: { path: string }[] }];
    const files = pack.files.map((f) => f.path);
    for (const expected of ['bin/scrapelint.js', 'dist/bundle/cli.js', 'dist/bundle/worker.js', 'scripts/build-on-install.mjs', 'dist/src/cli.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/worker.js', 'dist/rules/index.js', 'rules/duplicate-paragraph.md', 'README.md', 'package.json']) {
      expect(files).toContain(expected);
    }
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.some((f) => f.startsWith('fixtures/') || f.startsWith('test/'))).toBe(false);
  });
});
