import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import ignore, { type Ignore } from 'ignore';
import { ConfigError, resolveRules } from './rules.js';
import { rules as registry } from '../../rules/index.js';
import type { RuleSetting, SeverityName } from '../types.js';
import { findConfigFile, loadConfigFile, type LoadedConfig } from './load.js';

export const IGNORE_FILE = '.scrapelintignore';

export interface ResolverOptions {
  cwd?: string;
  /** A configuration file named by the user (`--config`); skips the search. */
  configFile?: string;
  /** false: use no configuration file at all (`--no-config`). */
  useConfigFile?: boolean;
  /** false: neither `ignores` nor `.scrapelintignore` apply (`--no-ignore`). */
  useIgnores?: boolean;
  /** Rules given directly (the API's `rules`, the CLI's `--rule`): applied over the file's. */
  rules?: Record<string, RuleSetting<any>>;
}

/** The settings that apply to one file. */
export interface FileConfig {
  rules: Record<string, RuleSetting<any>>;
  maxFileBytes?: number;
}

type Matcher = (relative: string) => boolean;

/**
 * Answers, per file, which rules apply with which options and whether the file is
 * ignored: the base `rules`, then each matching `overrides` entry in order.
 */
export class ConfigResolver {
  readonly configFile: string | undefined;
  private readonly dir: string;
  private readonly overrides: { matches: Matcher; rules: Record<string, RuleSetting<any>> }[];
  private readonly ignoredByConfig: Matcher | undefined;
  private readonly ignoreFile: Ignore | undefined;
  private readonly cwd: string;
  private readonly extraRules: Record<string, RuleSetting<any>>;

  constructor(
    private readonly loaded: LoadedConfig,
    options: { cwd: string; useIgnores: boolean; ignoreFileText?: string; extraRules?: Record<string, RuleSetting<any>> },
  ) {
    this.configFile = loaded.file;
    this.dir = loaded.dir;
    this.cwd = options.cwd;
    this.extraRules = options.extraRules ?? {};
    this.overrides = (loaded.config.overrides ?? []).map((override) => ({ matches: globMatcher(toList(override.files)), rules: override.rules ?? {} }));
    const ignores = toList(loaded.config.ignores ?? []);
    this.ignoredByConfig = options.useIgnores && ignores.length > 0 ? globMatcher(ignores) : undefined;
    this.ignoreFile = options.useIgnores && options.ignoreFileText !== undefined ? ignore().add(options.ignoreFileText) : undefined;
  }

  /** Finds and loads the configuration as the command line does. */
  static async create(options: ResolverOptions = {}): Promise<ConfigResolver> {
    const cwd = path.resolve(options.cwd ?? process.cwd());
    let loaded: LoadedConfig = { config: {}, dir: cwd };
    if (options.configFile) loaded = await loadConfigFile(path.resolve(cwd, options.configFile));
    else if (options.useConfigFile !== false) {
      const found = findConfigFile(cwd);
      if (found) loaded = await loadConfigFile(found);
    }
    const useIgnores = options.useIgnores !== false;
    const ignorePath = path.join(cwd, IGNORE_FILE);
    let ignoreFileText: string | undefined;
    if (useIgnores && existsSync(ignorePath)) {
      try {
        ignoreFileText = readFileSync(ignorePath, 'utf8');
      } catch (error) {
        throw new ConfigError(`${ignorePath}: cannot read: ${(error as Error).message}`);
      }
    }
    if (options.rules) {
      try {
        resolveRules(options.rules);
      } catch (error) {
        if (error instanceof ConfigError) throw new ConfigError(`rules given on the command line: ${error.message}`);
        throw error;
      }
    }
    return new ConfigResolver(loaded, { cwd, useIgnores, ignoreFileText, extraRules: options.rules });
  }

  /** The rule settings for `file`: base rules, matching overrides in order, then direct rules. */
  configFor(file: string): FileConfig {
    const relative = this.relativeToConfig(file);
    let rules: Record<string, RuleSetting<any>> = { ...(this.loaded.config.rules ?? {}) };
    for (const override of this.overrides) {
      if (relative !== undefined && override.matches(relative)) rules = mergeRules(rules, override.rules);
    }
    rules = mergeRules(rules, this.extraRules);
    return { rules, maxFileBytes: this.loaded.config.maxFileBytes };
  }

  /** Whether `ignores` or `.scrapelintignore` exclude `file`. */
  isIgnored(file: string): boolean {
    const relative = this.relativeToConfig(file);
    if (this.ignoredByConfig && relative !== undefined && this.ignoredByConfig(relative)) return true;
    if (this.ignoreFile) {
      const fromCwd = path.relative(this.cwd, path.resolve(this.cwd, file));
      if (fromCwd && !fromCwd.startsWith('..') && !path.isAbsolute(fromCwd) && this.ignoreFile.ignores(fromCwd.split(path.sep).join('/'))) return true;
    }
    return false;
  }

  /** Every rule with its resolved severity and options for `file` (`--print-config`). */
  describe(file: string): { file: string; configFile: string | null; ignored: boolean; maxFileBytes?: number; rules: Record<string, [SeverityName, Record<string, unknown>] | 'off'> } {
    const absolute = path.resolve(this.cwd, file);
    const { rules, maxFileBytes } = this.configFor(absolute);
    const active = new Map(resolveRules(rules).map((entry) => [entry.rule.meta.id, entry]));
    const described: Record<string, [SeverityName, Record<string, unknown>] | 'off'> = {};
    for (const id of registry.map((rule) => rule.meta.id)) {
      const entry = active.get(id);
      described[id] = entry ? [entry.severity === 2 ? 'error' : 'warn', entry.options] : 'off';
    }
    return { file: absolute, configFile: this.configFile ?? null, ignored: this.isIgnored(absolute), ...(maxFileBytes ? { maxFileBytes } : {}), rules: described };
  }

  private relativeToConfig(file: string): string | undefined {
    const relative = path.relative(this.dir, path.resolve(this.cwd, file));
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return relative.split(path.sep).join('/');
  }
}

/** Later settings win; a severity alone keeps the options set earlier (as in ESLint). */
function mergeRules(base: Record<string, RuleSetting<any>>, next: Record<string, RuleSetting<any>>): Record<string, RuleSetting<any>> {
  const merged = { ...base };
  for (const [id, setting] of Object.entries(next)) {
    const previous = merged[id];
    const severityOnly = !Array.isArray(setting) || setting.length < 2;
    if (severityOnly && Array.isArray(previous) && previous.length >= 2) {
      const severity = Array.isArray(setting) ? setting[0] : setting;
      merged[id] = [severity, previous[1]] as RuleSetting<any>;
    } else {
      merged[id] = setting;
    }
  }
  return merged;
}

/**
 * Globs relative to the config file's folder; a glob without a slash matches a file
 * name in any folder, as in .gitignore (`*.draft.md`), and `dir/` means all under it.
 */
function globMatcher(globs: string[]): Matcher {
  const patterns = globs.map((glob) => (glob.endsWith('/') ? `${glob}**` : glob));
  // picomatch's `basename` option breaks patterns that do have a slash: split them.
  const anywhere = patterns.filter((glob) => !glob.includes('/'));
  const anchored = patterns.filter((glob) => glob.includes('/')).map((glob) => glob.replace(/^\//, ''));
  const matchers = [
    ...(anywhere.length ? [picomatch(anywhere, { dot: true, basename: true })] : []),
    ...(anchored.length ? [picomatch(anchored, { dot: true })] : []),
  ];
  return (relative) => matchers.some((matches) => matches(relative));
}

function toList(value: string | string[]): string[] {
  return typeof value === 'string' ? [value] : value;
}
