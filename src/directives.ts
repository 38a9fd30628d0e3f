import type { Html, Nodes } from 'mdast';
import type { Article } from './article.js';
import { closest } from './config/closest.js';
import type { Finding } from './finding.js';

/**
 * Inline configuration in HTML comments, as markdownlint does it:
 *   <!-- scrapelint-disable [rule ...] -->  ...  <!-- scrapelint-enable [rule ...] -->
 *   <!-- scrapelint-disable-next-line [rule ...] -->
 *   <!-- scrapelint-disable-line [rule ...] -->
 *   <!-- scrapelint-disable-file [rule ...] -->
 * No rule names means every rule; `-- text` after the names is a comment.
 */
export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty for all rules. */
  rules: string[];
  start: number;
  end: number;
  line: number;
}

export interface DirectiveOptions {
  /** Every registered rule id (passed in so this module does not import the registry, whose cross-file rule imports back into it). */
  knownRules: readonly string[];
  /** Report directives that suppressed nothing (as errors, like ESLint's flag). */
  reportUnused?: boolean;
}

const DIRECTIVE = /<!--\s*scrapelint-(disable-next-line|disable-line|disable-file|disable|enable)\b([\s\S]*?)-->/g;

/** Directives in the body's HTML comments (never in code, never in the front matter). */
export function findDirectives(article: Article): Directive[] {
  return article.memo('directives', () => {
    const found: Directive[] = [];
    const visit = (node: Nodes) => {
      if (node.type === 'html') {
        collect(node, article, found);
        return;
      }
      if ('children' in node) for (const child of node.children) visit(child as Nodes);
    };
    visit(article.root);
    return found.sort((a, b) => a.start - b.start);
  });
}

/** Whether `directive` names `ruleId` (no names: every rule). */
export function covers(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId);
}

/**
 * The `disable` whose range holds `line` for `ruleId`: the last disable/enable at or
 * before the line decides. Undefined when the rule is on there.
 */
export function disablingRange(directives: Directive[], line: number, ruleId: string): Directive | undefined {
  let disabling: Directive | undefined;
  for (const directive of directives) {
    if (directive.line > line) break;
    if (!covers(directive, ruleId)) continue;
    if (directive.kind === 'disable') disabling = directive;
    else if (directive.kind === 'enable') disabling = undefined;
  }
  return disabling;
}

function collect(node: Html, article: Article, found: Directive[]): void {
  if (!node.value.includes('scrapelint-')) return;
  const base = (node.position?.start.offset ?? 0) + article.bodyStart;
  for (const match of node.value.matchAll(DIRECTIVE)) {
    const names = match[2].split(/\s--\s/)[0];
    const start = base + match.index;
    found.push({
      kind: match[1] as DirectiveKind,
      rules: names.split(/[\s,]+/).filter(Boolean),
      start,
      end: start + match[0].length,
      line: article.lines.position(start).line,
    });
  }
}

/**
 * Removes the findings that directives turn off, and adds findings for directives that
 * name unknown rules or (with `reportUnused`) suppressed nothing.
 */
export function applyDirectives(article: Article, findings: Finding[], options: DirectiveOptions): Finding[] {
  const directives = findDirectives(article);
  if (directives.length === 0) return findings;
  const known = options.knownRules;
  const problems: Finding[] = [];
  // Each (directive, rule) pair that suppressed something.
  const used = new Set<string>();
  const mark = (directive: Directive, ruleId: string) => used.add(`${directive.start}:${directive.rules.length === 0 ? '*' : ruleId}`);
  const lineOf = (offset: number) => article.lines.position(offset).line;
  const nextContentLine = (directive: Directive) => {
    // The next line with text on it: a blank line between the comment and its target is allowed.
    let line = lineOf(directive.end) + 1;
    while (line <= article.lines.lineCount && article.lines.lineText(line - 1).trim() === '') line++;
    return line;
  };

  const kept = findings.filter((finding) => {
    if (finding.ruleId === null) return true;
    const line = lineOf(finding.start);
    const endLine = lineOf(Math.max(finding.start, finding.end - 1));
    let suppressedBy = disablingRange(directives, line, finding.ruleId);
    for (const directive of directives) {
      if (suppressedBy) break;
      if (!covers(directive, finding.ruleId)) continue;
      if (directive.kind === 'disable-file') suppressedBy = directive;
      else if (directive.kind === 'disable-line' && directive.line >= line && directive.line <= endLine) suppressedBy = directive;
      else if (directive.kind === 'disable-next-line' && nextContentLine(directive) === line) suppressedBy = directive;
    }
    if (suppressedBy) mark(suppressedBy, finding.ruleId);
    return !suppressedBy;
  });

  for (const directive of directives) {
    for (const name of directive.rules) {
      if (known.includes(name)) continue;
      const hint = closest(name, known);
      problems.push(directiveProblem(directive, 1, 'unknownRule', `Unknown rule "${name}" in a scrapelint directive${hint ? ` (did you mean "${hint}"?)` : ''}.`));
    }
    if (!options.reportUnused || directive.kind === 'enable') continue;
    const names = directive.rules.length === 0 ? ['*'] : directive.rules.filter((name) => known.includes(name));
    const unused = names.filter((name) => !used.has(`${directive.start}:${name}`));
    if (unused.length === 0) continue;
    const what = directive.rules.length === 0 ? 'no problem' : `no ${unused.map((name) => `"${name}"`).join(' or ')} problem`;
    problems.push(directiveProblem(directive, 2, 'unusedDirective', `Unused scrapelint-${directive.kind} directive (${what} to suppress).`));
  }
  return [...kept, ...problems].sort((a, b) => a.start - b.start || a.end - b.end);
}

function directiveProblem(directive: Directive, severity: 1 | 2, messageId: string, message: string): Finding {
  return { ruleId: null, severity, messageId, message, start: directive.start, end: directive.end };
}
