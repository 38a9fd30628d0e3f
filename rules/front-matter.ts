import { diffChars } from 'diff';
import type { Heading } from 'mdast';
import { codeRanges } from '../src/text/ranges.js';
import type { Rule, RuleContext } from '../src/types.js';
import type { Article } from '../src/article.js';
import { comparisonKey } from '../src/text/normalize.js';
import { isDateValue } from '../src/text/dates.js';

export interface FrontMatterOptions {
  /** Fields that must be present and non-empty. A first-level heading counts as `title`. */
  required: string[];
  /** Fields whose value must be a date. */
  dateFields: string[];
}

/** A front-matter field's name (`title`, `ms.date`, `last-modified`), not a line of text read as a key. */
const FIELD_NAME = /^[\w.-]+$/;

export const frontMatter: Rule<FrontMatterOptions> = {
  meta: {
    id: 'front-matter',
    description: 'Front matter missing, unclosed, not at the top, invalid YAML, duplicate keys, missing fields, bad dates, corrupted title',
    severity: 'error',
    docs: 'rules/front-matter.md',
    messages: {
      missing: 'No front matter.',
      scrapedHeader: 'No front matter: line 1 looks like a scraped header ("{text}") standing in its place.',
      notAtTop: 'Front matter must start on line 1 (it starts on line {line}).',
      secondBlock: 'A second front-matter block starts on line {line}: only the first one is read (pasted from another article?).',
      unclosed: 'Front matter opened on line 1 is not closed (expected "{delimiter}").',
      syntax: 'Invalid {format} in front matter: {detail}.',
      duplicateKey: 'Duplicate key "{key}" in front matter.',
      language: 'Front matter refused: {detail}.',
      tooLarge: 'Front matter not read: {detail}.',
      required: 'Required field "{field}" is missing from front matter.',
      empty: 'Required field "{field}" is empty.',
      badDate: 'Field "{field}" is not a date: "{value}".',
      titleMismatch: 'Title "{title}" nearly matches the first heading "{heading}" but differs: a corrupted title?',
    },
    defaults: {
      required: ['title'],
      dateFields: ['date', 'lastmod', 'updated', 'publishDate', 'pubDate', 'expiryDate', 'modified'],
    },
  },
  check(article, context) {
    const fm = article.frontMatter;
    if (!fm) {
      reportMissing(article, context);
      return;
    }
    const firstLineEnd = article.lines.endOf(0);
    if (!fm.closed) {
      context.report({ messageId: 'unclosed', data: { delimiter: fm.format === 'toml' && !fm.language ? '+++' : '---' }, start: 0, end: firstLineEnd });
    }
    // Like a compiler, report the first syntax error: the parser's later ones mostly follow
    // from it (a missing closing quote makes the next line an "implicit key").
    let syntaxReported = false;
    for (const problem of fm.problems) {
      const at = { start: problem.start, end: problem.end };
      if (problem.kind === 'duplicate-key') {
        // In an unclosed block the body's lines were read as keys (`> 原文 : https://…` in a
        // blockquote twice): the unclosed block is the problem to report. A field's name
        // said twice (`title`) is still one.
        if (fm.closed || FIELD_NAME.test(problem.message)) context.report({ messageId: 'duplicateKey', data: { key: problem.message }, ...at });
      } else if (problem.kind === 'language') {
        context.report({ messageId: 'language', data: { detail: problem.message }, ...at });
      } else if (problem.kind === 'too-large') {
        context.report({ messageId: 'tooLarge', data: { detail: problem.message }, ...at });
      } else {
        // An unclosed block fails to parse because the body was read as YAML: say it once.
        // An unsupported tag is reported wherever it stands; it is not a parse error.
        const tag = problem.message.startsWith('unsupported tag');
        if (!fm.closed || (syntaxReported && !tag)) continue;
        if (!tag) syntaxReported = true;
        context.report({ messageId: 'syntax', data: { format: fm.format.toUpperCase(), detail: problem.message }, ...at });
      }
    }
    const second = fm.closed ? findFrontMatterBlock(article, article.lines.lineOf(article.bodyStart), article.lines.lineCount) : undefined;
    if (second !== undefined) {
      context.report({ messageId: 'secondBlock', data: { line: second + 1 }, start: article.lines.startOf(second), end: article.lines.endOf(second) });
    }
    if (fm.data === null) return;
    const data = fm.data;
    const heading = firstHeading(article);
    for (const field of context.options.required) {
      const location = fm.fields.get(field);
      if (!(field in data)) {
        if (field === 'title' && heading) continue;
        context.report({ messageId: 'required', data: { field }, start: 0, end: firstLineEnd });
      } else if (isEmpty(data[field]) && !(field === 'title' && heading)) {
        context.report({ messageId: 'empty', data: { field }, start: location?.keyStart ?? 0, end: location?.valueEnd ?? firstLineEnd });
      }
    }
    for (const field of context.options.dateFields) {
      if (!(field in data) || data[field] === null || data[field] === '') continue;
      if (isDateValue(data[field])) continue;
      const location = fm.fields.get(field);
      context.report({
        messageId: 'badDate',
        data: { field, value: String(data[field]).slice(0, 60) },
        start: location?.valueStart ?? 0,
        end: location?.valueEnd ?? firstLineEnd,
      });
    }
    const title = data.title;
    if (typeof title === 'string' && heading && isCorruptedCopy(comparisonKey(title), comparisonKey(heading.text))) {
      const location = fm.fields.get('title');
      context.report({
        messageId: 'titleMismatch',
        data: { title: clip(title), heading: clip(heading.text) },
        start: location?.valueStart ?? 0,
        end: location?.valueEnd ?? firstLineEnd,
        related: { start: heading.start, end: heading.end },
      });
    }
  },
};

/**
 * A title that is the heading with characters dropped or changed in two or more
 * places (a bad search-and-replace, a lossy scrape). A title that adds or drops a whole
 * word ("Puppeteer" / "Puppeteer の概要") is an editorial choice, not corruption.
 */
function isCorruptedCopy(title: string, heading: string): boolean {
  if (title === heading || title.length < 4 || heading.length < 4) return false;
  const edits = diffChars(heading, title).filter((part) => part.added || part.removed);
  const changed = edits.reduce((n, part) => n + part.value.length, 0);
  // Damage drops characters or garbles them (U+FFFD, ?); a title that also has words the
  // heading lacks ("での…の処理" / "で…を処理する") was written, or translated, apart.
  const lostOrGarbled = edits.every((part) => part.removed || /^[\uFFFD?？□〓]+$/.test(part.value));
  return lostOrGarbled && edits.length >= 2 && edits.every((part) => part.value.length <= 2) && changed <= Math.max(2, heading.length * 0.2);
}

function reportMissing(article: Article, context: RuleContext<FrontMatterOptions>): void {
  const { lines } = article;
  const misplaced = findMisplacedFrontMatter(article);
  if (misplaced !== undefined) {
    context.report({ messageId: 'notAtTop', data: { line: misplaced + 1 }, start: lines.startOf(misplaced), end: lines.endOf(misplaced) });
    return;
  }
  let first = 0;
  while (first < lines.lineCount - 1 && lines.lineText(first).trim() === '') first++;
  const text = lines.lineText(first).trim();
  if (looksLikeScrapedHeader(text)) {
    context.report({ messageId: 'scrapedHeader', data: { text: clip(text) }, start: lines.startOf(first), end: lines.endOf(first) });
    return;
  }
  context.report({ messageId: 'missing', start: 0, end: lines.endOf(0) });
}

/** A `---` / `key: value` / `---` block a few lines down: front matter pushed off the top. */
function findMisplacedFrontMatter(article: Article): number | undefined {
  const { lines } = article;
  const limit = Math.min(lines.lineCount - 2, 20);
  for (let line = 1; line < limit; line++) {
    if (lines.lineText(line).trimEnd() !== '---') continue;
    if (!/^[A-Za-z_][\w-]*:(\s|$)/.test(lines.lineText(line + 1))) continue;
    for (let end = line + 2; end < Math.min(lines.lineCount, line + 60); end++) {
      if (lines.lineText(end).trimEnd() === '---') return line;
    }
  }
  return undefined;
}

const YAML_KEY_LINE = /^[A-Za-z_][\w-]*:(\s|$)/;

/**
 * A front-matter block inside the body (another article's header pasted in): `---`,
 * then only `key: value` lines (two or more, indented continuations allowed), then
 * `---`. Code blocks are skipped: a YAML example there is content.
 */
function findFrontMatterBlock(article: Article, from: number, to: number): number | undefined {
  const { lines } = article;
  const inCode = codeRanges(article);
  for (let line = from; line < to - 3; line++) {
    if (lines.lineText(line).trimEnd() !== '---' || inCode(lines.startOf(line))) continue;
    let keys = 0;
    let end = line + 1;
    for (; end < Math.min(to, line + 40); end++) {
      const text = lines.lineText(end);
      if (YAML_KEY_LINE.test(text)) keys++;
      else if (!/^\s+\S/.test(text) || keys === 0) break;
    }
    if (keys >= 2 && end < to && lines.lineText(end).trimEnd() === '---') return line;
  }
  return undefined;
}

/**
 * A header line a scraper left where front matter belongs: a bare date or byline,
 * a breadcrumb, or "Site | Section" navigation.
 */
export function looksLikeScrapedHeader(text: string): boolean {
  if (text === '' || text.length > 160 || /[。.!?！？]$/.test(text)) return false;
  if (/^(date|posted|published|updated|author|by|投稿日|公開日|更新日|日付|作成日)\b/i.test(text)) return true;
  if (/(\d{4}[-/.]\d{1,2}|\d{4}年\d{1,2}月)/.test(text) && !/^#/.test(text)) return true;
  return (text.match(/\s[>›»|｜]\s/g) ?? []).length >= 2;
}

function firstHeading(article: Article): { text: string; start: number; end: number } | undefined {
  for (const block of article.blocks) {
    if (block.type === 'heading' && (block.node as Heading).depth === 1) return { text: block.text, start: block.start, end: block.end };
  }
  return undefined;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function clip(text: string, max = 50): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
