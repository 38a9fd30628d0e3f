import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bin, tempDir } from './helpers.js';

/**
 * runCli from helpers.ts, with a timeout: a regression here hangs the command (reading
 * /dev/zero never ends, opening a pipe waits for a writer), and spawnSync would block
 * the test run with it. SIGKILL after 10 s makes that a failure instead.
 */
function runCli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 10_000,
    killSignal: 'SIGKILL',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const GOOD = '---\ntitle: Good\n---\n\nA paragraph that is fine.\n';
const DAMAGED = '---\ntitle: Damaged\n---\n\nA paragraph that stays.\n\n---END---\n';
const FIXED = '---\ntitle: Damaged\n---\n\nA paragraph that stays.\n';

const hasMkfifo = spawnSync('mkfifo', ['--version']).error === undefined;
const blockDevice = ['/dev/loop0', '/dev/vda', '/dev/sda', '/dev/nvme0n1', '/dev/disk0'].find((device) => {
  try {
    return statSync(device).isBlockDevice();
  } catch {
    return false;
  }
});

function makeFifo(file: string): void {
  const made = spawnSync('mkfifo', [file]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function makeSocket(file: string): Promise<void> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(file, resolve));
}

/** The special files, each as a `make(path)` that creates it under that name. */
const specials: [string, string, ((file: string) => void | Promise<void>) | undefined][] = [
  ['a symlink to /dev/zero', 'a character device', (file) => symlinkSync('/dev/zero', file)],
  ['a symlink to /dev/urandom', 'a character device', (file) => symlinkSync('/dev/urandom', file)],
  ['a named pipe (mkfifo)', 'a named pipe', hasMkfifo ? makeFifo : undefined],
  ['a symlink to a named pipe', 'a named pipe', hasMkfifo ? (file) => (makeFifo(`${file}.fifo`), symlinkSync(path.basename(`${file}.fifo`), file)) : undefined],
  ['a socket', 'a socket', process.platform === 'win32' ? undefined : makeSocket],
  ['a symlink to a block device', 'a block device', blockDevice ? (file) => symlinkSync(blockDevice, file) : undefined],
];

describe('special files named on the command line get one message and never hang the run', () => {
  for (const [name, type, make] of specials) {
    it.skipIf(!make)(`${name}: reported as ${type}, good.md is linted`, async () => {
      const dir = tempDir();
      await make!(path.join(dir, 'special.md'));
      writeFileSync(path.join(dir, 'good.md'), GOOD);
      writeFileSync(path.join(dir, 'bad.md'), DAMAGED);
      const started = Date.now();
      const { code, signal, stdout, stderr } = runCli(['-f', 'compact', 'special.md', 'good.md', 'bad.md'], dir);
      expect(signal).toBeNull();
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(stderr).toBe('');
      expect(code).toBe(1);
      expect(stdout).toContain(`special.md:1:1: error not a regular file: ${type}; not linted`);
      expect(stdout.split('\n').filter((line) => line.startsWith('special.md'))).toHaveLength(1);
      // The other files are linted as usual: bad.md's marker is found, good.md has nothing.
      expect(stdout).toContain('bad.md:7:1: error End-of-generation marker');
      expect(stdout).not.toContain('good.md');
    });

    it.skipIf(!make)(`${name}: --fix reports it and fixes the other files`, async () => {
      const dir = tempDir();
      await make!(path.join(dir, 'special.md'));
      writeFileSync(path.join(dir, 'good.md'), DAMAGED);
      const started = Date.now();
      const { code, signal, stdout } = runCli(['--fix', '-f', 'json', 'special.md', 'good.md'], dir);
      expect(signal).toBeNull();
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(code).toBe(1);
      const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string | null; fatal?: boolean; message: string }[] }[];
      const special = results.find((r) => r.filePath.endsWith('special.md'))!;
      expect(special.messages).toEqual([expect.objectContaining({ ruleId: null, fatal: true, message: `not a regular file: ${type}; not linted` })]);
      expect(results.find((r) => r.filePath.endsWith('good.md'))!.messages).toEqual([]);
      expect(readFileSync(path.join(dir, 'good.md'), 'utf8')).toBe(FIXED);
      // The special file is still what it was: --fix wrote nothing in its place.
      expect(lstatSync(path.join(dir, 'special.md')).isFile()).toBe(false);
    });
  }

  it.skipIf(!hasMkfifo)('with --cache, a pipe or device put where a cached file was gets the message, never a hang', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), '');
    writeFileSync(path.join(dir, 'b.md'), '');
    // Empty files: a pipe and a device report size 0 too, so the cached size matches.
    expect(runCli(['--cache', 'a.md', 'b.md'], dir).signal).toBeNull();
    rmSync(path.join(dir, 'a.md'));
    rmSync(path.join(dir, 'b.md'));
    makeFifo(path.join(dir, 'a.md'));
    symlinkSync('/dev/zero', path.join(dir, 'b.md'));
    const { code, signal, stdout } = runCli(['--cache', '-f', 'compact', 'a.md', 'b.md'], dir);
    expect(signal).toBeNull();
    expect(code).toBe(1);
    expect(stdout).toContain('a.md:1:1: error not a regular file: a named pipe; not linted');
    expect(stdout).toContain('b.md:1:1: error not a regular file: a character device; not linted');
  });

  it.skipIf(!existsSync('/dev/zero'))('--stdin from /dev/zero and --stdin --fix from /dev/urandom stop at the size limit', () => {
    for (const [device, args] of [['/dev/zero', []], ['/dev/urandom', ['--fix']]] as const) {
      const input = openSync(device, 'r');
      const started = Date.now();
      const result = spawnSync(process.execPath, [bin, '--stdin', '--stdin-filename', 'a.md', '-f', 'compact', ...args], {
        stdio: [input, 'pipe', 'pipe'],
        encoding: 'utf8',
        timeout: 10_000,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
      });
      closeSync(input);
      expect(result.signal).toBeNull();
      expect(Date.now() - started).toBeLessThan(8_000);
      expect(result.status).toBe(1);
      expect(result.stdout + result.stderr).toContain(`a.md:1:1: error standard input is over the ${10 * 1024 * 1024}-byte limit; not linted`);
    }
  });
});

describe('special files found by a directory or glob walk are skipped silently', () => {
  it.each([['a directory', '.'], ['a glob', '*.md']])('%s', async (_, input) => {
    const dir = tempDir();
    symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
    symlinkSync('/dev/urandom', path.join(dir, 'urandom.md'));
    if (hasMkfifo) makeFifo(path.join(dir, 'fifo.md'));
    if (process.platform !== 'win32') await makeSocket(path.join(dir, 'socket.md'));
    writeFileSync(path.join(dir, 'good.md'), GOOD);
    writeFileSync(path.join(dir, 'bad.md'), DAMAGED);
    const { code, signal, stdout, stderr } = runCli(['-f', 'compact', input], dir);
    expect(signal).toBeNull();
    expect(stderr).toBe('');
    expect(code).toBe(1);
    // Only bad.md is reported: the special files are not mentioned at all.
    const reported = stdout.split('\n').filter((line) => /^\S+\.md:\d+:\d+:/.test(line));
    expect(reported).toEqual([expect.stringMatching(/^bad\.md:7:1: error End-of-generation marker/)]);
  });
});

describe('--fix writes through a symbolic link', () => {
  it('fixes the target in place, keeps its mode, and the link stays a link', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'real'));
    const target = path.join(dir, 'real', 'article.md');
    writeFileSync(target, DAMAGED);
    chmodSync(target, 0o640);
    symlinkSync(path.join('real', 'article.md'), path.join(dir, 'link.md'));
    // A link to the link: both are followed to the real file.
    symlinkSync('link.md', path.join(dir, 'link2.md'));
    const { code, signal, stdout } = runCli(['--fix', '-f', 'compact', 'link2.md'], dir);
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(stdout).toBe('');
    for (const link of ['link.md', 'link2.md']) expect(lstatSync(path.join(dir, link)).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(FIXED);
    expect(statSync(target).mode & 0o7777).toBe(0o640);
    // No temporary file is left beside the link or the target.
    expect(readdirSync(dir).sort()).toEqual(['link.md', 'link2.md', 'real']);
    expect(readdirSync(path.join(dir, 'real'))).toEqual(['article.md']);
  });

  it('keeps a BOM and CRLF line endings when writing through a link', () => {
    const dir = tempDir();
    const target = path.join(dir, 'target.md');
    writeFileSync(target, `\uFEFF${DAMAGED.replace(/\n/g, '\r\n')}`);
    symlinkSync('target.md', path.join(dir, 'link.md'));
    runCli(['--fix', 'link.md'], dir);
    expect(lstatSync(path.join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(`\uFEFF${FIXED.replace(/\n/g, '\r\n')}`);
  });

  it('a link to a read-only target is not written, and the link is left alone', () => {
    const dir = tempDir();
    const target = path.join(dir, 'target.md');
    writeFileSync(target, DAMAGED);
    chmodSync(target, 0o444);
    symlinkSync('target.md', path.join(dir, 'link.md'));
    const { code, stdout } = runCli(['--fix', '-f', 'compact', 'link.md'], dir);
    expect(code).toBe(1);
    expect(stdout).toContain('link.md:1:1: error fixes not written: file is read-only');
    expect(lstatSync(path.join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(DAMAGED);
    expect(existsSync(path.join(dir, 'link.md'))).toBe(true);
  });
});
