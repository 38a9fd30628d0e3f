import { describe, expect, it } from 'vitest';
import { bin, runCli as run, tempDir } from './helpers.js';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../package.json'), 'utf8')) as { version: string };

const CLEAN = '---\ntitle: A clean article\n---\n\nThis article is complete. It ends well.\n';
const MARKED = '---\ntitle: Marker left\n---\n\nThe text is complete.\n\n---END---\n';

describe('scrapelint command', () => {
  it('exits 0 and prints nothing for a clean article', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'ok.md'), CLEAN);
    const { code, stdout } = run([dir]);
    expect(stdout).toBe('');
    expect(code).toBe(0);
  });

  it('exits 1 and reports file, line:column, severity, message and rule id', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'bad.md'), MARKED);
    const { code, stdout } = run(['bad.md'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('\nbad.md\n');
    expect(stdout).toMatch(/ {2}7:1 {2}error {2}End-of-generation marker "---END---" left in the text\. {2}end-marker/);
    expect(stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
    expect(stdout).toContain('1 error and 0 warnings potentially fixable with the `--fix` option.');
  });

  it('lints the current directory when no path is given, skipping node_modules', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'bad.md'), MARKED);
    mkdirSync(path.join(dir, 'node_modules/pkg'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules/pkg/README.md'), MARKED);
    const { stdout } = run([], { cwd: dir });
    expect(stdout).toContain('bad.md');
    expect(stdout).not.toContain('node_modules');
  });

  it('expands globs and honours --ext for directories', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), MARKED);
    writeFileSync(path.join(dir, 'b.mdx'), MARKED);
    expect(run(['*.md'], { cwd: dir }).stdout).toContain('a.md');
    const withExt = run(['--ext', 'mdx', '.'], { cwd: dir }).stdout;
    expect(withExt).toContain('b.mdx');
    expect(withExt).not.toContain('a.md');
  });

  it('exits 2 for a path that does not exist, naming it', () => {
    const { code, stderr } = run(['/nonexistent/scrapelint/file.md']);
    expect(code).toBe(2);
    expect(stderr).toContain('No such file or directory: "/nonexistent/scrapelint/file.md"');
  });

  it('exits 2 for a glob that matches nothing and for an unknown format', () => {
    const dir = tempDir();
    expect(run(['nothing-*.md'], { cwd: dir }).code).toBe(2);
    const format = run(['--format', 'xml', dir]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('xml');
  });

  it('exits 2 for --unsafe-fixes without --fix', () => {
    const dir = tempDir();
    const { code, stderr } = run(['--unsafe-fixes', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain('--unsafe-fixes needs --fix');
  });

  it('prints its version and help', () => {
    expect(run(['--version']).stdout.trim()).toBe(pkg.version);
    const help = run(['--help']);
    expect(help.code).toBe(0);
    for (const option of ['--format', '--fix', '--unsafe-fixes', '--fix-dry-run', '--quiet', '--max-warnings', '--output-file', '--no-color']) {
      expect(help.stdout).toContain(option);
    }
  });

  it('--format json prints ESLint-shaped results', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'bad.md'), MARKED);
    writeFileSync(path.join(dir, 'ok.md'), CLEAN);
    const { code, stdout } = run(['--format', 'json', dir]);
    expect(code).toBe(1);
    const results = JSON.parse(stdout);
    expect(results.map((r: { filePath: string }) => path.basename(r.filePath))).toEqual(['bad.md', 'ok.md']);
    const [bad, ok] = results;
    expect(path.isAbsolute(bad.filePath)).toBe(true);
    expect(bad).toMatchObject({ errorCount: 1, warningCount: 0, fatalErrorCount: 0, fixableErrorCount: 1, fixableWarningCount: 0 });
    expect(bad.messages[0]).toMatchObject({ ruleId: 'end-marker', severity: 2, line: 7, column: 1, endLine: 7, endColumn: 10, messageId: 'line' });
    const { range, text } = bad.messages[0].fix;
    expect(MARKED.slice(0, range[0]) + text + MARKED.slice(range[1])).toBe('---\ntitle: Marker left\n---\n\nThe text is complete.\n');
    expect(ok).toMatchObject({ messages: [], errorCount: 0, warningCount: 0 });
  });

  it('writes complete JSON of several megabytes through a pipe', async () => {
    const dir = tempDir();
    const body = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} is complete.\n\n---END---\n`).join('\n');
    for (let i = 0; i < 60; i++) writeFileSync(path.join(dir, `f${String(i).padStart(2, '0')}.md`), `---\ntitle: Big ${i}\n---\n\n${body}`);
    const child = spawn(process.execPath, [bin, '--format', 'json', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const output = Buffer.concat(chunks).toString('utf8');
    expect(output.length).toBeGreaterThan(2_000_000);
    const results = JSON.parse(output);
    expect(results).toHaveLength(60);
    const count = (rule: string) => results.reduce((n: number, r: { messages: { ruleId: string }[] }) => n + r.messages.filter((m) => m.ruleId === rule).length, 0);
    expect(count('end-marker')).toBe(60 * 200);
    // The 60 files share one body: 59 of them duplicate the one kept.
    expect(count('cross-file-duplicate')).toBe(59);
    expect(code).toBe(1);
  });

  it('--fix removes the marker, keeps CRLF and says how many problems it fixed', () => {
    const dir = tempDir();
    const file = path.join(dir, 'crlf.md');
    writeFileSync(file, '---\r\ntitle: CRLF\r\n---\r\n\r\nComplete text here.\r\n\r\n---END---\r\n');
    const { code, stdout, stderr } = run(['--fix', file]);
    expect(code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('---\r\ntitle: CRLF\r\n---\r\n\r\nComplete text here.\r\n');
    expect(stderr).toBe('Fixed 1 problem in 1 file (end-marker 1).\n');
    expect(stdout).toBe('');
  });

  it('--fix over a folder ends with one line on stderr: fixes, files changed, fixes by rule', () => {
    const paragraph = 'This paragraph is long enough to be reported when it appears twice, surely: yes, really.';
    const write = (dir: string) => {
      writeFileSync(path.join(dir, 'marker.md'), MARKED);
      writeFileSync(path.join(dir, 'repeat.md'), `---\ntitle: Repeat\n---\n\n${paragraph}\n\n${paragraph}\n\nThe end.\n`);
      writeFileSync(path.join(dir, 'clean.md'), CLEAN);
      return dir;
    };
    const summary = 'Fixed 2 problems in 2 files (duplicate-paragraph 1, end-marker 1).\n';
    const dir = write(tempDir());
    const fixed = run(['--fix', '.'], { cwd: dir });
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).toBe(summary);
    expect(fixed.stdout).toBe('');
    expect(readFileSync(path.join(dir, 'clean.md'), 'utf8')).toBe(CLEAN);
    // A second run has nothing left to do, and says so.
    expect(run(['--fix', '.'], { cwd: dir }).stderr).toBe('No fixes applied.\n');

    // JSON on stdout stays JSON; each fixed file carries its fixes by rule.
    const json = run(['--fix', '-f', 'json', '.'], { cwd: write(tempDir()) });
    expect(json.stderr).toBe(summary);
    const results = JSON.parse(json.stdout) as { filePath: string; fixedCount?: number; fixedByRule?: Record<string, number> }[];
    expect(Object.fromEntries(results.map((r) => [path.basename(r.filePath), r.fixedByRule]))).toEqual({
      'clean.md': undefined,
      'marker.md': { 'end-marker': 1 },
      'repeat.md': { 'duplicate-paragraph': 1 },
    });
    expect(results.find((r) => r.filePath.endsWith('repeat.md'))?.fixedCount).toBe(1);

    // --quiet filters the report, not the summary; a cached result does not claim the fixes again.
    const cached = write(tempDir());
    expect(run(['--fix', '--quiet', '--cache', '.'], { cwd: cached }).stderr).toBe(summary);
    const again = run(['--fix', '--cache', '-f', 'json', '.'], { cwd: cached });
    expect(again.stderr).toBe('No fixes applied.\n');
    expect(JSON.parse(again.stdout).some((r: { fixedByRule?: unknown }) => r.fixedByRule)).toBe(false);

    // Nothing is written by --fix-dry-run, and --stdin prints the fixed text: no summary line.
    const dry = write(tempDir());
    expect(run(['--fix-dry-run', '.'], { cwd: dry }).stderr).toBe('');
    expect(run(['--fix', '--stdin', '--stdin-filename', 'marker.md'], { cwd: dry, input: MARKED }).stderr).not.toMatch(/\(end-marker 1\)|No fixes applied/);
  });

  it('--fix keeps the BOM and the file mode, and reports what remains', () => {
    const dir = tempDir();
    const file = path.join(dir, 'bom.md');
    writeFileSync(file, '\uFEFF---\ntitle: BOM\n---\n\nKept text.\n\n[END]\n\nThe article stops in the middle of a sentence and the\n');
    chmodSync(file, 0o640);
    const { code, stdout, stderr } = run(['--fix', file]);
    expect(readFileSync(file, 'utf8')).toBe('\uFEFF---\ntitle: BOM\n---\n\nKept text.\n\nThe article stops in the middle of a sentence and the\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(code).toBe(1);
    expect(stdout).toContain('The article ends mid-sentence');
    // The summary is on stderr; stylish does not repeat it.
    expect(stdout).not.toContain('Fixed');
    expect(stderr).toBe('Fixed 1 problem in 1 file (end-marker 1).\n');
  });

  it('--fix --unsafe-fixes also cuts the unfinished tail', () => {
    const dir = tempDir();
    const file = path.join(dir, 'cut.md');
    writeFileSync(file, '---\ntitle: Cut\n---\n\nFirst paragraph is fine.\n\nThis sentence is complete. This one stops at the\n');
    const { code } = run(['--fix', '--unsafe-fixes', file]);
    expect(code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('---\ntitle: Cut\n---\n\nFirst paragraph is fine.\n\nThis sentence is complete.\n');
  });

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const dir = tempDir();
    const file = path.join(dir, 'dry.md');
    writeFileSync(file, MARKED);
    const { code, stdout } = run(['--fix-dry-run', 'dry.md'], { cwd: dir });
    expect(readFileSync(file, 'utf8')).toBe(MARKED);
    expect(stdout).toContain('--- a/dry.md');
    expect(stdout).toContain('+++ b/dry.md');
    expect(stdout).toContain("-\n----END---\n");
    expect(stdout).toContain('Would fix 1 problem in 1 file.');
    expect(code).toBe(0);
  });

  it('--output-file writes the report there and nothing to stdout', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'bad.md'), MARKED);
    const out = path.join(dir, 'reports/lint.json');
    const { code, stdout } = run(['--format', 'json', '--output-file', out, path.join(dir, 'bad.md')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))[0].errorCount).toBe(1);
  });

  it('--quiet still shows errors; --max-warnings accepts a limit', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'bad.md'), MARKED);
    const quiet = run(['--quiet', '--max-warnings', '0', dir]);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).toContain('end-marker');
    expect(run(['--max-warnings', 'many', dir]).code).toBe(2);
  });

  it('colours only on request: --color forces them, NO_COLOR and --no-color turn them off', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'bad.md'), MARKED);
    expect(run(['--color', dir], { env: { NO_COLOR: undefined } }).stdout).toContain('\u001b[');
    expect(run([dir]).stdout).not.toContain('\u001b[');
    expect(run(['--no-color', dir], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('reports a file that is not UTF-8 by name and never rewrites it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sjis.md');
    // "日本語の記事です。" in Shift_JIS
    const bytes = Buffer.from('93fa967b8cea82cc8b4c8e968ec582b78142', 'hex');
    writeFileSync(file, Buffer.concat([Buffer.from('---\ntitle: x\n---\n\n'), bytes, Buffer.from('\n\n---END---\n')]));
    const before = readFileSync(file);
    const { code, stdout } = run(['--fix', file]);
    expect(code).toBe(1);
    expect(stdout).toContain('sjis.md');
    expect(stdout).toContain('not valid UTF-8 (looks like Shift_JIS)');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('neutralises control characters from a file in the terminal report', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'esc.md'), '---\ntitle: "Evil \\u001b[31m「red"\n---\n\nText.\n');
    const { stdout } = run(['--no-color', dir]);
    expect(stdout).toContain('Evil \\u001b[31m');
    expect(stdout).not.toContain('\u001b[31m');
  });

  it('gives the same results with and without worker processes', () => {
    const dir = tempDir();
    for (let i = 0; i < 40; i++) writeFileSync(path.join(dir, `a${String(i).padStart(2, '0')}.md`), i % 2 ? MARKED : CLEAN);
    const workers = run(['--format', 'json', '--concurrency', '2', dir]).stdout;
    const single = run(['--format', 'json', '--concurrency', 'off', dir]).stdout;
    expect(JSON.parse(workers)).toEqual(JSON.parse(single));
    expect(JSON.parse(workers)).toHaveLength(40);
  });
});

describe('a reader that goes away', () => {
  it('`scrapelint … | head -1` stops quietly, without an EPIPE stack trace', () => {
    const dir = tempDir();
    const paragraph = 'A paragraph long enough to be reported when it is repeated later on.';
    writeFileSync(path.join(dir, 'a.md'), `---\ntitle: t\n---\n\n${Array.from({ length: 3000 }, (_, i) => `${paragraph} ${i}\n\n${paragraph} ${i}`).join('\n\n')}\n`);
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" -f compact a.md | head -1`], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.stdout.split('\n')[0]).toMatch(/^a\.md:\d+:1: error/);
    expect(result.stderr).not.toMatch(/EPIPE|events/);
  });
});
