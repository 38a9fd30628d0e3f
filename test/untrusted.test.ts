import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { fixText, lintText } from '../src/index.js';
import { writeFileAtomic } from '../src/files.js';
import { runCli, tempDir } from './helpers.js';

/**
 * Hostile input, through the command line as users meet it: each case asserts the
 * message, the exit code, and that the bytes on disk are untouched where they must be.
 */
function fileWith(name: string, content: string | Buffer): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return { dir, file };
}

/** Runs `--fix` on one file and checks that its bytes did not change. */
function fixLeavesBytes(name: string, content: string | Buffer) {
  const { dir, file } = fileWith(name, content);
  const before = readFileSync(file);
  const run = runCli(['--fix', '-f', 'compact', name], { cwd: dir });
  expect(Buffer.compare(readFileSync(file), before), 'file bytes changed').toBe(0);
  return { ...run, dir, file };
}

describe('nothing in a file is evaluated', () => {
  it.each(['js', 'javascript', 'coffee', 'coffeescript', 'lua'])('front matter tagged ---%s is refused, not run', (tag) => {
    const { dir } = fileWith('a.md', '');
    const canary = path.join(dir, 'ran');
    const code = `require('fs').writeFileSync(${JSON.stringify(canary)}, 'x'); module.exports = { title: 'x' }`;
    writeFileSync(path.join(dir, 'a.md'), `---${tag}\n${code}\n---\n\nBody text.\n`);
    const run = runCli(['-f', 'compact', '--fix', 'a.md'], { cwd: dir });
    expect(existsSync(canary)).toBe(false);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`a.md:1:1: error Front matter refused: front matter in language "${tag}" is not evaluated.`);
  });

  it('a second front-matter block further down is reported, not read as the article\'s', () => {
    const { code, stdout } = fixLeavesBytes('a.md', '---\ntitle: First\n---\n\nIntro text.\n\n---\ntitle: Second\nlayout: post\n---\n\nMore text.\n');
    expect(code).toBe(1);
    expect(stdout).toContain('a.md:7:1: error A second front-matter block starts on line 7');
  });

  it.each(['!!js/function "function () { process.exit(9) }"', '!!python/object:os.system "echo pwned"', '!!js/regexp /a/'])('the YAML tag %s is reported as text, never constructed', (tagged) => {
    const { code, stdout } = fixLeavesBytes('a.md', `---\ntitle: T\nhook: ${tagged}\n---\n\nBody.\n`);
    expect(code).toBe(1);
    expect(stdout).toMatch(/a\.md:3:\d+: error Invalid YAML in front matter: unsupported tag !![a-z/:.]+ \(read as text, never run\)\./);
  });

  it('gray-matter keeps no cache of the files it has seen', () => {
    for (let i = 0; i < 20; i++) lintText(`---\ntitle: Article ${i}\n---\n\nBody ${i}.\n`);
    expect(Object.keys((matter as unknown as { cache: Record<string, unknown> }).cache)).toEqual([]);
  });
});

describe('YAML that would blow up is bounded', () => {
  it('an alias bomb ("billion laughs") is refused', () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const { code, stdout } = fixLeavesBytes('a.md', `---\ntitle: T\n${bomb.join('\n')}\n---\n\nBody.\n`);
    expect(code).toBe(1);
    expect(stdout).toContain('a.md:1:1: error Front matter refused: front matter could not be read: Excessive alias count indicates a resource exhaustion attack.');
  });

  it('50,000 keys are refused by size, in bounded time', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `key${i}: value`).join('\n');
    const { code, stdout } = fixLeavesBytes('a.md', `---\ntitle: T\n${keys}\n---\n\nBody.\n`);
    expect(code).toBe(1);
    expect(stdout).toContain('Front matter not read: front matter is');
  });

  it('20,000 keys under the size limit are parsed in bounded time', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: v`).join('\n');
    const started = Date.now();
    const result = lintText(`---\ntitle: T\n${keys}\n---\n\nBody.\n`);
    expect(result.messages).toEqual([]);
    // Generous bound: quadratic duplicate-key checks took minutes here.
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('encodings', () => {
  const cases: [string, Buffer, string][] = [
    ['Shift_JIS', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]), 'is not valid UTF-8 (looks like Shift_JIS)'],
    ['EUC-JP', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xa5, 0xc6, 0xa5, 0xb9, 0xa5, 0xc8, 0xa4, 0xc7, 0xa4, 0xb9, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]), 'is not valid UTF-8 (looks like EUC-JP)'],
    ['UTF-16 with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: x\n---\n', 'utf16le')]), 'is UTF-16 (byte order mark found)'],
    ['stray invalid bytes', Buffer.concat([Buffer.from('---\ntitle: ok\n---\n\nText '), Buffer.from([0xc3, 0x28]), Buffer.from(' more.\n')]), 'is not valid UTF-8'],
    ['NUL bytes', Buffer.from('---\ntitle: x\n---\n\0\0\0binary'), 'looks binary (contains NUL bytes)'],
  ];
  it.each(cases)('%s: reported by name, exit 1, never rewritten by --fix', (_, bytes, message) => {
    const { code, stdout } = fixLeavesBytes('a.md', bytes);
    expect(code).toBe(1);
    expect(stdout).toContain(`a.md:1:1: error file ${message}`);
  });
});

describe('size and shape', () => {
  it('a file over the size limit (configurable) is refused with a message and untouched', () => {
    const { dir, file } = fileWith('big.md', `---\ntitle: Big\n---\n\n${'word '.repeat(400)}\n`);
    writeFileSync(path.join(dir, '.scrapelintrc.json'), '{"maxFileBytes": 1000}');
    const before = readFileSync(file);
    const { code, stdout } = runCli(['--fix', '-f', 'compact', 'big.md'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toMatch(/big\.md:1:1: error file is \d+ bytes, over the 1000-byte limit; not linted/);
    expect(Buffer.compare(readFileSync(file), before)).toBe(0);
  });

  it.each([
    ['an empty file', ''],
    ['a BOM only', '\uFEFF'],
    ['front matter only', '---\ntitle: Only\n---\n'],
    ['a 2 MB single line', `---\ntitle: T\n---\n\n${'長い行'.repeat(700_000)}。\n`],
    ['an unclosed code fence over 30,000 lines', `---\ntitle: T\n---\n\n\`\`\`\n${'let x = 1;\n'.repeat(30_000)}`],
    ['5,000 levels of ">"', `---\ntitle: T\n---\n\n${'>'.repeat(5000)} deep\n`],
    ['5,000 levels of nested lists', `---\ntitle: T\n---\n\n${Array.from({ length: 5000 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')}\n`],
  ])('%s finishes with a clear result', (_, text) => {
    const { dir } = fileWith('a.md', text);
    const { code, stdout, stderr } = runCli(['-f', 'json', 'a.md'], { cwd: dir });
    expect(stderr).toBe('');
    expect([0, 1]).toContain(code);
    const [result] = JSON.parse(stdout);
    for (const m of result.messages) expect(m.message.length).toBeGreaterThan(0);
  });
});

describe('file system', () => {
  it('a directory named like x.md is searched, not read as a file', () => {
    const { dir } = fileWith('x.md/inner.md', '---\ntitle: Inner\n---\n\nFine.\n');
    const { code, stdout } = runCli(['-f', 'compact', 'x.md'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toBe('');
  });

  it('a symlink loop is reported by name; a directory run skips it and goes on', () => {
    const { dir } = fileWith('ok.md', '---\ntitle: Ok\n---\n\nFine.\n');
    symlinkSync('loop-b.md', path.join(dir, 'loop-a.md'));
    symlinkSync('loop-a.md', path.join(dir, 'loop-b.md'));
    const named = runCli(['-f', 'compact', 'loop-a.md'], { cwd: dir });
    expect(named.code).toBe(1);
    expect(named.stdout).toContain('loop-a.md:1:1: error cannot read file: too many symbolic links (a loop?)');
    const all = runCli(['-f', 'compact', '.'], { cwd: dir });
    expect(all.stderr).toBe('');
    expect([0, 1]).toContain(all.code);
  });

  it('an unreadable file gets a message and the run goes on', () => {
    const { dir, file } = fileWith('secret.md', '---\ntitle: S\n---\n\nText.\n');
    writeFileSync(path.join(dir, 'other.md'), '---\ntitle: O\n---\n\nText.\n\n---END---\n');
    chmodSync(file, 0o000);
    const { code, stdout } = runCli(['-f', 'compact', '.'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('other.md:7:1: error End-of-generation marker');
    // Root reads any file; everyone else gets the permission message.
    if (process.getuid?.() !== 0) expect(stdout).toContain('secret.md:1:1: error cannot read file: permission denied');
  });

  it('a read-only file is not written by --fix, and says so', () => {
    const text = '---\ntitle: R\n---\n\nText.\n\n---END---\n';
    const { dir, file } = fileWith('ro.md', text);
    chmodSync(file, 0o444);
    const { code, stdout } = runCli(['--fix', '-f', 'compact', 'ro.md'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('ro.md:1:1: error fixes not written: file is read-only');
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('a file changed or deleted after it was read is not overwritten', async () => {
    const { file } = fileWith('a.md', 'original\n');
    const stamp = statSync(file);
    writeFileSync(file, 'changed by someone else\n');
    await expect(writeFileAtomic(file, 'fixed\n', { mode: stamp.mode, mtimeMs: stamp.mtimeMs - 1000, size: stamp.size })).rejects.toThrow('file changed on disk since it was read; not overwritten');
    expect(readFileSync(file, 'utf8')).toBe('changed by someone else\n');
    const { file: gone } = fileWith('b.md', 'text\n');
    const goneStamp = statSync(gone);
    const { rmSync } = await import('node:fs');
    rmSync(gone);
    await expect(writeFileAtomic(gone, 'fixed\n', goneStamp)).rejects.toThrow();
    expect(existsSync(gone)).toBe(false);
  });
});

describe('line endings are kept exactly by --fix', () => {
  it.each([
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ])('%s', (_, eol) => {
    const lines = ['---', 'title: Endings', '---', '', 'Text that stays.', '', '---END---', ''];
    const { dir, file } = fileWith('a.md', lines.join(eol));
    runCli(['--fix', 'a.md'], { cwd: dir });
    expect(readFileSync(file, 'utf8')).toBe(['---', 'title: Endings', '---', '', 'Text that stays.', ''].join(eol));
  });

  it('mixed endings and a BOM: untouched lines keep theirs byte for byte', () => {
    const text = '\uFEFF---\r\ntitle: Mixed\n---\r\n\r\nFirst line.\nSecond line.\r\n\r\n<|endoftext|>\n';
    const fixed = fixText(text).output;
    expect(fixed).toBe('\uFEFF---\r\ntitle: Mixed\n---\r\n\r\nFirst line.\nSecond line.\r\n');
  });
});
