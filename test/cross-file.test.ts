import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lintFiles } from '../src/index.js';
import { fixturesDir, runCli, tempDir } from './helpers.js';

/**
 * Golden cases for cross-file-duplicate: each folder of fixtures/cross-file-duplicate is
 * linted as one run; `<case>.expected.json` holds every file's messages (paths relative
 * to the folder). A missing expectation fails the test: `npm run golden:update`
 * (UPDATE_GOLDEN=1) writes them; review the diff by hand.
 */
const update = process.env.UPDATE_GOLDEN === '1';
const casesDir = path.join(fixturesDir, 'cross-file-duplicate');
const cases = readdirSync(casesDir).filter((name) => !name.includes('.')).sort();

async function lintCase(dir: string, concurrency: 'off' | number = 'off') {
  // Worker threads run the built JavaScript (npm test builds first).
  const lint = concurrency === 'off' ? lintFiles : ((await import('../dist/src/index.js')) as { lintFiles: typeof lintFiles }).lintFiles;
  const results = await lint([dir], { cwd: dir, useConfigFile: false, concurrency });
  return results.map((result) => ({
    file: path.relative(dir, result.filePath),
    messages: result.messages
      .filter((m) => m.ruleId === 'cross-file-duplicate')
      .map((m) => ({ line: m.line, endLine: m.endLine, severity: m.severity, messageId: m.messageId, message: m.message, related: m.related && { ...m.related, filePath: path.relative(dir, m.related.filePath ?? '') } })),
  }));
}

describe.each(cases)('cross-file case %s', (name) => {
  it('matches its expected report', async () => {
    const actual = await lintCase(path.join(casesDir, name));
    const expectedFile = path.join(casesDir, `${name}.expected.json`);
    if (update) {
      writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      return;
    }
    expect(existsSync(expectedFile), `${path.relative(fixturesDir, expectedFile)} is missing (write it with npm run golden:update, then review it)`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
  });
});

describe('cross-file-duplicate', () => {
  it('reports an exact copy on the later file, pointing at the one kept', async () => {
    const report = await lintCase(path.join(casesDir, 'exact-copy'));
    expect(report.find((r) => r.file === 'umeboshi-copy.md')!.messages).toEqual([
      expect.objectContaining({ messageId: 'article', message: 'Article duplicates umeboshi.md (100% similar); that copy is kept.', related: { line: 1, endLine: 1, filePath: 'umeboshi.md' } }),
    ]);
    expect(report.find((r) => r.file === 'umeboshi.md')!.messages).toEqual([]);
    expect(report.find((r) => r.file === 'bread.md')!.messages).toEqual([]);
  });

  it('finds an edited copy', async () => {
    const report = await lintCase(path.join(casesDir, 'edited-copy'));
    const messages = report.find((r) => r.file === 'regenerated.md')!.messages;
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toMatch(/^Article duplicates original\.md \(\d+% similar\)/);
  });

  it('does not report a footer shared by many files (boilerplate)', async () => {
    const report = await lintCase(path.join(casesDir, 'shared-footer'));
    expect(report.flatMap((r) => r.messages)).toEqual([]);
  });

  it('a footer in fewer files than boilerplateFiles is a copy', async () => {
    const dir = path.join(casesDir, 'shared-footer');
    const results = await lintFiles([dir], { cwd: dir, useConfigFile: false, rules: { 'cross-file-duplicate': ['warn', { boilerplateFiles: 10, minLength: 80 }] } });
    expect(results.flatMap((r) => r.messages.map((m) => m.messageId))).toEqual(Array(5).fill('paragraphs'));
  });

  it('keeps valid front matter first, then the most complete body', async () => {
    const report = await lintCase(path.join(casesDir, 'kept-file'));
    const byFile = Object.fromEntries(report.map((r) => [r.file, r.messages.map((m) => m.related?.filePath)]));
    expect(byFile).toEqual({ 'a-broken-front-matter.md': ['b-valid.md'], 'b-valid.md': [], 'c-cut-copy.md': ['b-valid.md'] });
  });

  it('reports a paragraph copied into another file with the lines it came from', async () => {
    const report = await lintCase(path.join(casesDir, 'paragraph-copy'));
    const copied = report.flatMap((r) => r.messages.map((m) => ({ file: r.file, ...m })));
    expect(copied).toHaveLength(1);
    expect(copied[0].messageId).toBe('paragraphs');
    expect(copied[0].message).toMatch(/^Paragraph copied from (summer-food|umeboshi)\.md \(line \d+\)\.$/);
  });

  it('gives the same report with worker processes, and from the cache', async () => {
    const dir = tempDir();
    cpSync(path.join(casesDir, 'kept-file'), dir, { recursive: true });
    const plain = await lintCase(dir);
    expect(await lintCase(dir, 2)).toEqual(plain);
    const cached = async () => (await lintFiles([dir], { cwd: dir, useConfigFile: false, cache: true })).map((r) => r.messages.map((m) => m.message));
    const first = await cached();
    expect(await cached()).toEqual(first);
    // The cache holds each file's own result: the comparison runs again, so a new copy is found.
    cpSync(path.join(dir, 'b-valid.md'), path.join(dir, 'd-new-copy.md'));
    const withCopy = await lintFiles([dir], { cwd: dir, useConfigFile: false, cache: true });
    expect(withCopy.find((r) => r.filePath.endsWith('d-new-copy.md'))!.messages.map((m) => m.message)).toEqual(['Article duplicates b-valid.md (100% similar); that copy is kept.']);
  });

  it('honours disable-file and the rule setting; the command line shows the other file', () => {
    const dir = tempDir();
    cpSync(path.join(casesDir, 'exact-copy'), dir, { recursive: true });
    const shown = runCli(['-f', 'compact', '.'], { cwd: dir });
    expect(shown.stdout).toContain('umeboshi-copy.md:1:1: warning Article duplicates umeboshi.md (100% similar); that copy is kept. [cross-file-duplicate]');
    expect(runCli(['-f', 'compact', '--no-config', '.'], { cwd: dir }).code).toBe(0);
    writeFileSync(path.join(dir, '.scrapelintrc.json'), '{"rules":{"cross-file-duplicate":"off"}}');
    expect(runCli(['-f', 'compact', '.'], { cwd: dir }).stdout).toBe('');
    writeFileSync(path.join(dir, '.scrapelintrc.json'), '{}');
    const text = readFileSync(path.join(dir, 'umeboshi-copy.md'), 'utf8');
    writeFileSync(path.join(dir, 'umeboshi-copy.md'), `${text}\n<!-- scrapelint-disable-file cross-file-duplicate -->\n`);
    expect(runCli(['-f', 'compact', '.'], { cwd: dir }).stdout).toBe('');
  });
});
