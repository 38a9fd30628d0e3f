import type { Rule, RuleContext, Fix } from '../src/types.js';
import type { Article } from '../src/article.js';
import { blockInfos, CODE_PLACEHOLDER, isLeadIn, type BlockInfo } from '../src/blocks.js';
import { reportedRepeats, repeatAnalysis, type DuplicateOptions } from './duplicate-paragraph/report.js';
import type { EndMarkerOptions } from './end-marker.js';
import { closerOf, openerOf, findUnbalancedBracket, sentenceEnding } from '../src/text/sentence-end.js';
import { japaneseClauseEnd, type ClauseEnd } from '../src/text/ja-grammar.js';
import { blockRemoval } from '../src/text/ranges.js';
import { markerMatcher, stripTrailingMarkers, type MarkerMatcher } from '../src/text/markers.js';

export interface TruncatedSentenceOptions {
  /** Front-matter fields checked like a title (brackets, a cut end). */
  titleFields: string[];
  /** Front-matter fields checked like a summary (also a trailing "..." or "。。"). */
  summaryFields: string[];
  /** Report unbalanced brackets and quotes inside paragraphs. */
  brackets: boolean;
}

export const truncatedSentence: Rule<TruncatedSentenceOptions> = {
  meta: {
    id: 'truncated-sentence',
    description: 'Text that stops mid-sentence: the end of the article, text before a marker or a re-emission, unbalanced brackets, cut titles and descriptions',
    severity: 'error',
    fixable: 'unsafe',
    docs: 'rules/truncated-sentence.md',
    messages: {
      articleEnd: 'The article ends mid-sentence: "{tail}".',
      beforeMarker: 'Text stops mid-sentence before an end marker: "{tail}".',
      beforeRepeat: 'Text stops mid-sentence where a re-emitted copy begins: "{tail}".',
      unbalanced: 'Unbalanced "{char}" in paragraph: the text may have been cut.',
      fieldUnbalanced: 'Front-matter "{field}" has an unclosed "{char}": cut off? ("{tail}")',
      fieldCut: 'Front-matter "{field}" looks cut off: "{tail}".',
    },
    defaults: {
      titleFields: ['title'],
      summaryFields: ['description', 'excerpt', 'summary'],
      brackets: true,
    },
  },
  check(article, context) {
    checkFields(article, context);
    // Markers and repeats as end-marker and duplicate-paragraph see them, with their settings.
    const markerPatterns = context.optionsOf<EndMarkerOptions>('end-marker').patterns;
    const duplicates = context.optionsOf<DuplicateOptions>('duplicate-paragraph');
    const matcher = markerMatcher(markerPatterns);
    const infos = blockInfos(article, markerPatterns);
    const repeats = repeatAnalysis(article, duplicates, markerPatterns).repeats;
    // Where a reported re-emission starts: a run's first block, or a single repeat.
    const { runs, singles } = reportedRepeats(article, duplicates, markerPatterns);
    const reemissionStarts = new Set([...runs.map((run) => run.first), ...singles.map((repeat) => repeat.index)]);
    const lastContent = infos.findLastIndex((info) => info.role !== 'gap');
    for (let i = 0; i < infos.length; i++) {
      const info = infos[i];
      // A paragraph that continues a list item is part of the list, whose lines (event
      // listings, notes) end without punctuation as they like.
      if (!info.prose || repeats.has(i) || info.block.continuesList) continue;
      const next = infos[i + 1];
      const trailingMarker = info.text.length !== info.block.text.length;
      const reason =
        trailingMarker || next?.marker
          ? 'beforeMarker'
          : reemissionStarts.has(i + 1) && repeats.get(i + 1)!.sources[0] !== i
            ? 'beforeRepeat'
            : i === lastContent
              ? 'articleEnd'
              : undefined;
      const raw = article.text.slice(info.block.start, info.block.end);
      if (reason && !isComponentCaption(infos, i) && isCut(info, raw, reason, finishedShareOf(infos, i), article.text)) {
        context.report({
          messageId: reason,
          data: { tail: tail(info.text) },
          start: info.block.start,
          end: contentEnd(article, info, matcher),
          fix: trailingFragmentFix(article, info, i, matcher),
        });
        continue;
      }
      // An unclosed bracket counts only in text that also stops unfinished (a quote's
      // attribution or a signature after it finishes the paragraph).
      // A lead-in ("…, you'll need to add:") continues into the block it introduces, and a
      // sentence interrupted by a code block may close its bracket after it.
      if (context.options.brackets && info.ending !== 'finished' && !isSignature(raw) && !isLeadIn(info)) {
        const unbalanced = findUnbalancedInSource(info, raw);
        if (unbalanced && CUT_BRACKETS.includes(unbalanced.char) && !closedAfter(infos, i, unbalanced.char)) context.report({ messageId: 'unbalanced', data: { char: unbalanced.char }, start: unbalanced.offset, end: unbalanced.offset + 1 });
      }
    }
  },
};

/**
 * A short line that is the caption or label of a figure: the block before it opens an MDX
 * figure component or an HTML figure (`<Diagram name="…">`, `<Figure>`, `<figure>`; not a
 * `<Note>` or `<Tabs>`, whose text is prose) and the line holds no
 * sentence end of its own ("戻すときは、`p` が削除され、`Counter` が追加される"). Captions
 * go without a full stop.
 */
function isComponentCaption(infos: BlockInfo[], index: number): boolean {
  const info = infos[index];
  if (info.text.trim().length > 80 || /[。．.!?！？]/.test(info.text)) return false;
  let previous = index - 1;
  while (previous >= 0 && infos[previous].role === 'gap' && infos[previous].block.type !== 'html') previous--;
  const opening = infos[previous]?.block.type === 'html' ? infos[previous].block.text.trim() : '';
  return /^<(?:[\w.]*(?:Diagram|Figure|Image|Illustration|Screenshot|Caption)[\w.]*|figure|figcaption)\b[^]*?(?<!\/)>$/.test(opening) && !/<\//.test(opening);
}

/** The end of a paragraph before any trailing end marker. */
function contentEnd(article: Article, info: BlockInfo, matcher: MarkerMatcher): number {
  const raw = article.text.slice(info.block.start, info.block.end);
  return info.block.start + stripTrailingMarkers(raw, matcher).trimEnd().length;
}

/**
 * Whether the paragraph stops mid-sentence. Before an end marker any missing end
 * counts. Elsewhere a line without punctuation is often a sign-off, a photo credit, a
 * caption or a template include, so an "open" ending counts only in an article whose
 * paragraphs otherwise end properly, and only when the text stops on a word in
 * running text.
 */
function isCut(info: BlockInfo, raw: string, reason: string, finishedShare: number | undefined, articleText: string): boolean {
  if (info.ending === 'finished') return false;
  // Credits end where the names end, with or without a last comma.
  // (A link opened after the last name, `[`, is a cut.)
  if (reason !== 'beforeMarker' && isNameList(info) && !raw.trimEnd().endsWith('[')) return false;
  if (info.ending === 'unfinished') return true;
  // Text that stops inside markup: an HTML tag, a link's target or inline code left open
  // (`<a href="https://www.chrom`, `[repo](https:`, "`scrollX` と `").
  if (stopsInsideMarkup(raw)) return true;
  if (isLeadIn(info)) return false;
  const text = info.proseText.trim();
  // A complete Japanese sentence that only lacks its 。 ("…を確認してください").
  if (JA_SENTENCE_FINAL.test(text)) return false;
  // Japanese text that stops on a word: its last morphemes decide (loaded only here).
  const clause = clauseEndOf(text);
  if (clause === 'finished') return false;
  // A byline names and stops; one that stops on a particle or a stem (`[ガイド](…)では、ここで
  // 定義した基本的な`) is a sentence cut after its link.
  if (reason !== 'beforeMarker' && clause !== 'unfinished' && isByline(info)) return false;
  if (endsMidUrl(info.text.trim(), articleText)) return true;
  // A paragraph whose last line is a link on its own ends in a call to action or a
  // reference ("…is documented in the\n[rustc development guide][guide]"), not a cut.
  if (LINK_LINE.test(info.block.text.split('\n').pop() ?? '') || endsWithLinkLine(info)) return false;
  if (reason === 'beforeMarker') return true;
  // Set closings end on a particle yet are finished ("次回もお楽しみに", "良いお年を").
  if (isSignature(raw) || JA_CLOSING.test(text)) return false;
  // A particle or continuative end (10 characters or more) is a cut in any article.
  if (clause === 'unfinished' && text.length >= 10) return true;
  if (endsMidWord(text, articleText)) return true;
  if (isClosing(text)) return false;
  // A Japanese sentence of clauses that stops short of its predicate, in an article whose
  // paragraphs end properly or too short to show its style: written Japanese prose ends
  // such a sentence with 。, whatever it stops on (a word, inline code, a link).
  if ((finishedShare === undefined || finishedShare >= 0.6) && stopsMidClause(text, raw)) return true;
  if (finishedShare === undefined || finishedShare < 0.6 || text.length < 10) return false;
  if (endsOnUndefinedReference(info, raw) || endsMidVersion(text, articleText)) return true;
  if (/^[^。．.!?！？]{1,30}[:：]/.test(text)) return false;
  // Inline code right after a subject or object particle needs its predicate ("内部ボタンが `part=…`").
  if (/[がを]\s*`[^`\n]+`$/.test(raw.trimEnd())) return true;
  if (/(?:\d{4}[年/-]\d{1,2}|\d{1,2}日|[)）]|:[a-z_]+:|[:;]-?[)(DP]|code)$/.test(text)) return false;
  // The last word: a lowercase Latin word, Japanese text, or any Latin word in
  // Japanese text or after finished sentences (a one-line "Photo by Jane Doe" is a
  // credit; a capitalised word after sentences, or in Japanese prose, is a cut).
  const japanese = /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text);
  const severalSentences = /[。．！？!?](?=\s*\S)|[a-z]\.\s+\S/.test(text);
  // Text that ends on a whole link names where to go ("…let us know on [the forum](…) or
  // [the chat](…)"); a cut lands inside a link far more often than right after one.
  if (/\]\([^()\s]*\)$|\]\[[^\]]*\]$|<https?:\/\/[^>\s]*>$|<\/a>$/.test(raw.trimEnd())) return false;
  // A sentence of a dozen words or more is no credit or name line, whatever its last word.
  const lastSentence = text.split(/(?<=[.!?])\s+/).at(-1) ?? '';
  const longSentence = lastSentence.split(/\s+/).length >= 12 && !CREDIT_OPENING.test(lastSentence);
  return (
    /(?:^|[\s(「『“"'`])[a-z][\w'’-]*$/.test(text) ||
    JAPANESE_WORD_END.test(text) ||
    ((japanese || severalSentences || longSentence) && /[A-Za-z]$/.test(text))
  );
}

/**
 * A Japanese sentence of clauses that never reaches its end: the last sentence (after the
 * last 。, ．, ！ or ？, or an ASCII ! or ?) runs 30 characters or more, joins clauses with 、, and stops on a
 * word, inline code or a whole link ("…からの移行は、`helm pull` を使用してから、生成された
 * `.tgz`", "…の詳細については、[リファレンス ドキュメント](…)"). The caller has ruled out
 * finished forms, closings and lists of names. Not a label and its value ("結論： …",
 * "…をご覧ください: <URL>"), not a finished sentence followed by the command or page it
 * names, and not text that closes on a bracket, a quote, emphasis, an emoticon, a number,
 * a date or a bare URL (an aside in parentheses, a line of dialogue, a caption): those are
 * finished as written. (The same test in English reported 50 more
 * clean paragraphs of the corpus, cut after them, for one more damaged end found: English
 * lines end on a link or a command without a full stop far more often.)
 */
function stopsMidClause(text: string, raw: string): boolean {
  let from = text.length;
  while (from > 0 && !'。．！？!?'.includes(text[from - 1])) from--;
  const last = text.slice(from).trim();
  if (!/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(last) || !/[、，]/.test(last) || [...last].length < 30 || /[:：]/.test(last)) return false;
  const end = raw.trimEnd().replace(/\\$/, '').slice(-300);
  // A list of links ("[ロシア語](…)、[中国語](…)", "Chromium の問題 [#1][CR1]、 [#2][CR2]") ends
  // where its last item does; an image ends no sentence.
  if (LINK_LIST_END.test(end) || IMAGE_END.test(end)) return false;
  const trailing = CODE_OR_LINK_END.exec(end);
  if (trailing) {
    // A finished sentence with the command or the page it names after it ("…ことができます
    // `npm install foo`", "ぜひご覧ください [repo](…)").
    const before = end.slice(0, trailing.index).trimEnd();
    return !JA_SENTENCE_FINAL.test(before) && clauseEndOf(before) !== 'finished';
  }
  return /\p{L}$/u.test(end) && !JA_DATE_END.test(end) && !/https?:\/\/\S*$/.test(end);
}

/** A date at the end: `2024年3月15日`, `2024/3`, `15日`, `3月`. */
const JA_DATE_END = /(?:\d{4}[年/-]\d{1,2}(?:月(?:\d{1,2}日)?)?|\d{1,2}[日月])$/;

/** An inline link or a full or collapsed reference link (no nested brackets). */
const LINK = String.raw`\[[^\[\]]*\](?:\([^()\s]*\)|\[[^\]]*\])`;
const LINK_LIST_END = new RegExp(`${LINK}\\s*[、，]\\s*${LINK}$`);
const IMAGE_END = new RegExp(`!${LINK}$`);
const CODE_OR_LINK_END = new RegExp(`(?:\`[^\`\n]*\`|${LINK}|<a\\b[^<>]*>[^<>]*<\\/a>)$`);

/**
 * The text stops inside a word: it ends on a lone lowercase letter, or its last Latin word is the start of a longer word the
 * article uses (`…from the Device dropdow` / `dropdown`, `…OpenTele` / `OpenTelemetry`)
 * and is not itself a word anywhere else in the article. Case counts (`go` is not a cut
 * `Gopher`), and a capitalised fragment needs four letters: a short name such as `Doe`
 * ends a credit and starts `Does`. A path, a URL or inline code at the end (the prose
 * text's placeholder) is not a word, and neither is a longer word that only inflects it
 * (`conference` / `conferences`).
 */
function endsMidWord(text: string, articleText: string): boolean {
  if (text.endsWith(CODE_PLACEHOLDER)) return false;
  // A lone lowercase letter other than "a" after a word: "…thank you for your t".
  if (/[A-Za-z,]\s+[b-z]$/.test(text)) return true;
  const last = /(?:^|[^\p{L}\p{N}_/.:#@-])([A-Za-z]{2,})$/u.exec(text)?.[1];
  if (!last || (/^[A-Z]/.test(last) && last.length < 4)) return false;
  let whole = 0;
  let longer = false;
  for (const match of articleText.matchAll(/[A-Za-z]+/g)) {
    const word = match[0];
    if (word === last) whole++;
    else if (word.length > last.length && word.startsWith(last) && !INFLECTION.test(word.slice(last.length))) longer = true;
  }
  // The fragment itself stands in the article once: here.
  return longer && whole <= 1;
}

/**
 * The text stops inside a version number: its last token is a dotted number that the
 * article spells out with one more part (`…to create Rust 1.49` beside `Rust 1.49.0`) and
 * never writes whole anywhere else. A version that the article also writes as it stands
 * (`Go 1.21` in a post that names `Go 1.21.0` too) is whole, and so is a number that only
 * has more digits elsewhere (`0.5` beside `0.52`). Asked only in an article whose
 * paragraphs end properly: a release post may name a minor version without its patch.
 */
function endsMidVersion(text: string, articleText: string): boolean {
  const version = /(?:^|[^\p{L}\p{N}_.-])v?(\d+(?:\.\d+)+)$/u.exec(text)?.[1];
  if (!version) return false;
  let longer = false;
  let whole = 0;
  for (const match of articleText.matchAll(new RegExp(`(?<![\\d.])${version.replace(/\./g, '\\.')}(\\.\\d+)?(?!\\d)`, 'g'))) {
    if (match[1]) longer = true;
    else whole++;
  }
  return longer && whole <= 1;
}

/**
 * The text stops inside a URL: its last URL is the start of a longer one that the article
 * spells out, cut inside a path segment (`See https://github.com/nodejs/no` beside
 * `https://github.com/nodejs/node/pull/1811`). A URL that stops where a segment ends
 * (`…/nodejs/node` beside `…/nodejs/node/pull/1811`) is whole.
 */
function endsMidUrl(text: string, articleText: string): boolean {
  // The last token only, matched from its start: no rescanning of a long line.
  const token = text.slice(text.search(/\S+$/));
  const afterDot = token.endsWith('.');
  if (!/^https?:\/\/[^\s<>()[\]"'`]+$/.test(token) || (!afterDot && !/[A-Za-z]$/.test(token))) return false;
  let longer = false;
  let letterAfter = false;
  let whole = 0;
  for (let at = articleText.indexOf(token); at !== -1; at = articleText.indexOf(token, at + 1)) {
    const next = articleText[at + token.length] ?? '';
    if (/[A-Za-z_-]/.test(next)) longer = true;
    else if (!/[0-9]/.test(next)) whole++;
    if (/[A-Za-z]/.test(next)) letterAfter = true;
  }
  // Cut right after a dot that the article's own copy of the address goes on from with a
  // letter (`https://groups.` beside `https://groups.google.com/…`).
  if (afterDot) return letterAfter;
  // Whole once: here. Whole elsewhere too, the URL is a page of its own.
  return longer && whole <= 1;
}

/** Endings that make a word of a word (`conferences`, `released`), not of a fragment. */
const INFLECTION = /^(?:s|es|d|ed|ing|er|ers|est|ly)$/;

/** Japanese set closings that end on a particle: "次回もお楽しみに", "良いお年を". */
const JA_CLOSING = /(?:お楽しみに|お年を)$/;

/** Polite sentence-final forms (and a note's 〜すべき): the sentence is complete, only the 。 is missing. */
const JA_SENTENCE_FINAL = /(?:ます|です|ました|でした|ません|ませんでした|ください|でしょう|ましょう|べき)$/;

/**
 * A signature: a short last line under a finished one in the same paragraph
 * ("Until next month!" / "Jane & the DevTools team", "乞うご期待。" / "hask(_ _)eller"), or
 * an attribution after a quote.
 */
function isSignature(raw: string): boolean {
  // An attribution after a quote on the same line: `*「…。」* - Jane Doe, CTO`.
  // (The last 400 characters only, and no overlapping whitespace runs: a hostile paragraph
  // of spaces must not make these patterns backtrack.)
  const end = raw.trim().slice(-400);
  if (/(?:[。．.!?！？][」』”"]?|[」』”"])[*_]*[ \t]+[-—―–]{1,2}[ \t]*[^。．.!?！？\n]{1,60}$/.test(end)) return true;
  // A signature is set on its own line with a hard break (two spaces, a backslash or
  // <br>): a soft-wrapped sentence that ends on a short line is not one.
  const tail = raw.trimEnd().slice(-400);
  const hardBreak = /(?:[ \t]{2,}|\\|<br[ \t]*\/?>)[ \t]*\n(?=[^\n]*$)|<br[ \t]*\/?>(?=[^\n]*$)/i.exec(tail);
  if (!hardBreak) return false;
  const before = tail.slice(0, hardBreak.index).trim().split('\n').pop() ?? '';
  const last = tail.slice(hardBreak.index + hardBreak[0].length).trim();
  return last.length > 0 && last.length <= 60 && !/[。．.!?！？]/.test(last) && sentenceEnding(before) === 'finished';
}

/** A list of names or links (credits, "Thanks to @a, @b, @c,"): no running text to cut. */
function isNameList(info: BlockInfo): boolean {
  const all = (info.block.node as { children?: { type: string; value?: string }[] }).children ?? [];
  // The list may follow a lead-in ("…は以下の通りです：[next]、[waku]、…"): only what comes
  // after its colon is the list.
  const colon = all.findLastIndex((child) => child.type === 'text' && /[:：]/.test(child.value ?? ''));
  const children = colon === -1 ? all : [{ type: 'text', value: (all[colon].value ?? '').replace(/^[^]*[:：]/, '') }, ...all.slice(colon + 1)];
  const plain = children.map((child) => (child.type === 'text' ? (child.value ?? '') : ' ')).join('');
  const names = (plain.match(/@[\w.-]+/g)?.length ?? 0) + children.filter((child) => child.type === 'link' || child.type === 'linkReference').length;
  if (names < 3) return false;
  // What is left outside the names and links, once separators are gone: a lead-in at most.
  const rest = plain.replace(/@[\w.-]+/g, '').replace(/\b(?:and|with)\b|[\s,、&・[\]()（）:：]/g, '');
  if (rest.length > 40) return false;
  // After the last linked name, a separator and a word in hiragana, which no name is, opens
  // the next entry and stops ("…、[Sophie Alpert](…)、そし"); "…、ほか" or "…、など" close
  // the list, and a plain name may end it ("…、[gamma](…)、delta-cli").
  const lastLink = children.findLastIndex((child) => child.type === 'link' || child.type === 'linkReference');
  const after = children.slice(lastLink + 1).map((child) => (child.type === 'text' ? (child.value ?? '') : ' ')).join('');
  return !(lastLink !== -1 && /^\s*[、,]\s*\p{Script=Hiragana}+\s*$/u.test(after) && !LIST_CLOSER.test(after));
}

/** Words that close a list of names after its last separator: "…、ほか", "…、など". */
const LIST_CLOSER = /^\s*[、,]\s*(?:など|ほか|ら)\s*$/;

/**
 * A byline: one line that opens with a linked name and says in a few words what the
 * person did ("[crswll](…) による PR", "[Jane Doe](…), guest author"). It names, it does
 * not run on.
 */
function isByline(info: BlockInfo): boolean {
  const children = (info.block.node as { children?: { type: string; value?: string }[] }).children ?? [];
  const [first, ...rest] = children;
  if (!first || (first.type !== 'link' && first.type !== 'linkReference') || info.block.text.trim().includes('\n')) return false;
  const words = rest.map((child) => (child.type === 'text' ? (child.value ?? '') : ' ')).join('').trim();
  return words !== '' && rest.every((child) => child.type === 'text') && words.length <= 20 && !/[。．.!?！？]/.test(words);
}

/** A line that is one link: inline, full or collapsed reference, or a bare URL. */
const LINK_LINE = /^\s*(?:\[[^\]]+\](?:\([^)]*\)|\[[^\]]*\])|<?https?:\/\/\S+>?)\s*$/;

function endsWithLinkLine(info: BlockInfo): boolean {
  const node = info.block.node as { children?: { type: string; value?: string }[] };
  const children = node.children ?? [];
  let i = children.length - 1;
  while (i >= 0 && children[i].type === 'text' && (children[i].value ?? '').trim() === '') i--;
  // The last inline is a link that starts its own line, or follows a finished
  // sentence ("…可能にすることです。[さらに読む](…)"): a call to action.
  if (i < 1 || (children[i].type !== 'link' && children[i].type !== 'linkReference')) return false;
  const before = children[i - 1];
  return before.type === 'break' || (before.type === 'text' && (/\n\s*$/.test(before.value ?? '') || sentenceEnding((before.value ?? '').trimEnd()) === 'finished' || POINTS_TO_LINK.test((before.value ?? '').slice(-200))));
}

/** A sentence that points to the link it ends on: "Read more on the [OpenJS blog](…)", "詳しくは[こちら](…)". */
const POINTS_TO_LINK = /(?:^|[.!?。！？]\s*|\n)\s*(?:(?:(?:read|learn|find out|hear) more|more (?:info(?:rmation)?|details)|for (?:more|details|further)|see|check out|visit)\b|詳しくは|詳細は)[^.!?。！？\n]{0,80}$/i;

/** How Japanese text that stops on a word ends, by its last morphemes; undefined for other text (or without the analyzer). */
function clauseEndOf(text: string): ClauseEnd | undefined {
  return JAPANESE_WORD_END.test(text) ? japaneseClauseEnd(text) : undefined;
}

/** Text that stops on a Japanese word (kanji, kana or the long-vowel mark). */
const JAPANESE_WORD_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]$/u;

/** A credit or thanks that runs long ("This post was written by Jane Doe, Senior Engineer on…"). */
const CREDIT_OPENING = /^(?:this (?:post|article|blog post) (?:was|is) (?:written|authored|brought)|written by|authored by|posted by|special thanks|(?:many )?thanks (?:to|also)|follow us)\b/i;

/** Sign-offs and credits that end articles without punctuation. */
const SIGN_OFF = /^(?:[-—–]{1,3}|photos? by|image by|写真|画像|出典|source:|via |cheers|thanks|regards|happy )/i;

/** Verbs that open a call to action after a question: "Questions? Ask on the forum". */
const CALL_TO_ACTION = /^(?:ask|join|see|check|visit|let|try|reach|contact|email|file|open|post|tell|feel free|drop|come|read|find|talk)\b|^(?:お気軽に|ぜひ|こちら)/i;

/** Phrases that open a closing line: "See you at the conference", "Thank you for reading". */
const CLOSING_PHRASE = /^(?:thank you|thanks|see you|stay tuned|enjoy|happy |have fun|good luck|take care|until next|best regards|cheers)/i;

/**
 * The paragraph closes the article: it opens with a sign-off or credit, or its last
 * sentence is a short closing line ("…. See you at the conference", at most 8 words) or a
 * short line under one ("Until next month! Jane & the Docs team"), or
 * a short call to action answering a question ("Questions? Ask on the forum"). A closing
 * line that stops on a function word or half a word was checked before: it is cut.
 */
function isClosing(text: string): boolean {
  const sentences = text.split(/(?<=[。！？])\s*|(?<=[.!?])\s+/);
  // A paragraph that opens signing off, unless a plain clause follows the sign-off ("Thanks
  // for helping make Rust awesome! We are looking": a sentence cut off). A list of names
  // after it (commas) is the credit going on.
  const after = sentences.length > 1 ? (sentences.at(-1) ?? '') : '';
  if (SIGN_OFF.test(text) && !(NEW_SENTENCE.test(after) && !/[,、]/.test(after))) return true;
  // A closing line may open with a short connective: "それでは、Happy Hacking", "Well, see you".
  const last = (sentences.at(-1) ?? '').replace(/^[^、,]{1,8}[、,]\s*/, '');
  const short = last.split(/\s+/).length <= 8;
  // "Until next month! / Jane & the Docs team": a name line under a closing line.
  if (short && (CLOSING_PHRASE.test(last) || (sentences.length > 1 && CLOSING_PHRASE.test(sentences.at(-2)!) && isNameLine(last)))) return true;
  return sentences.length > 1 && /[?？]$/.test(sentences.at(-2) ?? '') && last.length <= 40 && CALL_TO_ACTION.test(last);
}

/**
 * A line of names under a closing line ("Jane & the Docs team", "The Go team"): every Latin
 * word capitalised or a connective. "We are looking" is the start of a sentence.
 */
function isNameLine(line: string): boolean {
  return line
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => !/^[a-z]/.test(word) || NAME_CONNECTIVES.has(word.replace(/[,.]$/, '')));
}

/** A sentence of its own after a sign-off: it opens with a subject ("We are looking…"), not a credit ("Edited by Bob Smith") or a list of names (commas). */
const NEW_SENTENCE = /^(?:we|i|you|they|it|this|that|there|our|my|he|she)\b/i;

const NAME_CONNECTIVES = new Set(['and', 'the', 'team', 'of', 'from', 'at', 'de', 'van', 'von', 'der', 'la', 'le', 'y', 'on', 'behalf', 'all', 'us']);

/**
 * Whether the paragraph stops inside markup: an HTML tag opened and not closed
 * (`<a href="https://www.chrom`, `<https://example.com/pa`), a link whose target is not closed (`[repo](https:`), or
 * an inline code span left open near the end ("`scrollX` と `"). (Raw text, last 300
 * characters: a hostile paragraph costs nothing more.)
 */
function stopsInsideMarkup(raw: string): boolean {
  const trimmed = raw.trimEnd();
  const end = trimmed.slice(-300);
  const tag = end.lastIndexOf('<');
  if (tag !== -1 && tag > end.lastIndexOf('>') && /^<(?:\/?[A-Za-z][\w-]*(?:\s|$)|https?:\/\/\S*$)/.test(end.slice(tag))) return true;
  if (/\]\([^)\s]*$/.test(end)) return true;
  // A quotation opened and not closed: "…または'cla", `…the "ICE`.
  if (openQuoteAtEnd(end)) return true;
  // A code span left open near the end (its opener in the last 40 characters).
  const window = trimmed.slice(-2000);
  const open = openCodeSpanAt(window);
  return open !== -1 && open >= window.length - 40;
}

/**
 * A quotation opened with a straight quote (`'` or `"`) that nothing closes, its opening
 * in the last 40 characters. Read left to right: a quote that follows no Latin letter and
 * precedes a letter opens ("または 'cla", "the \"ICE"); the next one closes. An apostrophe
 * between Latin letters (`Let's`) or after a word with nothing open (`users'`) is no quote,
 * and neither is an elision (`'em`, `'n'`, `'til`).
 */
function openQuoteAtEnd(text: string): boolean {
  const latin = (c: string | undefined) => /\p{Script=Latin}/u.test(c ?? '');
  return ["'", '"'].some((quote) => {
    let openAt = -1;
    for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) {
      if (quote === "'" && latin(text[i - 1]) && latin(text[i + 1])) continue;
      if (openAt !== -1) openAt = -1;
      else if (!latin(text[i - 1]) && /\p{L}/u.test(text[i + 1] ?? '') && !(quote === "'" && ELISION.test(text.slice(i, i + 8)))) openAt = i;
    }
    return openAt !== -1 && text.length - openAt <= 40;
  });
}

/** Elisions that open with an apostrophe: 'em, 'n', 'til, 'cause, 'round, 'tis. */
const ELISION = /^'(?:em|n|til|cause|round|tis|twas)\b/i;

/**
 * A paragraph that ends on a bracketed label of several words that is no link: `report bugs
 * [on GitHub]` with no `[on GitHub]: …` definition in the article, what is left of a link cut
 * before its target. The parser has resolved every definition (a quoted one too): a label it
 * found one for is a link reference, so here the last inline is plain text. One word is a key
 * or a button (`press [Enter]`, `[OK]`), a label after a sentence end a citation
 * (`…companies.[12]`, `[citation needed]`); footnotes (`[^1]`) and full references
 * (`[text][label]`) do not count. Asked only in an article whose paragraphs end properly.
 */
function endsOnUndefinedReference(info: BlockInfo, raw: string): boolean {
  const children = (info.block.node as { children?: { type: string }[] }).children ?? [];
  if (children.at(-1)?.type !== 'text') return false;
  const match = /(?<![\]!\\.!?。．！？])\[([^\[\]\n^][^\[\]\n]{1,99})\]$/.exec(raw.trimEnd().slice(-120));
  return match !== null && /\S\s+\S/.test(match[1].trim());
}

/**
 * Where the last backtick run that no run of the same length closes starts (a code span
 * left open, read as CommonMark reads spans: a run opens, the next run of the same length
 * closes), or -1. Quadratic in the runs at worst: callers pass a bounded window.
 */
function openCodeSpanAt(text: string): number {
  const runs = [...text.matchAll(/`+/g)].map((match) => ({ at: match.index, length: match[0].length }));
  let open = -1;
  for (let i = 0; i < runs.length; ) {
    let closer = i + 1;
    while (closer < runs.length && runs[closer].length !== runs[i].length) closer++;
    if (closer === runs.length) {
      open = runs[i].at;
      i++;
      continue;
    }
    i = closer + 1;
  }
  return open;
}

/** Share of the article's prose paragraphs that end like finished sentences. */
function finishedShareOf(infos: BlockInfo[], except: number): number | undefined {
  let prose = 0;
  let finished = 0;
  infos.forEach((info, index) => {
    // Lead-ins ("as follows:") and lines ending in code or a URL say nothing either way.
    if (!info.prose || index === except || isLeadIn(info) || info.block.continuesList || /code$/.test(info.proseText.trim())) return;
    prose++;
    if (info.ending === 'finished') finished++;
  });
  if (prose >= 2) return finished / prose;
  // A short article: its last paragraph's own earlier sentences show the style, else its one
  // other paragraph does; with no other paragraph and none of those, there is no telling
  // (undefined).
  const last = infos[except];
  return last && /[。．！？!?](?=\s*\S)|\.\s+\S/.test(last.proseText.trim()) ? 1 : prose === 0 ? undefined : finished / prose;
}

/**
 * Cut the unfinished tail after the paragraph's last finished sentence; a paragraph
 * that has no finished sentence is removed whole. Unsafe: the words cut are gone.
 */
function trailingFragmentFix(article: Article, info: BlockInfo, index: number, matcher: MarkerMatcher): Fix {
  const start = info.block.start;
  const end = contentEnd(article, info, matcher);
  // A `?` in a URL, a tag or inline code ends no sentence: those are masked, same length.
  const raw = article.text.slice(start, end).replace(/https?:\/\/[^\s<>)\]]+|<[^<>\n]*>|`[^`\n]*`/g, (span) => 'x'.repeat(span.length));
  let cut = -1;
  const terminal = /[。．！？!?](?:[」』）)】"”’*_]*)|\.(?=[\s"”’)*_]|$)[")*_”’]*/g;
  for (let match = terminal.exec(raw); match; match = terminal.exec(raw)) {
    if (match.index + match[0].length < raw.length) cut = match.index + match[0].length;
  }
  if (cut <= 0) {
    const [from, to] = blockRemoval(article, index);
    return { safety: 'unsafe', edits: [{ start: from, end: to, text: '' }] };
  }
  return { safety: 'unsafe', edits: [{ start: start + cut, end, text: '' }] };
}

/**
 * Brackets whose opener, left unclosed in a paragraph that stops unfinished, shows a
 * cut. (A stray closer, or an unclosed bracket in a finished paragraph, is a typo, not
 * damage: the caller checks only unfinished paragraphs.)
 */
const CUT_BRACKETS = '「『【（(“';

/** The next paragraph, past at most two code blocks, closes the bracket left open. */
function closedAfter(infos: BlockInfo[], index: number, opener: string): boolean {
  let code = 0;
  for (let j = index + 1; j < infos.length; j++) {
    const next = infos[j];
    if (next.role === 'gap') continue;
    if (next.block.type === 'code') {
      if (++code > 2) return false;
      continue;
    }
    if (!next.prose) return false;
    const found = findUnbalancedBracket(next.proseText);
    return found?.kind === 'unopened' && openerOf(found.char) === opener;
  }
  return false;
}

/** The unclosed bracket of a paragraph and its offset in the file; `raw` is the paragraph's source. */
function findUnbalancedInSource(info: BlockInfo, raw: string): { char: string; offset: number } | undefined {
  const found = findUnbalancedBracket(info.proseText);
  if (!found || found.kind !== 'unclosed') return undefined;
  // Point at the bracket in the file: find the same character in the raw block.
  // Its closer may stand in markup that prose text leaves out (an image's alt text): the
  // raw paragraph holding as many closers as openers was not cut.
  const closer = closerOf(found.char);
  if (closer && raw.split(found.char).length === raw.split(closer).length) return undefined;
  const before = info.proseText.slice(0, found.offset).split(found.char).length - 1;
  let offset = -1;
  for (let k = 0; k <= before; k++) offset = raw.indexOf(found.char, offset + 1);
  return { char: found.char, offset: info.block.start + Math.max(0, offset) };
}

function checkFields(article: Article, context: RuleContext<TruncatedSentenceOptions>): void {
  const fm = article.frontMatter;
  if (!fm?.data) return;
  const check = (field: string, summary: boolean) => {
    const value = fm.data![field];
    if (typeof value !== 'string' || value.trim() === '') return;
    const location = fm.fields.get(field);
    const at = { start: location?.valueStart ?? 0, end: location?.valueEnd ?? article.lines.endOf(0) };
    const text = value.trim();
    const unbalanced = findUnbalancedBracket(text);
    if (unbalanced?.kind === 'unclosed') {
      context.report({ messageId: 'fieldUnbalanced', data: { field, char: unbalanced.char, tail: tail(text) }, ...at });
      return;
    }
    // "…and much more…" trails off on purpose; an excerpt cut by a CMS stops anywhere.
    const trailsOff = /\b(?:and|much|many|lots|even) more\s*(?:…|\.\.\.)\s*$/i.test(text);
    const cut = summary ? (!trailsOff && /(?:[。.]{2,}|…|\.\.\.|\[…\]|\[&hellip;\]|続きを読む|Read more)\s*$/i.test(text)) || (sentenceEnding(text) === 'unfinished' && !isHeadlineList(text)) : /[、，,]$/.test(text);
    if (cut) context.report({ messageId: 'fieldCut', data: { field, tail: tail(text) }, ...at });
  };
  for (const field of context.options.titleFields) check(field, false);
  for (const field of context.options.summaryFields) check(field, true);
}

/**
 * A summary written as a list of headlines ("Svelte Summit の要約、Rich Harris が Vercel
 * にジョイン、Kevin は Svelte Society でフルタイムに"): three items or more, no full stop,
 * every item but the last ending on a noun (体言止め). The last is a headline too, whose
 * "…に" or "…へ" leaves the verb out as headlines do.
 */
function isHeadlineList(text: string): boolean {
  if (/[。．]/.test(text)) return false;
  const items = text.split('、').map((item) => item.trim());
  return items.length >= 3 && /[にへ]$/.test(items[items.length - 1]) && items.slice(0, -1).every((item) => /[\p{L}\p{N}]$/u.test(item) && !/\p{Script=Hiragana}$/u.test(item));
}

function tail(text: string, max = 24): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return trimmed.length > max ? `…${trimmed.slice(-max)}` : trimmed;
}
