import { parseArticle, type Article } from './article.js';
import { applyDirectives } from './directives.js';
import { rules as registry } from '../rules/index.js';
import type { ActiveRule } from './config/rules.js';
import type { Finding } from './finding.js';
import type { EslintFix, Fix, LintMessage, LintResult, ReportDescriptor, SeverityLevel } from './types.js';
import { applyEdits, fixViolation, ProofContext, removesOnlyLayout } from './fix-proof.js';


/** Runs every active rule on one parsed article. */
export function runRules(article: Article, active: ActiveRule[]): Finding[] {
  const findings: Finding[] = [];
  const optionsOf = <Other>(ruleId: string): Other => {
    const found = active.find((entry) => entry.rule.meta.id === ruleId)?.options ?? registry.find((rule) => rule.meta.id === ruleId)?.meta.defaults;
    if (found === undefined) throw new Error(`unknown rule "${ruleId}"`);
    return found as Other;
  };
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
    rule.check(article, { options, report, optionsOf });
  }
  const proofs = new ProofContext(article.text, article.bodyStart);
  let checked = 0;
  for (const finding of findings) {
    if (!finding.fix || removesOnlyLayout(proofs, finding.fix)) continue;
    // Each check builds the text that stays; past this many the fix engine's check of
    // every pass still guards what is applied.
    if (checked++ >= MAX_CHECKED_FIXES) break;
    checkFix(proofs, finding);
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
  return findings;
}

/** Fixes checked one by one per file (a file with thousands of repeats stays linear enough). */
const MAX_CHECKED_FIXES = 64;

/**
 * Checks a finding's fix alone against the raw text (src/fix-proof.ts). A safe fix that
 * fails its proof is offered as an unsafe one, and the message says why; a fix that
 * fails at both levels is withdrawn. The fix engine checks each pass again as a whole.
 */
function checkFix(proofs: ProofContext, finding: Finding): void {
  const fix = finding.fix!;
  const kept = proofs.kept(applyEdits(proofs.text, [fix]));
  const violation = fixViolation(proofs, fix, kept);
  if (violation === undefined) return;
  const downgraded: Fix = { ...fix, safety: 'unsafe', refused: violation };
  const stillViolated = fix.safety === 'safe' ? fixViolation(proofs, downgraded, kept) : violation;
  if (stillViolated === undefined) {
    finding.fix = downgraded;
    finding.message += ` Not fixed by --fix: ${violation}.`;
  } else {
    finding.fix = undefined;
    finding.message += ` Not fixable: ${stillViolated}.`;
  }
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
    else message.suggestions = [{ desc: finding.fix.refused ? `Remove (not proven safe: ${finding.fix.refused}; applied with --unsafe-fixes)` : 'Remove (may drop words: applied with --unsafe-fixes)', fix }];
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

const RULE_IDS = registry.map((rule) => rule.meta.id);

/** Lints one text: parse once, run the rules, apply inline directives. */
export function lintArticleText(text: string, filePath: string, active: ActiveRule[], run: RunOptions = {}): { article: Article; findings: Finding[] } {
  const article = parseArticle(text, filePath);
  const findings = runRules(article, active);
  if (run.inlineConfig === false) return { article, findings };
  return { article, findings: applyDirectives(article, findings, { reportUnused: run.reportUnusedDirectives, knownRules: RULE_IDS }) };
}
