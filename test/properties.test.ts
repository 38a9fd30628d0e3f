import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixText, lintText } from '../src/index.js';
import { linesNotKept } from './helpers.js';
import { sentencesWithoutVariant } from '../src/text/lost-sentences.js';

/**
 * Random Markdown-ish articles built from the pieces scraped files are made of:
 * sentences (Japanese and English), copies of earlier paragraphs, cut-off copies,
 * end markers, headings, lists, code, brackets, stray front-matter lines and odd line
 * endings. Properties that must hold for every one of them.
 */
const sentenceJa = fc.constantFrom(
  '新しいモデルは推論の速度を大きく改善しました。',
  '開発チームは来月に次の版を公開する予定です。',
  '設定ファイルは「config.yaml」に置きます。',
  '詳しくは公式ドキュメントを参照してください。',
  'この機能は（まだ実験段階ですが）広く使われています。',
  '結果は表にまとめました',
);
const sentenceEn = fc.constantFrom(
  'The new release makes indexing twice as fast.',
  'Teams can now review every change before it ships.',
  'See the documentation (linked below) for details.',
  'It was "good enough" for most users.',
  'The migration took three weeks',
);
const sentence = fc.oneof(sentenceJa, sentenceEn);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));

type Piece = { kind: 'para'; text: string } | { kind: 'copy'; of: number; cut?: number } | { kind: 'raw'; text: string };
const piece: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 6, arbitrary: paragraph.map((text) => ({ kind: 'para' as const, text })) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('copy' as const), of: fc.nat(20), cut: fc.option(fc.integer({ min: 5, max: 60 }), { nil: undefined }) }) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom('---END---', '[END]', '<|endoftext|>', '## 見出し', '# Title', '- item one\n- item two', '```js\nconst a = 1;\n```', '---', '| a | b |\n|---|---|\n| 1 | 2 |', '> quoted text.', 'title: stray', '「閉じていない', '<!-- scrapelint-disable -->', '')
      .map((text) => ({ kind: 'raw' as const, text })),
  },
);

const article = fc
  .record({
    frontMatter: fc.constantFrom('---\ntitle: ランダムな記事\n---\n\n', '---\ntitle: "Random: article"\ndate: 2025-01-02\n---\n\n', '', '---\ntitle: open\n\n', '+++\ntitle = "toml"\n+++\n\n'),
    pieces: fc.array(piece, { minLength: 1, maxLength: 14 }),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    gap: fc.constantFrom('\n\n', '\n', '\n\n\n\n'),
    bom: fc.boolean(),
  })
  .map(({ frontMatter, pieces, eol, gap, bom }) => {
    const paragraphs: string[] = [];
    for (const p of pieces) {
      if (p.kind === 'para') paragraphs.push(p.text);
      else if (p.kind === 'raw') paragraphs.push(p.text);
      else if (paragraphs.length > 0) {
        const source = paragraphs[p.of % paragraphs.length];
        paragraphs.push(p.cut ? source.slice(0, p.cut) : source);
      }
    }
    const text = `${frontMatter}${paragraphs.join(gap)}\n`.replace(/\n/g, eol);
    return (bom ? '\uFEFF' : '') + text;
  });

const runs = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300), seed: Number(process.env.PROPERTY_SEED ?? 20261127) };

describe('properties over random articles', () => {
  it('linting never throws and every message has a position inside the file', () => {
    fc.assert(
      fc.property(article, (text) => {
        const result = lintText(text);
        const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;
        for (const m of result.messages) {
          expect(m.line).toBeGreaterThanOrEqual(1);
          expect(m.line).toBeLessThanOrEqual(lines);
          expect(m.message).not.toBe('');
        }
      }),
      runs,
    );
  });

  it('--fix is idempotent: fixing fixed text changes nothing', () => {
    fc.assert(
      fc.property(article, fc.boolean(), (text, unsafe) => {
        const once = fixText(text, { unsafe }).output;
        expect(fixText(once, { unsafe }).output).toBe(once);
      }),
      runs,
    );
  });

  it('fixing never increases the number of problems', () => {
    fc.assert(
      fc.property(article, fc.boolean(), (text, unsafe) => {
        const before = lintText(text).messages.length;
        const after = lintText(fixText(text, { unsafe }).output).messages.length;
        expect(after).toBeLessThanOrEqual(before);
      }),
      runs,
    );
  });

  it('safe fixes remove only what stands elsewhere; unsafe ones lose no sentence without a near variant', () => {
    fc.assert(
      fc.property(article, (text) => {
        const lf = text.replace(/\r\n?/g, '\n');
        expect(linesNotKept(lf, fixText(text).output.replace(/\r\n?/g, '\n'))).toEqual([]);
        expect(sentencesWithoutVariant(lf, fixText(text, { unsafe: true }).output.replace(/\r\n?/g, '\n'))).toEqual([]);
      }),
      runs,
    );
  });

  it('fixes keep the BOM and the line-ending style', () => {
    fc.assert(
      fc.property(article, (text) => {
        const fixed = fixText(text, { unsafe: true }).output;
        expect(fixed.startsWith('\uFEFF')).toBe(text.startsWith('\uFEFF'));
        if (!text.includes('\r')) expect(fixed).not.toContain('\r');
        if (!/\r(?!\n)/.test(text)) expect(/\r(?!\n)/.test(fixed)).toBe(false);
      }),
      runs,
    );
  });
});
