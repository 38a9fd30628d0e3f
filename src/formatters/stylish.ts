import { createColors } from 'picocolors';
import type { Formatter } from './types.js';
import { displayPath, neutralise, plural } from './common.js';

/** ESLint's default look: a header per file, aligned rows, a summary with fixable counts. */
export const stylish: Formatter = (results, context) => {
  const c = createColors(context.color);
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  let unsafeFixable = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
    if (result.messages.length === 0) continue;
    const rows = result.messages.map((m) => {
      if (m.suggestions?.length && !m.fix) unsafeFixable++;
      return [
        `${m.line}:${m.column}`,
        m.severity === 2 ? c.red('error') : c.yellow('warning'),
        neutralise(m.message),
        c.dim(m.ruleId ?? ''),
      ];
    });
    const widths = [0, 1].map((col) => Math.max(...rows.map((row) => visibleLength(row[col]))));
    out += `\n${c.underline(neutralise(displayPath(result.filePath, context.cwd)))}\n`;
    for (const row of rows) {
      out += `  ${c.dim(row[0].padEnd(widths[0]))}  ${row[1]}${' '.repeat(widths[1] - visibleLength(row[1]))}  ${row[2]}  ${row[3]}\n`;
    }
  }
  const total = errors + warnings;
  if (total > 0) {
    const mark = errors > 0 ? c.red(c.bold('✖')) : c.yellow(c.bold('✖'));
    out += `\n${mark} ${c.bold(`${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`)}\n`;
    if (fixableErrors + fixableWarnings > 0) {
      out += `  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.\n`;
    }
    if (unsafeFixable > 0) {
      out += `  ${plural(unsafeFixable, 'more problem')} fixable with \`--fix --unsafe-fixes\` (these fixes may drop words: review them).\n`;
    }
  }
  if (context.fixedCount !== undefined) {
    const files = results.filter((r) => (r.fixedCount ?? 0) > 0).length;
    const verb = context.dryRun ? 'Would fix' : 'Fixed';
    out += `${total > 0 ? '' : '\n'}${c.green('✔')} ${verb} ${plural(context.fixedCount, 'problem')} in ${plural(files, 'file')}.\n`;
  }
  return out;
};

function visibleLength(text: string): number {
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}
