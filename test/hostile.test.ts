import { describe, expect, it } from 'vitest';
import { fixText, lintText } from '../src/index.js';
import { linkTargets } from '../src/blocks.js';

const head = '---\ntitle: t\n---\n\n';

describe('hostile bodies finish with a clear result', () => {
  it('refuses 5,000 levels of block quotes instead of overflowing the stack', () => {
    const result = lintText(`${head}${'>'.repeat(5000)} deep\n`);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ ruleId: null, fatal: true, severity: 2 });
    expect(result.messages[0].message).toContain('nested 5000 levels deep');
  });

  it('refuses 3,000 levels of nested lists', () => {
    const body = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n');
    expect(lintText(`${head}${body}\n`).messages[0].message).toContain('levels deep');
  });

  it('reports one paragraph repeated 3,000 times as one section and removes every copy', () => {
    const paragraph = '同じ段落がここで何度も繰り返されています。とても長い文章です。';
    const source = `${head}${Array(3000).fill(paragraph).join('\n\n')}\n`;
    const result = lintText(source);
    expect(result.messages.map((m) => m.messageId)).toEqual(['section']);
    expect(fixText(source).output).toBe(`${head}${paragraph}\n`);
  });

  it('lints a 2 MB single line and an unclosed code fence over 20,000 lines', () => {
    expect(lintText(`${head}${'あ'.repeat(2_000_000)}\n`).messages).toEqual([]);
    expect(lintText(`${head}\`\`\`\n${'code line\n'.repeat(20000)}`).messages).toEqual([]);
  });

  it('compares two sections of 2,000 paragraphs, each copied once between new text, section by section only once', () => {
    const para = (i: number, word: string) => `Paragraph ${i} ${word} explains a different point of the release in its own words, item ${i * 7919}.`;
    const first = Array.from({ length: 2000 }, (_, i) => para(i, 'alpha')).join('\n\n');
    const second = Array.from({ length: 2000 }, (_, i) => `${para(i, 'alpha')}\n\nNew text ${i} about something else ${i * 104729} entirely.`).join('\n\n');
    const result = lintText(`${head}## First part\n\n${first}\n\n## Second part\n\n${second}\n`);
    expect(result.messages.length).toBeGreaterThan(0);
    expect(result.messages.every((m) => m.ruleId === 'duplicate-paragraph')).toBe(true);
  });

  it('looks past a line of many HTML comments after a repeated lead-in without backtracking', () => {
    // A lead-in's structure is the next block a reader sees; a line of comments followed by
    // a visible character is not hidden, and deciding so must not try every split.
    const lead = 'The snippet below shows the configuration that every service uses.';
    const comments = `${'<!---->'.repeat(5000)}x`;
    const source = `${head}${lead}\n\n${comments}\n\nText between the two.\n\n${lead}\n\n${comments}\n`;
    // Both copies stand before the same block: a lead-in, not reported.
    expect(lintText(source).messages).toEqual([]);
  });

  it('reads the end of a last line of 300,000 glued URL starts once', () => {
    expect(lintText(`${head}See ${'http://'.repeat(300_000)}x\n`).messages.every((m) => m.ruleId !== 'truncated-sentence' || m.messageId === 'articleEnd')).toBe(true);
  });

  it('handles an empty file, a BOM only, and front matter only', () => {
    expect(lintText('').messages.map((m) => m.messageId)).toEqual(['missing']);
    expect(lintText('\uFEFF').messages.map((m) => m.messageId)).toEqual(['missing']);
    expect(lintText('---\ntitle: only\n---\n').messages).toEqual([]);
  });

  it('reads a paragraph ending in 100,000 emoticons without deep recursion', () => {
    const result = lintText(`${head}Thanks ${':) '.repeat(100000)}\n`);
    expect(result.messages.every((m) => !m.fatal)).toBe(true);
  });

  it('collects the link targets of a paragraph of 200,000 links without spreading them as arguments', () => {
    const children = Array.from({ length: 200000 }, (_, i) => ({ type: 'link', url: `u${i}`, children: [{ type: 'text', value: 'a' }] }));
    const targets = linkTargets({ type: 'paragraph', children });
    expect(targets).toHaveLength(200000);
    expect(targets[199999]).toBe('u199999');
  });

  it('handles a body with no text block: only comments, or only link definitions', () => {
    expect(lintText(`${head}<!-- draft -->\n\n<!-- more -->\n`).messages).toEqual([]);
    expect(lintText(`${head}[a]: https://example.com/a\n[b]: https://example.com/b\n`).messages).toEqual([]);
  });
});
