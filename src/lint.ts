import { lintArticleText, resolveRules, summarise, toResult, type ActiveRule } from './engine.js';
import { fixArticleText } from './fix.js';
import { expandInputs, readTextFile, writeFileAtomic, describeError } from './files.js';
import type { FixSafety, LintMessage, LintOptions, LintResult } from './types.js';

export interface LintFilesOptions extends LintOptions {
  cwd?: string;
  extensions?: string[];
  /** Apply fixes and write the files: `true`/`'safe'` for safe fixes, `'unsafe'` for all. */
  fix?: boolean | FixSafety;
  /** Compute fixes (`output`) without writing any file. */
  dryRun?: boolean;
  maxFileBytes?: number;
}

export interface LintTextOptions extends LintOptions {
  filePath?: string;
}

export interface FixTextResult {
  output: string;
  fixed: boolean;
  fixedCount: number;
  result: LintResult;
}

function stripBom(text: string): { text: string; bom: boolean } {
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), bom: true } : { text, bom: false };
}

/** Lints a string as if it were the file `filePath`. */
export function lintText(source: string, options: LintTextOptions = {}): LintResult {
  const filePath = options.filePath ?? '<text>';
  return lintWith(stripBom(source).text, filePath, resolveRules(options.rules));
}

/** Fixes a string: safe fixes, plus unsafe ones when `unsafe` is set. The BOM is kept. */
export function fixText(source: string, options: LintTextOptions & { unsafe?: boolean } = {}): FixTextResult {
  const active = resolveRules(options.rules);
  return fixWith(source, options.filePath ?? '<text>', active, options.unsafe ? 'unsafe' : 'safe');
}

function fixWith(source: string, filePath: string, active: ActiveRule[], level: FixSafety): FixTextResult {
  const { text, bom } = stripBom(source);
  const outcome = fixArticleText(text, filePath, active, level);
  const messages = toResult(filePath, outcome.article, outcome.findings).messages;
  if (outcome.rolledBack) messages.push(notice(outcome.rolledBack, 1));
  const result = summarise(filePath, messages);
  const output = (bom ? '\uFEFF' : '') + outcome.output;
  result.fixedCount = outcome.fixedCount;
  if (outcome.fixedCount > 0) result.output = output;
  return { output, fixed: outcome.fixedCount > 0, fixedCount: outcome.fixedCount, result };
}

/** A message about the file itself rather than a rule finding. */
function notice(message: string, severity: 1 | 2, fatal = false): LintMessage {
  return { ruleId: null, severity, message, line: 1, column: 1, endLine: 1, endColumn: 1, ...(fatal ? { fatal: true } : {}) };
}

/**
 * Lints (and with `fix`, fixes and writes) every file the inputs name. Results come
 * back sorted by path. A file that cannot be read or written gets a fatal message
 * naming the reason; the other files go on.
 */
export async function lintFiles(inputs: string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const active = resolveRules(options.rules);
  const files = await expandInputs(inputs, { cwd: options.cwd, extensions: options.extensions });
  const level: FixSafety | undefined = options.fix === 'unsafe' ? 'unsafe' : options.fix ? 'safe' : undefined;
  const results: LintResult[] = [];
  for (const file of files) results.push(await lintOneFile(file, active, level, options));
  return results;
}

async function lintOneFile(file: string, active: ActiveRule[], level: FixSafety | undefined, options: LintFilesOptions): Promise<LintResult> {
  const read = await readTextFile(file, options.maxFileBytes);
  if (!read.ok) return summarise(file, [notice(read.reason, 2, true)]);
  const source = (read.bom ? '\uFEFF' : '') + read.text;
  try {
    if (!level) return lintWith(read.text, file, active);
    const fixed = fixWith(source, file, active, level);
    if (fixed.fixed && !options.dryRun) {
      try {
        await writeFileAtomic(file, fixed.output, read);
      } catch (error) {
        const result = lintWith(read.text, file, active);
        result.messages.push(notice(`fixes not written: ${describeError(error)}`, 2, true));
        return summarise(file, result.messages);
      }
    }
    return fixed.result;
  } catch (error) {
    return summarise(file, [notice(`internal error while linting: ${describeError(error)}`, 2, true)]);
  }
}

function lintWith(text: string, file: string, active: ActiveRule[]): LintResult {
  const { article, findings } = lintArticleText(text, file, active);
  return toResult(file, article, findings);
}
