import matter from 'gray-matter';
import { parseDocument, isMap, isScalar, type Document } from 'yaml';
import { parse as parseToml, TomlError } from 'smol-toml';
import jsYaml from 'js-yaml';
import type { LineIndex } from './text/lines.js';

/** A problem found while reading the front matter itself. Offsets are into the file. */
export interface FrontMatterProblem {
  kind: 'yaml-syntax' | 'duplicate-key' | 'toml-syntax' | 'language' | 'too-large';
  message: string;
  start: number;
  end: number;
}

/** Where a top-level key and its value sit in the file. */
export interface FieldLocation {
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

export interface FrontMatter {
  format: 'yaml' | 'toml';
  /** The language tag after the opening delimiter (`---js` → `js`), '' when none. */
  language: string;
  /** The whole block, delimiters included. `end` is where the body starts. */
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  closed: boolean;
  /** Parsed fields; null when the block could not be parsed. */
  data: Record<string, unknown> | null;
  fields: Map<string, FieldLocation>;
  problems: FrontMatterProblem[];
}

/** Front matter larger than this is reported, not parsed (a bound on hostile input). */
const MAX_FRONT_MATTER_CHARS = 256 * 1024;
/** A YAML alias may be expanded at most this many times (no "billion laughs"). */
const MAX_ALIAS_COUNT = 100;

const OPENING = /^(---|\+\+\+)[ \t]*([A-Za-z][\w-]*)?[ \t]*$/;
/**
 * A line that can belong to a YAML mapping: key, list item, comment, indented
 * continuation. A line opening with "[" or "{" at column 0 cannot follow mapping keys:
 * it is Markdown (a link), not YAML.
 */
const YAML_LIKE = /^(?:\s|-(?:\s|$)|#|\.\.\.|[^\s#:][^:]*:(?:\s|$)|["'].*["']\s*:(?:\s|$))/;

/**
 * Finds and parses the front matter at the top of `text` (BOM already removed).
 * Returns null when the text does not open with a `---` or `+++` delimiter line.
 */
export function readFrontMatter(text: string, lines: LineIndex): FrontMatter | null {
  const first = OPENING.exec(lines.lineText(0));
  if (!first) return null;
  const delimiter = first[1];
  const language = (first[2] ?? '').toLowerCase();
  const format = delimiter === '+++' || language === 'toml' ? 'toml' : 'yaml';
  const { closeLine, bodyLine } = findClosingLine(lines, delimiter);
  const closed = closeLine !== -1;
  const contentStart = lines.startOf(1);
  const lastContentLine = (closed ? closeLine : bodyLine) - 1;
  const contentEnd = lastContentLine >= 1 ? Math.max(contentStart, lines.endOf(lastContentLine)) : contentStart;
  const end = closed ? lines.startOf(closeLine + 1) : contentEnd;
  const fm: FrontMatter = {
    format,
    language,
    start: 0,
    end: closed && closeLine + 1 >= lines.lineCount ? text.length : end,
    contentStart,
    contentEnd,
    closed,
    data: null,
    fields: new Map(),
    problems: [],
  };
  const content = text.slice(contentStart, contentEnd);
  if (content.length > MAX_FRONT_MATTER_CHARS) {
    fm.problems.push({
      kind: 'too-large',
      message: `front matter is ${content.length} characters long (limit ${MAX_FRONT_MATTER_CHARS}); not parsed`,
      start: 0,
      end: lines.endOf(0),
    });
    return fm;
  }
  parseContent(fm, content, lines);
  return fm;
}

/**
 * The closing delimiter line, or -1 when the block is not closed. A block is taken as
 * unclosed when, after a blank line, a line appears that cannot be YAML (prose, a
 * Markdown heading after the fields): a later `---` is then a thematic break of the body.
 */
function findClosingLine(lines: LineIndex, delimiter: string): { closeLine: number; bodyLine: number } {
  let previousBlank = false;
  for (let line = 1; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    const trimmed = content.trimEnd();
    if (trimmed === delimiter || (delimiter === '---' && trimmed === '...')) return { closeLine: line, bodyLine: line + 1 };
    const blank = trimmed.trim() === '';
    if (delimiter === '---' && previousBlank && !blank && !YAML_LIKE.test(content)) {
      return { closeLine: -1, bodyLine: line };
    }
    if (delimiter === '---' && previousBlank && /^#{1,6}\s/.test(content) && !hasClosingBelow(lines, line, delimiter)) {
      return { closeLine: -1, bodyLine: line };
    }
    previousBlank = blank;
  }
  return { closeLine: -1, bodyLine: lines.lineCount };
}

function hasClosingBelow(lines: LineIndex, from: number, delimiter: string): boolean {
  for (let line = from; line < lines.lineCount; line++) {
    const trimmed = lines.lineText(line).trimEnd();
    if (trimmed === delimiter || trimmed === '...') return true;
    if (trimmed !== '' && !YAML_LIKE.test(lines.lineText(line))) return false;
  }
  return false;
}

function refuse(language: string): () => never {
  return () => {
    throw new RefusedLanguageError(language);
  };
}

class RefusedLanguageError extends Error {
  constructor(readonly language: string) {
    super(`front matter in language "${language}" is not evaluated`);
  }
}

/**
 * gray-matter engines. Both JavaScript engines refuse (gray-matter would `eval` them);
 * YAML goes through the `yaml` package, which reports positioned errors and never runs
 * code; TOML through smol-toml. Any other language tag is unknown to gray-matter and
 * throws "engine not registered", which is reported the same way.
 */
function makeEngines(onYaml: (doc: Document) => void, onToml: (error: TomlError) => void) {
  return {
    yaml: {
      parse(source: string): object {
        const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false, strict: false });
        onYaml(doc);
        if (doc.errors.length > 0) return {};
        const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
        return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
      },
    },
    toml: {
      parse(source: string): object {
        try {
          return parseToml(source);
        } catch (error) {
          if (error instanceof TomlError) onToml(error);
          else throw error;
          return {};
        }
      },
    },
    json: {
      parse(source: string): object {
        const value: unknown = JSON.parse(source);
        return value !== null && typeof value === 'object' ? value : {};
      },
    },
    js: { parse: refuse('js') },
    javascript: { parse: refuse('javascript') },
  };
}

function parseContent(fm: FrontMatter, content: string, lines: LineIndex): void {
  const tag = fm.language || fm.format;
  let yamlDoc: Document | undefined;
  let tomlError: TomlError | undefined;
  // Hand gray-matter a normalised block so the string its engine receives is
  // "\n" + content: offsets in it map back to the file by a fixed shift.
  const delimiter = fm.format === 'toml' && !fm.language ? '+++' : '---';
  const input = `${delimiter}${fm.language}\n${content}\n${delimiter}\n`;
  const shift = fm.contentStart - 1;
  try {
    const parsed = matter(input, {
      language: fm.format,
      delimiters: delimiter,
      engines: makeEngines(
        (doc) => (yamlDoc = doc),
        (error) => (tomlError = error),
      ),
    } as matter.GrayMatterOption<string, any>);
    fm.data = parsed.data as Record<string, unknown>;
  } catch (error) {
    fm.data = null;
    const message =
      error instanceof RefusedLanguageError
        ? error.message
        : /not registered/.test(String((error as Error)?.message))
          ? `front matter in language "${tag}" is not evaluated`
          : `front matter could not be read: ${(error as Error)?.message ?? String(error)}`;
    fm.problems.push({ kind: 'language', message, start: 0, end: lines.endOf(0) });
    return;
  }
  if (yamlDoc) collectYaml(fm, yamlDoc, content, shift, lines);
  if (tomlError) {
    const err = tomlError as TomlError;
    const line = Math.max(0, err.line - 1);
    const offset = Math.min(lines.startOf(lines.lineOf(fm.contentStart) + line) + Math.max(0, err.column - 1), fm.contentEnd);
    fm.data = null;
    fm.problems.push({ kind: 'toml-syntax', message: firstLine(err.message), start: offset, end: offset });
  }
}

function collectYaml(fm: FrontMatter, doc: Document, source: string, shift: number, lines: LineIndex): void {
  const clamp = (n: number) => Math.min(Math.max(fm.contentStart, n + shift), fm.contentEnd);
  // A quoted value continued on an unindented line: the strict parser says the quote is
  // not closed, then that the next line is a multi-line key. js-yaml (gray-matter's
  // engine, used by Eleventy and Astro) and libyaml (Jekyll) read it as one value, so the
  // site builds: not reported when js-yaml reads the block.
  const continuedQuote = doc.errors.length > 0 && doc.errors.every((e) => e.code === 'MISSING_CHAR' || e.code === 'MULTILINE_IMPLICIT_KEY');
  const readable = continuedQuote ? readByGrayMatterDefault(source) : undefined;
  if (readable) {
    fm.data = readable;
    // The strict parser's map is broken past the error: keep only keys js-yaml read too.
    collectFields(fm, doc, clamp, (name) => name in readable);
    // Keys it lost there: found by their `name:` at the start of a line.
    for (const name of Object.keys(readable)) {
      if (fm.fields.has(name)) continue;
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const match = new RegExp(`^${escaped}[ \\t]*:[ \\t]*`, 'm').exec(source);
      if (!match) continue;
      // The parser read "\n" + source: its offsets, which `clamp` maps, are one further on.
      const at = (offset: number) => clamp(offset + 1);
      const lineEnd = source.indexOf('\n', match.index);
      fm.fields.set(name, { keyStart: at(match.index), keyEnd: at(match.index + name.length), valueStart: at(match.index + match[0].length), valueEnd: at(lineEnd === -1 ? source.length : lineEnd) });
    }
    return;
  }
  for (const error of doc.errors) {
    const start = clamp(error.pos[0]);
    const end = Math.max(start, clamp(error.pos[1]));
    const duplicate = error.code === 'DUPLICATE_KEY';
    fm.problems.push({
      kind: duplicate ? 'duplicate-key' : 'yaml-syntax',
      message: duplicate ? lines.lineText(lines.lineOf(start)).slice(start - lines.startOf(lines.lineOf(start))).replace(/\s*:.*$/s, '') : firstLine(error.message),
      start,
      end: lines.lineOf(end) === lines.lineOf(start) ? end : lines.endOf(lines.lineOf(start)),
    });
  }
  // Tags such as !!js/function or !!python/object ask a loader to build code objects.
  // The yaml package never does: it reads the value as text. Still worth a report.
  for (const warning of doc.warnings) {
    if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
    const start = clamp(warning.pos[0]);
    const tag = /!\S*/.exec(lines.lineText(lines.lineOf(start)).slice(start - lines.startOf(lines.lineOf(start))))?.[0] ?? 'tag';
    fm.problems.push({ kind: 'yaml-syntax', message: `unsupported tag ${tag} (read as text, never run)`, start, end: Math.max(start, clamp(warning.pos[1])) });
  }
  if (doc.errors.length > 0 && doc.errors.every((e) => e.code === 'DUPLICATE_KEY')) {
    // Duplicate keys alone still leave readable fields: keep the first of each.
    try {
      const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      if (value && typeof value === 'object' && !Array.isArray(value)) fm.data = value as Record<string, unknown>;
    } catch {
      // leave data as parsed
    }
  }
  if (doc.errors.length > 0 && !doc.errors.every((e) => e.code === 'DUPLICATE_KEY')) fm.data = null;
  collectFields(fm, doc, clamp);
}

/**
 * The front matter as js-yaml's safe loader (gray-matter's default engine) reads it, or
 * undefined when it cannot. Its safe schema builds no code objects. Anchors and aliases
 * are left to the strict parser, which bounds their expansion.
 */
function readByGrayMatterDefault(source: string): Record<string, unknown> | undefined {
  if (/(?:^|[\s:[{,-])[&*][^\s,\]}]/m.test(source)) return undefined;
  try {
    // The core schema keeps dates as written, so an impossible date is still reported.
    const value: unknown = jsYaml.safeLoad(source, { schema: jsYaml.CORE_SCHEMA });
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Where each top-level key and its value stand in the file. */
function collectFields(fm: FrontMatter, doc: Document, clamp: (n: number) => number, keep: (name: string) => boolean = () => true): void {
  const contents = doc.contents;
  if (!isMap(contents)) return;
  for (const pair of contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const name = String(pair.key.value);
    if (fm.fields.has(name) || !keep(name)) continue;
    const keyStart = clamp(pair.key.range[0]);
    const keyEnd = clamp(pair.key.range[1]);
    const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
    const valueStart = valueRange ? clamp(valueRange[0]) : keyEnd;
    const valueEnd = valueRange ? clamp(valueRange[1]) : keyEnd;
    fm.fields.set(name, { keyStart, keyEnd, valueStart, valueEnd });
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
}
