/** scrapelint's programmatic API. */
export { lintText, fixText, lintFiles } from './lint.js';
export type { LintFilesOptions, LintTextOptions, FixTextResult } from './lint.js';
export { formatters } from './formatters/index.js';
export type { Formatter, FormatContext } from './formatters/index.js';
export { rules } from '../rules/index.js';
export { ConfigError } from './config/rules.js';
export { UsageError } from './files.js';
export type * from './types.js';
