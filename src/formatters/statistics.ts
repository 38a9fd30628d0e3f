import type { LintResult } from '../types.js';
import { reportedRuleId } from './common.js';

/**
 * A summary by rule, like ruff's --statistics: problems, files, and how many a fix could
 * remove (safe with --fix, unsafe with --fix --unsafe-fixes).
 */
export function statistics(results: LintResult[]): string {
  const rows = new Map<string, { problems: number; files: Set<string>; safe: number; unsafe: number; errors: number }>();
  for (const result of results) {
    for (const m of result.messages) {
      const id = reportedRuleId(m);
      let row = rows.get(id);
      if (!row) rows.set(id, (row = { problems: 0, files: new Set(), safe: 0, unsafe: 0, errors: 0 }));
      row.problems++;
      row.files.add(result.filePath);
      if (m.fix) row.safe++;
      else if (m.suggestions?.length) row.unsafe++;
      if (m.severity === 2) row.errors++;
    }
  }
  if (rows.size === 0) return '';
  const sorted = [...rows].sort((a, b) => b[1].problems - a[1].problems || a[0].localeCompare(b[0]));
  const header = ['rule', 'problems', 'errors', 'files', 'fixable', 'unsafe-fixable'];
  const lines = [header, ...sorted.map(([id, r]) => [id, String(r.problems), String(r.errors), String(r.files.size), String(r.safe), String(r.unsafe)])];
  const widths = header.map((_, col) => Math.max(...lines.map((line) => line[col].length)));
  return `\n${lines.map((line) => line.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ')).join('\n')}\n`;
}
