import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/article.js';

describe('parseArticle: a paragraph that ran into link reference definitions', () => {
  const text = 'Intro with a [link][a].\n\n[a]: https://example.com/a\n\nPasted text here.\n[b]: https://example.com/b\n[c]: <https://example.com/c> "C"\n';

  it('ends the paragraph before the definitions, which become blocks of their own', () => {
    const article = parseArticle(text, 'a.md');
    expect(article.blocks.map((block) => [block.type, text.slice(block.start, block.end)])).toEqual([
      ['paragraph', 'Intro with a [link][a].'],
      ['definition', '[a]: https://example.com/a'],
      ['paragraph', 'Pasted text here.'],
      ['definition', '[b]: https://example.com/b'],
      ['definition', '[c]: <https://example.com/c> "C"'],
    ]);
    expect(article.blocks[2].text).toBe('Pasted text here.');
    expect(article.blocks[4].node).toMatchObject({ type: 'definition', label: 'c', url: 'https://example.com/c' });
  });

  it('leaves a paragraph alone when a line only looks like a definition inside it, or when no text precedes', () => {
    const inside = 'Text before.\n[b]: not the last line\nand more text.\n';
    expect(parseArticle(inside, 'b.md').blocks.map((block) => block.type)).toEqual(['paragraph']);
    const plain = 'One paragraph, no definitions.\nSecond line.\n';
    expect(parseArticle(plain, 'c.md').blocks[0].end).toBe(plain.trimEnd().length);
  });
});
