// A deliberately simple split of a Markdown article into top-level blocks, for the
// measurement scripts: they must not depend on the parser they are measuring. Blocks are
// separated by blank lines; a fenced code block, an ATX heading, an HTML comment and
// display math are blocks of their own. Each block is { kind, start, end, raw } with
// offsets into the text (`end` is the end of its last line, without the line break).
// Kinds: front-matter, heading, paragraph, list, code, table, quote, html, comment,
// linkdef, footnote, math, template.

/** Lines with their offsets. */
function linesOf(text) {
  const lines = [];
  let start = 0;
  for (const line of text.split('\n')) {
    lines.push({ start, end: start + line.length, text: line });
    start += line.length + 1;
  }
  return lines;
}

/** Index of the first body line: after YAML (---) or TOML (+++) front matter, if closed. */
function bodyStart(lines) {
  const open = lines[0]?.text.replace(/^\uFEFF/, '').trimEnd();
  if (open !== '---' && open !== '+++') return 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].text.trimEnd();
    if (line === open || (open === '---' && line === '...')) return i + 1;
  }
  return 0;
}

const isBlank = (line) => line.trim() === '';
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/** Index after the last line of a block that starts at `i` and ends at a closing line. */
function closingLine(lines, i, closes) {
  let j = i + 1;
  while (j < lines.length && !closes(lines[j].text)) j++;
  return Math.min(j + 1, lines.length);
}

/** Lines up to a blank line, a heading or a fence. */
function paragraphEnd(lines, i) {
  let j = i + 1;
  while (j < lines.length && !isBlank(lines[j].text) && !ATX_HEADING.test(lines[j].text) && !FENCE.test(lines[j].text)) j++;
  return j;
}

function classify(first, second) {
  if (/^ {0,3}([-*+]|\d{1,9}[.)])[ \t]/.test(first)) return 'list';
  if (/^( {4}|\t)/.test(first)) return 'code';
  if (/^ {0,3}>/.test(first)) return 'quote';
  if (/^\s*\|/.test(first) || (second !== undefined && /^\s*\|?\s*:?-{3,}:?\s*\|/.test(second))) return 'table';
  if (/^ {0,3}\[\^[^\]]+\]:/.test(first)) return 'footnote';
  if (/^ {0,3}\[[^\]]+\]:\s*\S/.test(first)) return 'linkdef';
  if (/^ {0,3}</.test(first)) return 'html';
  if (/^\s*(\{%|\{\{|:::)/.test(first)) return 'template';
  if (second !== undefined && /^ {0,3}(=+|-+)\s*$/.test(second)) return 'heading';
  return 'paragraph';
}

export function splitBlocks(text) {
  const lines = linesOf(text);
  const blocks = [];
  const push = (kind, from, to) => blocks.push({ kind, start: lines[from].start, end: lines[to - 1].end, raw: text.slice(lines[from].start, lines[to - 1].end) });
  let i = bodyStart(lines);
  if (i > 0) push('front-matter', 0, i);
  while (i < lines.length) {
    const line = lines[i].text;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const from = i;
    const fence = FENCE.exec(line);
    let kind;
    if (fence) {
      kind = 'code';
      const closer = new RegExp(`^ {0,3}${fence[1][0] === '`' ? '`' : '~'}{${fence[1].length},}\\s*$`);
      i = closingLine(lines, i, (l) => closer.test(l));
    } else if (ATX_HEADING.test(line)) {
      kind = 'heading';
      i++;
    } else if (/^ {0,3}<!--/.test(line)) {
      kind = 'comment';
      i = line.includes('-->') ? i + 1 : closingLine(lines, i, (l) => l.includes('-->'));
    } else if (/^ {0,3}\$\$/.test(line)) {
      kind = 'math';
      i = line.trim().length > 2 && line.trim().endsWith('$$') ? i + 1 : closingLine(lines, i, (l) => l.trim().endsWith('$$'));
    } else {
      i = paragraphEnd(lines, i);
      kind = classify(line, i - from > 1 ? lines[from + 1].text : undefined);
    }
    push(kind, from, i);
  }
  return blocks;
}

/** Whether the text ends a sentence: 。．！？.!? possibly followed by closing quotes, brackets or emphasis. */
export function endsSentence(raw) {
  return /[。．！？.!?][」』）)"'”’*_]*$/.test(raw.trimEnd());
}

/** What a reader sees of inline Markdown, roughly: link targets and markup characters dropped. */
export function visibleText(raw) {
  return raw
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>\n]*>/g, '')
    .replace(/[[\]*_`]/g, '')
    .trim();
}

/** A paragraph of running text that is finished (ends a sentence), not a lone link or image line. */
export function isFinishedProse(block) {
  if (block.kind !== 'paragraph') return false;
  const raw = block.raw.trim();
  if (/^!?\[[^\]]*\]\([^)]*\)$/.test(raw) || /^https?:\/\/\S+$/.test(raw)) return false;
  if (/\{%|\{\{|<\|/.test(raw)) return false;
  return endsSentence(raw);
}
