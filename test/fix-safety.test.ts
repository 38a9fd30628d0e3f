import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixText } from '../src/index.js';
import { sentencesWithoutVariant } from '../src/text/lost-sentences.js';
import { linesNotKept } from './helpers.js';

/**
 * Safe fixes are proven on the raw text: a copy that differs from its source in one
 * character (a sign, a digit, a letter's case, an emphasis marker, a link target, an
 * operator in code, a heading level, a footnote reference) is not a copy, and safe
 * --fix must not remove it. A verbatim copy still goes. Articles and copies are made up
 * here from pieces with every such feature.
 */
const paragraphs = [
  'Revenue grew by +3.5% in the second quarter, while costs stayed where they were last year.',
  'The parser accepts `a < b` as a comparison and rejects anything else with a clear message.',
  'See the [release notes](https://example.org/notes/v2) for every change that went into this version.',
  'This is **the important part** of the setup: the key must be kept out of the repository.',
  'Version 2.1.4 fixes the crash that some users saw when they opened very large files.',
  'The fix for this problem is included in the next release of the library and its tools.',
  '売上は前年同期比で+3.5%増加し、利益率も改善しました。来期も同じ水準を見込んでいます。',
  '設定は`x > 0`のときだけ有効になり、それ以外の値では既定の動作に戻ります。',
  '詳しい手順は[公式ガイド](https://example.jp/guide)にまとめられているので、参照してください。',
  'この機能の**最も大切な点**は、利用者が何も設定しなくても動くことです。',
  '新しい版では起動時間が半分になり、メモリの使用量も三割ほど減りました[^1]。',
  '今後の予定については、次回の記事で詳しく紹介するつもりだろう。',
];

type Variant = (text: string) => string | undefined;

/** Each variant changes the raw text and keeps the comparison key (or nearly). */
const variants: Record<string, Variant> = {
  punctuation: (t) => (t.endsWith('。') ? `${t.slice(0, -1)}・・・・。` : t.endsWith('.') ? `${t.slice(0, -1)}!` : undefined),
  'no final stop': (t) => (/[。.]$/.test(t) ? t.slice(0, -1) : undefined),
  sign: (t) => (t.includes('+3.5%') ? t.replace('+3.5%', '-35%') : undefined),
  digit: (t) => (/\d/.test(t) ? t.replace(/\d/, (d) => String((Number(d) + 1) % 10)) : undefined),
  case: (t) => (/\bThe\b/.test(t) ? t.replace(/\bThe\b/, 'THe') : /[a-z]{4}/.test(t) ? t.replace(/[a-z]/, (c) => c.toUpperCase()) : undefined),
  symbol: (t) => `※${t}`,
  emphasis: (t) => (t.includes('**') ? t.replaceAll('**', '') : t.replace(/^(\S+)/, '*$1*')),
  'link target': (t) => (t.includes('](') ? t.replace(/\]\(([^)]*)\)/, '](https://example.com/other)') : undefined),
  'code operator': (t) => (t.includes('`') ? t.replace(/`([^`]*)`/, (_, code: string) => `\`${code.replace('<', '>').replace(/(?<![<>])>/, '<')}\``) : undefined),
  footnote: (t) => (t.includes('[^1]') ? t.replace('[^1]', '') : `${t}[^2]`),
};

const article = (body: string[]) => `---\ntitle: A generated article\n---\n\n${body.join('\n\n')}\n`;
const others = (except: number) => paragraphs.filter((_, i) => i !== except && i !== (except + 1) % paragraphs.length).slice(0, 4);

const runs = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300), seed: Number(process.env.PROPERTY_SEED ?? 20261201) };

describe('safe --fix on raw variants of a copy', () => {
  it('never removes a line that does not stand elsewhere, whatever the variant and where the copy lands', () => {
    fc.assert(
      fc.property(
        fc.nat(paragraphs.length - 1),
        fc.constantFrom(...Object.keys(variants)),
        fc.nat(5),
        fc.boolean(),
        (index, kind, at, footnoteDefinition) => {
          const source = paragraphs[index];
          const copy = variants[kind](source);
          if (copy === undefined || copy === source) return;
          const body = [source, ...others(index)];
          body.splice(1 + (at % body.length), 0, copy);
          if (footnoteDefinition || /\[\^\d\]/.test(source + copy)) body.push('[^1]: A note.', '[^2]: Another note.');
          const text = article(body);
          const fixed = fixText(text).output;
          expect(linesNotKept(text, fixed)).toEqual([]);
          // With --unsafe-fixes the near copy may go, but no sentence without a near variant.
          expect(sentencesWithoutVariant(text, fixText(text, { unsafe: true }).output)).toEqual([]);
        },
      ),
      runs,
    );
  });

  it('still removes a verbatim copy', () => {
    fc.assert(
      fc.property(fc.nat(paragraphs.length - 1), fc.nat(5), (index, at) => {
        const source = paragraphs[index];
        const body = [source, ...others(index)];
        const clean = article(body);
        body.splice(1 + (at % body.length), 0, source);
        expect(fixText(article(body)).output).toBe(clean);
      }),
      runs,
    );
  });

  it('does not remove a section re-emitted with another heading level, nor a code block with another operator', () => {
    const section = (level: string, operator: string) => [`${level} Checking the input`, paragraphs[0], '```js\nif (a ' + operator + ' b) run();\n```', paragraphs[2]];
    const texts = [
      article([...section('##', '<'), paragraphs[4], ...section('###', '<')]),
      article([...section('##', '<'), paragraphs[4], ...section('##', '>')]),
    ];
    for (const text of texts) expect(linesNotKept(text, fixText(text).output)).toEqual([]);
    // The same section verbatim goes whole.
    const clean = article([...section('##', '<'), paragraphs[4]]);
    expect(fixText(article([...section('##', '<'), paragraphs[4], ...section('##', '<')])).output).toBe(clean);
  });
});

describe('sentencesWithoutVariant reads wrapped lines as one sentence', () => {
  it('keeps a wrapped sentence whose near variant stays, and still finds one that has none', () => {
    const removed = '`highlight.js` のリポジトリを clone しただけでは node_modules として\n使えないので改変。';
    const kept = '`highlight.js` のリポジトリを clone しただけでは node_modules として\n使えないので注意。\n\nほかの段落。';
    // Split at the line break, the second line ("使えないので改変") had no variant of its own.
    expect(sentencesWithoutVariant(removed, kept)).toEqual([]);
    expect(sentencesWithoutVariant('A line that wraps\nand ends here with words nobody kept.', 'Something else entirely.')).toEqual(['and ends here with words nobody kept.']);
  });

  it('does not let the lines above a lost line lend it their length, nor joins block lines', () => {
    const long = 'Open the portal and go to the resource group that holds your function app, its storage account, the key vault and the network you created earlier for the sample application';
    // The whole differs from the kept one only in its last line, but that line is all changed.
    expect(sentencesWithoutVariant(`${long}\nThen delete the group.`, `${long}\nSelect Export template.`)).toEqual(['Then delete the group.']);
    // A lowercase continuation is read with the line above, but a wholly changed end is still lost.
    expect(sentencesWithoutVariant(`${long}\nand then delete the group.`, `${long}\nand select Export template.`)).toEqual(['and then delete the group.']);
    // A changed word in the last line, under a long line kept as it was, is a near variant kept.
    expect(sentencesWithoutVariant('See\nhttps://example.org/security/advisories/third-party/2019-002.md\nanother more information.', 'See\nhttps://example.org/security/advisories/third-party/2019-002.md\nfor more information.')).toEqual([]);
    // List items, headings and table rows are lines of their own.
    for (const [removed, kept] of [
      [`- ${long}\n- Delete the old replica.`, `- ${long}\n- Keep the old replica.`],
      [`## ${long}\nDrop every table.`, `## ${long}\nRead the manual.`],
    ]) expect(sentencesWithoutVariant(removed, kept)).not.toEqual([]);
  });
});

describe('sentencesWithoutVariant counts a sentence one word away as a near variant', () => {
  it('keeps a short sentence with one word replaced, added or dropped, and only then', () => {
    // By characters each pair is under 80% alike: one word is a large share of a short sentence.
    expect(sentencesWithoutVariant('Try another the memory limit!', 'Try out the memory limit!\n')).toEqual([]);
    expect(sentencesWithoutVariant('Run the fast integration tests now.', 'Run the fast tests now.\n')).toEqual([]);
    expect(sentencesWithoutVariant('Run the fast tests now.', 'Read it.\n\nRun the fast integration tests now.\n')).toEqual([]);
    // Two words apart, or too few words to tell a variant from another sentence, is lost.
    expect(sentencesWithoutVariant('Try another the speed limit!', 'Try out the memory limit!\n')).toEqual(['Try another the speed limit!']);
    expect(sentencesWithoutVariant('Drop the table.', 'Drop the index.\n')).toEqual(['Drop the table.']);
  });

  it('counts no clause, URL or long word as one word', () => {
    expect(sentencesWithoutVariant('See https://example.org/guide/install-on-linux for the steps.', 'See https://example.org/other/page for the steps.\n')).toHaveLength(1);
    expect(sentencesWithoutVariant('Back up the production-database-cluster first today.', 'Back up the cache first today.\n')).toHaveLength(1);
  });

  it('compares Japanese and Thai by characters only, however many spaces they have', () => {
    const kept = 'イベント ハンドラーを onAdded に 登録し、追加された コメントを 取得します。';
    expect(sentencesWithoutVariant('イベント ハンドラーを onAdded に 登録し、削除された コメントを 取得します。', kept)).toEqual([]);
    expect(sentencesWithoutVariant('イベント ハンドラーを onAdded に 登録し、まったく別の説明を書き加えた長い文の コメントを 取得します。', kept)).toHaveLength(1);
    expect(sentencesWithoutVariant('Step two: กดปุ่มบันทึก then wait for it.', 'Step two: ลบไฟล์ทั้งหมด then wait for it.\n')).toHaveLength(1);
  });
});
