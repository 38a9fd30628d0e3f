import path from 'node:path';
import type { LintMessage } from '../types.js';

/** Control characters from a file must not reach the terminal (escape sequences). */
export function neutralise(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\n/g, ' ');
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** A file's path relative to the working directory when it is inside it, with forward slashes. */
export function displayPath(filePath: string, cwd: string): string {
  const relative = path.relative(cwd, filePath);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : filePath;
  return shown.split(path.sep).join('/');
}

export function severityWord(message: LintMessage): 'error' | 'warning' {
  return message.severity === 2 ? 'error' : 'warning';
}

/**
 * The rule id a report format shows for a message: its rule, or a pseudo-rule for
 * problems with the file itself and with inline directives (formats such as SARIF need one).
 */
export function reportedRuleId(message: LintMessage): string {
  if (message.ruleId) return message.ruleId;
  return message.fatal ? 'file-error' : 'directive';
}
