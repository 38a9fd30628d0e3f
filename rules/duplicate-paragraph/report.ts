import { distance } from 'fastest-levenshtein';
import type { Article } from '../../src/article.js';
import { blockInfos, isLeadIn, linkCount, linkTargets, type BlockInfo } from '../../src/blocks.js';
import { commonEnds } from '../../src/text/common-ends.js';
import { comparisonKey, weightedLength } from '../../src/text/normalize.js';
import { collapsiblePanels, docfxTabPanes } from '../../src/text/containers.js';
import { closerOf } from '../../src/text/sentence-end.js';
import { CONTINUATION_WINDOW, continuesSection, CUT_SOURCE_RATIO, findRepeatedBlocks, LOOSE_THRESHOLDS, sourceRange, type Repeat, type RepeatAnalysis, type RepeatedRun, type RepeatThresholds } from '../../src/text/repeats.js';
import { withoutWhitespace } from '../../src/text/verbatim.js';

/**
 * What counts as a repeat worth reporting: the duplicate-paragraph rule's options, and
 * the one owner of that decision (truncated-sentence asks here, with the same options).
 * Lengths are of comparison keys (normalised text).
 */
export interface DuplicateOptions {
  /** Shortest key of a verbatim repeat reported on its own, in weighted characters (a Japanese character counts 2). */
  minLength: number;
  /** Shortest key of a cut-off copy, in characters (it must stop mid-sentence). */
  minCutLength: number;
  /** Similarity (0-1, by edit distance) from which two paragraphs are near-duplicates. */
  nearSimilarity: number;
  /** Shortest key compared for near-duplicates, in weighted characters. */
  minNearLength: number;
}

export const DEFAULT_DUPLICATE_OPTIONS: DuplicateOptions = {
  minLength: 40,
  minCutLength: 10,
  nearSimilarity: 0.93,
  minNearLength: 50,
};

/**
 * Detection is looser than reporting, so a re-emitted section's run takes in every copy
 * (a short cut piece, an edited sentence); what is reported is filtered afterwards. An
 * option set below the loose value loosens detection too: options always reach it.
 */
function detectionThresholds(options: DuplicateOptions): RepeatThresholds {
  return {
    minCutLength: Math.min(LOOSE_THRESHOLDS.minCutLength, options.minCutLength),
    nearSimilarity: Math.min(LOOSE_THRESHOLDS.nearSimilarity, options.nearSimilarity),
    minNearLength: Math.min(LOOSE_THRESHOLDS.minNearLength, options.minNearLength),
  };
}

/** Every block that repeats an earlier one, found with the loose detection thresholds. */
export function repeatAnalysis(article: Article, options: DuplicateOptions, markerPatterns: readonly string[]): RepeatAnalysis {
  const thresholds = detectionThresholds(options);
  return article.memo(`repeats:${JSON.stringify([thresholds, markerPatterns])}`, () =>
    findRepeatedBlocks(
      blockInfos(article, markerPatterns).map((info) => ({
        key: info.key,
        role: info.role,
        finished: info.ending === 'finished' || isLeadIn(info),
        written: info.role === 'barrier' || (info.key === '' && info.role !== 'gap') ? withoutWhitespace(article.text.slice(info.block.start, info.block.end)) : undefined,
      })),
      thresholds,
    ),
  );
}

export interface ReportedRepeats {
  runs: RepeatedRun[];
  singles: Repeat[];
  /** Singles reported but left for a person: the text cannot tell structure from a copy (see stepBeforeFigure). */
  reviewOnly: Set<number>;
}

const FINAL_STOP = /[。．.！!？?]$/;

/** A template's field: a bold label and its value (`**担当者:** FinOpsアナリスト`, `**Status**: Stable`). */
const FIELD_LINE = /^(?:\*\*|__)[^*_\n]{1,40}?(?:[:：](?:\*\*|__)|(?:\*\*|__)\s*[:：])/;

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The longest emphasis taken for a template's field: a whole sentence in bold is prose. */
const EMPHASIZED_FIELD = 40;

/**
 * Whether one of two texts has Japanese put inside a word of the other's code or URL,
 * where the other has none (`useState` / `useSやate`, `…/exporters/` / `…/ex今orters/`):
 * an edit of a copy, whichever of the two came first. A field's values are of one kind and
 * swapped whole: `name` / `名前`, or `/wiki/Tokyo` / `/wiki/東京`, stand between
 * delimiters, while an edit lands inside a word, a Latin letter or digit beside it.
 * (The third argument: the two texts' commonEnds, when the caller has them already.)
 */
function japaneseEditedIn(a: string, b: string, [start, end] = commonEnds(a, b)): boolean {
  const put = (edited: string, other: string) =>
    JAPANESE.test(edited.slice(start, edited.length - end)) &&
    !JAPANESE.test(other.slice(start, other.length - end)) &&
    (/[A-Za-z0-9]/.test(edited[start - 1] ?? '') || /[A-Za-z0-9]/.test(edited[edited.length - end] ?? ''));
  return put(a, b) || put(b, a);
}

/**
 * Whether two Japanese paragraphs, nearly alike, name other things: their Latin words
 * (names, identifiers) stand as many and in the same order, and one or more is another
 * word, not a part of it (`CPPConstructor` / `BPConstructor`: the step told again for the
 * other class). An edit of a copy puts Japanese into a word or cuts one short; it does
 * not spell another name (japaneseEditedIn).
 */
export function namesAnother(a: string, b: string): boolean {
  if (!JAPANESE.test(a) || !JAPANESE.test(b) || japaneseEditedIn(a, b)) return false;
  const latinWords = (text: string) => text.match(/[A-Za-z][A-Za-z0-9_]+/g) ?? [];
  const [x, y] = [latinWords(a), latinWords(b)];
  if (x.length !== y.length) return false;
  let renamed = false;
  for (let k = 0; k < x.length; k++) {
    if (x[k] === y[k]) continue;
    // A part of the other word is what an edit leaves of it (`Docker` / `やockeや`).
    if (x[k].includes(y[k]) || y[k].includes(x[k])) return false;
    renamed = true;
  }
  return renamed;
}

/**
 * Two paragraphs whose only difference lies inside one inline code span in each
 * (`convertToUtcClientTime` / `convertToLocalClientTime`), or inside one emphasis
 * (`_high severity_` / `_low severity_`): they document two different things in the same
 * words, the marked-up word being the template's field, and neither is a copy of the other.
 * An emphasis counts when it is short (EMPHASIZED_FIELD) and holds no Japanese. Japanese
 * put inside a word of the other's code is an edit, not a field (japaneseEditedIn).
 */
export function differsInSpanOnly(a: string, b: string): boolean {
  const [start, end] = commonEnds(a, b);
  if (start === a.length && start === b.length) return false;
  // Inside a code span when an odd number of backticks precede the difference and the
  // span's closing backtick comes at or after its end, on the same line.
  const insideCode = (text: string, from: number, to: number) => {
    if (text.slice(from, to).includes('\n') || text.slice(from, to).includes('`')) return false;
    const before = text.slice(0, from).split('`').length - 1;
    if (before % 2 === 0) return false;
    const close = text.indexOf('`', from);
    return close >= to && !text.slice(to, close).includes('\n');
  };
  // Inside an emphasis when, on the same line, the nearest delimiter before the difference
  // opens one (not inside a word: `max_retries` is a name) and the next after it closes it.
  const insideEmphasis = (text: string, from: number, to: number, delimiter: string) => {
    const lineStart = text.lastIndexOf('\n', from - 1) + 1;
    let lineEnd = text.indexOf('\n', to);
    if (lineEnd === -1) lineEnd = text.length;
    if (to > lineEnd) return false;
    const open = text.lastIndexOf(delimiter, from - 1);
    const close = text.indexOf(delimiter, to);
    if (open < lineStart || close === -1 || close + delimiter.length > lineEnd || open + delimiter.length > from) return false;
    const word = /[\p{L}\p{N}]/u;
    const opens = !word.test(text[open - 1] ?? '') && !/\s/.test(text[open + delimiter.length] ?? ' ');
    const closes = !word.test(text[close + delimiter.length] ?? '') && !/\s/.test(text[close - 1] ?? ' ');
    const span = text.slice(open + delimiter.length, close);
    // A field is a word swapped whole (`_high_` / `_low_`), which spaces mark out: inside a
    // Japanese emphasis (`**その他のツール**`) a changed character cannot be told from an
    // edit, so such a span is no field at all.
    return opens && closes && !span.includes(delimiter) && span.length <= EMPHASIZED_FIELD && !JAPANESE.test(span);
  };
  const inside = (text: string, from: number, to: number, delimiter: string) => (delimiter === '`' ? insideCode(text, from, to) : insideEmphasis(text, from, to, delimiter));
  if (japaneseEditedIn(a, b, [start, end])) return false;
  return ['`', '**', '__', '*', '_'].some((delimiter) => inside(a, start, a.length - end, delimiter) && inside(b, start, b.length - end, delimiter));
}

/** A heading that answers: "問題の解答", "解答例", "答え合わせ", "Solutions", "Answer key" (not "解説": "コード解説" explains, it answers nothing). */
const ANSWER_HEADING = /解答|答え|回答|\b(?:answers?|solutions?)\b/i;

/** A heading that sets problems: "問題", "練習", "演習", "Exercises", "Problem 2". */
const PROBLEM_HEADING = /問題|練習|演習|課題|\b(?:exercises?|problems?|questions?)\b/i;

/** A heading that marks its feature's status: "Label Slot (実験的)", "Start and End Slots (experimental)", "fetch (beta)". */
const STATUS_HEADING = /[(（]\s*(?:experimental|beta|preview|deprecated|legacy|実験的|試験的|ベータ|プレビュー|非推奨)(?:\s*(?:版|機能|feature))?\s*[)）]\s*(?:\{[^}]*\})?\s*$/i;

/** Blocks under a heading that may explain its status mark before the section moves on. */
const STATUS_NOTE_SLOT = 3;

/** The end of a heading where a status mark is looked for (a bound on the regex's work). */
const MAX_STATUS_MARK = 120;

/** A heading's text without a trailing `{#id}` (or an MDX comment id), found from the last `{` (linear). */
function withoutTrailingBraces(title: string): string {
  const open = title.lastIndexOf('{');
  return open !== -1 && title.endsWith('}') && !title.slice(open + 1, -1).includes('}') ? title.slice(0, open).trim() : title;
}

/** Characters that two headings' keys share at their start or end to be entries of one kind ("…のマッチング", "Open…"). */
const SHARED_TITLE = 4;

/** Longest heading (characters of its key) compared as a title with another's. */
const MAX_TITLE = 200;

/** A numbered step of a guide: "ステップ3 – …", "手順 2:", "Step 1: …", "Phase 2", "3. …", "2 – …" (not a date, a version or "5-minute …"). */
const STEP_HEADING = /^(?:(?:step|phase)\s*[0-9０-９]+\b|(?:ステップ|手順|フェーズ)\s*[0-9０-９]+|[0-9]{1,2}(?:[.．)）](?![0-9])|\s+[:：–—-]\s))/i;

/** The part of an API page that describes each API: "## リファレンス", "## Reference". */
const REFERENCE_HEADING = /^(?:api\s*)?(?:リファレンス|reference)$/i;

/** An MDX callout that opens alone on its line: `<Pitfall>`, `<Note>`, `<Callout type="warn">`. */
const CALLOUT_OPEN = /^<(?:Pitfall|Note|Notice|Caution|Warning|Tip|Callout|Admonition)\b[^>]*>\s*$/;

/** The part of an API page that shows it in use: "## 使用法", "## Usage". */
const USAGE_HEADING = /^(?:使用法|使い方|用法|usage)$/i;

/** The label that opens a heading: "OpenSSL" in "OpenSSL: Client DoS…", "注意" in "注意：…". */
const HEADING_LABEL = /^([^:：\s][^:：]{1,39})[:：]\s*\S/;

/** Whether two titles open with the same label (`OpenSSL:`, `詳細な仕組み:`). */
function labelsMatch(a: string, b: string): boolean {
  const label = HEADING_LABEL.exec(a)?.[1];
  return label !== undefined && label === HEADING_LABEL.exec(b)?.[1];
}

/** Longest differing stretch (characters) of a near copy taken as one edit: a word or two. */
const ONE_EDIT = 16;

/** Shortest common ending (characters) of two near copies that both run to their end, not cut. */
const CUT_TAIL = 5;

/** Longest note (weighted characters of its key) that closes sections of a template alike. */
const SHORT_NOTE = 200;

/** Words that turn a sentence into its opposite. */
const NEGATION = /^(?:not|no|never|nor|none|cannot)[.,;:!?]?$/;

/** Words that say a sentence is said again: "also", "too", "again", "as well". */
const ADDED_AGAIN = /^(?:also|too|again|as well)$/i;

/** Brackets around a label: `[Bind]`, 「保存」, 【注意】, 『…』. */
const BRACKET_PAIRS: Record<string, string> = { '[': ']', '「': '」', '【': '】', '『': '』' };

/** A heading that looks back over what came before: "振り返り", "おさらい", "Recap". */
const RECAP_HEADING = /振り返り|ふりかえり|おさらい|\brecap\b/i;

/** A summary that opens an article: "TL;DR", "Summary", "要約", "概要まとめ". */
const OPENING_SUMMARY_HEADING = /要約|まとめ|\b(?:tl;\s?dr|summary|key takeaways)\b/i;

/** A heading's explicit anchor: `{#id}` or kramdown's `{: #id}` at its end, `<a name="id">` / `<a id="id">`, or an id in an MDX comment at its end. */
const HEADING_ANCHOR = /\{#([^{}\s]+)\}\s*$|\{:\s*#([^{}\s]+)[^{}]*\}\s*$|<a\s+(?:name|id)=["']([^"'<>]+)["']|\{\/\*\s*([^{}*\s]+)\s*\*\/\}\s*$/;

/** The attribution line under a quote: `— Jane Doe, CFO`. */
const ATTRIBUTION = /^[—―–]{1,2}|^-{1,2}\s/;

/** A paragraph this long (weighted characters) repeated three times is a loop, not a template's note. */
const VERY_LONG = 300;

/** A paragraph this long (weighted characters) says what its section is about: a section body holding one is not a template's. */
const LONG_PARAGRAPH = 160;

/** A lead-in or a follow-up of a code sample is shorter than this (weighted characters). */
const SHORT_REMARK = 100;

/** A sentence ends inside a paragraph (a full stop followed by more text): the paragraph says more than one thing. */
const INNER_SENTENCE_END = /[。！？]|[.!?](?=\s)/;

/** Text that holds a full stop without ending a sentence: a quoted message, an abbreviation. */
const QUOTED_OR_ABBREVIATION = /「[^「」]*」|『[^『』]*』|\b(?:e\.g|i\.e|etc|vs|cf)\./g;

/** What an image shows: its URL (`![](url)`, `src="url"`) or its reference label (`![][label]`). */
function imageTarget(raw: string): string {
  const match = /!\[[^\]]*\]\(\s*<?([^)\s>]+)|!\[[^\]]*\]\[([^\]]*)\]|\bsrc\s*=\s*["']([^"']+)/i.exec(raw);
  return match?.slice(1).find((part) => part !== undefined) ?? raw;
}

/** Longest value of a label (characters after its field name): a few words, such as `namespace, pod` or `FinOpsアナリスト`. */
const LABEL_VALUE = 20;

/** Longest caption line (weighted characters of its key) that may also open a longer paragraph: `⬇️*サーバーからのレスポンス*`. */
const CAPTION_LINE = 40;

/** The block's text is one sentence: no sentence ends before its last character. */
const oneSentence = (info: BlockInfo) => !INNER_SENTENCE_END.test(info.proseText.trim().slice(0, -1));

/**
 * HTML that a reader never sees: comments and processing instructions only
 * (`<!-- prettier-ignore-start -->`, `<?code-excerpt …?>`). Scanned, not matched with a
 * repeated group: a line of many comments would make such a pattern backtrack.
 */
function isHiddenHtml(text: string): boolean {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at])) at++;
    if (at === text.length) return true;
    const close = text.startsWith('<!--', at) ? '-->' : text.startsWith('<?', at) ? '?>' : undefined;
    if (close === undefined) return false;
    const end = text.indexOf(close, at + 2);
    if (end === -1) return false;
    at = end + close.length;
  }
}

/** The number that opens an exercise: `②`, `(4)`, `（3）`, `問2`, `Q3.`. */
const EXERCISE = /^(?:[①-⑳]|[(（]\d{1,2}[)）]|問\s*\d|Q\d{1,2}[.:：\s])/;

/** Longest exercise question (weighted characters) taken as quoted: a problem, not a passage. */
const QUESTION_LENGTH = 200;

/** How a question or an exercise's instruction ends: `？`, `?`, `か。`, `なさい。`. */
const QUESTION_END = /(?:[？?]|か。|なさい。)$/;

/** A version number: `1.67.0`, `v4.4.0`, `12.16.1-rc.1`. */
const VERSION = /^v?\d+(?:\.\d+)+(?:-[\w.]+)?$/;

/** The end of a link's text and its target as one word, its `[` in an earlier word: `channel](https://…)`. */
const LINK_TEXT_END = /^[^\s[\]()]+\]\([^()\s]+\)[.,;:!?]?$/;

/** A number in figures or in words. */
const NUMBER_WORD = /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/;

/** The mark that opens a numbered note: `<sup>1</sup>`, `¹`, `※1`, `*1`, `注1`, `[1]`. */
const NOTE_MARK = /^\s*(?:<sup>\s*\d+\s*<\/sup>|[¹²³⁴⁵⁶⁷⁸⁹]|※\s*\d|\*\d+\s|注\s*\d|\\?\[\d+\\?\](?!\())/;

/** A closing tag or template syntax that ends a block: `</div>`, `{{ end }}`, `{% endif %}`, `{{< /tab >}}`. */
const CLOSER = /^\s*(?:<\/[\w.-]+\s*>|\{\{-?\s*end\b|\{%-?\s*end|\{\{[<%]\s*\/)/;

/** An opening tag or template syntax that a closer ends: `<div>`, `{{ if … }}`, `{% for %}`, `{{< tab >}}`. */
const OPENER = /^\s*(?:<[A-Za-z][\w.-]*(?:\s[^>]*)?(?<!\/)>|\{\{-?\s*(?:if|range|with|define|block)\b|\{%-?\s*(?:if|for|block|unless|case|capture|raw)\b|\{\{[<%]\s*[^/\s])/;

/** How many blocks of two sections are compared to tell whether they are built alike. */
const NEARBY = 8;

/** Words that send the reader elsewhere: "see", "learn more", "詳細については", "参照してください", "ご覧ください". */
const POINTS_ELSEWHERE = /参照|ご覧|詳細|詳しく|\b(?:see|learn more|read more|for more|refer to)\b/i;

/** A heading over pointers to more: "詳細について", "詳細情報", "Learn more", "Further reading". */
const LEARN_MORE = /詳細について|詳細情報|詳しく知る|さらに詳しく|\b(?:learn more|more information|find out more|further reading)\b/i;

/** Longest pointer that closes a section, in weighted characters of its key (words and link URL): one short sentence. */
const POINTER_LENGTH = 130;

/** Words that point at what follows: a sentence with one announces the figure below it. */
const ANNOUNCES = /以下の|以下に|次の|下記|下図|\b(?:below|the following|as follows|shown here)\b/i;

/** Blocks that a lead-in introduces (code, a list, a table, a figure): a lead-in repeated with its structure. */
const STRUCTURE = new Set(['code', 'list', 'table', 'html', 'blockquote', 'figure']);

/**
 * The repeats worth a report. Real articles repeat short lead-ins ("For example:"),
 * the same sentence before each code sample, and templated notes three times or more;
 * a damaged article repeats whole paragraphs. So a single repeat is reported when it is
 * long enough, appears exactly twice (or is very long: a note closing three sections is
 * a template, a long paragraph three times is a loop), and is not a lead-in repeated with
 * the structure it introduces; a cut-off copy when it stops mid-sentence.
 */
export function reportedRepeats(article: Article, thresholds: DuplicateOptions, markerPatterns: readonly string[]): ReportedRepeats {
  return article.memo(`reported:${JSON.stringify([thresholds, markerPatterns])}`, () => {
    const infos = blockInfos(article, markerPatterns);
    const { repeats, runs } = repeatAnalysis(article, thresholds, markerPatterns);
    // Where each text stands (block indices, in order); how often it stands is their count.
    const positions = new Map<string, number[]>();
    for (let i = 0; i < infos.length; i++) {
      if (!infos[i].key) continue;
      const list = positions.get(infos[i].key);
      if (list) list.push(i);
      else positions.set(infos[i].key, [i]);
    }
    const occurrences = (key: string) => positions.get(key)?.length ?? 0;
    // The article's last block that is not a gap.
    const lastContent = infos.findLastIndex((info) => info.role !== 'gap');
    // Templated prose: the copy sits between the same kinds of blocks as the text it
    // repeats (a note under every entry, a sentence between two paragraphs in each
    // section). A copy pasted in by a scraper or a generator lands anywhere.
    const typeAt = (index: number) => infos[index]?.block.type ?? 'none';
    // Structure is read without the damage in it: a fragment cut off before its complete
    // text (what the fix removes) is neither a neighbour nor a place in its section, so a
    // template's entry keeps its place when a fragment lands before it.
    // A cut-off copy worth reporting: long enough, and stopping mid-sentence ("Let's
    // build:" before "Let's build a service..." is a lead-in, not a cut).
    const cutWorthReporting = (info: BlockInfo) => info.key.length >= thresholds.minCutLength && info.ending !== 'finished' && !isLeadIn(info);
    const fragment = (index: number) => {
      const repeat = repeats.get(index);
      return repeat !== undefined && repeat.kind === 'cut' && repeat.sources[0] > index && cutWorthReporting(infos[index]);
    };
    // A block's words as compared (its prose text's comparison key, link targets aside), computed once.
    // A target left in the text by an edit that broke its link's markup (`…を参照で「ラベル」](#label)
    // セクション`) is no word either.
    const proseKeys = new Map<number, string>();
    const proseKey = (index: number) => {
      let key = proseKeys.get(index);
      if (key === undefined) proseKeys.set(index, (key = comparisonKey(infos[index].proseText.replace(/\]\([^()\s]*\)/g, ']'))));
      return key;
    };
    // The block next to `index` (step -1 before, +1 after), fragments aside.
    const beside = (index: number, step: 1 | -1) => {
      let i = index + step;
      while (fragment(i)) i += step;
      return i;
    };
    // The nearest block before (step -1) or after (+1) that is not a gap; -1 when none.
    const contentNear = (index: number, step: 1 | -1) => {
      for (let i = index + step; i >= 0 && i < infos.length; i += step) if (infos[i].role !== 'gap') return i;
      return -1;
    };
    // The next block a reader sees: HTML comments and processing instructions
    // (`<!-- prettier-ignore-start -->`, `<?code-excerpt …?>`) are not shown. -1 when none.
    const shownAfter = (index: number) => {
      let next = contentNear(index, 1);
      while (next !== -1 && infos[next].block.type === 'html' && isHiddenHtml(infos[next].block.text)) next = contentNear(next, 1);
      return next;
    };
    const amidProse = (index: number) => typeAt(beside(index, -1)) === 'paragraph' && typeAt(beside(index, 1)) === 'paragraph';
    const parallel = (repeat: Repeat) => {
      const source = repeat.sources[0];
      return typeAt(beside(repeat.index, -1)) === typeAt(beside(source, -1)) && typeAt(beside(repeat.index, 1)) === typeAt(beside(source, 1));
    };
    // Stronger: a neighbour of the copy also resembles the source's neighbour (the
    // next entry of a template: "Thank you to X" / "Thank you to Y").
    const resembles = (a: number, b: number) => {
      const x = infos[a]?.key.slice(0, 200) ?? '';
      const y = infos[b]?.key.slice(0, 200) ?? '';
      // Two blocks without text (images, rules) resemble when of one kind; a block
      // without text never resembles one with text.
      if (x === '' || y === '') return x === y && infos[a]?.block.type === infos[b]?.block.type;
      return 1 - distance(x, y) / Math.max(x.length, y.length) >= 0.5;
    };
    // Also a template: a short note that closes two sibling sections alike, such as the
    // same remark at the end of two glossary entries. (A paragraph right under another
    // heading is more often pasted there: that stays a copy.)
    const depthAt = (index: number) => (infos[index]?.block.node as { depth?: number } | undefined)?.depth;
    const siblingSections = (repeat: Repeat) => {
      const source = repeat.sources[0];
      const closes = typeAt(beside(repeat.index, 1)) === 'heading' && depthAt(beside(repeat.index, 1)) === depthAt(beside(source, 1));
      return closes && weightedLength(infos[repeat.index].key) < SHORT_NOTE && entriesOfOneKind(headingBefore(repeat.index), headingBefore(source));
    };
    // Two sections that are entries of one kind: neighbours under one parent (the next
    // glossary term, the next advisory), or headings that say alike, open with the same
    // label or share a stretch at either end ("実行可能ファイル名のマッチング" / "オープンポートの
    // マッチング", "OpenCensus" / "OpenTracing"). "Introduction" and "Values" are not: a note
    // closing both is a paste.
    const entriesOfOneKind = (a: number, b: number) => {
      if (a === -1 || b === -1 || a === b) return false;
      if (previousSibling(a) === b || previousSibling(b) === a) return true;
      const [x, y] = [infos[a].key, infos[b].key];
      if (x === '' || y === '' || x.length > MAX_TITLE || y.length > MAX_TITLE) return false;
      const [start, end] = commonEnds(x, y);
      return x === y || Math.max(start, end) >= SHARED_TITLE || resembles(a, b) || sameLabel(a, b);
    };
    // An image on its own (a Markdown image paragraph, `<img>`, `<figure>`).
    const image = (info: BlockInfo | undefined) => {
      if (info?.block.type === 'html') return /<(?:img|figure|picture)\b/i.test(info.block.text);
      const children = info?.block.type === 'paragraph' ? ((info.block.node as { children?: { type: string; value?: string; children?: { type: string }[] }[] }).children ?? []) : [];
      const isImage = (node: { type: string; children?: { type: string }[] }) => node.type === 'image' || node.type === 'imageReference' || (node.type === 'link' && (node.children ?? []).every(isImage));
      return children.some(isImage) && children.every((node) => isImage(node) || node.type === 'break' || (node.type === 'text' && (node.value ?? '').trim() === ''));
    };
    // What follows a copy says little when it is a figure or template syntax that merely
    // resembles (a paragraph before each `{{image "fig27.svg"}}` of a survey report, or
    // before screenshots that share a folder); the same syntax exactly (`{% raw %}`)
    // still does. What precedes it does either way: a credit or caption right after each image.
    const figure = (index: number) => infos[index] !== undefined && (infos[index].key === '' || infos[index].template === true || image(infos[index]));
    const templated = (repeat: Repeat) => {
      const source = repeat.sources[0];
      // After a figure only a caption or credit is the template's (a short line): a
      // paragraph of text after a screenshot goes on with the article.
      const [previous, sourcePrevious] = [beside(repeat.index, -1), beside(source, -1)];
      const afterFigure = figure(previous) || figure(sourcePrevious);
      const followsAlike = resembles(previous, sourcePrevious) && (!afterFigure || weightedLength(infos[repeat.index].proseText.replace(/\s+/g, '')) < 120);
      const [next, sourceNext] = [beside(repeat.index, 1), beside(source, 1)];
      const precedesAlike = figure(next) || figure(sourceNext) ? infos[next]?.key !== '' && infos[next]?.key === infos[sourceNext]?.key : resembles(next, sourceNext);
      return parallel(repeat) && (followsAlike || precedesAlike || siblingSections(repeat));
    };
    // Several near copies of one paragraph are entries of a template ("The 18.x line is
    // affected…", "The 16.x line…", "The 14.x line…"); an edited copy comes alone.
    const nearCopies = new Map<number, number>();
    for (const repeat of repeats.values()) if (repeat.kind === 'near') nearCopies.set(repeat.sources[0], (nearCopies.get(repeat.sources[0]) ?? 0) + 1);
    // Short in its words: a linked name carries a long URL in the key. (The key holds the
    // words, so a short key settles it without normalising the text again.)
    const shortWords = new Map<number, boolean>();
    const shortInWords = (index: number) => {
      if (weightedLength(infos[index].key) < SHORT_REMARK) return true;
      let short = shortWords.get(index);
      if (short === undefined) shortWords.set(index, (short = weightedLength(comparisonKey(infos[index].text)) < SHORT_REMARK));
      return short;
    };
    const leadIn = (repeat: Repeat) => {
      if (!shortInWords(repeat.index)) return false; // a lead-in is short
      // What it introduces is the next block a reader sees: HTML comments and processing
      // instructions (`<!-- prettier-ignore-start -->`, `<?code-excerpt …?>`) in between are
      // not shown, and introduce nothing themselves.
      // A figure counts: "この質問に対する調査の回答は以下の通りでした。" before each chart.
      const structureAfter = (index: number) => {
        const next = shownAfter(index);
        return next === -1 ? undefined : image(infos[next]) ? 'figure' : infos[next].block.type;
      };
      const after = structureAfter(repeat.index);
      // Before a figure only a sentence that announces it ("以下の通りでした", "as shown
      // below"): in a tutorial every step stands above its screenshot.
      if (after === 'figure' && !ANNOUNCES.test(infos[repeat.index].text)) return false;
      return !!after && after === structureAfter(repeat.sources[0]) && STRUCTURE.has(after);
    };
    // Its mirror: a short remark right after a code sample, said again right after another
    // ("`myBinding` は既存のバインドを格納している変数です。", "Open `localhost:8080` to see
    // the app."): what each sample uses or does, in the same words. The samples differ: a
    // sample and its remark said again together are a re-emitted stretch.
    const followUp = (repeat: Repeat) => {
      const [sample, sourceSample] = [contentNear(repeat.index, -1), contentNear(repeat.sources[0], -1)];
      return weightedLength(infos[repeat.index].key) < SHORT_REMARK && typeAt(sample) === 'code' && typeAt(sourceSample) === 'code' && infos[sample].key !== infos[sourceSample].key;
    };
    // A line repeated with only its full stop added or dropped is restated on purpose (a
    // summary line above the section that says it again, a caption): a cut stops mid-word.
    const restated = (repeat: Repeat) => {
      const a = infos[repeat.index].text.trim();
      const b = infos[repeat.sources[0]].text.trim();
      return a !== b && (a === b.replace(FINAL_STOP, '') || b === a.replace(FINAL_STOP, ''));
    };
    const rawAt = (index: number) => article.text.slice(infos[index].block.start, infos[index].block.end).trim();
    // What the source says after the words of a cut copy, when the copy is its raw start.
    const continuation = (repeat: Repeat): string | undefined => {
      const copy = rawAt(repeat.index);
      const source = rawAt(repeat.sources[0]);
      return copy.length < source.length && source.startsWith(copy) ? source.slice(copy.length) : undefined;
    };
    // A cut copy that is a whole line of its source (a caption that also starts a longer
    // paragraph) was not cut. The line ends at a break the author wrote (`<br>`, a
    // backslash or two spaces), or at a newline when the copy is one short line, a caption:
    // the first lines of a hard-wrapped paragraph are cut at a newline that reads as a space.
    const lineOf = (repeat: Repeat) => {
      const rest = continuation(repeat);
      if (rest === undefined) return false;
      const copy = rawAt(repeat.index);
      if (/^(?:[ \t]*<br\s*\/?>|\\\r?\n| {2,}\r?\n)/i.test(rest)) return true;
      if (!/^[ \t]*\r?\n/.test(rest)) return false;
      // The copy keeps the break the author wrote at its end (`…<br>`, `…\`).
      return /(?:<br\s*\/?>|\\)$/i.test(copy) || (!copy.includes('\n') && weightedLength(infos[repeat.index].key) < CAPTION_LINE);
    };
    // A short copy that stops where its source goes on with a list separator or a gloss
    // ("namespace, pod" / "namespace, pod, deployment"; "アナリスト" / "アナリスト（Analyst）")
    // is a complete label of a template, not a copy cut off mid-word. A label is a few
    // words after its field name: a sentence cut before a comma ("Chrome 101 beta was
    // released on March 31", "…選択したときに") is a cut.
    const labelOf = (repeat: Repeat) => {
      if (!/^\s*[,、，(（\[［]/.test(continuation(repeat) ?? '')) return false;
      const { text } = infos[repeat.index];
      const value = FIELD_LINE.test(rawAt(repeat.index)) ? text.replace(/^[^:：]*[:：]/, '') : text;
      const words = value.trim();
      // A label names things: it ends on a noun, not on a particle or an inflection in hiragana.
      return words.length <= LABEL_VALUE && !INNER_SENTENCE_END.test(value) && !/\p{Script=Hiragana}$/u.test(words);
    };
    // A short copy set in its own brackets ("【Ladder Filter】" after "[Ladder Filter：Cutoff
    // Frequency]からドラッグ…") is a label that ends at its closer: a cut stops mid-text.
    const bracketedLabel = (repeat: Repeat) => {
      const raw = rawAt(repeat.index);
      return raw.length < 80 && closerOf(raw[0]) !== undefined && raw.endsWith(closerOf(raw[0])!) && !raw.slice(1, -1).includes(closerOf(raw[0])!);
    };
    const previousContent = (index: number): BlockInfo | undefined => infos[contentNear(index, -1)];
    // Numbered notes under a table or a list (`<sup>1</sup> …`, `※1 …`, `¹ …`): the same note
    // under two tables that both use its mark belongs to each. Both copies stand among notes.
    const noteAt = (index: number) => index >= 0 && infos[index].block.type === 'paragraph' && NOTE_MARK.test(rawAt(index));
    const amongNotes = (index: number) => noteAt(index) && (noteAt(contentNear(index, -1)) || noteAt(contentNear(index, 1)));
    const numberedNote = (repeat: Repeat) => amongNotes(repeat.index) && amongNotes(repeat.sources[0]);
    // Lines that belong to the block they follow or to a template's fields, wherever the
    // same words stand: a field (`**Status:** Stable`), the attribution under a quote
    // (`— CFO, Fortune 50 company`), a credit or caption under each image. Short ones only.
    const belongsToStructure = (repeat: Repeat) => {
      const info = infos[repeat.index];
      // Its words, not its links: a credit may carry a long URL.
      if (weightedLength(info.proseText.replace(/\s+/g, '')) >= 120) return false;
      const raw = rawAt(repeat.index);
      // A field's value is a name or a label, not a sentence: "**Q:** Has there been…?" is
      // a question that a Q&A asks once.
      const field = FIELD_LINE.exec(raw);
      if (field && !/[.?!。？！]$/.test(raw.slice(field[0].length).trim())) return true;
      if (ATTRIBUTION.test(raw) && previousContent(repeat.index)?.block.type === 'blockquote') return true;
      return image(previousContent(repeat.index)) && image(previousContent(repeat.sources[0]));
    };
    // Namesake sections: the copy stands at the same place (the same count of blocks under
    // its heading) in a section whose heading says the same as the source's ("次のステップ"
    // closing two getting-started guides, "Returns" under two functions). The structure
    // repeats; a pasted copy lands under any heading, at any place.
    // Each block's heading and place under it, in one pass (heading depth is not compared:
    // a translation may set the second "次のステップ" a level higher).
    const slots: ({ heading: number; slot: number } | undefined)[] = [];
    let currentHeading = -1;
    let currentSlot = 0;
    for (let i = 0; i < infos.length; i++) {
      slots.push(currentHeading === -1 ? undefined : { heading: currentHeading, slot: currentSlot });
      if (infos[i].block.type === 'heading') [currentHeading, currentSlot] = [i, 0];
      else if (infos[i].role !== 'gap' && !fragment(i)) currentSlot++;
    }
    const sectionSlot = (index: number) => slots[index];
    // Headings among blocks first..last, from a running count (one pass, then O(1) a question).
    const headingCount = [0];
    for (const info of infos) headingCount.push(headingCount[headingCount.length - 1] + (info.block.type === 'heading' ? 1 : 0));
    const headingsBetween = (first: number, last: number) => (last < first ? 0 : headingCount[last + 1] - headingCount[first]);
    // The nearest heading before a block (for a heading, the one before it); -1 when none.
    const headingBefore = (index: number) => sectionSlot(index)?.heading ?? -1;
    // The blocks of a section (indices), from its heading to the next heading.
    const sectionCache = new Map<number, number[]>();
    const sectionBlocks = (heading: number) => {
      const cached = sectionCache.get(heading);
      if (cached) return cached;
      const blocks: number[] = [];
      for (let i = heading + 1; i < infos.length && infos[i].block.type !== 'heading'; i++) if (infos[i].role !== 'gap' && !fragment(i)) blocks.push(i);
      sectionCache.set(heading, blocks);
      return blocks;
    };
    const sectionKeyCache = new Map<number, string[]>();
    const sectionKeys = (heading: number) => {
      let keys = sectionKeyCache.get(heading);
      if (!keys) sectionKeyCache.set(heading, (keys = sectionBlocks(heading).map((i) => infos[i].key)));
      return keys;
    };
    const startsWith = (a: string[], b: string[]) => b.length <= a.length && b.every((key, k) => key === a[k]);
    // A section said again, heading and all (whole, or its first blocks), is a
    // re-emission, not a second section of the same shape.
    // Per pair of sections, cached: a file of thousands of copies asks it again and again.
    const pairCache = new Map<string, { reEmitted: boolean; alikeFrom?: number }>();
    const sectionPair = (a: number, b: number) => {
      const id = `${a}:${b}`;
      let pair = pairCache.get(id);
      if (!pair) {
        const [x, y] = [sectionKeys(a), sectionKeys(b)];
        pairCache.set(id, (pair = { reEmitted: startsWith(x, y) || startsWith(y, x) }));
      }
      return pair;
    };
    const reEmittedSection = (a: number, b: number) => sectionPair(a, b).reEmitted;
    // Sibling sections: two sections under headings of one level that say alike
    // ("コレクターがデータを受信していない" / "…をエクスポートしていない", "HTTP server span
    // name" / "HTTP client span name"), or whose earlier blocks match up (the same list of
    // settings under "メトリクスの計装" and "Prometheus 計装"). A copy at the same place in
    // both (the same count of blocks under the heading, or right after blocks that match) is
    // the template filled in twice: the same closing remark after each list of causes. A
    // pasted copy lands under any heading, at any place.
    // Images do not count: screenshots that share a folder all resemble.
    const correspond = (a: number | undefined, b: number | undefined) =>
      a !== undefined && b !== undefined && infos[a].key !== '' && infos[a].block.type === infos[b].block.type && !image(infos[a]) && !image(infos[b]) && resembles(a, b);
    // The place of a copy corresponds to its source's: the same count of blocks under the
    // heading, or right after a block that matches one before the source.
    // (Bounded: only the few blocks just before the source are compared.)
    const samePlace = (copy: { heading: number; slot: number }, source: { heading: number; slot: number }) => {
      if (copy.slot === source.slot) return true;
      const previous = sectionBlocks(copy.heading)[copy.slot - 1];
      return sectionBlocks(source.heading).slice(Math.max(0, source.slot - NEARBY), source.slot).some((block) => correspond(previous, block));
    };
    const namesakeSlot = (repeat: Repeat) => {
      const copy = sectionSlot(repeat.index);
      const source = sectionSlot(repeat.sources[0]);
      if (!copy || !source || copy.heading === source.heading) return false;
      if (infos[copy.heading].key === '' || infos[copy.heading].key !== infos[source.heading].key) return false;
      return !reEmittedSection(copy.heading, source.heading) && (samePlace(copy, source) || beforeSameBlock(repeat.index, repeat.sources[0]));
    };
    // Right before the same code, list or table as its source ("## 依存関係" under each
    // exporter: the sentence that says what to install, then the same `dotnet add package`).
    // (Not before the same paragraph: a stretch of copies pasted together is followed by its
    // own next copy.)
    const beforeSameBlock = (copyIndex: number, sourceIndex: number) => {
      const [next, sourceNext] = [contentNear(copyIndex, 1), contentNear(sourceIndex, 1)];
      return next !== -1 && sourceNext !== -1 && ['code', 'list', 'table'].includes(typeAt(next)) && infos[next].key !== '' && infos[next].key === infos[sourceNext].key;
    };
    // Whether heading `a` holds heading `b` whole: its text (Japanese has no spaces), or its
    // words in order with others between them ("Opening a pooled connection").
    const holdsHeading = (a: number, b: number) => {
      if (infos[a].key.includes(infos[b].key)) return true;
      const words = (index: number) => withoutTrailingBraces(infos[index].text.trim()).toLowerCase().split(/\s+/).filter(Boolean);
      const [long, short] = [words(a), words(b)];
      let k = 0;
      for (const word of long) if (k < short.length && word === short[k]) k++;
      return short.length >= 2 && k === short.length;
    };
    // A section on a special case of another's subject (its heading holds the other's whole
    // heading: "スパンの作成" / "ネストしたスパンの作成", "Creating spans" / "Creating nested
    // spans") ends as the general one does: a short remark that is the last block of both is
    // said of each. Sections whose headings merely resemble ("Installing on Ubuntu" /
    // "Installing on Fedora") do not count: one remark pasted at the end of a sibling section
    // is the commonest paste. Nor does the article's own last block, where a generator re-emits.
    const closesSpecialCase = (copy: { heading: number; slot: number }, source: { heading: number; slot: number }) => {
      const [title, sourceTitle] = [infos[copy.heading].key, infos[source.heading].key];
      // (Headings of a few words only: a hostile file's page-long heading is not searched.)
      if (title.length < 2 || sourceTitle.length < 2 || Math.max(title.length, sourceTitle.length) > MAX_TITLE || title === sourceTitle || !(holdsHeading(copy.heading, source.heading) || holdsHeading(source.heading, copy.heading))) return false;
      const [ours, theirs] = [sectionBlocks(copy.heading), sectionBlocks(source.heading)];
      const index = ours[copy.slot];
      return copy.slot === ours.length - 1 && source.slot === theirs.length - 1 && index !== lastContent && weightedLength(infos[index].key) < SHORT_NOTE;
    };
    // Headings that open with the same label ("OpenSSL: Client DoS…" / "OpenSSL: ECDSA key
    // extraction…", "手順 1: …"): entries of one kind, however their titles go on.
    const sameLabel = (a: number, b: number) => labelsMatch(infos[a].text.trim(), infos[b].text.trim());
    const siblingPlace = (copyIndex: number, sourceIndex: number) => {
      const copy = sectionSlot(copyIndex);
      const source = sectionSlot(sourceIndex);
      if (!copy || !source || copy.heading === source.heading || depthAt(copy.heading) !== depthAt(source.heading)) return false;
      if (infos[copy.heading].key === infos[source.heading].key || reEmittedSection(copy.heading, source.heading)) return false;
      const pair = sectionPair(copy.heading, source.heading);
      if (pair.alikeFrom === undefined) {
        // The headings resemble (alike from the start), or the sections open alike: the
        // first of their first blocks that matches its counterpart without saying the same
        // (the template's text filled in with other words).
        if (resembles(copy.heading, source.heading) || sameLabel(copy.heading, source.heading)) pair.alikeFrom = -1;
        else {
          const [ours, theirs] = [sectionBlocks(copy.heading), sectionBlocks(source.heading)];
          const k = ours.slice(0, NEARBY).findIndex((block, j) => theirs[j] !== undefined && infos[block].key !== infos[theirs[j]].key && correspond(block, theirs[j]));
          pair.alikeFrom = k === -1 ? Infinity : k;
        }
      }
      // What matches must come before the copy and its source.
      return pair.alikeFrom < Math.min(copy.slot, source.slot) && (samePlace(copy, source) || closesSpecialCase(copy, source));
    };
    // A note under every entry of a glossary: three copies or more, each at the same place
    // under a heading of one level.
    const noteCache = new Map<string, boolean>();
    const noteUnderEachEntry = (index: number) => {
      const key = infos[index].key;
      const cached = noteCache.get(key);
      if (cached !== undefined) return cached;
      const all = positions.get(key) ?? [];
      const places = all.map(sectionSlot);
      const first = places[0];
      const headings = new Set(places.map((place) => place?.heading));
      const note = all.length >= 3 && first !== undefined && headings.size === all.length && places.every((place) => place !== undefined && place.slot === first.slot && depthAt(place.heading) === depthAt(first.heading));
      noteCache.set(key, note);
      return note;
    };
    // A sentence of eight words or more with one ordinary word replaced ("Releases will be
    // available on…" / "…will be published on…"), dropped or put in, or with two
    // neighbouring words swapped ("Joyent has transferred" / "Joyent transferred has"): in a
    // short paragraph one word weighs more than the similarity allows, but it is the same
    // edit as in a long one. Names, numbers and code are what a template's entries change;
    // a lowercase word of prose is not, and no template swaps two words. A version number
    // swapped for a word of prose is an edit too (`1.67.0` / `changed`): a field's values
    // are of one kind. In a hard-wrapped paragraph, the two words a line break joins may go
    // together (`for⏎your` replaced by `also` or dropped, a word moved past them). (Japanese
    // has no spaces to count words by: its similarity decides alone.)
    const oneWordEdited = (repeat: Repeat) => {
      // Raw words: an emphasised word (`_high_ severity` / `_low_ severity`) is a field.
      const words = (index: number) => rawAt(index).split(/\s+/);
      const [a, b] = [words(repeat.index), words(repeat.sources[0])];
      if (Math.min(a.length, b.length) < 8 || Math.abs(a.length - b.length) > 2) return false;
      const [start, end] = commonEnds(a, b);
      const [ours, theirs] = [a.slice(start, a.length - end), b.slice(start, b.length - end)];
      if (ours.length + theirs.length === 0) return false;
      // A negation is no slip: "is cached" / "is not cached" describe two modes. A
      // compound or a contraction is a word of prose too (`low-severity`, `we've`), but not
      // a negated one (`can't`); two compounds are weighed below.
      const plain = (word: string) => /^[a-z]+(?:[-'’][a-z]+)*[.,;:!?]?$/.test(word) && !NEGATION.test(word) && !/n['’]t\b/.test(word);
      const bare = (token: string) => token.replace(/[.,;:!?]$/, '');
      const compoundPair = (a: string, b: string) => (a.includes('-') && b.includes('-')) || a.split('-').includes(b) || b.split('-').includes(a);
      // Two words of a paragraph that a line break joins (`for` at a line's end, `your` opening the next).
      const wrapped = (index: number, [first, second]: string[]) => {
        const tokens = rawAt(index).split(/(\s+)/);
        for (let k = 0; k + 2 < tokens.length; k += 2) if (tokens[k] === first && tokens[k + 2] === second && tokens[k + 1].includes('\n')) return true;
        return false;
      };
      if (ours.length === 1 && theirs.length === 1) {
        // One letter for another (`Press y` / `Press n`) names a key or a variable. Two
        // compounds (`react-dom` / `react-native`, `read-only` / `read-write`) are a field's
        // values, and so is a compound made of the other word (`blocking` / `non-blocking`).
        if (plain(ours[0]) && plain(theirs[0])) return Math.max(ours[0].length, theirs[0].length) >= 2 && !compoundPair(bare(ours[0]), bare(theirs[0]));
        // A version swapped for a word of prose; not a count ("version 2" / "version two").
        const [word, other] = plain(ours[0]) ? [ours[0], theirs[0]] : [theirs[0], ours[0]];
        if (!plain(word) || bare(word).length < 3 || NUMBER_WORD.test(bare(word))) return false;
        // Or the last word of a link's text, with its target, swapped for a word of prose
        // (`[Slack channel](…)` / `[Slack changed`): the link is broken, which no template does.
        return VERSION.test(bare(other)) || LINK_TEXT_END.test(other);
      }
      if (ours.length + theirs.length === 1) return plain([...ours, ...theirs][0]);
      // A joined pair replaced by one word or dropped (only where a line break joins them).
      if (ours.length + theirs.length <= 3 && Math.max(ours.length, theirs.length) === 2 && Math.min(ours.length, theirs.length) <= 1) {
        const [pair, pairAt] = ours.length === 2 ? [ours, repeat.index] : [theirs, repeat.sources[0]];
        return [...ours, ...theirs].every(plain) && wrapped(pairAt, pair);
      }
      // One word moved past a joined pair: the swap of a word and a pair across a line break.
      const movedPast = (x: string[], y: string[], yAt: number) => x.length === 3 && y.length === 3 && x[0] === y[2] && x[1] === y[0] && x[2] === y[1] && plain(y[2]) && wrapped(yAt, [y[0], y[1]]);
      if (movedPast(ours, theirs, repeat.sources[0]) || movedPast(theirs, ours, repeat.index)) return true;
      return ours.length === 2 && theirs.length === 2 && ours[0] === theirs[1] && ours[1] === theirs[0] && (plain(ours[0]) || plain(ours[1]));
    };
    // A pointer to more ("See the detailed release notes.", "詳細については、「…」を参照して
    // ください。"): one sentence with a link, said again where a section ends after its
    // source closed a section too, or as the whole body of a section, or opening a "Learn
    // more" section ("## 詳細について") before its subsections. An author points at the same
    // page from each place it helps; a pasted copy lands anywhere, most often amid a
    // section, and it is rarely a single sentence with a link.
    // A section ends at a heading of its own level or higher; a deeper one opens a subsection.
    const closesSection = (index: number) => {
      const next = contentNear(index, 1);
      const heading = headingBefore(index);
      return typeAt(next) === 'heading' && (heading === -1 || (depthAt(next) ?? 0) <= (depthAt(heading) ?? 0));
    };
    // One sentence with a link (what a pointer is made of). A closing pointer's length is
    // its key's, the link's URL included: measured on its words alone, longer sentences that
    // a generator copies pass too (two more of 146 copies lost in scripts/adversarial-fix.mjs).
    const linkedSentence = (index: number) => {
      const info = infos[index];
      return info.block.type === 'paragraph' && linkCount(info.block.node) > 0 && oneSentence(info);
    };
    const crossReference = (index: number) => {
      const targets = linkTargets(infos[index].block.node);
      // Every link: a reference-style one (`[RFC][rfc]`) has no target here and goes anywhere.
      return targets.length > 0 && targets.length === linkCount(infos[index].block.node) && targets.every((target) => target.startsWith('#') && target.length > 1);
    };
    const pointer = (repeat: Repeat) => {
      const info = infos[repeat.index];
      if (!linkedSentence(repeat.index)) return false;
      const [before, after] = [contentNear(repeat.index, -1), contentNear(repeat.index, 1)];
      const opens = typeAt(before) === 'heading';
      const closes = closesSection(repeat.index);
      if (opens && (closes || after === -1)) return true; // the whole body of a section
      // Elsewhere it must say where to read on ("see", "詳細については…参照"), not merely hold
      // a link, or link only to another part of the article ("例については、この記事の後半の
      // [「サンプル」](#samples) に含まれています。"): a cross-reference, whatever its words.
      if (!POINTS_ELSEWHERE.test(info.text) && !crossReference(repeat.index)) return false;
      // Opening a "Learn more" section that goes on in subsections.
      if (opens && LEARN_MORE.test(infos[before].text) && typeAt(after) === 'heading' && (depthAt(after) ?? 0) > (depthAt(before) ?? 0)) return true;
      // Closing a section: a short pointer, not a paragraph. Said in the same words, its
      // source closes a section too; reworded, its source is a pointer of its own. (The
      // article's end does not count: a copy placed there is how a generator re-emits.)
      if (weightedLength(info.key) >= POINTER_LENGTH || !closes) return false;
      if (repeat.kind === 'near') return linkedSentence(repeat.sources[0]) && POINTS_ELSEWHERE.test(infos[repeat.sources[0]].text);
      return closesSection(repeat.sources[0]);
    };
    // Entries of a template that differ in their counts ("…to three medium severity issues
    // and two high severity issues" / "…and one high severity issue"): each differing word
    // is a number, in figures or words, or a word turned plural (the noun after a count;
    // any such word is accepted, as at least one number must differ too).
    const countsDiffer = (repeat: Repeat) => {
      const [x, y] = [rawAt(repeat.index), rawAt(repeat.sources[0])];
      if (Math.max(x.length, y.length) > 1.5 * Math.min(x.length, y.length)) return false;
      const words = (raw: string) => raw.toLowerCase().split(/[\s,.;:!?()]+/).filter(Boolean);
      const [a, b] = [words(x), words(y)];
      if (a.length !== b.length) return false;
      let numbers = 0;
      for (let k = 0; k < a.length; k++) {
        if (a[k] === b[k]) continue;
        if (NUMBER_WORD.test(a[k]) && NUMBER_WORD.test(b[k])) numbers++;
        else if (a[k] + 's' !== b[k] && b[k] + 's' !== a[k]) return false;
      }
      return numbers > 0;
    };
    // A template's field is the subject of its section: the word that differs names the
    // copy's section and, in its place, the source's ("既存の HTML を JSX に変換する…" under
    // "## すべての HTML コンポーネント", "…SVG…" under "## すべての SVG コンポーネント").
    const subjectSwapped = (repeat: Repeat) => {
      const [x, y] = [rawAt(repeat.index), rawAt(repeat.sources[0])];
      let [start, end] = commonEnds(x, y);
      // Whole Latin words: "HTML" / "SVG", not "HT" / "SV".
      const latin = /[A-Za-z0-9]/;
      while (start > 0 && latin.test(x[start - 1])) start--;
      while (end > 0 && latin.test(x[x.length - end])) end--;
      const [ours, theirs] = [x.slice(start, x.length - end).trim(), y.slice(start, y.length - end).trim()];
      const [heading, sourceHeading] = [headingBefore(repeat.index), headingBefore(repeat.sources[0])];
      // A word, not a kana that two headings happen to share ("る" / "た").
      if (ours.length < 2 || theirs.length < 2 || heading === -1 || sourceHeading === -1 || heading === sourceHeading) return false;
      return infos[heading].text.includes(ours) && infos[sourceHeading].text.includes(theirs) && !infos[heading].text.includes(theirs);
    };
    // A note under each heading marked with its status ("Label Slot (実験的)", "Start and End
    // Slots (experimental)"): what the mark means is said again under every feature that
    // carries it, near the top of its section. A pasted copy lands under any heading.
    const statusNote = (repeat: Repeat) =>
      [repeat.index, repeat.sources[0]].every((index) => {
        const place = sectionSlot(index);
        return place !== undefined && place.slot < STATUS_NOTE_SLOT && STATUS_HEADING.test(infos[place.heading].text.trim().slice(-MAX_STATUS_MARK));
      }) && headingBefore(repeat.index) !== headingBefore(repeat.sources[0]);
    // A later paragraph that says it says the same again: "この例では…" / "この例でも…", or
    // "also", "too", "again" put in. A generator's edit does not announce itself.
    const saysAlso = (repeat: Repeat) => {
      const [x, y] = [rawAt(repeat.index), rawAt(repeat.sources[0])];
      const [start, end] = commonEnds(x, y);
      const [ours, theirs] = [x.slice(start, x.length - end), y.slice(start, y.length - end)];
      const particle = (text: string) => text.replace(/[\s、，,]/g, '');
      if (particle(ours) === 'も' && (particle(theirs) === 'は' || particle(theirs) === '')) return true;
      // Words, not characters: "is also affected" / "is affected" differ by "lso a" when
      // aligned letter by letter. One or two words put in, and nothing else changed.
      const [a, b] = [x.split(/\s+/), y.split(/\s+/)];
      const extra = a.length - b.length;
      if (extra < 1 || extra > 2) return false;
      let k = 0;
      while (k < b.length && a[k] === b[k]) k++;
      const added = a.slice(k, k + extra).join(' ').replace(/[,.;]$/, '');
      return ADDED_AGAIN.test(added) && a.slice(k + extra).join(' ') === b.slice(k).join(' ');
    };
    // Each heading's parent (the nearest heading above of a lower level) and previous
    // sibling (the nearest of its level under that parent), in one pass with a stack.
    const parents = new Map<number, number>();
    const siblings = new Map<number, number>();
    {
      const open: number[] = [];
      for (let i = 0; i < infos.length; i++) {
        if (infos[i].block.type !== 'heading') continue;
        const depth = depthAt(i) ?? 0;
        let sibling = -1;
        while (open.length > 0 && (depthAt(open[open.length - 1]) ?? 0) >= depth) {
          const closed = open.pop()!;
          if (depthAt(closed) === depth) sibling = closed;
        }
        parents.set(i, open.length > 0 ? open[open.length - 1] : -1);
        siblings.set(i, sibling);
        open.push(i);
      }
    }
    const parentHeading = (heading: number) => parents.get(heading) ?? -1;
    const previousSibling = (heading: number) => siblings.get(heading) ?? -1;
    // An API page's usage said again from its reference ("## リファレンス" … "## 使用法"):
    // the guide that shows an API in use restates what its entry says, caveats and all.
    // The part a block stands in: that of its heading, or of the nearest heading above it
    // that names one.
    const headingParts = new Map<number, number>();
    const partOfHeading = (heading: number): number => {
      if (heading === -1) return 0;
      let part = headingParts.get(heading);
      if (part === undefined) {
        const title = withoutTrailingBraces(infos[heading].text.trim());
        part = REFERENCE_HEADING.test(title) ? 1 : USAGE_HEADING.test(title) ? 2 : partOfHeading(parentHeading(heading));
        headingParts.set(heading, part);
      }
      return part;
    };
    const partOf = (index: number) => partOfHeading(headingBefore(index)); // 1: reference, 2: usage
    // Where the usage says it: right after an example, or in a callout beside it
    // (`<Pitfall>`, `<Note>`, `:::note`). A pasted copy lands after any block.
    const inCallout = (index: number) => {
      for (let k = index - 1; k >= Math.max(0, index - NEARBY); k--) {
        const type = typeAt(k);
        if (type === 'heading') return false;
        const raw = rawAt(k);
        if (/^:::[ \t]*$/m.test(raw.slice(-10))) return false; // a callout closed before the copy
        if (type === 'html' && CALLOUT_OPEN.test(raw)) return true;
        if (type === 'html' && CLOSER.test(raw)) return false;
        if (/^:::\s*[a-z]/i.test(raw)) return true;
      }
      return false;
    };
    // Two collapsible panels of one kind tell parallel stories ("詳細な仕組み: イベントレベルの
    // レポート" / "詳細な仕組み: レポートの集計"): a step they share is said in each. Panels of
    // other kinds (the questions of a FAQ) are judged like any text.
    // The blocks as the container readers take them (collapsible panels, DocFX tabs).
    const containerBlocks = infos.map((info, i) => ({
      raw: article.text.slice(info.block.start, info.block.end),
      code: info.block.type === 'code',
      indented: false,
      headingDepth: depthAt(i),
      thematicBreak: info.block.type === 'thematicBreak',
    }));
    const panels = collapsiblePanels(containerBlocks);
    // A panel's title: the summary on its opening line (`{% Details %} {% DetailsSummary %}…`,
    // `<details><summary>…`), or the heading it opens with (react.dev's DeepDive).
    const panelTitles = new Map<number, string>();
    const panelTitle = (panel: number) => {
      if (!panelTitles.has(panel)) {
        const first = panels.indexOf(panel);
        let title = rawAt(first).split('\n')[0].slice(0, 500).replace(/\{%[^%]*%\}|<\/?[A-Za-z][^>]*>/g, ' ').trim();
        for (let i = first + 1; title === '' && i < Math.min(infos.length, first + 5) && panels[i] === panel; i++) if (typeAt(i) === 'heading') title = infos[i].text.trim();
        panelTitles.set(panel, title.slice(0, 200));
      }
      return panelTitles.get(panel)!;
    };
    // Two DocFX tabs of one group ("# [関数コマンド](#tab/noui)" / "# [作業ウィンドウ](#tab/taskpane)")
    // are one tutorial told for each way of doing it: a step said in each, under a section of
    // the same name ("### 予定のメモを表示する" in both), is the same step. Pasted under
    // another step of the other tab, it is still a copy.
    const tabPanes = docfxTabPanes(containerBlocks);
    const inTwoTabs = (index: number, source: number) => {
      const [ours, theirs] = [tabPanes[index], tabPanes[source]];
      if (ours === undefined || theirs === undefined || ours.group !== theirs.group || ours.pane === theirs.pane) return false;
      const [heading, sourceHeading] = [headingBefore(index), headingBefore(source)];
      const tabHeading = (at: number) => tabPanes[at] !== undefined && tabPanes[at - 1]?.pane !== tabPanes[at]!.pane;
      return heading !== -1 && sourceHeading !== -1 && (infos[heading].key === infos[sourceHeading].key || (tabHeading(heading) && tabHeading(sourceHeading)));
    };
    // Headings that come as a set under each numbered step of a guide ("#### Azure Portalの
    // 使用" and "#### PowerShellコマンドの使用" under both "### ステップ3 – …" and "### ステップ4 –
    // …"; "Using the console" / "Using the CLI" under "Step 1: …" and "Step 2: …") are tabs
    // written as headings: each step told for each way of doing it. A sentence said in two
    // ways of the same step is that step said in each. Pasted under another step, or
    // outside the set, it is still a copy. (Under parents that are not steps, such as a
    // tutorial told once per platform, the headings that recur are the steps themselves.)
    const parentsOfTitle = new Map<string, Set<number>>();
    for (const [heading, parent] of parents) {
      if (parent === -1 || infos[heading].key === '' || !STEP_HEADING.test(infos[parent].text.trim())) continue;
      const set = parentsOfTitle.get(infos[heading].key);
      if (set) set.add(parent);
      else parentsOfTitle.set(infos[heading].key, new Set([parent]));
    }
    const variantCache = new Map<string, boolean>();
    const inTwoVariants = (index: number, source: number) => {
      const [heading, sourceHeading] = [headingBefore(index), headingBefore(source)];
      if (heading === -1 || sourceHeading === -1 || heading === sourceHeading) return false;
      const parent = parentHeading(heading);
      const [key, sourceKey] = [infos[heading].key, infos[sourceHeading].key];
      const [ours, theirs] = [parentsOfTitle.get(key), parentsOfTitle.get(sourceKey)];
      if (parent === -1 || parentHeading(sourceHeading) !== parent || key === sourceKey || !ours?.has(parent) || !theirs?.has(parent)) return false;
      // Another step holds both titles: two steps or more hold both. (Cached per pair of
      // titles: a file of many copies and steps asks again and again.)
      const id = JSON.stringify([key, sourceKey]);
      let variants = variantCache.get(id);
      if (variants === undefined) {
        const [small, large] = ours.size <= theirs.size ? [ours, theirs] : [theirs, ours];
        let shared = 0;
        for (const other of small) if (large.has(other) && ++shared === 2) break;
        variants = shared >= 2;
        variantCache.set(id, variants);
      }
      return variants;
    };
    // Titles of one kind share a label ("詳細な仕組み: …"); resembling is not enough, as the
    // questions of a FAQ resemble each other too ("How do I install on Linux?").
    const inTwoPanels = (repeat: Repeat) => {
      const [ours, theirs] = [panels[repeat.index], panels[repeat.sources[0]]];
      return ours !== 0 && theirs !== 0 && ours !== theirs && labelsMatch(panelTitle(ours), panelTitle(theirs));
    };
    const usageRestatesReference = (repeat: Repeat) =>
      partOf(repeat.index) === 2 && partOf(repeat.sources[0]) === 1 && (typeAt(contentNear(repeat.index, -1)) === 'code' || inCallout(repeat.index));
    // One edit: the two differ in a single stretch of a word or two, not inside brackets (a
    // UI label, "メニューから[Bind]を…" / "[Call]"). A template filled in again differs where its
    // fields are, most often in several places ("承認者になるには…承認者の資格" / "メンテナーに
    // なるには…メンテナーの地位"); an edited copy differs in one.
    const oneEdit = (repeat: Repeat) => {
      const [x, y] = [rawAt(repeat.index), rawAt(repeat.sources[0])];
      const [start, end] = commonEnds(x, y);
      const [ours, theirs] = [x.slice(start, x.length - end), y.slice(start, y.length - end)];
      return Math.max(ours.length, theirs.length) <= ONE_EDIT && !insideBrackets(x, start, x.length - end);
    };
    // The only near copy of its source, or the only one a single edit away in its words: a
    // template's entries differ from each other in their fields ("`onAdded` …
    // `CommentAddedEventArgs`" / "`onChanged` … `CommentChangedEventArgs`"), an edited copy
    // pasted among them in one word. Notes that differ only in where they link ("[こちら](…)
    // からコピペしたコードです" under each listing) are a template's entries all the same.
    const editedInWords = (repeat: Repeat) =>
      oneEdit(repeat) && proseKey(repeat.index) !== proseKey(repeat.sources[0]);
    // (Counted once per source, on first need: a file of many copies of one paragraph must
    // not cost a pass over all of them per copy.)
    let oneEditCopies: Map<number, number> | undefined;
    const aloneAmongCopies = (repeat: Repeat) => {
      const source = repeat.sources[0];
      if (nearCopies.get(source) === 1) return true;
      if (!editedInWords(repeat)) return false;
      if (oneEditCopies === undefined) {
        oneEditCopies = new Map();
        for (const other of repeats.values()) {
          if (other.kind === 'near' && (nearCopies.get(other.sources[0]) ?? 0) > 1 && oneEdit(other)) oneEditCopies.set(other.sources[0], (oneEditCopies.get(other.sources[0]) ?? 0) + 1);
        }
      }
      return oneEditCopies.get(source) === 1;
    };
    // Whether text[from, to) stands inside a short bracketed label: `[Bind]`, 「保存」, 【注意】.
    const insideBrackets = (text: string, from: number, to: number) => {
      const open = Math.max(...Object.keys(BRACKET_PAIRS).map((bracket) => text.lastIndexOf(bracket, from - 1)));
      if (open === -1 || from - open > ONE_EDIT) return false;
      const close = BRACKET_PAIRS[text[open]];
      if (text.slice(open + 1, from).includes(close)) return false;
      const after = text.indexOf(close, to);
      return after !== -1 && after - to <= ONE_EDIT;
    };
    // Near in their words, not only in their links: a long link target that both share makes
    // two sentences that say other things look alike ("アップグレード手順については、[前回記事の
    // ガイド](…)を参照してください。" / "アップグレード方法について、[前回の記事の手順](…)を
    // 参照してください。" are 94% alike with the URL, 70% without).
    const nearInWords = (repeat: Repeat) => {
      const [a, b] = [infos[repeat.index], infos[repeat.sources[0]]];
      // Only where both hold links and end alike: a copy cut off (inside its link, `[Rust][n`,
      // or after it) is judged as the cut it is.
      if (linkCount(a.block.node) === 0 || linkCount(b.block.node) === 0 || commonEnds(rawAt(repeat.index), rawAt(repeat.sources[0]))[1] < CUT_TAIL) return true;
      const [x, y] = [proseKey(repeat.index), proseKey(repeat.sources[0])];
      const longest = Math.max(x.length, y.length);
      return longest > 0 && 1 - distance(x.slice(0, 2000), y.slice(0, 2000)) / Math.min(longest, 2000) >= thresholds.nearSimilarity;
    };
    // Two paragraphs that show other images or link to other pages describe other things
    // in nearly the same words (a caption under each of two screenshots, "表示" / "非表示"):
    // an edited copy keeps its source's links. Only as many links, with other words around
    // them: a copy whose words (links aside) say exactly what its source's say, whose edit
    // broke a link's markup (`[Version changed been released`, one link fewer), or whose
    // targets differ only by Japanese put into them (`…/ex今orters/`) is the same paragraph
    // with its link mangled.
    const pointsElsewhere = (repeat: Repeat) => {
      const [copy, source] = [linkTargets(infos[repeat.index].block.node), linkTargets(infos[repeat.sources[0]].block.node)];
      if (copy.length === 0 || copy.length !== source.length || copy.every((target, k) => target === source[k] || japaneseEditedIn(target, source[k]))) return false;
      return proseKey(repeat.index) !== proseKey(repeat.sources[0]);
    };
    // A finished sentence that nearly says only the opening of a longer paragraph sums it up
    // ("**All supported lines are impacted by these flaws.**" after an advisory that opens
    // "All supported lines are impacted by this flaw. Patches are…"). An edited copy is as
    // long as its source, and a cut one stops mid-sentence.
    const summaryOfOpening = (repeat: Repeat) => {
      const info = infos[repeat.index];
      return info.ending === 'finished' && oneSentence(info) && infos[repeat.sources[0]].key.length > info.key.length * CUT_SOURCE_RATIO;
    };
    // A numbered question of an exercise ("② n番目の図形の個数を式で表しなさい。", "(4) どんな
    // 数をかけますか。", "Q3. Which …?"), said again above its answer: the author quotes the
    // problem being solved.
    const restatedQuestion = (repeat: Repeat) =>
      weightedLength(infos[repeat.index].key) < QUESTION_LENGTH && [repeat.index, repeat.sources[0]].every((index) => EXERCISE.test(rawAt(index)) && QUESTION_END.test(rawAt(index)));
    // A problem said again in the section that answers it ("## 問題" … "## 問題の解答",
    // "Exercises" … "Solutions"): the author quotes what is being solved. The copy's heading
    // names an answer; the source's names a problem, or is part of the copy's heading.
    const answersProblem = (copy: number, source: number) => {
      const [ours, theirs] = [headingBefore(copy), headingBefore(source)];
      if (ours === -1 || theirs === -1 || ours === theirs) return false;
      const [answer, problem] = [infos[ours].text.trim(), infos[theirs].text.trim()];
      return ANSWER_HEADING.test(answer) && (PROBLEM_HEADING.test(problem) || (problem !== '' && answer.includes(problem)));
    };
    // Entries of a numbered list of problems, each under its own number ("(1)", "(2)"): the
    // second problem may say nearly what the first does ("…お釣りはz円でした" / "…z円以下でした").
    const exerciseLabel = (index: number) => index >= 0 && infos[index].block.type === 'paragraph' && weightedLength(infos[index].key) <= 4 && EXERCISE.test(rawAt(index));
    const numberedProblems = (repeat: Repeat) => {
      const [before, sourceBefore] = [contentNear(repeat.index, -1), contentNear(repeat.sources[0], -1)];
      return exerciseLabel(before) && exerciseLabel(sourceBefore) && infos[before].key !== infos[sourceBefore].key;
    };
    // A summary says again what the article says at length: a "TL;DR" that opens the
    // article, a "振り返り" (recap) after a chapter's steps. Text repeated between such a
    // section and the body is the author's restatement, unless the copy stands in the
    // article's last section: that is where a generator re-emits. (A closing "まとめ" or
    // "Summary" is where most articles end, so it does not count.) A restatement is pasted
    // as it was: a copy with a word changed is still an edited copy. From an opening
    // summary only a stretch of blocks counts (the TL;DR's list and sentence said again
    // in the body): a single paragraph from the top is what a generator copies most.
    //
    // The section a block belongs to: its heading (a heading opens its own).
    const sectionOf = (index: number) => (index < 0 ? -1 : infos[index].block.type === 'heading' ? index : headingBefore(index));
    const headingText = (index: number) => {
      const heading = sectionOf(index);
      return heading === -1 ? '' : infos[heading].text;
    };
    const firstHeading = infos.findIndex((info) => info.block.type === 'heading');
    const lastSection = lastContent === -1 ? -2 : sectionOf(lastContent);
    // react.dev's `<Intro>` … `</Intro>` above the first heading sums the page up, as a TL;DR does.
    const introTag = (index: number, tag: string) => infos[index].block.type === 'html' && infos[index].block.text.trim() === tag;
    const introOpen = infos.findIndex((_, i) => introTag(i, '<Intro>'));
    const introEnd = introOpen === -1 || (firstHeading !== -1 && firstHeading < introOpen) ? -1 : infos.findIndex((_, i) => i > introOpen && introTag(i, '</Intro>'));
    const inIntro = (index: number) => introEnd !== -1 && introOpen < index && index < introEnd;
    // A bookend: the call that closes the opening, before the first section, said again as
    // the article's last words ("Do you plan to run an event? Send an email to [the
    // team]…" above the first heading and after the last section). A generator re-emits at
    // the end too, but any paragraph: only the opening's last one counts, and only a call:
    // a question to the reader with a link to act on (an opening's last paragraph that
    // defines, or greets with a link, said again at the end is a copy: two of 686 generated
    // copies in scripts/simulate-damage.mjs; so is a rhetorical question without a link).
    // Link definitions and hidden HTML are not shown.
    const shown = (index: number) => infos[index].role !== 'gap' && infos[index].block.type !== 'definition' && !(infos[index].block.type === 'html' && isHiddenHtml(infos[index].block.text));
    const openingBoundary = infos.findIndex((info) => info.block.type === 'heading' || info.block.type === 'thematicBreak');
    const lastShownBefore = (end: number) => {
      for (let i = end - 1; i >= 0; i--) if (shown(i)) return i;
      return -1;
    };
    const openingLast = firstHeading === -1 || openingBoundary === -1 ? -1 : lastShownBefore(openingBoundary);
    const articleLast = lastShownBefore(infos.length);
    const bookend = (repeat: Repeat) => {
      const info = infos[repeat.index];
      return openingLast !== -1 && repeat.sources[0] === openingLast && repeat.index === articleLast && info.block.type === 'paragraph' && /[?？]/.test(info.proseText) && linkCount(info.block.node) > 0;
    };
    const restatedBlocks = new Set<number>();
    // `last`: the stretch's last block (the copy itself for a single one), which must not
    // reach into the article's last section either.
    const restatedInSummary = (copy: number, source: number, stretch: boolean, last = copy) => {
      if (sectionOf(copy) === sectionOf(source) || sectionOf(copy) === lastSection || sectionOf(last) === lastSection) return false;
      if (RECAP_HEADING.test(headingText(copy))) return true;
      return stretch && ((sectionOf(source) === firstHeading && OPENING_SUMMARY_HEADING.test(headingText(source))) || inIntro(source));
    };
    const reportable = (repeat: Repeat): boolean => {
      const info = infos[repeat.index];
      if (inTwoTabs(repeat.index, repeat.sources[0]) || inTwoVariants(repeat.index, repeat.sources[0]) || answersProblem(repeat.index, repeat.sources[0]) || (repeat.kind === 'exact' && restatedInSummary(repeat.index, repeat.sources[0], false))) return false;
      if (info.role !== 'prose') return false;
      const length = weightedLength(info.key);
      switch (repeat.kind) {
        case 'exact':
          // The same paragraph twice in a row is a generation loop whatever its length (a
          // heading followed by a paragraph of the same words is a heading and its text).
          if (length >= 20 && previousContent(repeat.index)?.key === info.key && infos[repeat.sources[0]].block.type === info.block.type) return true;
          // A paragraph repeats a paragraph: the same words in a comment or a heading earlier are not its copy.
          if (infos[repeat.sources[0]].block.type !== info.block.type) return false;
          return length >= thresholds.minLength && (occurrences(info.key) <= 2 || length >= VERY_LONG) && !leadIn(repeat) && !followUp(repeat) && !numberedNote(repeat) && !restatedQuestion(repeat) && !templated(repeat) && !restated(repeat) && !belongsToStructure(repeat) && !namesakeSlot(repeat) && !siblingPlace(repeat.index, repeat.sources[0]) && !noteUnderEachEntry(repeat.index) && !pointer(repeat) && !statusNote(repeat) && !usageRestatesReference(repeat) && !inTwoPanels(repeat) && !bookend(repeat);
        case 'cut':
          if (lineOf(repeat) || labelOf(repeat) || bracketedLabel(repeat)) return false;
          return cutWorthReporting(info);
        case 'near':
          if (!(length >= thresholds.minNearLength && ((repeat.coverage >= thresholds.nearSimilarity && nearInWords(repeat)) || oneWordEdited(repeat)) && aloneAmongCopies(repeat))) return false;
          if (countsDiffer(repeat) || namesAnother(rawAt(repeat.index), rawAt(repeat.sources[0])) || pointsElsewhere(repeat) || subjectSwapped(repeat) || saysAlso(repeat) || statusNote(repeat) || usageRestatesReference(repeat) || inTwoPanels(repeat) || numberedProblems(repeat) || pointer(repeat) || summaryOfOpening(repeat)) return false;
          // In templated surroundings only a copy with barely a character changed counts.
          // (Between two paragraphs, as most paragraphs stand, is no structure: there the
          // similarity threshold decides alone.) Beside blocks of the same kinds as its
          // source's, or in a sibling section, a copy that differs by one edit is an edited
          // copy too: a template filled in again differs in its fields, most often in more
          // than one place.
          return !leadIn(repeat) && !templated(repeat) && !namesakeSlot(repeat) && (!siblingPlace(repeat.index, repeat.sources[0]) || repeat.coverage >= 0.97 || oneEdit(repeat)) && (!parallel(repeat) || amidProse(repeat.index) || repeat.coverage >= 0.97 || oneEdit(repeat)) && !differsInSpanOnly(rawAt(repeat.index), rawAt(repeat.sources[0]));
        default:
          return true;
      }
    };
    // A run is a re-emitted section when it holds a paragraph worth reporting on its
    // own, or two distinctive copies (text that appears exactly twice in the article):
    // templated posts repeat the same sentence in every entry, and that is not a copy.
    const distinctive = (repeat: Repeat) => {
      const info = infos[repeat.index];
      return repeat.kind !== 'near' && repeat.kind !== 'partial' && (info.role === 'prose' || info.block.type === 'heading') && occurrences(info.key) === 2 && weightedLength(info.key) >= 20;
    };
    // A run does not start with HTML or template syntax (`</Note>`, `{{ end }}`): the
    // closing tag of the original's last element matches every earlier one, but it is
    // not part of the copy that follows it.
    // Nor does it start with a sibling section's closing remark that happens to stand
    // before a re-emitted section, nor end with a closing tag or `{{ end }}` whose opener
    // lies outside it: those are the article's own, not part of the copy.
    const closing = (index: number) => infos[index].block.type === 'html' || infos[index].template === true;
    // Two neighbouring copies follow each other in the source when some earlier
    // occurrence of the first has one of the second right after it (a label repeated all
    // over the article is recorded with its first occurrence, not the one that fits).
    const occurrenceSets = new Map<string, Set<number>>();
    const occurrencesOf = (key: string) => {
      let set = occurrenceSets.get(key);
      if (!set) occurrenceSets.set(key, (set = new Set(positions.get(key) ?? [])));
      return set;
    };
    // A line the article uses three times or more (a template's lead-in) follows only when
    // it comes next in the source too: it stands after many blocks, so a window proves nothing.
    const follows = (previous: Repeat, next: Repeat, strict: boolean) => {
      if (!strict && continuesSection(previous, next)) return true;
      const later = occurrencesOf(infos[next.index].key);
      // Bounded: a paragraph repeated thousands of times is checked at its first 64 places.
      for (const q of (positions.get(infos[previous.index].key) ?? []).slice(0, 64)) {
        if (q >= previous.index) break;
        if (strict) {
          const after = contentNear(q, 1);
          if (after !== -1 && after < next.index && later.has(after)) return true;
        } else for (let s = q + 1; s <= q + CONTINUATION_WINDOW; s++) if (s < next.index && later.has(s)) return true;
      }
      return false;
    };
    const apart = (member: Repeat, neighbour: Repeat | undefined, leading: boolean) => {
      if (neighbour === undefined || infos[member.index].block.type === 'heading') return false;
      const strict = occurrences(infos[member.index].key) >= 3;
      return !(leading ? follows(member, neighbour, strict) : follows(neighbour, member, strict));
    };
    const slice = (run: RepeatedRun, from: number, to: number): RepeatedRun => {
      if (from === 0 && to === run.members.length) return run;
      const members = run.members.slice(from, Math.max(to, from + 1));
      return { first: members[0].index, last: members[members.length - 1].index, members };
    };
    const sibling = (member: Repeat) => infos[member.index].block.type !== 'heading' && siblingPlace(member.index, member.sources[0]);
    const structural = (run: RepeatedRun) => {
      let k = 0;
      while (k < run.members.length - 1 && (closing(run.members[k].index) || sibling(run.members[k]))) k++;
      const opens = run.members.slice(k, -1).some((member) => OPENER.test(infos[member.index].block.text));
      let end = run.members.length;
      while (end > k + 1 && !opens && CLOSER.test(infos[run.members[end - 1].index].block.text)) end--;
      return slice(run, k, end);
    };
    // The run's core: without a first or last copy whose source lies elsewhere than the
    // rest's. A paragraph pasted next to steps that a tutorial repeats is glued to them,
    // while a generation loop restarts anywhere. So the run stands, edges and all, when
    // its core does; otherwise its edge copies are judged on their own. A heading stays
    // in the core: a re-emitted section's heading may copy an earlier namesake rather than
    // the heading of the text it re-emits.
    const core = (run: RepeatedRun) => {
      let k = 0;
      while (k < run.members.length - 1 && apart(run.members[k], run.members[k + 1], true)) k++;
      let end = run.members.length;
      while (end > k + 1 && apart(run.members[end - 1], run.members[end - 2], false)) end--;
      return slice(run, k, end);
    };
    // A whole section (its heading and text, verbatim) copied again after the article's
    // last block (link definitions and hidden HTML aside) is a generation re-emitted, even where its text alone looks like a
    // template's (the same heading before both copies). A short closing line under two
    // parallel "Next steps" headings is not enough to count (100 weighted characters in
    // all, a paragraph among them).
    const reEmittedAtEnd = (run: RepeatedRun) =>
      (run.last === lastContent || run.last === articleLast) &&
      infos[run.first].block.type === 'heading' &&
      run.members.every((member) => member.kind === 'exact') &&
      run.members.some((member) => infos[member.index].role === 'prose') &&
      run.members.reduce((n, member) => n + weightedLength(infos[member.index].key), 0) >= 100;
    // Parallel sections: the blocks just before or just after the run resemble those
    // around its source (the same steps under two products, the same "Thanks"/"Impacts"
    // under each vulnerability). A stretch re-emitted by a generator lands among
    // unrelated text. Neighbours without text (images, rules) prove nothing.
    const alike = (a: number, b: number) => a >= 0 && b >= 0 && a !== b && infos[a].key !== '' && infos[b].key !== '' && infos[a].block.type === infos[b].block.type && resembles(a, b);
    const parallelSections = (run: RepeatedRun) => {
      const [sourceFirst, sourceLast] = sourceRange(run);
      // The copies' own blocks are not neighbours: a loop (A B A B A B) is not parallel to itself.
      const outside = (i: number) => (i < sourceFirst || i > sourceLast) && (i < run.first || i > run.last);
      const matches = (a: number, b: number) => outside(a) && outside(b) && alike(a, b);
      return matches(contentNear(run.first, -1), contentNear(sourceFirst, -1)) || matches(contentNear(run.last, 1), contentNear(sourceLast, 1));
    };
    // A section's whole body pasted under another heading: both sections hold exactly
    // these blocks, from their heading to the next, but their headings differ. Parallel
    // sections share a shape, not their whole text: this one breaks the structure.
    const sectionBody = (first: number, last: number) => {
      const heading = contentNear(first, -1);
      const after = contentNear(last, 1);
      if (heading < 0 || infos[heading].block.type !== 'heading') return undefined;
      if (after >= 0 && (infos[after].block.type !== 'heading' || (depthAt(after) ?? 7) > (depthAt(heading) ?? 0))) return undefined;
      return heading;
    };
    const pastedUnderAnotherHeading = (run: RepeatedRun) => {
      if (!run.members.every((member) => member.kind === 'exact')) return false;
      // Entries of a template may share a short body ("April 24-26 in Helsinki"); a long
      // paragraph that says what the section is about may not.
      if (!run.members.some((member) => infos[member.index].role === 'prose' && occurrences(infos[member.index].key) === 2 && weightedLength(infos[member.index].key) >= LONG_PARAGRAPH)) return false;
      const heading = sectionBody(run.first, run.last);
      const sourceHeading = sectionBody(...sourceRange(run));
      return heading !== undefined && sourceHeading !== undefined && depthAt(heading) === depthAt(sourceHeading) && infos[heading].key !== infos[sourceHeading].key;
    };
    // A stretch re-emitted in place, right after the text it copies (A B A B, A B A B A B):
    // a generation loop, whatever its paragraphs' length or count.
    // Text only: components that repeat their content (a console shown logging the same
    // warning twice) are markup, not a loop.
    const inPlace = (run: RepeatedRun) => {
      if (!run.members.every((member) => member.kind === 'exact' && !closing(member.index)) || !run.members.some((member) => infos[member.index].role === 'prose')) return false;
      // The source is the stretch just before the run, block for block, once or more.
      const [sourceFirst] = sourceRange(run);
      const stretch: string[] = [];
      for (let i = sourceFirst; i < run.first; i++) if (infos[i].role !== 'gap') stretch.push(infos[i].key);
      return stretch.length >= 2 && run.members.length % stretch.length === 0 && run.members.every((member, k) => infos[member.index].key === stretch[k % stretch.length]);
    };
    // A heading said again at another level, right after a heading of the same name as the
    // one before its source, is the same outline repeated under another parent (a playbook's
    // "… 推奨事項の表示" → "フェーズ 2：承認" under a second procedure, where the phases sit
    // one level higher and their steps one lower): another section of the same name. A
    // re-emission copies its heading as it was. (The levels need not shift alike: a
    // translated outline is rarely regular.)
    const sameOutlineShifted = (run: RepeatedRun) => {
      const [head] = run.members;
      const source = head.sources[0];
      if (infos[head.index].block.type !== 'heading' || infos[source].block.type !== 'heading' || depthAt(head.index) === depthAt(source)) return false;
      const [before, sourceBefore] = [headingBefore(head.index), headingBefore(source)];
      if (before === -1 || sourceBefore === -1 || before === sourceBefore) return false;
      return infos[before].key !== '' && infos[before].key === infos[sourceBefore].key;
    };
    // The same outline under another parent at the same level: each scenario of a playbook
    // with its "### 目標、成功基準、KPI" then "### FinOpsフレームワークのケイパビリティ", each
    // procedure with its "### Update the library" then "### Update the manifest". The copy's
    // heading and its source sit under different parents, each right after a sibling
    // heading that says the same. A generator re-emits a section after whatever heading it
    // reached, not after the sibling that precedes its source.
    const sameOutlineElsewhere = (run: RepeatedRun) => {
      const [head] = run.members;
      const source = head.sources[0];
      if (infos[head.index].block.type !== 'heading' || infos[source].block.type !== 'heading' || depthAt(head.index) !== depthAt(source)) return false;
      const [parent, sourceParent] = [parentHeading(head.index), parentHeading(source)];
      if (parent === -1 || sourceParent === -1 || parent === sourceParent) return false;
      const [sibling, sourceSibling] = [previousSibling(head.index), previousSibling(source)];
      return sibling !== -1 && sourceSibling !== -1 && infos[sibling].key !== '' && (infos[sibling].key === infos[sourceSibling].key || resembles(sibling, sourceSibling));
    };
    // A section said again with other figures is a later version of the same notice (an
    // advisory that quotes its first announcement below: "8 new certificates" / "5 new"):
    // a generator re-emits text as it was, and an edit of its own does not touch numbers.
    const figures = (text: string) => (text.match(/\d+(?:[.,]\d+)*/g) ?? []).join(' ');
    const figuresChanged = (run: RepeatedRun) =>
      run.members.some((member) => member.kind === 'near' && figures(rawAt(member.index)) !== figures(rawAt(member.sources[0])));
    // A heading with an explicit anchor (`## 依存関係 {#otlp-dependencies}`, `<a name="…">`,
    // an id in an MDX comment) other than its source's names another section of the same title:
    // the author set them apart (the same outline under each exporter), while a generator
    // re-emits a heading as it was, anchor and all.
    const anchorOf = (index: number) => HEADING_ANCHOR.exec(rawAt(index))?.slice(1).find((id) => id !== undefined);
    // (Against every earlier heading of that title, not only the first: a section re-emitted
    // from the second "Returns {#returns-2}" keeps that one's anchor. Bounded to 64 of them.)
    const namedApart = (run: RepeatedRun) =>
      run.members.some((member) => {
        if (infos[member.index].block.type !== 'heading') return false;
        const ours = anchorOf(member.index);
        if (ours === undefined) return false;
        const earlier = (positions.get(infos[member.index].key) ?? []).slice(0, 64).filter((i) => i < member.index && infos[i].block.type === 'heading');
        const theirs = earlier.map(anchorOf);
        return theirs.length > 0 && theirs.every((anchor) => anchor !== undefined && anchor !== ours);
      });
    // Closing remarks of sibling sections: short paragraphs that end two sections under
    // headings of one level, in the same words ("ここで計装ライブラリを設定することもできます。"
    // then a note on the exporter, under "### コンソールアプリ" and "### ASP.NET Core"). A
    // stretch re-emitted by a generator lands after the article's end or amid a section.
    const closingRemarks = (run: RepeatedRun, sourceFirst: number, sourceLast: number) => {
      if (!closesSection(run.last) || !closesSection(sourceLast)) return false;
      const [ours, theirs] = [headingBefore(run.first), headingBefore(sourceFirst)];
      return ours !== -1 && theirs !== -1 && ours !== theirs && depthAt(ours) === depthAt(theirs) && infos[ours].key !== infos[theirs].key && run.members.every((member) => weightedLength(infos[member.index].key) < SHORT_NOTE);
    };
    const stands = (run: RepeatedRun) => {
      const [sourceFirst, sourceLast] = sourceRange(run);
      if (inTwoTabs(run.first, sourceFirst) && inTwoTabs(run.last, sourceLast)) {
        // The same steps in two tabs: not copies one by one either.
        for (const member of run.members) restatedBlocks.add(member.index);
        return false;
      }
      if (pastedUnderAnotherHeading(run) || inPlace(run)) return true;
      // Its blocks may repeat template labels found all over the article, so their
      // first occurrences need not follow each other: the heading and text say enough.
      if (reEmittedAtEnd(run)) return true;
      if (sameOutlineShifted(run) || sameOutlineElsewhere(run) || figuresChanged(run) || namedApart(run) || answersProblem(run.first, run.members[0].sources[0])) return false;
      // (A stretch may be reworded in places, as a translation is: one of its blocks verbatim is enough.)
      if (run.members.some((member) => member.kind === 'exact' && infos[member.index].block.type !== 'heading') && restatedInSummary(run.first, run.members[0].sources[0], true, run.last)) {
        // Restated as a whole: its blocks are not copies one by one either.
        for (const member of run.members) restatedBlocks.add(member.index);
        return false;
      }
      // A stretch of a sibling section said again in the same words: the template's text,
      // when neither the copy nor its source crosses a heading.
      const withinSections = headingsBetween(run.first, run.last) === 0 && headingsBetween(sourceFirst, sourceLast) === 0;
      if (parallelSections(run) || (withinSections && siblingPlace(run.first, sourceFirst))) return false;
      if (withinSections && closingRemarks(run, sourceFirst, sourceLast)) {
        // The remarks of a template: not copies one by one either.
        for (const member of run.members) restatedBlocks.add(member.index);
        return false;
      }
      // Most neighbouring copies must follow each other in the source as well.
      let ordered = 0;
      for (let k = 1; k < run.members.length; k++) if (continuesSection(run.members[k - 1], run.members[k])) ordered++;
      if (ordered * 2 < run.members.length - 1 || ordered === 0) return false;
      const strong = run.members.filter(distinctive);
      const strongLength = strong.reduce((n, m) => n + weightedLength(infos[m.index].key), 0);
      return run.members.some(reportable) || (strong.length >= 2 && strongLength >= 80);
    };
    // A run that jumps back in the source at a heading, after copies that start with no
    // heading, is two stretches side by side: the article's own text (a template's paragraph
    // and the code after it, as in the source's section) and a section said again after it.
    // Each is judged on its own. (A heading follows when any earlier occurrence of it does:
    // DocFX tab headings recur. Sections re-emitted out of order stay one run.)
    const sections = (run: RepeatedRun): RepeatedRun[] => {
      const pieces: RepeatedRun[] = [];
      let from = 0;
      for (let k = 1; k <= run.members.length; k++) {
        const member = run.members[k];
        const jump = k < run.members.length && infos[member.index].block.type === 'heading' && infos[run.members[from].index].block.type !== 'heading' && !follows(run.members[k - 1], member, false);
        if (k < run.members.length && !jump) continue;
        pieces.push(slice(run, from, k));
        from = k;
      }
      return pieces;
    };
    // Blocks copied along with a copy (a tab pane, an image: see blocksCopiedAlong) belong to
    // a run only when it is a section said again, its heading and all, under the same parent
    // heading as its source (or, as its source, under none). Under another parent it may be
    // the same outline told for another thing (the same install steps and pane under two
    // systems), and elsewhere the run is judged without them, in the pieces they separate:
    // two sibling sections that hold the same text and pane are the document's structure.
    const withoutAlong = (run: RepeatedRun): RepeatedRun[] => {
      const [head] = run.members;
      const section = infos[head.index].block.type === 'heading' && head.kind === 'exact' && parentHeading(head.index) === parentHeading(head.sources[0]);
      if (!run.members.some((member) => member.along) || section) return [run];
      const pieces: RepeatedRun[] = [];
      let piece: Repeat[] = [];
      for (const member of [...run.members, undefined]) {
        if (member && !member.along) {
          piece.push(member);
          continue;
        }
        if (piece.length >= 2 && piece.some((m) => infos[m.index].role === 'prose')) pieces.push({ first: piece[0].index, last: piece[piece.length - 1].index, members: piece });
        piece = [];
      }
      return pieces;
    };
    const keptRuns = runs
      .flatMap(sections)
      .flatMap(withoutAlong)
      .map(structural)
      .filter((run) => run.members.length >= 2)
      .filter((run) => {
        const inner = core(run);
        return inner.members.length >= 2 && stands(inner);
      });
    const inRun = new Set<number>();
    for (const run of keptRuns) for (let i = run.first; i <= run.last; i++) inRun.add(i);
    const singles = [...repeats.values()].filter((repeat) => !inRun.has(repeat.index) && !restatedBlocks.has(repeat.index) && reportable(repeat)).sort((a, b) => a.index - b.index);
    // A short step said again right before a figure, as its source stands right before
    // another ("「BP_Calculation」を開きます。" above each procedure's first screenshot): a
    // tutorial's step told again for another screenshot, or a copy pasted before one. The
    // text cannot tell which, so it is reported and never fixed: a bulk --fix must not take
    // a step out of a procedure.
    // (One sentence: a quoted message 「…。」 and an abbreviation "e.g." end none. The figure
    // is the next block a reader sees, hidden HTML aside; a linked badge is no screenshot,
    // and two screenshots differ in the file they show, not in their alt text.)
    const stepBeforeFigure = (repeat: Repeat) => {
      if (repeat.kind !== 'exact') return false;
      const info = infos[repeat.index];
      const body = info.text.trim().replace(QUOTED_OR_ABBREVIATION, 'x').replace(/[。！？.!?]+$/, '');
      if (weightedLength(info.key) >= SHORT_REMARK || INNER_SENTENCE_END.test(body)) return false;
      const figureAfter = (index: number) => {
        const next = shownAfter(index);
        return next !== -1 && image(infos[next]) && !rawAt(next).startsWith('[') ? imageTarget(rawAt(next)) : undefined;
      };
      const [ours, theirs] = [figureAfter(repeat.index), figureAfter(repeat.sources[0])];
      return ours !== undefined && theirs !== undefined && ours !== theirs;
    };
    const reviewOnly = new Set(singles.filter(stepBeforeFigure).map((repeat) => repeat.index));
    return { runs: keptRuns, singles, reviewOnly };
  });
}
