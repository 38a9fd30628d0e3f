import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { tempDir } from './helpers.js';

/**
 * Installs scrapelint's hooks with the real pre-commit tool (Debian package
 * `pre-commit`, installed by .ci/run) and commits articles through them.
 */
const root = path.resolve(__dirname, '..');
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
if (!hasPreCommit && process.env.CI) throw new Error('pre-commit is not installed: .ci/run should have installed it');

const GIT_ENV = { GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com' };
const PARAGRAPH = 'A paragraph that is long enough to count as a repeat when the article carries it twice.';
const DAMAGED = `---\ntitle: Damaged\n---\n\n${PARAGRAPH}\n\n${PARAGRAPH}\n`;
const CLEAN = `---\ntitle: Clean\n---\n\n${PARAGRAPH}\n`;

function sh(command: string, args: string[], cwd: string, env: Record<string, string>) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV, ...env } });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A git repository holding this checkout's sources and hook definitions, as users would point at. */
function hookRepository(env: Record<string, string>): { dir: string; rev: string } {
  const dir = tempDir();
  for (const entry of ['package.json', 'package-lock.json', 'tsconfig.json', '.pre-commit-hooks.yaml', 'README.md', 'bin', 'src', 'rules', 'scripts/build-on-install.mjs', 'scripts/bundle.mjs', 'scripts/fast-from-markdown.mjs']) {
    cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  }
  sh('git', ['init', '-q'], dir, env);
  sh('git', ['add', '-A'], dir, env);
  sh('git', ['commit', '-qm', 'hooks'], dir, env);
  return { dir, rev: sh('git', ['rev-parse', 'HEAD'], dir, env).output.trim() };
}

function userRepository(hooks: { dir: string; rev: string }, ids: string[], env: Record<string, string>): string {
  const dir = tempDir();
  sh('git', ['init', '-q'], dir, env);
  writeFileSync(path.join(dir, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hooks.dir}\n    rev: ${hooks.rev}\n    hooks:\n${ids.map((id) => `      - id: ${id}\n`).join('')}`);
  sh('git', ['add', '.pre-commit-config.yaml'], dir, env);
  const installed = sh('pre-commit', ['install'], dir, env);
  expect(installed.code, installed.output).toBe(0);
  return dir;
}

function commit(dir: string, file: string, text: string, env: Record<string, string>) {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
  sh('git', ['add', file], dir, env);
  return sh('git', ['commit', '-m', `add ${file}`], dir, env);
}

describe.skipIf(!hasPreCommit)('pre-commit hooks', () => {
  const env = { PRE_COMMIT_HOME: path.join(tempDir(), 'pre-commit-home') };
  const hooks = hasPreCommit ? hookRepository(env) : { dir: '', rev: '' };

  it('scrapelint refuses a commit with a damaged article and shows the report, then accepts a clean one', () => {
    const dir = userRepository(hooks, ['scrapelint'], env);
    const refused = commit(dir, 'posts/damaged.md', DAMAGED, env);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('scrapelint');
    expect(refused.output).toContain('posts/damaged.md\n  7:1  error  Paragraph repeats line 5.  duplicate-paragraph');
    expect(sh('git', ['log', '--oneline'], dir, env).output).not.toContain('add posts/damaged.md');

    sh('git', ['reset', '-q'], dir, env);
    const accepted = commit(dir, 'posts/clean.md', CLEAN, env);
    expect(accepted.code, accepted.output).toBe(0);
    expect(sh('git', ['log', '--oneline'], dir, env).output).toContain('add posts/clean.md');
  }, 300_000);

  it('scrapelint-fix fixes the staged article; the fixed file then commits', () => {
    const dir = userRepository(hooks, ['scrapelint-fix'], env);
    const first = commit(dir, 'a.md', DAMAGED, env);
    expect(first.code).not.toBe(0); // pre-commit fails a hook that modified files
    expect(first.output).toContain('files were modified by this hook');
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(`---\ntitle: Damaged\n---\n\n${PARAGRAPH}\n`);
    sh('git', ['add', 'a.md'], dir, env);
    const second = sh('git', ['commit', '-m', 'fixed'], dir, env);
    expect(second.code, second.output).toBe(0);
  }, 300_000);

  it('files in .scrapelintignore are skipped even though pre-commit names them', () => {
    const dir = userRepository(hooks, ['scrapelint'], env);
    writeFileSync(path.join(dir, '.scrapelintignore'), 'archive/\n');
    sh('git', ['add', '.scrapelintignore'], dir, env);
    const result = commit(dir, 'archive/old.md', DAMAGED, env);
    expect(result.code, result.output).toBe(0);
    expect(existsSync(path.join(dir, 'archive/old.md'))).toBe(true);
  }, 300_000);
});
