import { describe, expect, it } from 'vitest';
import { findRepeatedBlocks, type RepeatInput } from '../src/text/repeats.js';
import { comparisonKey } from '../src/text/normalize.js';
import { lintText } from '../src/index.js';
import { ShinglePostings } from '../src/text/postings.js';
import { differsInSpanOnly, namesAnother } from '../rules/duplicate-paragraph/report.js';
import fc from 'fast-check';

const prose = (text: string, finished = true): RepeatInput => ({ key: comparisonKey(text), role: 'prose', finished });
const heading = (text: string): RepeatInput => ({ key: comparisonKey(text), role: 'exact', finished: true });

const A = '町の図書館は、本を貸すだけの場所ではなくなりつつあり、住民が集まる拠点として生まれ変わっています。';
const B = '特に若い世代の利用が増えており、放課後に勉強する中高生の姿が目立ちます。';
const C = '開館時間を夜九時まで延ばしたことで、仕事帰りの利用者が倍増しました。';

describe('findRepeatedBlocks', () => {
  it('finds a verbatim copy and points at the first', () => {
    const { repeats } = findRepeatedBlocks([prose(A), prose(B), prose(A)]);
    expect([...repeats.values()]).toEqual([{ index: 2, kind: 'exact', sources: [0], coverage: 1 }]);
  });

  it('finds a copy cut off mid-word', () => {
    const { repeats } = findRepeatedBlocks([prose(A), prose(B), prose(A.slice(0, 15), false)]);
    expect(repeats.get(2)).toMatchObject({ kind: 'cut', sources: [0] });
  });

  it('keeps the complete text when the cut-off copy comes first', () => {
    const { repeats } = findRepeatedBlocks([prose(A.slice(0, 15), false), prose(B), prose(A)]);
    expect(repeats.get(0)).toMatchObject({ kind: 'cut', sources: [2] });
    expect(repeats.has(2)).toBe(false);
  });

  it('finds earlier paragraphs glued into one, the last piece cut off', () => {
    const { repeats } = findRepeatedBlocks([prose(A), prose(B), prose(C), prose(A + B + C.slice(0, 10), false)]);
    expect(repeats.get(3)).toMatchObject({ kind: 'glued', sources: [0, 1, 2] });
  });

  it('finds a glued copy with a changed word (whether removing it is safe is decided by the rule, on the raw text)', () => {
    const changed = A.replace('本を', '雑誌を');
    const { repeats } = findRepeatedBlocks([prose(A), prose(B), prose(changed + B)]);
    expect(repeats.get(2)).toMatchObject({ kind: 'glued' });
  });

  it('finds a near copy with a word changed', () => {
    const near = 'The new city library now lets members borrow books with a mobile app instead of a plastic card.';
    const { repeats } = findRepeatedBlocks([prose(near.replace('mobile', 'phone')), prose(B), prose(near)]);
    expect(repeats.get(2)).toMatchObject({ kind: 'near', sources: [0] });
    expect(repeats.get(2)!.coverage).toBeGreaterThan(0.9);
  });

  it('does not call paragraphs that differ only in numbers near copies', () => {
    const one = 'The 14.x release line of Node.js is vulnerable to two high severity issues in this release.';
    const { repeats } = findRepeatedBlocks([prose(one), prose(B), prose(one.replace('14.x', '12.x'))]);
    expect(repeats.size).toBe(0);
    // Also when the entries write their dates differently: their numbers are not the same.
    const release = (version: string, date: string) => prose(`Scribe ${version} was released on ${date} and fixes the installer on every supported platform.`);
    expect(findRepeatedBlocks([release('1.2', '5 March 2024'), prose(B), release('1.3', 'March 12, 2024')]).repeats.size).toBe(0);
  });

  it('finds a near copy in which a number moved or was dropped: only other values make a template', () => {
    const text = 'The release is scheduled for January 26. Release notes can be found on the download page.';
    const { repeats } = findRepeatedBlocks([prose(text), prose(B), prose(text.replace('for January 26.', '26. for January'))]);
    expect(repeats.get(2)).toMatchObject({ kind: 'near', sources: [0] });
    // So is a number dropped.
    const versions = 'All versions of the 6 and 8 release lines are vulnerable, and updates are available on the download page.';
    expect(findRepeatedBlocks([prose(versions), prose(B), prose(versions.replace(' and 8', ' and'))]).repeats.get(2)).toMatchObject({ kind: 'near', sources: [0] });
  });

  it('finds a near copy of a paragraph that comes after many others with the same common words', () => {
    // Each 5-gram lists only the first 8 blocks that had it: the source comes after 12
    // paragraphs that share its common words, so those of its shingles are not listed for it.
    const common = (i: number) => prose(`Case ${i}: the types of the arguments and of the parameters decide it.`);
    const source = 'This works by matching the types of the arguments and of the parameters, a and b against x and y, one pair at a time.';
    const edited = source.replace('x and y', 'and x y');
    const inputs = [...Array.from({ length: 12 }, (_, i) => common(i)), prose(source), prose(B), prose(edited)];
    expect(findRepeatedBlocks(inputs).repeats.get(14)).toMatchObject({ kind: 'near', sources: [12] });
  });

  it('finds a paragraph that re-emits two earlier ones and adds text as partial', () => {
    const { repeats } = findRepeatedBlocks([prose(A), prose(B), prose(A + B + '最後に新しい一文を加えました。')]);
    expect(repeats.get(2)).toMatchObject({ kind: 'partial' });
  });

  it('groups a re-emitted section, heading included, into one run', () => {
    const { runs } = findRepeatedBlocks([heading('## 役割'), prose(A), prose(B), prose(C), heading('## 役割'), prose(A), prose(B), heading('## 次')]);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ first: 4, last: 6 });
    expect(runs[0].members.map((m) => m.index)).toEqual([4, 5, 6]);
  });

  describe('blocks that are not compared (tab panes, images)', () => {
    const pane = (raw: string): RepeatInput => ({ key: comparisonKey(raw), role: 'barrier', finished: false, written: raw.replace(/\s+/g, '') });
    const image = (raw: string): RepeatInput => ({ key: '', role: 'exact', finished: false, written: raw.replace(/\s+/g, '') });
    const tabs = [pane('{{< tabpane >}} {{% tab Go %}}'), pane('```go\nrun()\n```'), pane('{{% /tab %}} {{< /tabpane >}}')];

    it('are copies when made along with the copy before them, block for block', () => {
      const { repeats, runs } = findRepeatedBlocks([heading('## 導入'), prose(A), ...tabs, prose(B), heading('## 導入'), prose(A), ...tabs]);
      expect([8, 9, 10].map((i) => repeats.get(i)?.sources)).toEqual([[2], [3], [4]]);
      expect(repeats.get(8)?.along).toBe(true);
      expect(runs).toMatchObject([{ first: 6, last: 10 }]);
    });

    it('are found across gaps (rules, comments) between them', () => {
      const gap: RepeatInput = { key: '', role: 'gap', finished: false };
      const { repeats } = findRepeatedBlocks([prose(A), gap, gap, tabs[0], gap, tabs[1], tabs[2], prose(B), prose(A), tabs[0], gap, tabs[1], tabs[2]]);
      expect([9, 11, 12].map((i) => repeats.get(i)?.sources)).toEqual([[3], [5], [6]]);
    });

    it('an image as written counts too', () => {
      const { runs } = findRepeatedBlocks([heading('## 導入'), prose(A), image('![](/a.png)'), prose(B), prose(C), heading('## 導入'), prose(A), image('![](/a.png)'), prose(B)]);
      expect(runs).toMatchObject([{ first: 5, last: 8 }]);
    });

    it('are not copies when one block of the stretch differs, or the stretches differ in length', () => {
      const otherTabs = [tabs[0], pane('```go\nstop()\n```'), tabs[2]];
      expect(findRepeatedBlocks([prose(A), ...tabs, prose(B), prose(A), ...otherTabs]).repeats.has(6)).toBe(false);
      expect(findRepeatedBlocks([prose(A), ...tabs, prose(B), prose(A), tabs[0], tabs[1]]).repeats.has(6)).toBe(false);
      // Panes alone, after no copy, repeat from pane to pane by design.
      expect(findRepeatedBlocks([prose(A), ...tabs, ...tabs]).repeats.size).toBe(0);
    });
  });

  it('stays linear: 3,000 paragraphs, one repeated 3,000 times', () => {
    const inputs = Array.from({ length: 3000 }, (_, i) => prose(`段落${i}では項目${i * 7}を説明します。話題${i % 13}の内容です。`));
    const same = Array.from({ length: 3000 }, () => prose(A));
    const { repeats } = findRepeatedBlocks([...inputs, ...same]);
    expect(repeats.size).toBe(2999);
  });
});

describe('duplicate reports on real-looking articles', () => {
  it('does not report short repeated lead-ins or templated lines', () => {
    const text = ['---', 'title: t', '---', '', 'For example:', '', '```js', 'a()', '```', '', 'For example:', '', '```js', 'b()', '```', ''].join('\n');
    expect(lintText(text).messages).toEqual([]);
  });

  it('never offers a safe fix for "See [slides](a)" after "See [slides](b)": the targets differ', () => {
    const para = (url: string) => `See the [slide deck](${url}) (use the left and right arrows to navigate the slides in this talk).`;
    const text = `---\ntitle: t\n---\n\n${para('/talks/simple.slide')}\n\nMiddle paragraph that is long enough to be prose text here.\n\n${para('/talks/chat.slide')}\n`;
    expect(lintText(text).messages.filter((m) => m.fix)).toEqual([]);
  });
});

describe('ShinglePostings', () => {
  const listed = (postings: ShinglePostings, hash: number) => {
    const blocks: number[] = [];
    postings.forEach(hash, (block) => blocks.push(block));
    return blocks;
  };

  it('lists the blocks of each hash in insertion order, up to the cap, as a Map of arrays would', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 0x3fffffff }), fc.nat(50)), { maxLength: 400 }), fc.array(fc.integer({ min: 0, max: 0x3fffffff }), { maxLength: 20 }), (adds, misses) => {
        // A tiny initial capacity makes the table and the entry pool grow many times.
        const postings = new ShinglePostings(3, 1);
        const reference = new Map<number, number[]>();
        for (const [hash, block] of adds) {
          postings.add(hash, block);
          const list = reference.get(hash) ?? [];
          if (list.length < 3) list.push(block);
          reference.set(hash, list);
        }
        for (const [hash, list] of reference) {
          expect(listed(postings, hash)).toEqual(list);
          // Full: blocks added later with this hash are not listed.
          expect(postings.forEach(hash, () => {})).toBe(list.length === 3);
        }
        for (const hash of misses) expect(listed(postings, hash)).toEqual(reference.get(hash) ?? []);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('keeps hashes 0 and the largest 30-bit value apart from empty slots', () => {
    const postings = new ShinglePostings(8);
    postings.add(0, 1);
    postings.add(0x3fffffff, 2);
    expect(listed(postings, 0)).toEqual([1]);
    expect(listed(postings, 0x3fffffff)).toEqual([2]);
    expect(listed(postings, 5)).toEqual([]);
  });
});

describe('differsInSpanOnly', () => {
  it('reads a word swapped inside one code span as a template field', () => {
    expect(differsInSpanOnly('Call `convertToUtcClientTime` to convert the value.', 'Call `convertToLocalClientTime` to convert the value.')).toBe(true);
    expect(differsInSpanOnly('設定は `設定値` に書きます。', '設定は `既定値` に書きます。')).toBe(true);
  });

  it('reads Japanese put into code that had none as an edit, not a field', () => {
    expect(differsInSpanOnly('先頭で `useState` を呼び出します。', '先頭で `useSやate` を呼び出します。')).toBe(false);
    expect(differsInSpanOnly('先頭で `useState` を呼び出します。', '先頭で `use改変tate` を呼び出します。')).toBe(false);
  });

  it('reads a value swapped whole for one in another script as a field', () => {
    expect(differsInSpanOnly('名前は `name` に入ります。', '名前は `名前` に入ります。')).toBe(true);
  });

  it('does not read a difference outside the span as a field', () => {
    expect(differsInSpanOnly('先頭で `useState` を呼び出します。', '末尾で `useState` を呼び出します。')).toBe(false);
  });
});

describe('namesAnother', () => {
  it('reads another Latin name in the same place of a Japanese paragraph as another thing', () => {
    expect(namesAnother('配置したCppSpawnerのアクターを削除します。', '配置したBPSpawnerのアクターも削除します。')).toBe(true);
    expect(namesAnother('AzureのコンソールでVMを停止します。', 'AWSのコンソールでVMを停止します。')).toBe(true);
  });

  it('reads Japanese put into a name, or a name cut short, as an edit', () => {
    expect(namesAnother('先頭で useState を呼び出します。', '先頭で useSやate を呼び出します。')).toBe(false);
    expect(namesAnother('React の状態を更新します。', 'やeact の状態を更新します。')).toBe(false);
    expect(namesAnother('React の状態を更新します。', 'Reac今 の状態を更新します。')).toBe(false);
    expect(namesAnother('Docker でイメージを作ります。', 'やockeや でイメージを作ります。')).toBe(false);
  });

  it('needs the same names in number and Japanese on both sides', () => {
    expect(namesAnother('Azure と AWS を比べます。', 'Azure を比べます。')).toBe(false);
    expect(namesAnother('先頭で useState を呼び出します。', '末尾で useState を呼び出します。')).toBe(false);
    expect(namesAnother('Call useState first.', 'Call useEffect first.')).toBe(false);
  });
});
