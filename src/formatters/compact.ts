import type { Formatter } from './types.js';
import { displayPath, neutralise, plural, severityWord } from './common.js';

/** One line per problem, `file:line:col: severity message [rule]`: for grep and editors. */
export const compact: Formatter = (results, context) => {
  let out = '';
  let total = 0;
  for (const result of results) {
    const file = neutralise(displayPath(result.filePath, context.cwd));
    for (const m of result.messages) {
      total++;
      out += `${file}:${m.line}:${m.column}: ${severityWord(m)} ${neutralise(m.message)}${m.ruleId ? ` [${m.ruleId}]` : ''}\n`;
    }
  }
  if (total > 0) out += `\n${plural(total, 'problem')}\n`;
  return out;
};
