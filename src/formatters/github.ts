import type { Formatter } from './types.js';
import { displayPath, severityWord } from './common.js';

/**
 * GitHub Actions workflow commands: each problem becomes an annotation on the pull
 * request (`::error file=…,line=…::message`). Values are escaped as the runner expects,
 * so a file's text cannot end the command or start another.
 */
export const github: Formatter = (results, context) => {
  let out = '';
  for (const result of results) {
    const file = displayPath(result.filePath, context.cwd);
    for (const m of result.messages) {
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${m.line}`,
        `endLine=${m.endLine}`,
        `col=${m.column}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(`scrapelint${m.ruleId ? ` (${m.ruleId})` : ''}`)}`,
      ];
      out += `::${severityWord(m)} ${properties.join(',')}::${escapeData(m.message)}\n`;
    }
  }
  return out;
};

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
