import type { Paragraph, PhrasingContent } from 'mdast';
import type { Node } from 'unist';
import type { Article, Block } from './article.js';
import { comparisonKey } from './text/normalize.js';
import { isMarkerText, markerMatcher, maskStrikeClosers, stripTrailingMarkers, type MarkerMatcher } from './text/markers.js';
import { codeRanges } from './text/ranges.js';
import { inTabContainers } from './text/containers.js';
import type { BlockRole } from './text/repeats.js';
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
  /** A paragraph of site-generator syntax (`{{ end }}`, `{% include %}`, `:::note`). */
  template?: boolean;
  /** Plain text with trailing end markers removed. */
  text: string;
  /**
   * The same text with inline code, autolinked URLs and HTML replaced by a neutral
   * word: what bracket and sentence-end checks read (code has its own brackets).
   */
  proseText: string;
  ending: Ending;
}


/**
 * What each top-level block is, memoised on the article: shared by every rule that reads
 * blocks. `markerPatterns` are the end-marker rule's extra patterns, so a configured
 * marker is set aside everywhere, not only where that rule looks.
 */
export function blockInfos(article: Article, markerPatterns: readonly string[] = []): BlockInfo[] {
  return article.memo(`blockInfos:${JSON.stringify(markerPatterns)}`, () => {
    const matcher = markerMatcher(markerPatterns);
    // A `</s>` closing an HTML `<s>` opened in an earlier block is strike-through, not a marker.
    const inCode = codeRanges(article);
    const masked = maskStrikeClosers(article.text, (offset) => offset < article.bodyStart || inCode(offset));
    const infos = article.blocks.map((block) => describeBlock(block, matcher, article.text.slice(block.start, block.end), masked.slice(block.start, block.end)));
    // Tab panes repeat their text from pane to pane by design: not compared for copies.
    const panes = inTabContainers(
      article.blocks.map((block) => ({
        raw: article.text.slice(block.start, block.end),
        code: block.type === 'code',
        indented: block.type === 'code' && !/^\s*(?:```|~~~)/.test(article.text.slice(block.start, block.end)),
      })),
    );
    panes.forEach((inside, i) => {
      if (inside && infos[i].role !== 'gap') infos[i].role = 'barrier';
    });
    return infos;
  });
}

/** A line that introduces what follows ("For example:", "手順は次のとおりです："): complete as it is. */
export function isLeadIn(info: BlockInfo): boolean {
  return /[:：]\s*$/.test(info.proseText);
}

function describeBlock(block: Block, matcher: MarkerMatcher, raw: string, maskedRaw: string): BlockInfo {
  const text = stripTrailingMarkers(block.text, matcher);
  const marker = (block.type === 'paragraph' || block.type === 'html') && isMarkerText(block.text, matcher) && (block.type !== 'html' || isMarkerText(maskedRaw, matcher));
  const proseText = block.type === 'paragraph' ? stripTrailingMarkers(phrasingText((block.node as Paragraph).children), matcher) : text;
  const info: BlockInfo = { block, role: 'barrier', key: '', marker, prose: false, text, proseText, ending: sentenceEnding(proseText.trimEnd()) };
  if (marker) {
    info.role = 'gap';
    return info;
  }
  switch (block.type) {
    case 'paragraph': {
      // Template syntax ({% ... %}, {{< ... >}}) loses its meaning without punctuation,
      // and display math (`$$ ... $$`) is a formula: compared as written, never as prose.
      if (TEMPLATE_SYNTAX.test(block.text) || DISPLAY_MATH.test(raw)) {
        info.key = block.text.replace(/\s+/g, ' ').trim();
        info.role = 'exact';
        info.template = TEMPLATE_SYNTAX.test(block.text);
        break;
      }
      info.key = comparisonKey(stripTrailingMarkers(keySource(block.node), matcher).replace(CUT_MARKUP, ']'));
      info.prose = isRunningText(block.node as Paragraph) && info.key.length > 0;
      info.role = info.prose ? 'prose' : 'exact';
      break;
    }
    case 'heading':
      // A heading's id ("## 次のステップ {#next-steps-1}", or react.dev's MDX comment form)
      // is an anchor, not its text: two headings with the same text are the same heading.
      // Trimmed first: a leading \s* in the pattern would be quadratic on a run of spaces.
      info.key = comparisonKey(keySource(block.node).trimEnd().replace(HEADING_ID, ''));
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
      info.key = comparisonKey(block.text);
      // A comment (<!-- more -->, a directive) is compared as written and never reported
      // on its own, but a verbatim copy of it goes with a re-emitted section.
      info.role = info.key === '' ? 'gap' : 'exact';
      break;
    case 'definition':
    case 'footnoteDefinition':
      // A link reference or footnote definition copied with its section goes with it.
      info.key = raw.replace(/\s+/g, ' ').trim();
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
 * not a short line in bold (a pseudo-heading).
 */
function isRunningText(paragraph: Paragraph): boolean {
  const meaningful = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === '') && child.type !== 'break');
  if (meaningful.length === 0) return false;
  // One inline HTML element around its text (`<a class="twitter-timeline" …>Tweets</a>`): an embed.
  const first = meaningful[0];
  const last = meaningful[meaningful.length - 1];
  if (meaningful.length > 1 && first.type === 'html' && last.type === 'html' && /^<[a-z]/i.test(first.value) && /^<\//.test(last.value)) return false;
  // Links, bare URLs, images, code and embeds (`@[gist](url)`) with at most a stray character around them.
  const outsideLinks = meaningful
    .filter((child) => !['link', 'image', 'linkReference', 'imageReference', 'html'].includes(child.type))
    .map((child) => phrasingText([child]))
    .join('')
    .replaceAll(CODE_PLACEHOLDER, '');
  if (!/\p{L}.*\p{L}/su.test(outsideLinks)) return false;
  // A bold line is a pseudo-heading; a whole sentence in bold or italics (a lead, an author's note) is text.
  if (meaningful.length === 1 && (meaningful[0].type === 'strong' || meaningful[0].type === 'emphasis')) {
    const text = phrasingText([meaningful[0]]).trim();
    return text.length >= 30 && sentenceEnding(text) === 'finished';
  }
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

/**
 * Markup cut off at a paragraph's end is text to the parser: an HTML tag (`…はありません。<a
 * href="ht`, `…<span`) or a reference link's label (`[プレビュー チャネル][MicrosoftEd`).
 * Whole tags and labels are left out of keys, so their remains are too, and the cut copy
 * still reads as the start of its source. A tag's remains are a name alone or a name and
 * attributes (an `=` after it): `a<b holds for the first row` is text.
 */
const CUT_MARKUP = /(?:<\/?[A-Za-z][\w-]*(?:\s[^<>=]*=[^<>]*)?|\]\[[^[\]]*)$/;
/** A trailing heading id: kramdown/Hugo `{#id}` or `{: #id}`, or an MDX comment holding it (react.dev). */
// (Markdown reads the comment's asterisks as emphasis, so the key may hold `{/id/}`.)
const HEADING_ID = /(?:\{#[^{}]*\}|\{:[^{}]*\}|\{\/\*?[^{}]*?\*?\/\})$/;

/** Stands for inline code and URLs: a word, so it neither ends nor opens a sentence. */
export const CODE_PLACEHOLDER = 'code';

/**
 * The label part of a reference link left as text: `][label]` in `[words][label]`. A label
 * holds a letter: `[1][2]` is two citation marks, and their numbers are text.
 */
const UNRESOLVED_LABEL = /\]\[(?=[^[\]\n]*\p{L})[^[\]\n]*\]/gu;

/** Links in a node, inline or by reference (a reference whose label has no definition is text, not a link). */
export function linkCount(node: unknown): number {
  const { type, children } = node as { type: string; children?: unknown[] };
  return (type === 'link' || type === 'linkReference' ? 1 : 0) + (children ?? []).reduce((n: number, child) => n + linkCount(child), 0);
}

/** The targets of a block's links and images (`[a](x)`, `![b](y.png)`), in order. */
export function linkTargets(node: unknown): string[] {
  type Inline = { type: string; url?: string; children?: Inline[] };
  const targets: string[] = [];
  const stack: Inline[] = [node as Inline];
  while (stack.length > 0) {
    const { type, url, children } = stack.pop()!;
    if ((type === 'link' || type === 'image') && url !== undefined) targets.push(url);
    for (let i = (children?.length ?? 0) - 1; i >= 0; i--) stack.push(children![i]);
  }
  return targets;
}

/**
 * The text a comparison key is made from: the words, plus the targets of links and
 * images, so two "See the [slides](a.slide)" paragraphs pointing at different slides
 * are different paragraphs.
 */
function keySource(node: Node): string {
  // A reference link whose label has no definition stays text (`[words][label]`): its label
  // is an identifier, left out as a resolved reference's is.
  if (node.type === 'text' && 'value' in node && typeof node.value === 'string') return node.value.replace(UNRESOLVED_LABEL, ']');
  if ('value' in node && typeof node.value === 'string') return node.type === 'html' ? '' : node.value;
  let out = '';
  if ('children' in node && Array.isArray(node.children)) {
    for (const child of node.children as Node[]) out += keySource(child) + (child.type === 'listItem' || child.type === 'paragraph' || child.type === 'tableCell' ? ' ' : '');
  }
  if ((node.type === 'link' || node.type === 'image') && 'url' in node) out += ` ${String(node.url)} `;
  if (node.type === 'image' && 'alt' in node && node.alt) out = `${String(node.alt)}${out}`;
  return out;
}
