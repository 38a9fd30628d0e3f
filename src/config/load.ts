import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from './rules.js';
import { validateConfig, type ScrapelintConfig } from './schema.js';

/** File names searched in each directory, first match wins. */
export const CONFIG_FILE_NAMES = [
  '.scrapelintrc.json',
  '.scrapelintrc.yaml',
  '.scrapelintrc.yml',
  'scrapelint.config.mjs',
  'scrapelint.config.js',
  'package.json',
];

export interface LoadedConfig {
  config: ScrapelintConfig;
  /** Absolute path of the file it came from; undefined for the built-in defaults. */
  file?: string;
  /** Directory that globs in the config are relative to. */
  dir: string;
}

/**
 * Finds the configuration for a run: the first directory from `cwd` upward holding
 * one of CONFIG_FILE_NAMES (a package.json counts only with a "scrapelint" key).
 * Only the first one found applies; there is no merging up the tree.
 */
export function findConfigFile(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (!existsSync(candidate)) continue;
      if (name === 'package.json' && !packageHasConfig(candidate)) continue;
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function packageHasConfig(file: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return typeof pkg === 'object' && pkg !== null && 'scrapelint' in pkg;
  } catch {
    return false; // a broken package.json that is not ours to judge
  }
}

/**
 * Reads and validates one configuration file. JSON and YAML are parsed as data (YAML
 * with the core schema: no tags that run code). `.mjs`/`.js` files are imported: they
 * are the project's own code, as with ESLint; scrapelint never loads a config from the
 * folders it lints, only from the working directory upward or `--config`.
 */
export async function loadConfigFile(file: string): Promise<LoadedConfig> {
  const absolute = path.resolve(file);
  const name = path.basename(absolute);
  let raw: unknown;
  if (/\.(mjs|cjs|js)$/.test(name)) {
    if (!existsSync(absolute)) throw new ConfigError(`${absolute}: cannot read the configuration file: no such file`);
    try {
      const module = (await import(pathToFileURL(absolute).href)) as { default?: unknown };
      raw = module.default;
    } catch (error) {
      throw new ConfigError(`${absolute}: cannot load the configuration: ${(error as Error).message}`);
    }
  } else {
    const text = readConfigText(absolute);
    if (name === 'package.json') {
      const pkg = parseJson(text, absolute) as Record<string, unknown>;
      raw = pkg?.scrapelint;
      if (raw === undefined) throw new ConfigError(`${absolute}: has no "scrapelint" key`);
    } else if (/\.ya?ml$/.test(name)) {
      try {
        raw = parseYaml(text, { schema: 'core', maxAliasCount: 100, uniqueKeys: true }) ?? {};
      } catch (error) {
        throw new ConfigError(`${absolute}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
      }
    } else {
      raw = parseJson(text, absolute);
    }
  }
  return { config: validateConfig(raw, absolute), file: absolute, dir: path.dirname(absolute) };
}

function readConfigText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`${file}: cannot read the configuration file${code === 'ENOENT' ? ': no such file' : `: ${(error as Error).message}`}`);
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`${file}: invalid JSON: ${(error as Error).message}`);
  }
}
