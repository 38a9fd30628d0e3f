import type { Fix, FixSafety, TextEdit } from './types.js';
import { lintArticleText, type RunOptions } from './engine.js';
import type { ActiveRule } from './config/rules.js';
import type { Finding } from './finding.js';
import type { Article } from './article.js';
import { applyEdits, ProofContext, provenTogether } from './fix-proof.js';

/** ESLint's bound on fix passes: enough for cascades, never an endless loop. */
export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  /** The text after all fixes (equal to the input when nothing applied). */
  output: string;
  /** How many problems the applied fixes resolved. */
  fixedCount: number;
  /** The applied fixes counted by the rule whose finding offered each (sums to fixedCount). */
  fixedByRule: Record<string, number>;
  /** The article and findings of the final text. */
  article: Article;
  findings: Finding[];
  /** Set when a pass made the file worse and was undone. */
  rolledBack?: string;
}

/** Whether a fix of `safety` may be applied under the chosen fix level. */
export function isApplicable(fix: Fix | undefined, level: FixSafety): fix is Fix {
  if (!fix) return false;
  return fix.safety === 'safe' || level === 'unsafe';
}

/**
 * The fixes of one pass: those that do not overlap, earliest first (ESLint's rule: a fix
 * whose range touches one already taken waits for the next pass).
 */
export function selectFixes(fixes: Fix[]): Fix[] {
  const ordered = fixes
    .map((fix) => ({ fix, edits: [...fix.edits].sort((a, b) => a.start - b.start) }))
    .filter(({ edits }) => edits.length > 0)
    .sort((a, b) => a.edits[0].start - b.edits[0].start || a.edits[a.edits.length - 1].end - b.edits[b.edits.length - 1].end);
  const taken: Fix[] = [];
  let lastEnd = -1;
  for (const { fix, edits } of ordered) {
    const first = edits[0];
    const last = edits[edits.length - 1];
    // Strictly after the previous fix, so two insertions at one point never interleave.
    if (first.start < lastEnd || (first.start === lastEnd && first.start === first.end)) continue;
    if (!editsAreDisjoint(edits)) continue;
    taken.push(fix);
    lastEnd = last.end;
  }
  return taken;
}

/**
 * Applies the fixes of one pass that do not overlap and that keep their promise together
 * (src/fix-proof.ts): a safe fix removes only what stays elsewhere, an unsafe one loses
 * no sentence without a near variant. Returns the new text, how many fixes were applied
 * (and which), and why the others were refused.
 */
export function applyFixes(text: string, fixes: Fix[], bodyStart = 0): { text: string; applied: number; accepted: Fix[]; refused: Map<Fix, string> } {
  const { accepted, refused } = provenTogether(new ProofContext(text, bodyStart), selectFixes(fixes));
  return { text: applyEdits(text, accepted), applied: accepted.length, accepted, refused };
}

function editsAreDisjoint(edits: TextEdit[]): boolean {
  for (let i = 1; i < edits.length; i++) if (edits[i].start < edits[i - 1].end) return false;
  return true;
}

function frontMatterParses(article: Article): boolean {
  const fm = article.frontMatter;
  return !!fm && fm.closed && fm.data !== null;
}

function errorCount(findings: Finding[]): number {
  return findings.filter((f) => f.severity === 2).length;
}

/**
 * Fixes `text` until stable (at most MAX_FIX_PASSES passes). A pass that breaks the
 * front matter or raises the number of errors is undone and fixing stops there,
 * like ruff's "fix introduced a syntax error" guard.
 */
export function fixArticleText(text: string, filePath: string, active: ActiveRule[], level: FixSafety, run: RunOptions = {}): FixOutcome {
  let current = lintArticleText(text, filePath, active, run);
  let output = text;
  let fixedCount = 0;
  const fixedByRule: Record<string, number> = {};
  let rolledBack: string | undefined;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = current.findings.map((f) => f.fix).filter((fix): fix is Fix => isApplicable(fix, level));
    if (fixes.length === 0) break;
    // Each fix is counted for the rule of the finding that offered it.
    const ruleOf = new Map<Fix, string>();
    for (const finding of current.findings) if (finding.fix && !ruleOf.has(finding.fix)) ruleOf.set(finding.fix, finding.ruleId ?? 'unknown');
    const { text: next, applied, accepted } = applyFixes(output, fixes, current.article.bodyStart);
    if (applied === 0 || next === output) break;
    const after = lintArticleText(next, filePath, active, run);
    if (frontMatterParses(current.article) && !frontMatterParses(after.article)) {
      rolledBack = 'a fix broke the front matter; that pass was undone';
      break;
    }
    if (errorCount(after.findings) > errorCount(current.findings)) {
      rolledBack = 'a fix raised the number of errors; that pass was undone';
      break;
    }
    fixedCount += applied;
    for (const fix of accepted) {
      const rule = ruleOf.get(fix) ?? 'unknown';
      fixedByRule[rule] = (fixedByRule[rule] ?? 0) + 1;
    }
    output = next;
    current = after;
  }
  return { output, fixedCount, fixedByRule, article: current.article, findings: current.findings, rolledBack };
}
