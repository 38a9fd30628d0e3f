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

  it('keeps the decoded text of the lines before the definitions (entities, escapes, indentation)', () => {
    const decoded = 'Tom &amp; Jerry \\* co.\n   and friends.\n[b]: https://example.com/b\n';
    const article = parseArticle(decoded, 'd.md');
    expect(article.blocks.map((block) => block.type)).toEqual(['paragraph', 'definition']);
    expect(article.blocks[0].text).toBe('Tom & Jerry * co.\nand friends.');
  });

  it('leaves a paragraph alone when a definition-like line is not at its end, or is text', () => {
    const inside = 'Text before.\n[b]: https://example.com/b\nand more text.\n';
    expect(parseArticle(inside, 'b.md').blocks.map((block) => block.type)).toEqual(['paragraph']);
    // `[EDIT]: confirmed` has no target: visible text, which a fix must not turn into a definition.
    const label = 'Text before.\n[EDIT]: confirmed\n';
    expect(parseArticle(label, 'c.md').blocks.map((block) => [block.type, block.text])).toEqual([['paragraph', 'Text before.\n[EDIT]: confirmed']]);
  });
});
