import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { comparisonKey } from '../src/text/normalize.js';
import { LineIndex, dominantLineEnding } from '../src/text/lines.js';
import { isDateValue } from '../src/text/dates.js';
import { findUnbalancedBracket, sentenceEnding } from '../src/text/sentence-end.js';
import { analyzerStats, japaneseClauseEnd } from '../src/text/ja-grammar.js';
import { isMarkerText, markerMatcher, stripTrailingMarkers } from '../src/text/markers.js';
import { shingleSet } from '../src/text/shingles.js';

describe('comparisonKey', () => {
  it('folds width, case, whitespace, punctuation and symbols', () => {
    expect(comparisonKey('ＡＢＣ　１２３ です。')).toBe('abc123です');
    expect(comparisonKey('ｶﾀｶﾅ')).toBe('カタカナ');
    expect(comparisonKey('Hello,  World!')).toBe(comparisonKey('hello world'));
    expect(comparisonKey('「強調」です。')).toBe('強調です');
  });
  it('keeps letters that differ', () => {
    expect(comparisonKey('あなたも')).not.toBe(comparisonKey('あなたは'));
  });
  // The general formula; ASCII text takes a shortcut that must give the same key.
  const reference = (text: string) =>
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u200B-\u200D\u2060\uFEFF\uFE0E\uFE0F]/g, '')
      .replace(/[\s\p{P}\p{S}]+/gu, '');
  it('gives every ASCII character the key of the general formula', () => {
    for (let code = 0; code < 128; code++) {
      const text = `a${String.fromCharCode(code)}b`;
      expect(comparisonKey(text), `U+${code.toString(16)}`).toBe(reference(text));
    }
  });
  it('gives random ASCII and mixed text the key of the general formula', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (text) => {
        expect(comparisonKey(text)).toBe(reference(text));
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});

describe('LineIndex', () => {
  it('counts LF, CRLF and lone CR line endings', () => {
    const index = new LineIndex('a\r\nb\rc\nd');
    expect(index.lineCount).toBe(4);
    expect(index.position(3)).toEqual({ line: 2, column: 1 });
    expect(index.lineText(1)).toBe('b');
    expect(index.lineText(2)).toBe('c');
    expect(index.position(7)).toEqual({ line: 4, column: 1 });
  });
  it('finds the dominant line ending', () => {
    expect(dominantLineEnding('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(dominantLineEnding('a\nb')).toBe('\n');
    expect(dominantLineEnding('a\rb\rc')).toBe('\r');
  });
});

describe('isDateValue', () => {
  it.each(['2025-09-04', '2025-09-04 02:07:53 +0000', '2024-02-29T10:00:00Z', 'April 30, 2017', '2025年7月15日', '2025/07/15', 'Tue, 01 Jan 2019 00:00:00 +0000', '2023-08-09 10:00'])('accepts %s', (value) => {
    expect(isDateValue(value)).toBe(true);
  });
  it.each(['2025-00-10 25:61:00', '2025-13-45', '31/31/2025', 'sometime last week', '2023-02-29', '', 'true'])('rejects %s', (value) => {
    expect(isDateValue(value)).toBe(false);
  });
  it('accepts Date objects and rejects other types', () => {
    expect(isDateValue(new Date('2020-01-01'))).toBe(true);
    expect(isDateValue(true)).toBe(false);
  });
});

describe('sentenceEnding', () => {
  it.each([
    ['終わりました。', 'finished'],
    ['「完了です。」', 'finished'],
    ['Done!', 'finished'],
    ['It works (mostly).', 'finished'],
    ['楽しかったです♪', 'finished'],
    ['AIを一部の', 'unfinished'],
    ['説明すると、', 'unfinished'],
    ['the bevels stay even and the', 'unfinished'],
    ['この記事は途中で切れて', 'unfinished'],
    ['本を読んで', 'unfinished'],
    ['試してみたのですが', 'unfinished'],
    ['便利だと思うけど', 'unfinished'],
    ['雨が降ったので', 'unfinished'],
    ['開発者ツールについて', 'open'],
    ['次のリリースに向けて', 'open'],
    ['今後変更される可能', 'open'],
    ['Give it a try and let us know', 'open'],
    ['The new parser is faster and it is very', 'unfinished'],
    ['We thank everyone who helped, because', 'unfinished'],
    ['Click here to learn more', 'open'],
    ['Use Cmd+] (or Cmd+[) to cycle through the panels.', 'finished'],
    ['詳しくは[公式ガイド', 'unfinished'],
    ['次のセクションで説明する `.', 'unfinished'],
    ['私を生かし続けてくれ。 :-)', 'finished'],
    ['See you at the meetup! ;)', 'finished'],
    ['AIを一部の :)', 'unfinished'],
    ['Most requests are answered by (e.g.', 'unfinished'],
    ['The talk is given by Dr.', 'unfinished'],
    ['Most clients see a latency under 50 ms.', 'finished'],
  ] as const)('%s → %s', (text, ending) => {
    expect(sentenceEnding(text)).toBe(ending);
  });
});

describe('japaneseClauseEnd', () => {
  it.each([
    // Cut: conjunctive, case and binding particles, continuative forms, adnominals.
    ['ログを日付ごとに分けて整理し', 'unfinished'],
    ['設定ファイルの内容を確認して', 'unfinished'],
    ['この機能はサーバーの', 'unfinished'],
    ['最新版では', 'unfinished'],
    ['処理はもっと早く', 'unfinished'],
    ['次に開くのはその', 'unfinished'],
    // Half a polite ending, or a single kana the dictionary does not know: a word cut in two.
    ['メモリの量には上限がありま', 'unfinished'],
    ['詳しくは次のページをご覧くださ', 'unfinished'],
    ['選択できるデフォルトのス', 'unfinished'],
    // Finished without 。: requests, volitional forms, final particles after a predicate, closings.
    ['わからないことがあれば聞いてくださいね', 'finished'],
    ['一緒に試してみましょう', 'finished'],
    ['これで十分だよね', 'finished'],
    ['本当に必要でしょうか', 'finished'],
    ['ご意見があればお気軽にどうぞ', 'finished'],
    ['最後まで読んでくれてありがとう', 'finished'],
    // Open: nouns, title-like compound particles, plain forms (a cut before a noun
    // leaves them too), and half words the analyzer would misread.
    ['ログの収集', 'open'],
    ['開発者ツールについて', 'open'],
    ['リソースを考慮した', 'open'],
    ['データが保存さ', 'open'],
    ['設定はこのまま', 'open'],
  ] as const)('%s → %s', (text, ending) => {
    expect(japaneseClauseEnd(text)).toBe(ending);
  });

  it('analyses only the last clause, however long the text', () => {
    const long = 'これは長い文です。'.repeat(20_000) + '続きを書いて';
    expect(japaneseClauseEnd(long)).toBe('unfinished');
    expect(analyzerStats().loads).toBe(1);
  });
});

describe('findUnbalancedBracket', () => {
  it('finds an unclosed Japanese bracket', () => {
    expect(findUnbalancedBracket('Ant Groupの1兆パラメータAI「Ling')).toMatchObject({ char: '「', kind: 'unclosed' });
  });
  it('accepts nesting, enumerators, emoticons, URLs and mixed-width pairs', () => {
    expect(findUnbalancedBracket('「外側『内側』」と（補足）')).toBeUndefined();
    expect(findUnbalancedBracket('Steps: 1) open, 2) close :)')).toBeUndefined();
    expect(findUnbalancedBracket('See https://en.wikipedia.org/wiki/Foo_(bar) here')).toBeUndefined();
    expect(findUnbalancedBracket('全角（半角で閉じる)')).toBeUndefined();
    expect(findUnbalancedBracket('users can “skip" the navigation')).toBeUndefined();
    expect(findUnbalancedBracket('left to the [Touch Events](https://example.com/touch-events/) specification.')).toBeUndefined();
  });
  it('still reports a curly quote that nothing closes', () => {
    expect(findUnbalancedBracket('users can “skip the navigation')).toMatchObject({ char: '“', kind: 'unclosed' });
  });
  it('reports a closer without an opener', () => {
    expect(findUnbalancedBracket('途中から」始まる')).toMatchObject({ char: '」', kind: 'unopened' });
  });
});

describe('end markers', () => {
  const matcher = markerMatcher();
  it.each(['---END---', '--- END ---', '=====END=====', '[END]', '<END>', '(END)', '<|endoftext|>', '<|im_end|>', '</s>', '--- END OF ARTICLE ---'])('%s is a marker', (text) => {
    expect(isMarkerText(text, matcher)).toBe(true);
  });
  it.each(['---', '***', 'THE END of the story.', 'END', 'Ending'])('%s is not a marker', (text) => {
    expect(isMarkerText(text, matcher)).toBe(false);
  });
  it('strips trailing markers and takes extra patterns', () => {
    expect(stripTrailingMarkers('Text.<|im_end|>', matcher)).toBe('Text.');
    expect(isMarkerText('(続く)', markerMatcher(['\\(続く\\)']))).toBe(true);
  });
});

describe('shingleSet', () => {
  it('gives sorted unique hashes, the whole key when short', () => {
    expect(shingleSet('abc')).toHaveLength(1);
    const set = shingleSet('abcdeabcde');
    expect([...set]).toEqual([...new Set(set)].sort((a, b) => a - b));
    expect(set.length).toBe(5);
  });
});
