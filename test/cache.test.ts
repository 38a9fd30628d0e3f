import { describe, expect, it } from 'vitest';
import { readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempDir } from './helpers.js';

const PARAGRAPH = 'A paragraph long enough to be reported as a repeat when the article carries it twice.';
const REPEATED = `---\ntitle: Cached\n---\n\n${PARAGRAPH}\n\n${PARAGRAPH}\n`;
const CLEAN = '---\ntitle: Clean\n---\n\nAll good.\n';

function setup(files: Record<string, string> = { 'a.md': REPEATED, 'b.md': CLEAN }) {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const cacheFile = path.join(dir, '.scrapelintcache');
  const lint = (...args: string[]) => runCli(['--cache', '-f', 'compact', ...args, '.'], { cwd: dir });
  /** Rewrites the cached message of a.md: if a run prints it, the result came from the cache. */
  const tamper = () => {
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
    cache.entries['a.md'].result.messages[0].message = 'FROM CACHE';
    writeFileSync(cacheFile, JSON.stringify(cache));
  };
  return { dir, cacheFile, lint, tamper };
}

describe('--cache', () => {
  it('stores results and reuses them while file, config and version are unchanged', () => {
    const { cacheFile, lint, tamper } = setup();
    const first = lint();
    expect(first.stdout).toContain('a.md:7:1: error Paragraph repeats line 5.');
    expect(existsSync(cacheFile)).toBe(true);
    tamper();
    const second = lint();
    expect(second.stdout).toContain('a.md:7:1: error FROM CACHE');
    expect(second.code).toBe(1);
  });

  it('a changed file is linted again', () => {
    const { dir, lint, tamper } = setup();
    lint();
    tamper();
    writeFileSync(path.join(dir, 'a.md'), `${REPEATED}\nOne more line.\n`);
    expect(lint().stdout).toContain('Paragraph repeats line 5.');
  });

  it('a changed configuration or scrapelint version invalidates the cache', () => {
    const { dir, cacheFile, lint, tamper } = setup();
    lint();
    tamper();
    writeFileSync(path.join(dir, '.scrapelintrc.json'), '{"rules":{"scrape-residue":"off"}}');
    expect(lint().stdout).not.toContain('FROM CACHE');
    tamper();
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
    cache.version = '0.0.0-other';
    writeFileSync(cacheFile, JSON.stringify(cache));
    expect(lint().stdout).not.toContain('FROM CACHE');
  });

  it('content strategy survives a new mtime (a fresh clone); metadata strategy does not', () => {
    const { dir, lint, tamper } = setup();
    lint();
    tamper();
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(dir, 'a.md'), later, later);
    expect(lint().stdout).toContain('FROM CACHE');
    lint('--cache-strategy', 'metadata');
    tamper();
    expect(lint('--cache-strategy', 'metadata').stdout).toContain('FROM CACHE');
    const evenLater = new Date(Date.now() + 120_000);
    utimesSync(path.join(dir, 'a.md'), evenLater, evenLater);
    expect(lint('--cache-strategy', 'metadata').stdout).not.toContain('FROM CACHE');
  });

  it('a run over unchanged files leaves the cache file as it is; a deleted file is dropped from it', () => {
    const { dir, cacheFile, lint } = setup();
    lint();
    const before = readFileSync(cacheFile, 'utf8');
    // Marks the file: a rewrite would drop the mark.
    writeFileSync(cacheFile, before.replace('{', '{"mark":1,'));
    lint();
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).mark).toBe(1);
    rmSync(path.join(dir, 'b.md'));
    lint();
    const after = JSON.parse(readFileSync(cacheFile, 'utf8'));
    expect(after.mark).toBeUndefined();
    expect(Object.keys(after.entries)).toEqual(['a.md']);
  });

  it('a corrupt cache file is replaced with a warning, never a crash', () => {
    const { cacheFile, lint } = setup();
    writeFileSync(cacheFile, '{"format":1,"entr');
    const run = lint();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`scrapelint: warning: cache file ${cacheFile} is unreadable`);
    expect(run.stdout).toContain('Paragraph repeats line 5.');
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).entries['a.md']).toBeDefined();
    expect(lint().stderr).toBe('');
  });

  it('--fix does not trust a cached result that has something to fix, and caches the fixed file', () => {
    const { dir, lint, cacheFile } = setup();
    lint();
    const fixed = lint('--fix');
    expect(fixed.code).toBe(0);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(`---\ntitle: Cached\n---\n\n${PARAGRAPH}\n`);
    const entry = JSON.parse(readFileSync(cacheFile, 'utf8')).entries['a.md'];
    expect(entry.result.messages).toEqual([]);
    expect(entry.size).toBe(Buffer.byteLength(readFileSync(path.join(dir, 'a.md'))));
  });

  it('--cache-location takes a file or a directory', () => {
    const { dir } = setup();
    runCli(['--cache', '--cache-location', 'tmp/cache.json', '.'], { cwd: dir });
    expect(existsSync(path.join(dir, 'tmp/cache.json'))).toBe(true);
    runCli(['--cache', '--cache-location', 'cachedir/', '.'], { cwd: dir });
    expect(existsSync(path.join(dir, 'cachedir/.scrapelintcache'))).toBe(true);
  });
});
