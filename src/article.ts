import { parseMarkdown } from './markdown.js';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';
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
    blocks.push({ index: blocks.length, type: node.type, node, start, end, text: blockText(node) });
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
