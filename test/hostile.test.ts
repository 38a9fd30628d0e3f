import { describe, expect, it } from 'vitest';
import { fixText, lintText } from '../src/index.js';

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

  it('handles an empty file, a BOM only, and front matter only', () => {
    expect(lintText('').messages.map((m) => m.messageId)).toEqual(['missing']);
    expect(lintText('\uFEFF').messages.map((m) => m.messageId)).toEqual(['missing']);
    expect(lintText('---\ntitle: only\n---\n').messages).toEqual([]);
  });
});
