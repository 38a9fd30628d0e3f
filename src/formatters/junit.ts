import type { Formatter } from './types.js';
import { displayPath, reportedRuleId, severityWord } from './common.js';
import { ruleDocsUrl } from '../meta.js';

/**
 * JUnit XML as ESLint writes it: a test suite per file, a failing test case per
 * problem (a passing one for a clean file), for CI systems that show test reports.
 */
export const junit: Formatter = (results, context) => {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n';
  for (const result of results) {
    const file = xml(displayPath(result.filePath, context.cwd));
    const count = Math.max(result.messages.length, 1);
    const errors = result.messages.filter((m) => m.severity === 2).length;
    out += `  <testsuite package="org.scrapelint" time="0" tests="${count}" errors="${errors}" name="${file}">\n`;
    if (result.messages.length === 0) out += `    <testcase time="0" name="${file}" classname="${file}" />\n`;
    for (const m of result.messages) {
      const rule = reportedRuleId(m);
      const body = `line ${m.line}, col ${m.column}, ${severityWord(m) === 'error' ? 'Error' : 'Warning'} - ${m.message}${m.ruleId ? ` (${m.ruleId}: ${ruleDocsUrl(m.ruleId)})` : ''}`;
      out += `    <testcase time="0" name="org.scrapelint.${xml(rule)}" classname="${file}">\n`;
      out += `      <failure message="${xml(m.message)}">${cdata(body)}</failure>\n`;
      out += '    </testcase>\n';
    }
    out += '  </testsuite>\n';
  }
  return `${out}</testsuites>\n`;
};

/** Characters XML 1.0 cannot hold at all (control characters) become U+FFFD. */
function legal(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function xml(text: string): string {
  return legal(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function cdata(text: string): string {
  return `<![CDATA[${legal(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}
