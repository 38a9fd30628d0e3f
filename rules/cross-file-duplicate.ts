import type { Rule } from '../src/types.js';
import type { CrossFileOptions } from '../src/cross-file.js';

/**
 * Articles and paragraphs duplicated across the files of one run. The work happens in
 * src/cross-file.ts, after every file has been linted: a file on its own has nothing
 * to report, so `check` is empty. Report only: files are never deleted or merged.
 */
export const crossFileDuplicate: Rule<CrossFileOptions> = {
  meta: {
    id: 'cross-file-duplicate',
    description: 'The same article scraped twice, or paragraphs copied from other files of the run (boilerplate excepted)',
    severity: 'warn',
    docs: 'rules/cross-file-duplicate.md',
    messages: {
      article: 'Article duplicates {file} ({similarity}% similar); that copy is kept.',
      paragraphs: '{count} copied from {file} ({lines}).',
    },
    defaults: { minLength: 150, articleSimilarity: 0.8, boilerplateFiles: 3 },
    validate({ articleSimilarity, boilerplateFiles }) {
      if (articleSimilarity > 1) return `option "articleSimilarity" must be between 0 and 1, got ${articleSimilarity}`;
      if (boilerplateFiles < 2) return `option "boilerplateFiles" must be 2 or more, got ${boilerplateFiles}`;
      return undefined;
    },
  },
  check() {
    // Cross-file: see compareFingerprints.
  },
};
