import { closest, ConfigError, resolveRules } from './rules.js';
import type { RuleSetting } from '../types.js';

/** What a configuration file holds (`.scrapelintrc.json`, `scrapelint.config.mjs`, ...). */
export interface ScrapelintConfig {
  /** Per rule: "off" | "warn" | "error", or [severity, options]. */
  rules?: Record<string, RuleSetting<any>>;
  /** Rules for some files only; later entries win. Globs are relative to the config file. */
  overrides?: ConfigOverride[];
  /** Globs of files never linted (besides `.scrapelintignore`). */
  ignores?: string[];
  /** Files larger than this many bytes are refused with a message (default 10 MB). */
  maxFileBytes?: number;
}

export interface ConfigOverride {
  files: string[];
  rules?: Record<string, RuleSetting<any>>;
}

const TOP_LEVEL_KEYS = ['$schema', 'rules', 'overrides', 'ignores', 'maxFileBytes'];
const OVERRIDE_KEYS = ['files', 'rules'];

/**
 * Checks a configuration read from `source` and returns it typed. Every problem is a
 * ConfigError naming the file, the key and, for a typo, the closest valid name.
 */
export function validateConfig(raw: unknown, source: string): ScrapelintConfig {
  const fail = (message: string): never => {
    throw new ConfigError(`${source}: ${message}`);
  };
  if (!isPlainObject(raw)) fail(`the configuration must be an object, got ${describe(raw)}`);
  const config = raw as Record<string, unknown>;
  checkKeys(config, TOP_LEVEL_KEYS, '', fail);
  if (config.rules !== undefined) checkRules(config.rules, 'rules', fail);
  if (config.ignores !== undefined) checkGlobs(config.ignores, 'ignores', fail);
  if (config.maxFileBytes !== undefined && !(typeof config.maxFileBytes === 'number' && Number.isInteger(config.maxFileBytes) && config.maxFileBytes > 0)) {
    fail(`"maxFileBytes" must be a positive integer, got ${describe(config.maxFileBytes)}`);
  }
  if (config.overrides !== undefined) {
    if (!Array.isArray(config.overrides)) fail(`"overrides" must be a list, got ${describe(config.overrides)}`);
    (config.overrides as unknown[]).forEach((entry, index) => {
      const at = `overrides[${index}]`;
      if (!isPlainObject(entry)) fail(`"${at}" must be an object with "files" and "rules"`);
      const override = entry as Record<string, unknown>;
      checkKeys(override, OVERRIDE_KEYS, `${at}.`, fail);
      if (override.files === undefined) fail(`"${at}" needs "files" (a list of globs)`);
      checkGlobs(override.files, `${at}.files`, fail);
      if (override.rules !== undefined) checkRules(override.rules, `${at}.rules`, fail);
    });
  }
  return config as ScrapelintConfig;
}

function checkKeys(object: Record<string, unknown>, allowed: string[], prefix: string, fail: (message: string) => never): void {
  for (const key of Object.keys(object)) {
    if (allowed.includes(key)) continue;
    const hint = closest(key, allowed.filter((name) => name !== '$schema'));
    fail(`unknown key "${prefix}${key}"${hint ? ` (did you mean "${prefix}${hint}"?)` : ''}`);
  }
}

function checkRules(rules: unknown, at: string, fail: (message: string) => never): void {
  if (!isPlainObject(rules)) fail(`"${at}" must be an object of rule settings, got ${describe(rules)}`);
  try {
    resolveRules(rules as Record<string, RuleSetting<any>>);
  } catch (error) {
    if (error instanceof ConfigError) fail(`"${at}": ${error.message}`);
    throw error;
  }
}

function checkGlobs(value: unknown, at: string, fail: (message: string) => never): void {
  if (typeof value === 'string') value = [value];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
    fail(`"${at}" must be a list of globs, got ${describe(value)}`);
  }
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
