import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';

/**
 * The GFM syntax that changes which blocks an article has: tables (rows are not
 * prose), footnote definitions, strikethrough. remark-gfm would also add autolink
 * literals, which cost about 15% of parse time on the corpus and change nothing a rule
 * needs (bare URLs are recognised in the text).
 */
function gfmBlocks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown());
}

const parser = unified().use(remarkParse).use(gfmBlocks);

export function parseMarkdown(text: string): Root {
  return parser.parse(text);
}
