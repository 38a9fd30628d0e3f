import type { Fix, SeverityLevel } from './types.js';

/** A rule finding before it is turned into line/column form. */
export interface Finding {
  /** null for problems with the file or its directives rather than a rule. */
  ruleId: string | null;
  severity: SeverityLevel;
  message: string;
  messageId: string;
  start: number;
  end: number;
  fix?: Fix;
  related?: { start: number; end: number };
}

