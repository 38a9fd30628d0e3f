import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { startsEnglishWordOnly, wordListStats } from '../src/text/english-words.js';

// The word list costs ~50 ms and ~35 MB: a run over finished articles must not load it.
describe('the English word list', () => {
  it('is not loaded for finished articles, nor for an ending that other tests settle', () => {
    lintText('---\ntitle: Notes\n---\n\nWe reviewed the settings.\n\nNext we sort the logs.\n', { filePath: 'done.md' });
    lintText('---\ntitle: メモ\n---\n\n設定を見直しました。\n\n次は整理します。\n', { filePath: 'ja.md' });
    expect(wordListStats().loads).toBe(0);
  });

  it('tells the start of a word from a word and from a token that starts none', () => {
    expect(['effo', 'resil', 'contribu'].map(startsEnglishWordOnly)).toEqual([true, true, true]);
    expect(['effort', 'resilience', 'time', 'kubectl', 'npm'].map(startsEnglishWordOnly)).toEqual([false, false, false, false, false]);
    expect(wordListStats().loads).toBe(1);
  });
});
