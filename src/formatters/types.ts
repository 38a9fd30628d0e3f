import type { LintResult } from '../types.js';

export interface FormatContext {
  cwd: string;
  color: boolean;
  /** Set after --fix: how many problems were fixed in all. */
  fixedCount?: number;
  /** The fixes were computed, not written (--fix-dry-run). */
  dryRun?: boolean;
  /** Unsafe fixes available but not applied (hidden without --unsafe-fixes). */
  unsafeFixable?: boolean;
}

export type Formatter = (results: LintResult[], context: FormatContext) => string;
