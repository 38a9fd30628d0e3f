import type { Node } from 'unist';
import type { Article } from '../article.js';

/** A predicate telling whether a file offset lies inside code (fenced, indented, inline, math). */
export function codeRanges(article: Article): (offset: number) => boolean {
  const ranges = article.memo('codeRanges', () => {
    const found: [number, number][] = [];
    const visit = (node: Node & { children?: Node[] }) => {
      if ((node.type === 'code' || node.type === 'inlineCode' || node.type === 'math' || node.type === 'inlineMath') && node.position) {
        found.push([node.position.start.offset! + article.bodyStart, node.position.end.offset! + article.bodyStart]);
        return;
      }
      if (node.children) for (const child of node.children) visit(child);
    };
    visit(article.root);
    return found;
  });
  return (offset) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid][1] <= offset) lo = mid + 1;
      else if (ranges[mid][0] > offset) hi = mid - 1;
      else return true;
    }
    return false;
  };
}

function isBlank(article: Article, line: number): boolean {
  return article.lines.lineText(line).trim() === '';
}

/**
 * The range that removes whole lines `first..last` (0-based) and the blank line they
 * leave behind, keeping the file's final line break. Blocks around stay separated by
 * exactly the blank lines they had.
 */
export function lineRemoval(article: Article, first: number, last = first): [number, number] {
  const { lines } = article;
  let next = last + 1;
  while (next < lines.lineCount && isBlank(article, next)) next++;
  if (next >= lines.lineCount) {
    // Nothing follows: remove from the end of the previous content line.
    let previous = first - 1;
    while (previous >= 0 && isBlank(article, previous) && lines.startOf(previous) >= article.bodyStart) previous--;
    if (previous < 0 || lines.startOf(previous) < article.bodyStart) return [lines.startOf(first), lines.endOf(last)];
    // The previous line keeps its own line break (files may mix CRLF and LF); ours goes.
    if (last + 1 < lines.lineCount) return [lines.startOf(previous + 1), lines.startOf(last + 1)];
    return [lines.endOf(previous), lines.endOf(last)];
  }
  const previousBlank = first === 0 || isBlank(article, first - 1) || lines.startOf(first) === article.bodyStart;
  // Between blocks: take the lines and the blank lines after them when a blank line
  // already separates us from the block before.
  return [lines.startOf(first), previousBlank ? lines.startOf(next) : lines.startOf(last + 1)];
}

/** The range that removes top-level blocks `first..last` with their separating blank lines. */
export function blockRemoval(article: Article, first: number, last = first): [number, number] {
  const { lines, blocks } = article;
  return lineRemoval(article, lines.lineOf(blocks[first].start), lines.lineOf(Math.max(blocks[last].start, blocks[last].end - 1)));
}
