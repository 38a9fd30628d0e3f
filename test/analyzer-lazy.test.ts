import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { analyzerStats } from '../src/text/ja-grammar.js';

// The Japanese analyzer costs ~0.25 s and ~170 MB: a run over finished articles must not load it.
describe('the Japanese analyzer is loaded only for an ending it must decide', () => {
  it('is not loaded for finished articles, in either language', () => {
    lintText('---\ntitle: メモ\n---\n\n設定を見直しました。\n\n次は整理します。\n', { filePath: 'ja.md' });
    lintText('---\ntitle: Notes\n---\n\nWe reviewed the settings.\n\nNext we sort the logs\n', { filePath: 'en.md' });
    expect(analyzerStats()).toEqual({ loads: 0, calls: 0 });
  });

  it('is loaded once for an article that stops on a Japanese word', () => {
    const cut = '---\ntitle: メモ\n---\n\n設定を見直しました。\n\n集めたログを日付ごとに分けて整理し\n';
    expect(lintText(cut, { filePath: 'cut.md' }).messages.map((m) => m.messageId)).toEqual(['articleEnd']);
    lintText(cut, { filePath: 'again.md' });
    expect(analyzerStats()).toEqual({ loads: 1, calls: 2 });
  });
});
