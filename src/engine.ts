import { distance } from 'fastest-levenshtein';
import { parseArticle, type Article } from './article.js';
import { applyDirectives } from './directives.js';
import { rules as registry } from '../rules/index.js';
import type {
  EslintFix,
  Fix,
  LintMessage,
  LintOptions,
  LintResult,
  ReportDescriptor,
  Rule,
  RuleSetting,
  SeverityLevel,
  SeverityName,
} from './types.js';

/** A rule finding before it is turned into line/column form. */
export interface Finding {
  /** null for problems with the file or its directives rather than a rule. */
  ruleId: string | null;
  severity: SeverityLevel;
  message: string;
  messageId: string;
  start: number;
  end: number;
  fix?: Fix;
  related?: { start: number; end: number };
}

export interface ActiveRule {
  rule: Rule<any>;
  severity: SeverityLevel;
  options: Record<string, unknown>;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const SEVERITIES: Record<SeverityName, SeverityLevel | 0> = { off: 0, warn: 1, error: 2 };

/** Resolves `rules` settings against the registry: severity and options per active rule. */
export function resolveRules(settings: LintOptions['rules'] = {}): ActiveRule[] {
  const known = new Map(registry.map((rule) => [rule.meta.id, rule]));
  for (const id of Object.keys(settings)) {
    if (!known.has(id)) {
      const hint = closest(id, [...known.keys()]);
      throw new ConfigError(`unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
  }
  const active: ActiveRule[] = [];
  for (const rule of registry) {
    const setting: RuleSetting<any> | undefined = settings[rule.meta.id];
    const [severityName, options] = normaliseSetting(rule, setting);
    const severity = SEVERITIES[severityName];
    if (severity === undefined) {
      throw new ConfigError(`rule "${rule.meta.id}": severity must be "off", "warn" or "error", got ${JSON.stringify(severityName)}`);
    }
    if (severity === 0) continue;
    validateOptions(rule, options);
    active.push({ rule, severity, options: { ...(rule.meta.defaults as Record<string, unknown>), ...(options ?? {}) } });
  }
  return active;
}

/**
 * Checks a rule's options against its defaults: every key must exist and hold a value
 * of the default's type (a number, a boolean, a list of strings).
 */
function validateOptions(rule: Rule<any>, options: Record<string, unknown> | undefined): void {
  if (options === undefined) return;
  const id = rule.meta.id;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ConfigError(`rule "${id}": options must be an object, got ${JSON.stringify(options)}`);
  }
  const defaults = rule.meta.defaults as Record<string, unknown>;
  for (const [key, value] of Object.entries(options)) {
    if (!(key in defaults)) {
      const hint = closest(key, Object.keys(defaults));
      throw new ConfigError(`rule "${id}": unknown option "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
    const expected = defaults[key];
    const ok = Array.isArray(expected)
      ? Array.isArray(value) && value.every((item) => typeof item === 'string')
      : typeof expected === 'number'
        ? typeof value === 'number' && Number.isFinite(value) && value >= 0
        : typeof value === typeof expected;
    if (!ok) {
      const kind = Array.isArray(expected) ? 'a list of strings' : typeof expected === 'number' ? 'a number (0 or more)' : `a ${typeof expected}`;
      throw new ConfigError(`rule "${id}": option "${key}" must be ${kind}, got ${JSON.stringify(value)}`);
    }
  }
  const problem = rule.meta.validate?.({ ...defaults, ...options });
  if (problem) throw new ConfigError(`rule "${id}": ${problem}`);
}

function normaliseSetting(rule: Rule<any>, setting: RuleSetting<any> | undefined): [SeverityName, Record<string, unknown> | undefined] {
  if (setting === undefined) return [rule.meta.severity, undefined];
  if (typeof setting === 'string' || typeof setting === 'number') return [severityName(setting), undefined];
  if (Array.isArray(setting)) return [severityName(setting[0]), setting[1] as Record<string, unknown> | undefined];
  throw new ConfigError(`rule "${rule.meta.id}": expected a severity or [severity, options]`);
}

/** Runs every active rule on one parsed article. */
export function runRules(article: Article, active: ActiveRule[]): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, severity, options } of active) {
    const report = (descriptor: ReportDescriptor) => {
      const template = rule.meta.messages[descriptor.messageId];
      if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message "${descriptor.messageId}"`);
      findings.push({
        ruleId: rule.meta.id,
        severity,
        messageId: descriptor.messageId,
        message: formatMessage(template, descriptor.data),
        start: descriptor.start,
        end: Math.max(descriptor.start, descriptor.end),
        fix: descriptor.fix,
        related: descriptor.related,
      });
    };
    rule.check(article, { options, report });
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
  return findings;
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/** A message about the file itself (unreadable, refused, not written) rather than a rule finding. */
export function fileMessage(message: string, severity: SeverityLevel, fatal = false): LintMessage {
  return { ruleId: null, severity, message, line: 1, column: 1, endLine: 1, endColumn: 1, ...(fatal ? { fatal: true } : {}) };
}

/** Turns findings into ESLint-shaped messages and counts. */
export function toResult(filePath: string, article: Article, findings: Finding[]): LintResult {
  const messages = findings.map((finding) => toMessage(article, finding));
  if (article.unparsed) messages.unshift(fileMessage(article.unparsed, 2, true));
  return summarise(filePath, messages);
}

export function summarise(filePath: string, messages: LintMessage[]): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let fatalErrorCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const message of messages) {
    if (message.severity === 2) {
      errorCount++;
      if (message.fatal) fatalErrorCount++;
      if (message.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (message.fix) fixableWarningCount++;
    }
  }
  return { filePath, messages, errorCount, warningCount, fatalErrorCount, fixableErrorCount, fixableWarningCount };
}

function toMessage(article: Article, finding: Finding): LintMessage {
  const start = article.lines.position(finding.start);
  const end = article.lines.position(finding.end);
  const message: LintMessage = {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    messageId: finding.messageId,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
  if (finding.fix) {
    const fix = mergeEdits(article.text, finding.fix);
    if (finding.fix.safety === 'safe') message.fix = fix;
    else message.suggestions = [{ desc: 'Remove (may drop words: applied with --unsafe-fixes)', fix }];
  }
  if (finding.related) {
    message.related = {
      line: article.lines.position(finding.related.start).line,
      endLine: article.lines.position(Math.max(finding.related.start, finding.related.end - 1)).line,
    };
  }
  return message;
}

/** ESLint's fix shape has one range: merge a fix's edits into the span they cover. */
export function mergeEdits(text: string, fix: Fix): EslintFix {
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  const start = edits[0].start;
  const end = edits[edits.length - 1].end;
  let out = '';
  let cursor = start;
  for (const edit of edits) {
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return { range: [start, end], text: out };
}

/** How inline directives are treated in a run. */
export interface RunOptions {
  /** false: ignore `<!-- scrapelint-... -->` directives (`--no-inline-config`). */
  inlineConfig?: boolean;
  /** Report directives that suppressed nothing (`--report-unused-directives`). */
  reportUnusedDirectives?: boolean;
}

/** Lints one text: parse once, run the rules, apply inline directives. */
export function lintArticleText(text: string, filePath: string, active: ActiveRule[], run: RunOptions = {}): { article: Article; findings: Finding[] } {
  const article = parseArticle(text, filePath);
  const findings = runRules(article, active);
  if (run.inlineConfig === false) return { article, findings };
  return { article, findings: applyDirectives(article, findings, { reportUnused: run.reportUnusedDirectives }) };
}

/** ESLint's numeric severities (0, 1, 2) are accepted too. */
function severityName(value: unknown): SeverityName {
  const numeric = ['off', 'warn', 'error'][value as number];
  return (typeof value === 'number' && numeric ? numeric : value) as SeverityName;
}

/** The closest name by edit distance, for "did you mean" hints. */
export function closest(name: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 2)) ? best : undefined;
}
