import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import remarkScrapelint from '../src/remark.js';

const PARAGRAPH = 'A paragraph long enough to be reported as a repeat when the article carries it twice.';
const DAMAGED = `---\ntitle: Damaged\n---\n\n${PARAGRAPH}\n\n${PARAGRAPH}\n\nThe end.\n\n<|endoftext|>\n`;

async function lint(text: string, options?: Parameters<typeof remarkScrapelint>[0]) {
  const processor = unified().use(remarkParse).use(remarkScrapelint, options);
  const file = new VFile({ path: 'posts/article.md', value: text });
  await processor.run(processor.parse(file), file);
  return file;
}

describe('scrapelint/remark plugin', () => {
  it('reports problems as vfile messages with rule id, position and documentation url', async () => {
    const file = await lint(DAMAGED);
    expect(file.messages.map((m) => [m.ruleId, m.source, m.line, m.column, m.fatal, m.reason])).toEqual([
      ['duplicate-paragraph', 'scrapelint', 7, 1, true, 'Paragraph repeats line 5.'],
      ['end-marker', 'scrapelint', 11, 1, true, 'End-of-generation marker "<|endoftext|>" left in the text.'],
    ]);
    expect(file.messages[0].url).toMatch(/\/rules\/duplicate-paragraph\.md$/);
    expect(file.messages[0].place).toEqual({ start: { line: 7, column: 1 }, end: { line: 7, column: PARAGRAPH.length + 1 } });
  });

  it('is shown by vfile-reporter like any remark-lint message', async () => {
    const report = reporter([await lint(DAMAGED)], { color: false });
    expect(report).toContain('posts/article.md');
    expect(report).toMatch(/7:1-7:\d+\s+error\s+Paragraph repeats line 5\.\s+duplicate-paragraph\s+scrapelint/);
    expect(report).toContain('2 errors');
  });

  it('takes rule settings as options', async () => {
    const file = await lint(DAMAGED, { rules: { 'end-marker': 'warn', 'duplicate-paragraph': 'off' } });
    expect(file.messages.map((m) => [m.ruleId, m.fatal])).toEqual([['end-marker', false]]);
  });

  it('is the package export scrapelint/remark', () => {
    const root = path.resolve(__dirname, '..');
    const type = execFileSync(process.execPath, ['--input-type=module', '-e', 'const m = await import("scrapelint/remark"); console.log(typeof m.default)'], { cwd: root, encoding: 'utf8' });
    expect(type.trim()).toBe('function');
  });
});
