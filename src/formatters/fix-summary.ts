import type { LintResult } from '../types.js';
import { plural } from './common.js';

/** `duplicate-paragraph 9, end-marker 3`: the rules with the most fixes first, then by name. */
export function fixesByRule(byRule: Record<string, number>): string {
  return Object.entries(byRule)
    .filter(([, count]) => count > 0)
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .map(([rule, count]) => `${rule} ${count}`)
    .join(', ');
}

/**
 * The line `--fix` prints on stderr after writing files:
 * `Fixed 12 problems in 7 files (duplicate-paragraph 9, end-marker 3).`, or
 * `No fixes applied.` when no file changed.
 */
export function fixSummary(results: LintResult[]): string {
  let fixes = 0;
  let files = 0;
  const byRule: Record<string, number> = {};
  for (const result of results) {
    if (!result.fixedCount) continue;
    fixes += result.fixedCount;
    files++;
    for (const [rule, count] of Object.entries(result.fixedByRule ?? {})) byRule[rule] = (byRule[rule] ?? 0) + count;
  }
  if (fixes === 0) return 'No fixes applied.';
  const rules = fixesByRule(byRule);
  return `Fixed ${plural(fixes, 'problem')} in ${plural(files, 'file')}${rules ? ` (${rules})` : ''}.`;
}
