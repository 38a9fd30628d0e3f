import { parseMarkdown } from './markdown.js';
import { toString } from 'mdast-util-to-string';
import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { LineIndex } from './text/lines.js';
import { readFrontMatter, type FrontMatter } from './front-matter.js';

/** A top-level block of the body, with offsets into the whole file. */
export interface Block {
  index: number;
  /** The mdast node type: paragraph, heading, list, code, html, table, ... */
  type: RootContent['type'];
  node: RootContent;
  start: number;
  end: number;
  /** Plain text of the block (inline syntax removed). */
  text: string;
  /** A paragraph set apart from the end of a list's last item (see trailingParagraph). */
  continuesList?: boolean;
}

/** One parsed file: every rule reads the same Article. */
export interface Article {
  filePath: string;
  /** The file text, BOM removed, line endings as in the file. */
  text: string;
  bom: boolean;
  lines: LineIndex;
  frontMatter: FrontMatter | null;
  /** Offset where the Markdown body starts (after the front matter). */
  bodyStart: number;
  root: Root;
  blocks: Block[];
  /** Why the body was not parsed (hostile nesting), when it was not. */
  unparsed?: string;
  /** Results of analyses shared by several rules, computed once per article. */
  memo<T>(key: string, compute: () => T): T;
}


export function parseArticle(source: string, filePath = '<text>'): Article {
  const bom = source.charCodeAt(0) === 0xfeff;
  const text = bom ? source.slice(1) : source;
  const lines = new LineIndex(text);
  const frontMatter = readFrontMatter(text, lines);
  const bodyStart = frontMatter ? frontMatter.end : 0;
  const body = text.slice(bodyStart);
  const depth = nestingDepth(body);
  // Markdown parsers recurse per nesting level: thousands of `>` or list levels overflow
  // the stack or take minutes. Such a body is refused, not parsed.
  const unparsed = depth > MAX_NESTING ? `the body is nested ${depth} levels deep (limit ${MAX_NESTING}); not parsed, only the front matter was checked` : undefined;
  const root: Root = unparsed ? { type: 'root', children: [] } : parseMarkdown(body);
  const blocks: Block[] = [];
  for (const node of root.children) {
    const start = (node.position?.start.offset ?? 0) + bodyStart;
    const end = (node.position?.end.offset ?? 0) + bodyStart;
    const trailing = node.type === 'list' ? trailingParagraph(node) : undefined;
    if (trailing) {
      // The last item's last paragraph, set apart from the item by a blank line: a block
      // of its own, so that it is compared as a paragraph (a paragraph pasted indented
      // after a list lands there, and a step's explanation is written there).
      const [list, paragraph] = trailing;
      const [listEnd, paragraphStart, paragraphEnd] = [list.position?.end.offset, paragraph.position?.start.offset, paragraph.position?.end.offset].map((offset) => (offset ?? 0) + bodyStart);
      blocks.push({ index: blocks.length, type: 'list', node: list, start, end: listEnd, text: blockText(list) });
      blocks.push({ index: blocks.length, type: 'paragraph', node: paragraph, start: paragraphStart, end: paragraphEnd, text: blockText(paragraph), continuesList: true });
      continue;
    }
    const swallowed = node.type === 'paragraph' ? swallowedDefinitions(text, start, end) : [];
    if (swallowed.length === 0) {
      blocks.push({ index: blocks.length, type: node.type, node, start, end, text: blockText(node) });
      continue;
    }
    // A paragraph that ran into link reference definitions (text pasted right above
    // `[label]: url` lines, with no blank line between): the definitions are blocks of
    // their own, as they were before the text came.
    const paragraphEnd = start + text.slice(start, swallowed[0].start).trimEnd().length;
    const paragraph = paragraphUpTo(node as Paragraph, text.slice(bodyStart), swallowed[0].start - bodyStart, positionOf(lines, start, paragraphEnd, bodyStart));
    blocks.push({ index: blocks.length, type: 'paragraph', node: paragraph, start, end: paragraphEnd, text: blockText(paragraph) });
    for (const line of swallowed) {
      const definition = { ...line.node, position: positionOf(lines, line.start, line.end, bodyStart) } as RootContent;
      blocks.push({ index: blocks.length, type: 'definition', node: definition, start: line.start, end: line.end, text: '' });
    }
  }
  const cache = new Map<string, unknown>();
  return {
    filePath,
    text,
    bom,
    lines,
    frontMatter,
    bodyStart,
    root,
    blocks,
    unparsed,
    memo<T>(key: string, compute: () => T): T {
      if (!cache.has(key)) cache.set(key, compute());
      return cache.get(key) as T;
    },
  };
}

function blockText(node: RootContent): string {
  if (node.type === 'html' || node.type === 'code' || node.type === 'yaml') return node.value;
  return toString(node, { includeHtml: false });
}

const MAX_DEFINITION_LINE = 2000;

/** A link reference definition on a line of its own: `[label]: url "title"`. */
// The target must look like one (a scheme, a path or a fragment): `[EDIT]: confirmed` is text,
// and read as a definition it would vanish from the page once a fix leaves it alone.
const DEFINITION_LINE = /^ {0,3}\[((?:[^\]\\\n]|\\.){1,999})\]:[ \t]*<?((?:[A-Za-z][A-Za-z0-9+.-]*:|\.{0,2}\/|#)[^\s<>]*)>?(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$/;

interface DefinitionLine {
  start: number;
  end: number;
  node: { type: 'definition'; identifier: string; label: string; url: string; title: null };
}

/**
 * The paragraph's trailing run of link-reference-definition lines, in order: none when
 * there is none, or when the paragraph is nothing but definitions (then it swallowed
 * nothing). Bounded: only the paragraph's own lines are read, each at most once.
 */
function swallowedDefinitions(text: string, start: number, end: number): DefinitionLine[] {
  const found: DefinitionLine[] = [];
  let at = end;
  while (at > start) {
    const from = Math.max(text.lastIndexOf('\n', at - 1) + 1, start);
    const line = text.slice(from, at).replace(/\r$/, '');
    // A definition is one short line: a longer one is text (and not worth a regex).
    const match = at - from <= MAX_DEFINITION_LINE ? DEFINITION_LINE.exec(line) : null;
    if (!match) break;
    found.push({ start: from, end: from + line.length, node: { type: 'definition', identifier: match[1].toLowerCase(), label: match[1], url: match[2], title: null } });
    at = from - 1;
  }
  return found.length > 0 && found[found.length - 1].start > start ? found.reverse() : [];
}

function positionOf(lines: LineIndex, start: number, end: number, bodyStart: number) {
  const [a, b] = [lines.position(start), lines.position(end)];
  return { start: { ...a, offset: start - bodyStart }, end: { ...b, offset: end - bodyStart } };
}

/** The paragraph's inline content up to `limit` (a body offset), its position cut there. */
function paragraphUpTo(node: Paragraph, body: string, limit: number, position: Paragraph['position']): Paragraph {
  const children: PhrasingContent[] = [];
  for (const child of node.children) {
    const from = child.position?.start.offset ?? 0;
    const to = child.position?.end.offset ?? 0;
    if (from >= limit) break;
    if (to <= limit) children.push(child);
    else if (child.type === 'text') {
      // Cut by lines, not characters: the value is decoded (`&amp;`, `\*`, indentation
      // taken off), but its line breaks are the source's. Keep the lines before `limit`.
      const lines = body.slice(from, limit).split('\n').length - 1;
      children.push({ ...child, value: child.value.split('\n').slice(0, lines).join('\n') });
    }
  }
  const last = children.at(-1);
  if (last?.type === 'text') children[children.length - 1] = { ...last, value: last.value.replace(/\s+$/, '') };
  return { ...node, children, position };
}

/**
 * A top-level list whose last item is its text and one paragraph after it (two
 * paragraphs, so a blank line between them): the list without that paragraph, and the
 * paragraph. An item that holds more (code, a table, a nested list, more paragraphs)
 * keeps it: after code a paragraph is a note on that code, the step's own (split there, a
 * warning said under a table and again under a step's command was reported in the
 * corpus). Lists inside block quotes are not split.
 */
function trailingParagraph(list: List): [List, Paragraph] | undefined {
  const item = list.children.at(-1);
  if (item?.children.length !== 2) return undefined;
  const [before, paragraph] = item.children;
  if (before.type !== 'paragraph' || paragraph.type !== 'paragraph' || !before.position || !paragraph.position) return undefined;
  const shortened: ListItem = { ...item, children: item.children.slice(0, -1), position: item.position && { start: item.position.start, end: before.position.end } };
  return [{ ...list, children: [...list.children.slice(0, -1), shortened], position: list.position && { start: list.position.start, end: before.position.end } }, paragraph];
}

/** Offset range of an mdast node in the whole file. */
export function nodeRange(article: Article, node: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] {
  return [
    (node.position?.start.offset ?? 0) + article.bodyStart,
    (node.position?.end.offset ?? 0) + article.bodyStart,
  ];
}

/** Deepest nesting of block quotes and list indentation in `body` (a cheap line scan). */
export const MAX_NESTING = 100;

function nestingDepth(body: string): number {
  let deepest = 0;
  for (const match of body.matchAll(/^([ \t>]*)/gm)) {
    const prefix = match[1];
    if (prefix.length <= MAX_NESTING) continue;
    let quotes = 0;
    let indent = 0;
    for (const c of prefix) {
      if (c === '>') quotes++;
      else indent += c === '\t' ? 4 : 1;
    }
    deepest = Math.max(deepest, quotes + Math.floor(indent / 2));
  }
  return deepest;
}
