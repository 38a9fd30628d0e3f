import { rules as registry } from '../../rules/index.js';
import { closest } from './closest.js';
import type { LintOptions, Rule, RuleSetting, SeverityLevel, SeverityName } from '../types.js';

export { closest };

export interface ActiveRule {
  rule: Rule<any>;
  severity: SeverityLevel;
  options: Record<string, unknown>;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const SEVERITIES: Record<SeverityName, SeverityLevel | 0> = { off: 0, warn: 1, error: 2 };

/** Resolves `rules` settings against the registry: severity and options per active rule. */
export function resolveRules(settings: LintOptions['rules'] = {}): ActiveRule[] {
  const known = new Map(registry.map((rule) => [rule.meta.id, rule]));
  for (const id of Object.keys(settings)) {
    if (!known.has(id)) {
      const hint = closest(id, [...known.keys()]);
      throw new ConfigError(`unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
  }
  const active: ActiveRule[] = [];
  for (const rule of registry) {
    const setting: RuleSetting<any> | undefined = settings[rule.meta.id];
    const [severityName, options] = normaliseSetting(rule, setting);
    const severity = SEVERITIES[severityName];
    if (severity === undefined) {
      throw new ConfigError(`rule "${rule.meta.id}": severity must be "off", "warn" or "error", got ${JSON.stringify(severityName)}`);
    }
    if (severity === 0) continue;
    validateOptions(rule, options);
    active.push({ rule, severity, options: { ...(rule.meta.defaults as Record<string, unknown>), ...(options ?? {}) } });
  }
  return active;
}

/**
 * Checks a rule's options against its defaults: every key must exist and hold a value
 * of the default's type (a number, a boolean, a list of strings).
 */
function validateOptions(rule: Rule<any>, options: Record<string, unknown> | undefined): void {
  if (options === undefined) return;
  const id = rule.meta.id;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ConfigError(`rule "${id}": options must be an object, got ${JSON.stringify(options)}`);
  }
  const defaults = rule.meta.defaults as Record<string, unknown>;
  for (const [key, value] of Object.entries(options)) {
    if (!(key in defaults)) {
      const hint = closest(key, Object.keys(defaults));
      throw new ConfigError(`rule "${id}": unknown option "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
    const expected = defaults[key];
    const ok = Array.isArray(expected)
      ? Array.isArray(value) && value.every((item) => typeof item === 'string')
      : typeof expected === 'number'
        ? typeof value === 'number' && Number.isFinite(value) && value >= 0
        : typeof value === typeof expected;
    if (!ok) {
      const kind = Array.isArray(expected) ? 'a list of strings' : typeof expected === 'number' ? 'a number (0 or more)' : `a ${typeof expected}`;
      throw new ConfigError(`rule "${id}": option "${key}" must be ${kind}, got ${JSON.stringify(value)}`);
    }
  }
  const problem = rule.meta.validate?.({ ...defaults, ...options });
  if (problem) throw new ConfigError(`rule "${id}": ${problem}`);
}

function normaliseSetting(rule: Rule<any>, setting: RuleSetting<any> | undefined): [SeverityName, Record<string, unknown> | undefined] {
  if (setting === undefined) return [rule.meta.severity, undefined];
  if (typeof setting === 'string' || typeof setting === 'number') return [severityName(setting), undefined];
  if (Array.isArray(setting)) return [severityName(setting[0]), setting[1] as Record<string, unknown> | undefined];
  throw new ConfigError(`rule "${rule.meta.id}": expected a severity or [severity, options]`);
}

/** ESLint's numeric severities (0, 1, 2) are accepted too. */
function severityName(value: unknown): SeverityName {
  const numeric = ['off', 'warn', 'error'][value as number];
  return (typeof value === 'number' && numeric ? numeric : value) as SeverityName;
}
