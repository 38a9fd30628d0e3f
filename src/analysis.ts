import type { Paragraph, PhrasingContent } from 'mdast';
import type { Article, Block } from './article.js';
import { comparisonKey } from './text/normalize.js';
import { isMarkerText, markerMatcher, stripTrailingMarkers, type MarkerMatcher } from './text/markers.js';
import { findRepeatedBlocks, type BlockRole, type RepeatAnalysis, type RepeatThresholds } from './text/repeats.js';
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

/** Analyses shared by several rules, memoised on the article. */
export function blockInfos(article: Article, matcher?: MarkerMatcher): BlockInfo[] {
  return article.memo('blockInfos', () => article.blocks.map((block) => describeBlock(block, matcher ?? markerMatcher())));
}

export function repeatAnalysis(article: Article, thresholds: RepeatThresholds): RepeatAnalysis {
  return article.memo(`repeats:${JSON.stringify(thresholds)}`, () =>
    findRepeatedBlocks(
      blockInfos(article).map((info) => ({ key: info.key, role: info.role, finished: info.ending === 'finished' })),
      thresholds,
    ),
  );
}

function describeBlock(block: Block, matcher: MarkerMatcher): BlockInfo {
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
      const paragraph = block.node as Paragraph;
      info.key = comparisonKey(text);
      info.prose = isRunningText(paragraph) && info.key.length > 0;
      info.role = info.prose ? 'prose' : 'exact';
      break;
    }
    case 'heading':
    case 'list':
    case 'table':
    case 'blockquote':
    case 'code':
      info.key = comparisonKey(block.type === 'code' ? block.text : text);
      info.role = 'exact';
      break;
    case 'html':
      info.role = /^\s*<!--[\s\S]*-->\s*$/.test(block.text) ? 'gap' : 'exact';
      info.key = info.role === 'exact' ? comparisonKey(block.text) : '';
      break;
    case 'thematicBreak':
    case 'definition':
      info.role = 'gap';
      break;
    default:
      info.role = 'barrier';
  }
  return info;
}

/**
 * A paragraph of running text: not only links or images (a link list, a CTA button),
 * not only emphasis (a bold pseudo-heading).
 */
function isRunningText(paragraph: Paragraph): boolean {
  const meaningful = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === '') && child.type !== 'break');
  if (meaningful.length === 0) return false;
  if (meaningful.every((child) => child.type === 'link' || child.type === 'image' || child.type === 'linkReference' || child.type === 'imageReference' || child.type === 'html')) return false;
  if (meaningful.length === 1 && (meaningful[0].type === 'strong' || meaningful[0].type === 'emphasis')) return false;
  return meaningful.some((child: PhrasingContent) => child.type === 'text' || child.type === 'strong' || child.type === 'emphasis' || child.type === 'inlineCode' || child.type === 'link');
}

/** Text of inline content with code and bare URLs replaced by a placeholder word. */
function phrasingText(children: PhrasingContent[]): string {
  let out = '';
  for (const child of children) {
    switch (child.type) {
      case 'text':
        out += child.value;
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

/** Stands for inline code and URLs: a word, so it neither ends nor opens a sentence. */
const CODE_PLACEHOLDER = 'code';
