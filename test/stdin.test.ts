import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { bin, runCli, tempDir } from './helpers.js';

const PARAGRAPH = 'The same paragraph, long enough to count, that a scraper pasted into the article twice.';
const REPEATED = `---\ntitle: From stdin\n---\n\n${PARAGRAPH}\n\n${PARAGRAPH}\n`;

describe('--stdin', () => {
  it('lints standard input and reports it under --stdin-filename', () => {
    const { code, stdout } = runCli(['--stdin', '--stdin-filename', 'posts/a.md', '-f', 'compact'], { input: REPEATED, cwd: tempDir() });
    expect(code).toBe(1);
    expect(stdout).toBe('posts/a.md:7:1: error Paragraph repeats line 5. [duplicate-paragraph]\n\n1 problem\n');
  });

  it('applies the configuration and overrides for the named path', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.scrapelintrc.json'), JSON.stringify({ overrides: [{ files: ['drafts/'], rules: { 'duplicate-paragraph': 'off' } }] }));
    expect(runCli(['--stdin', '--stdin-filename', 'drafts/a.md'], { input: REPEATED, cwd: dir }).code).toBe(0);
    expect(runCli(['--stdin', '--stdin-filename', 'posts/a.md'], { input: REPEATED, cwd: dir }).code).toBe(1);
  });

  it('with --fix prints the fixed text on stdout and the report on stderr', () => {
    const { code, stdout, stderr } = runCli(['--stdin', '--fix'], { input: REPEATED, cwd: tempDir() });
    expect(stdout).toBe(`---\ntitle: From stdin\n---\n\n${PARAGRAPH}\n`);
    expect(stderr).toContain('Fixed 1 problem in 1 file.');
    expect(code).toBe(0);
  });

  it('with --fix and nothing to fix prints the input unchanged, CRLF and BOM included', () => {
    const input = '\uFEFF---\r\ntitle: Clean\r\n---\r\n\r\nAll good.\r\n';
    const { code, stdout } = runCli(['--stdin', '--fix'], { input, cwd: tempDir() });
    expect(stdout).toBe(input);
    expect(code).toBe(0);
  });

  it('with --fix-dry-run prints the diff', () => {
    const { stdout } = runCli(['--stdin', '--stdin-filename', 'a.md', '--fix-dry-run'], { input: REPEATED, cwd: tempDir() });
    expect(stdout).toContain(`--- a/a.md\n+++ b/a.md\n`);
    expect(stdout).toContain(`-${PARAGRAPH}`);
  });

  it('refuses input that is not UTF-8, and --fix hands the bytes back untouched', () => {
    const shiftJis = Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x0a]);
    const result = spawnSync(process.execPath, [bin, '--stdin', '--fix'], { input: shiftJis, env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status).toBe(1);
    expect(Buffer.compare(result.stdout, shiftJis)).toBe(0);
    expect(result.stderr.toString()).toContain('standard input is not valid UTF-8 (looks like Shift_JIS)');
  });

  it('an ignored path with --force-exclude gives no problems', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.scrapelintignore'), 'archive/\n');
    const { code, stdout } = runCli(['--stdin', '--stdin-filename', 'archive/a.md', '--force-exclude'], { input: REPEATED, cwd: dir });
    expect(stdout).toBe('');
    expect(code).toBe(0);
  });
});
