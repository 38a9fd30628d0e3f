/**
 * scrapelint as a unified plugin: `unified().use(remarkParse).use(remarkScrapelint)`.
 * It lints the whole file (front matter included) with scrapelint's rules and reports
 * each problem as a vfile message with its rule id, position and documentation URL,
 * so remark-cli and vfile-reporter show them like remark-lint's.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { lintText } from './lint.js';
import { ruleDocsUrl } from './meta.js';
import { reportedRuleId } from './formatters/common.js';
import type { LintOptions } from './types.js';

export type RemarkScrapelintOptions = LintOptions;

const remarkScrapelint: Plugin<[RemarkScrapelintOptions?], Root> = function (options = {}) {
  return (_tree: Root, file: VFile) => {
    const result = lintText(String(file.value ?? ''), { ...options, filePath: file.path || '<text>' });
    for (const m of result.messages) {
      const message = file.message(m.message, {
        place: { start: { line: m.line, column: m.column }, end: { line: m.endLine, column: m.endColumn } },
        ruleId: reportedRuleId(m),
        source: 'scrapelint',
      });
      // vfile-reporter counts fatal messages as errors, the others as warnings.
      message.fatal = m.severity === 2;
      if (m.ruleId) message.url = ruleDocsUrl(m.ruleId);
    }
  };
};

export default remarkScrapelint;
