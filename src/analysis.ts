import type { Paragraph, PhrasingContent } from 'mdast';
import type { Node } from 'unist';
import { distance } from 'fastest-levenshtein';
import type { Article, Block } from './article.js';
import { comparisonKey } from './text/normalize.js';
import { isMarkerText, markerMatcher, stripTrailingMarkers, type MarkerMatcher } from './text/markers.js';
import { continuesSection, findRepeatedBlocks, type BlockRole, type Repeat, type RepeatAnalysis, type RepeatedRun } from './text/repeats.js';
import { sentenceEnding, type Ending } from './text/sentence-end.js';

/** What the rules need to know of a top-level block, computed once per article. */
export interface BlockInfo {
  block: Block;
  role: BlockRole;
  /** Comparison key (normalised text, end markers removed). */
  key: string;
  /** The block is an end-of-generation marker and nothing else. */
  marker: boolean;
  /** A paragraph of running text (not a link list, a bold pseudo-heading, a marker). */
  prose: boolean;
  /** Plain text with trailing end markers removed. */
  text: string;
  /**
   * The same text with inline code, autolinked URLs and HTML replaced by a neutral
   * word: what bracket and sentence-end checks read (code has its own brackets).
   */
  proseText: string;
  ending: Ending;
}

const DEFAULT_MATCHER = markerMatcher();

/** Analyses shared by several rules, memoised on the article. */
export function blockInfos(article: Article): BlockInfo[] {
  return article.memo('blockInfos', () => article.blocks.map((block) => describeBlock(block, DEFAULT_MATCHER, article.text.slice(block.start, block.end))));
}

/** Every block that repeats an earlier one, found with the loose detection thresholds. */
export function repeatAnalysis(article: Article): RepeatAnalysis {
  return article.memo('repeats', () =>
    findRepeatedBlocks(blockInfos(article).map((info) => ({ key: info.key, role: info.role, finished: info.ending === 'finished' || isLeadIn(info) }))),
  );
}

/** A line that introduces what follows ("For example:", "手順は次のとおりです："): complete as it is. */
export function isLeadIn(info: BlockInfo): boolean {
  return /[:：]\s*$/.test(info.proseText);
}

/** What makes a repeat worth reporting (the duplicate-paragraph rule's options). */
export interface ReportThresholds {
  /** Shortest normalised text of a verbatim repeat reported on its own (Latin letters; a Japanese character counts 2). */
  minLength: number;
  /** Shortest normalised text of a cut-off copy (it must stop mid-sentence). */
  minCutLength: number;
  /** Similarity (0-1, by edit distance) from which two paragraphs are near-duplicates. */
  nearSimilarity: number;
  /** Shortest normalised text compared for near-duplicates. */
  minNearLength: number;
}

export const DEFAULT_REPORT_THRESHOLDS: ReportThresholds = {
  minLength: 40,
  minCutLength: 10,
  nearSimilarity: 0.93,
  minNearLength: 50,
};

export interface ReportedRepeats {
  runs: RepeatedRun[];
  singles: Repeat[];
}

/**
 * Length of a comparison key with each non-Latin character counted twice: a Japanese
 * character carries about as much text as two Latin letters, so one threshold serves both.
 */
export function weightedLength(key: string): number {
  let length = key.length;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0x2fff) length++;
  return length;
}

/** Blocks that introduce code, a list or a table: a lead-in repeated with its structure. */
const STRUCTURE = new Set(['code', 'list', 'table', 'html', 'blockquote']);

/**
 * The repeats worth a report. Real articles repeat short lead-ins ("For example:"),
 * the same sentence before each code sample, and templated notes three times or more;
 * a damaged article repeats whole paragraphs. So a single repeat is reported when it is
 * long enough, appears exactly twice (or is very long: a note closing three sections is
 * a template, a long paragraph three times is a loop), and is not a lead-in repeated with
 * the structure it introduces; a cut-off copy when it stops mid-sentence.
 */
export function reportedRepeats(article: Article, thresholds: ReportThresholds = DEFAULT_REPORT_THRESHOLDS): ReportedRepeats {
  return article.memo(`reported:${JSON.stringify(thresholds)}`, () => {
    const infos = blockInfos(article);
    const { repeats, runs } = repeatAnalysis(article);
    const occurrences = new Map<string, number>();
    for (const info of infos) if (info.key) occurrences.set(info.key, (occurrences.get(info.key) ?? 0) + 1);
    // Templated prose: the copy sits between the same kinds of blocks as the text it
    // repeats (a note under every entry, a sentence between two paragraphs in each
    // section). A copy pasted in by a scraper or a generator lands anywhere.
    const typeAt = (index: number) => infos[index]?.block.type ?? 'none';
    const parallel = (repeat: Repeat) => {
      const source = repeat.sources[0];
      return typeAt(repeat.index - 1) === typeAt(source - 1) && typeAt(repeat.index + 1) === typeAt(source + 1);
    };
    // Stronger: a neighbour of the copy also resembles the source's neighbour (the
    // next entry of a template: "Thank you to X" / "Thank you to Y").
    const resembles = (a: number, b: number) => {
      const x = infos[a]?.key.slice(0, 200) ?? '';
      const y = infos[b]?.key.slice(0, 200) ?? '';
      if (x === '' || y === '') return infos[a]?.block.type === infos[b]?.block.type;
      return 1 - distance(x, y) / Math.max(x.length, y.length) >= 0.5;
    };
    const templated = (repeat: Repeat) => {
      const source = repeat.sources[0];
      return parallel(repeat) && (resembles(repeat.index - 1, source - 1) || resembles(repeat.index + 1, source + 1));
    };
    // Several near copies of one paragraph are entries of a template ("The 18.x line is
    // affected…", "The 16.x line…", "The 14.x line…"); an edited copy comes alone.
    const nearCopies = new Map<number, number>();
    for (const repeat of repeats.values()) if (repeat.kind === 'near') nearCopies.set(repeat.sources[0], (nearCopies.get(repeat.sources[0]) ?? 0) + 1);
    const leadIn = (repeat: Repeat) => {
      if (weightedLength(infos[repeat.index].key) >= 100) return false; // a lead-in is short
      // An HTML comment (`<!-- more -->`, a directive) introduces nothing.
      const structureAt = (index: number) => (infos[index]?.block.type === 'html' && infos[index].key === '' ? undefined : infos[index]?.block.type);
      const after = structureAt(repeat.index + 1);
      return !!after && after === structureAt(repeat.sources[0] + 1) && STRUCTURE.has(after);
    };
    const previousContent = (index: number): BlockInfo | undefined => {
      for (let i = index - 1; i >= 0; i--) if (infos[i].role !== 'gap') return infos[i];
      return undefined;
    };
    const reportable = (repeat: Repeat): boolean => {
      const info = infos[repeat.index];
      if (info.role !== 'prose') return false;
      const length = weightedLength(info.key);
      switch (repeat.kind) {
        case 'exact':
          // The same paragraph twice in a row is a generation loop whatever its length.
          if (length >= 20 && previousContent(repeat.index)?.key === info.key) return true;
          return length >= thresholds.minLength && ((occurrences.get(info.key) ?? 0) <= 2 || length >= 300) && !leadIn(repeat) && !templated(repeat);
        case 'cut':
          // A real cut stops mid-sentence; "Let's build:" before "Let's build a service..." is not one.
          return length >= thresholds.minCutLength && info.ending !== 'finished' && !isLeadIn(info);
        case 'near':
          // In templated surroundings only a copy with barely a character changed counts.
          return length >= thresholds.minNearLength && repeat.coverage >= thresholds.nearSimilarity && nearCopies.get(repeat.sources[0]) === 1 && !leadIn(repeat) && !templated(repeat) && (!parallel(repeat) || repeat.coverage >= 0.97);
        default:
          return true;
      }
    };
    // A run is a re-emitted section when it holds a paragraph worth reporting on its
    // own, or two distinctive copies (text that appears exactly twice in the article):
    // templated posts repeat the same sentence in every entry, and that is not a copy.
    const distinctive = (repeat: Repeat) => {
      const info = infos[repeat.index];
      return repeat.kind !== 'near' && repeat.kind !== 'partial' && (info.role === 'prose' || info.block.type === 'heading') && occurrences.get(info.key) === 2 && weightedLength(info.key) >= 20;
    };
    const keptRuns = runs.filter((run) => {
      // Most neighbouring copies must follow each other in the source as well.
      let ordered = 0;
      for (let k = 1; k < run.members.length; k++) if (continuesSection(run.members[k - 1], run.members[k])) ordered++;
      if (ordered * 2 < run.members.length - 1 || ordered === 0) return false;
      const strong = run.members.filter(distinctive);
      const strongLength = strong.reduce((n, m) => n + weightedLength(infos[m.index].key), 0);
      return run.members.some(reportable) || (strong.length >= 2 && strongLength >= 80);
    });
    const inRun = new Set<number>();
    for (const run of keptRuns) for (let i = run.first; i <= run.last; i++) inRun.add(i);
    const singles = [...repeats.values()].filter((repeat) => !inRun.has(repeat.index) && reportable(repeat)).sort((a, b) => a.index - b.index);
    return { runs: keptRuns, singles };
  });
}

function describeBlock(block: Block, matcher: MarkerMatcher, raw: string): BlockInfo {
  const text = stripTrailingMarkers(block.text, matcher);
  const marker = (block.type === 'paragraph' || block.type === 'html') && isMarkerText(block.text, matcher);
  const proseText = block.type === 'paragraph' ? stripTrailingMarkers(phrasingText((block.node as Paragraph).children), matcher) : text;
  const info: BlockInfo = { block, role: 'barrier', key: '', marker, prose: false, text, proseText, ending: sentenceEnding(proseText.trimEnd()) };
  if (marker) {
    info.role = 'gap';
    return info;
  }
  switch (block.type) {
    case 'paragraph': {
      // Template syntax ({% ... %}, {{< ... >}}) loses its meaning without punctuation:
      // compare it as written, and never as prose.
      // Display math (`$$ ... $$`, remark-math syntax) is a formula, not a sentence.
      if (TEMPLATE_SYNTAX.test(block.text) || DISPLAY_MATH.test(raw)) {
        info.key = block.text.replace(/\s+/g, ' ').trim();
        info.role = 'exact';
        break;
      }
      info.key = comparisonKey(stripTrailingMarkers(keySource(block.node), matcher));
      info.prose = isRunningText(block.node as Paragraph) && info.key.length > 0;
      info.role = info.prose ? 'prose' : 'exact';
      break;
    }
    case 'heading':
      info.key = comparisonKey(keySource(block.node));
      // "A long sentence.\n---" is a setext heading to CommonMark, but a paragraph
      // followed by a thematic break to whoever wrote it.
      info.prose = isSetextSentence(raw, block.text);
      info.role = info.prose ? 'prose' : 'exact';
      break;
    case 'list':
    case 'table':
    case 'blockquote':
      info.key = comparisonKey(keySource(block.node));
      info.role = 'exact';
      break;
    case 'code':
      info.key = comparisonKey(block.text);
      info.role = 'exact';
      break;
    case 'html':
      // Comments carry directives (<!-- prettier-ignore -->): never part of a copy.
      if (/^\s*<!--[\s\S]*-->\s*$/.test(block.text)) break;
      info.key = comparisonKey(block.text);
      info.role = 'exact';
      break;
    case 'thematicBreak':
      info.role = 'gap';
      break;
    default:
      info.role = 'barrier';
  }
  return info;
}

/** A setext "heading" that is really a sentence: it has a Japanese full stop, or is long with sentence punctuation. */
function isSetextSentence(raw: string, text: string): boolean {
  if (raw.trimStart().startsWith('#')) return false;
  return /[。．]/.test(text) || (text.length > 60 && /[！？!?]|\.\s/.test(text));
}

/** Site-generator syntax (Liquid, Hugo shortcodes, DocFX includes, admonitions): not prose. */
const TEMPLATE_SYNTAX = /\{%|\{\{|\[!include|^:::|:::$/im;
const DISPLAY_MATH = /^\s*\$\$[\s\S]*\$\$\s*$/;

/**
 * A paragraph of running text: not only links or images (a link list, a CTA button),
 * not only emphasis (a bold pseudo-heading).
 */
function isRunningText(paragraph: Paragraph): boolean {
  const meaningful = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === '') && child.type !== 'break');
  if (meaningful.length === 0) return false;
  // Links, bare URLs, images, code and embeds (`@[gist](url)`) with at most a stray character around them.
  const outsideLinks = meaningful
    .filter((child) => !['link', 'image', 'linkReference', 'imageReference', 'html'].includes(child.type))
    .map((child) => phrasingText([child]))
    .join('')
    .replaceAll(CODE_PLACEHOLDER, '');
  if (!/\p{L}.*\p{L}/su.test(outsideLinks)) return false;
  if (meaningful.length === 1 && (meaningful[0].type === 'strong' || meaningful[0].type === 'emphasis')) return false;
  return meaningful.some((child: PhrasingContent) => child.type === 'text' || child.type === 'strong' || child.type === 'emphasis' || child.type === 'inlineCode' || child.type === 'link');
}

/** Text of inline content with code and bare URLs replaced by a placeholder word. */
function phrasingText(children: PhrasingContent[]): string {
  let out = '';
  for (const child of children) {
    switch (child.type) {
      case 'text':
        out += child.value.replace(BARE_URL, CODE_PLACEHOLDER);
        break;
      case 'inlineCode':
        out += CODE_PLACEHOLDER;
        break;
      case 'break':
        out += ' ';
        break;
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        break;
      case 'link': {
        const only = child.children.length === 1 && child.children[0].type === 'text' ? child.children[0].value : undefined;
        out += only !== undefined && (only === child.url || only === child.url.replace(/^mailto:/, '')) ? CODE_PLACEHOLDER : phrasingText(child.children);
        break;
      }
      default:
        if ('children' in child) out += phrasingText(child.children as PhrasingContent[]);
    }
  }
  return out;
}

const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>()（）「」]+/g;

/** Stands for inline code and URLs: a word, so it neither ends nor opens a sentence. */
const CODE_PLACEHOLDER = 'code';

/**
 * The text a comparison key is made from: the words, plus the targets of links and
 * images, so two "See the [slides](a.slide)" paragraphs pointing at different slides
 * are different paragraphs.
 */
function keySource(node: Node): string {
  if ('value' in node && typeof node.value === 'string') return node.type === 'html' ? '' : node.value;
  let out = '';
  if ('children' in node && Array.isArray(node.children)) {
    for (const child of node.children as Node[]) out += keySource(child) + (child.type === 'listItem' || child.type === 'paragraph' || child.type === 'tableCell' ? ' ' : '');
  }
  if ((node.type === 'link' || node.type === 'image') && 'url' in node) out += ` ${String(node.url)} `;
  if (node.type === 'image' && 'alt' in node && node.alt) out = `${String(node.alt)}${out}`;
  return out;
}
