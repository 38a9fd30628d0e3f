import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { parseArticle } from '../src/article.js';
import { lintText } from '../src/index.js';

const fm = (text: string) => parseArticle(text).frontMatter;

describe('reading front matter', () => {
  it('reads YAML with a BOM and CRLF line endings', () => {
    const matter = fm('\uFEFF---\r\ntitle: 題名\r\ndate: 2024-01-01\r\n---\r\n\r\n本文。\r\n');
    expect(matter?.data).toEqual({ title: '題名', date: '2024-01-01' });
    expect(matter?.closed).toBe(true);
  });

  it('accepts "..." as the closing delimiter and TOML between +++', () => {
    expect(fm('---\ntitle: Dots\n...\n\nBody.\n')?.data).toEqual({ title: 'Dots' });
    const toml = fm('+++\ntitle = "Hugo"\ndate = 2024-05-01T10:00:00Z\n+++\n\nBody.\n');
    expect(toml?.format).toBe('toml');
    expect(toml?.data?.title).toBe('Hugo');
  });

  it('never runs a ---js or ---javascript block', () => {
    const marker = '/tmp/scrapelint-should-not-exist';
    for (const tag of ['js', 'javascript', 'coffee']) {
      const matter = fm(`---${tag}\n{ title: (function () { require('fs').writeFileSync('${marker}', 'x'); return 'x'; })() }\n---\n\nBody.\n`);
      expect(matter?.data).toBeNull();
      expect(matter?.problems[0]).toMatchObject({ kind: 'language' });
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('reads YAML tags such as !!js/function as plain text, reports them, and still reads the other fields', () => {
    const result = lintText('---\ntitle: x\nhandler: !!js/function "function () { return 1 }"\n---\n\nBody text.\n');
    expect(result.messages.map((m) => [m.line, m.column, m.message])).toEqual([[3, 10, 'Invalid YAML in front matter: unsupported tag !!js/function (read as text, never run).']]);
  });

  it('bounds alias expansion ("billion laughs")', () => {
    const lines = ['---', 'title: laughs', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    lines.push('---', '', 'Body.');
    const start = Date.now();
    const result = lintText(lines.join('\n'));
    expect(Date.now() - start).toBeLessThan(5000);
    expect(result.messages.some((m) => m.ruleId === 'front-matter')).toBe(true);
  });

  it('points YAML errors at the line in the file', () => {
    const result = lintText('---\ntitle: ok\nbad: [1, 2\nother: x\n---\n\nBody.\n');
    const syntax = result.messages.find((m) => m.messageId === 'syntax');
    expect(syntax?.line).toBeGreaterThanOrEqual(3);
    expect(syntax?.line).toBeLessThanOrEqual(5);
  });

  it('takes a Markdown link after a blank line as the end of an unclosed block', () => {
    const matter = fm('---\ntitle: x\n\n[A link](https://example.com) starts the body.\n\n[END]\n');
    expect(matter?.closed).toBe(false);
    const result = lintText('---\ntitle: x\n\n[A link](https://example.com) starts the body.\n\n[END]\n');
    expect(result.messages.map((m) => m.messageId)).toEqual(['unclosed', 'line']);
  });
});
