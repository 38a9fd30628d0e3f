import type { Article } from './article.js';

/** Severity as written in configuration. */
export type SeverityName = 'off' | 'warn' | 'error';

/** ESLint's numeric severity: 1 warning, 2 error. */
export type SeverityLevel = 1 | 2;

/**
 * How safe a fix is (ruff's Applicability):
 * - `safe`: removes only text that is provably a duplicate, a marker or a fragment;
 *   applied by `--fix`.
 * - `unsafe`: could drop words (a near-duplicate with edits, a trailing fragment);
 *   applied only with `--fix --unsafe-fixes`.
 */
export type FixSafety = 'safe' | 'unsafe';

/** Replace the characters `[start, end)` of the whole file text with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  safety: FixSafety;
  edits: TextEdit[];
  /**
   * Extra end-marker patterns (regular-expression sources, as configured) whose matches
   * a safe fix may remove besides verbatim copies; the built-in markers always may.
   */
  markers?: string[];
  /** Set by the engine when the fix did not pass its check: why it is not applied as offered. */
  refused?: string;
}

/** What a rule hands to `context.report()`. Offsets are into the whole file text. */
export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  start: number;
  end: number;
  fix?: Fix;
  /** Where the kept copy / the counterpart is, for "repeats lines 12-14". */
  related?: { start: number; end: number };
}

export interface RuleContext<Options> {
  options: Options;
  report(descriptor: ReportDescriptor): void;
  /**
   * The options another rule runs with for this file (its defaults when it is off): a
   * rule that shares an analysis with another reads it with that rule's settings.
   */
  optionsOf<Other>(ruleId: string): Other;
}

export interface RuleMeta<Options> {
  /** Public, stable name used in configs and reports. */
  id: string;
  description: string;
  severity: Exclude<SeverityName, 'off'>;
  /** The most permissive fix this rule may offer. */
  fixable?: FixSafety;
  /** Path of the rule's documentation, relative to the package root. */
  docs: string;
  /** Message templates with `{placeholders}`, keyed by messageId. */
  messages: Record<string, string>;
  defaults: Options;
  /** Checks option values beyond their types; returns what is wrong, or undefined. */
  validate?: (options: Options) => string | undefined;
}

export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta<Options>;
  check(article: Article, context: RuleContext<Options>): void;
}

/** A fix in ESLint's JSON shape: one replaced range. */
export interface EslintFix {
  range: [number, number];
  text: string;
}

export interface LintMessage {
  ruleId: string | null;
  severity: SeverityLevel;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A safe fix, applied by `--fix`. */
  fix?: EslintFix;
  /** Unsafe fixes are offered as suggestions, applied only with `--unsafe-fixes`. */
  suggestions?: { desc: string; fix: EslintFix }[];
  /** The kept copy or counterpart, 1-based lines; in another file when `filePath` is set. */
  related?: { line: number; endLine: number; filePath?: string };
  /** A problem reading or parsing the file itself (not a rule finding). */
  fatal?: boolean;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Text after fixes, present only when fixes changed it. */
  output?: string;
  /** Number of problems fixed in this file (by --fix). */
  fixedCount?: number;
  /**
   * The fixes applied to this file, counted by rule (`{ "duplicate-paragraph": 2 }`);
   * present only when fixes changed it. Not in ESLint's shape: an addition.
   */
  fixedByRule?: Record<string, number>;
  source?: string;
}

export type RuleSetting<Options = Record<string, unknown>> =
  | SeverityName
  | 0 | 1 | 2
  | [SeverityName | 0 | 1 | 2]
  | [SeverityName | 0 | 1 | 2, Partial<Options>];

export interface LintOptions {
  /** Per-rule severity and options, like ESLint's `rules`. */
  rules?: Record<string, RuleSetting<any>>;
  /** false: ignore `<!-- scrapelint-disable ... -->` directives. Default true. */
  inlineConfig?: boolean;
  /** Report directives that suppressed nothing, as errors. */
  reportUnusedDirectives?: boolean;
}
