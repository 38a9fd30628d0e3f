import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const bin = path.resolve(__dirname, '../bin/scrapelint.js');

function run(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'scrapelint-cli-'));
}

describe('scrapelint command', () => {
  it('exits 0 and prints nothing for a clean article', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'ok.md'), '---\ntitle: A clean article\n---\n\nThis article is complete. It ends well.\n');
    const { code, stdout } = run([dir]);
    expect(stdout).toBe('');
    expect(code).toBe(0);
  });

  it('exits 1 and reports an end marker with file, line and rule id', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'bad.md'), '---\ntitle: Marker left\n---\n\nThe text is complete.\n\n---END---\n');
    const { code, stdout } = run([dir]);
    expect(code).toBe(1);
    expect(stdout).toContain('bad.md');
    expect(stdout).toMatch(/7:1\s+error\s+End-of-generation marker "---END---" left in the text\.\s+end-marker/);
  });

  it('exits 2 for a path that does not exist', () => {
    const { code, stderr } = run(['/nonexistent/scrapelint/file.md']);
    expect(code).toBe(2);
    expect(stderr).toContain('/nonexistent/scrapelint/file.md');
  });

  it('--fix removes the marker and keeps CRLF line endings', () => {
    const dir = tempDir();
    const file = path.join(dir, 'crlf.md');
    writeFileSync(file, '---\r\ntitle: CRLF\r\n---\r\n\r\nComplete text here.\r\n\r\n---END---\r\n');
    const { code, stdout } = run(['--fix', file]);
    expect(code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('---\r\ntitle: CRLF\r\n---\r\n\r\nComplete text here.\r\n');
    expect(stdout).toContain('Fixed 1 problem in 1 file.');
  });
});
