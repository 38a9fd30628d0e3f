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
  /** Results of analyses shared by several rules, computed once per article. */
  memo<T>(key: string, compute: () => T): T;
}


export function parseArticle(source: string, filePath = '<text>'): Article {
  const bom = source.charCodeAt(0) === 0xfeff;
  const text = bom ? source.slice(1) : source;
  const lines = new LineIndex(text);
  const frontMatter = readFrontMatter(text, lines);
  const bodyStart = frontMatter ? frontMatter.end : 0;
  const root = parseMarkdown(text.slice(bodyStart));
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
