import type * as Sarif from 'sarif';
import type { Formatter } from './types.js';
import type { LintMessage } from '../types.js';
import { rules as registry } from '../../rules/index.js';
import { displayPath, reportedRuleId } from './common.js';
import { homepage, packageInfo, ruleDocsUrl } from '../meta.js';

/** Problems that are not a rule's: the file could not be read, or a directive is wrong. */
const PSEUDO_RULES: Record<string, string> = {
  'file-error': 'The file could not be read, parsed or written (encoding, size, permissions).',
  directive: 'An inline scrapelint directive names an unknown rule or suppresses nothing.',
};

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run, the tool's rules with help
 * links, and each problem with its rule, level, message and a region in a file given
 * relative to the repository root (the working directory).
 */
export const sarif: Formatter = (results, context) => {
  const descriptors: Sarif.ReportingDescriptor[] = registry.map((rule) => ({
    id: rule.meta.id,
    name: camelCase(rule.meta.id),
    shortDescription: { text: rule.meta.description },
    fullDescription: { text: rule.meta.description },
    helpUri: ruleDocsUrl(rule.meta.id),
    help: { text: `${rule.meta.description} See ${ruleDocsUrl(rule.meta.id)}`, markdown: `${rule.meta.description} [Documentation](${ruleDocsUrl(rule.meta.id)})` },
    defaultConfiguration: { level: rule.meta.severity === 'error' ? 'error' : 'warning' },
    properties: { tags: ['content', 'markdown'], precision: 'high', 'problem.severity': rule.meta.severity === 'error' ? 'error' : 'warning' },
  }));
  const used = new Set(results.flatMap((result) => result.messages.map(reportedRuleId)));
  for (const [id, text] of Object.entries(PSEUDO_RULES)) {
    if (used.has(id)) descriptors.push({ id, name: camelCase(id), shortDescription: { text }, fullDescription: { text }, helpUri: homepage(), defaultConfiguration: { level: 'error' } });
  }
  const index = new Map(descriptors.map((descriptor, i) => [descriptor.id, i]));
  const sarifResults: Sarif.Result[] = [];
  for (const result of results) {
    const uri = encodeUri(displayPath(result.filePath, context.cwd));
    for (const m of result.messages) {
      const relatedUri = m.related?.filePath ? encodeUri(displayPath(m.related.filePath, context.cwd)) : uri;
      sarifResults.push(toResult(m, uri, relatedUri, index));
    }
  }
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'scrapelint', version: packageInfo().version, semanticVersion: packageInfo().version, informationUri: homepage(), rules: descriptors } },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${encodeUri(context.cwd.split('\\').join('/'))}/`.replace(/^\/?/, 'file:///') } },
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function toResult(m: LintMessage, uri: string, relatedUri: string, index: Map<string, number>): Sarif.Result {
  const ruleId = reportedRuleId(m);
  const location = (startLine: number, endLine: number, columns?: { startColumn: number; endColumn: number }, at = uri): Sarif.Location => ({
    physicalLocation: { artifactLocation: { uri: at, uriBaseId: '%SRCROOT%' }, region: { startLine, endLine, ...columns } },
  });
  const sarifResult: Sarif.Result = {
    ruleId,
    ruleIndex: index.get(ruleId),
    level: m.severity === 2 ? 'error' : 'warning',
    message: { text: m.message },
    locations: [location(m.line, m.endLine, { startColumn: m.column, endColumn: m.endColumn })],
  };
  if (m.related) sarifResult.relatedLocations = [{ id: 1, ...location(m.related.line, m.related.endLine, undefined, relatedUri), message: { text: 'the copy that is kept' } }];
  if (m.fix || m.suggestions) sarifResult.properties = { fixable: m.fix ? 'safe' : 'unsafe' };
  return sarifResult;
}

function camelCase(id: string): string {
  return id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase());
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
function encodeUri(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}
