import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FixSafety, LintResult } from './types.js';
import type { Fingerprint } from './cross-file.js';

/** What identifies the content a result was computed for. */
export interface FileStamp {
  /** SHA-1 of the file's bytes. */
  hash: string;
  size: number;
  mtimeMs: number;
}

/**
 * `content` (default) trusts a cached result when the file's bytes hash the same: safe
 * after a fresh clone, where every mtime is new. `metadata` trusts size and mtime, and
 * skips reading the file.
 */
export type CacheStrategy = 'content' | 'metadata';

export const DEFAULT_CACHE_FILE = '.scrapelintcache';
const FORMAT = 1;

interface Entry extends FileStamp {
  /** Hash of the settings the result was computed with. */
  key: string;
  result: LintResult;
  /** The file's cross-file fingerprint (its own data; the comparison always runs afresh). */
  fingerprint?: Fingerprint;
}

interface CacheFileContent {
  format: number;
  version: string;
  entries: Record<string, Entry>;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** A stable hash of the settings that decide a file's result. */
export function settingsKey(settings: unknown): string {
  return createHash('sha1').update(JSON.stringify(settings)).digest('hex');
}

/**
 * Results of earlier runs, by path relative to the cache file. A result is reused only when the file,
 * the settings for it and the scrapelint version are the same. A cache file that cannot
 * be read or parsed is dropped with a warning; the run goes on without it.
 */
export class LintCache {
  private constructor(
    readonly location: string,
    readonly strategy: CacheStrategy,
    private readonly version: string,
    private readonly entries: Map<string, Entry>,
  ) {}

  /** Whether the file on disk is out of date: an entry was stored, or what was read is unusable. */
  private changed = false;

  /** `location` is a file, or a directory (ending in a slash or existing) to hold `.scrapelintcache`. */
  static resolveLocation(location: string | undefined, cwd: string): string {
    const target = path.resolve(cwd, location ?? DEFAULT_CACHE_FILE);
    const isDirectory = (location ?? '').endsWith('/') || (existsSync(target) && statSync(target).isDirectory());
    return isDirectory ? path.join(target, DEFAULT_CACHE_FILE) : target;
  }

  static load(location: string, strategy: CacheStrategy, version: string, warn: (message: string) => void): LintCache {
    const entries = new Map<string, Entry>();
    // A file that holds no usable entries is rewritten even if no file is linted.
    let stale = false;
    if (existsSync(location)) {
      try {
        const parsed = JSON.parse(readFileSync(location, 'utf8')) as CacheFileContent;
        if (typeof parsed !== 'object' || parsed === null || typeof parsed.entries !== 'object' || parsed.entries === null) throw new Error('not a scrapelint cache');
        // Another version of scrapelint (or of the cache format) may judge files differently: start afresh.
        if (parsed.format === FORMAT && parsed.version === version) {
          for (const [file, entry] of Object.entries(parsed.entries)) if (isEntry(entry)) entries.set(file, entry);
        } else stale = true;
      } catch (error) {
        warn(`cache file ${location} is unreadable (${(error as Error).message.split('\n')[0]}); it will be replaced`);
        stale = true;
      }
    }
    const cache = new LintCache(location, strategy, version, entries);
    cache.changed = stale;
    return cache;
  }

  /** The cached result for `file` under settings `key`, if still valid. */
  lookup(file: string, key: string): { result: LintResult; fingerprint?: Fingerprint } | undefined {
    const entry = this.entries.get(this.name(file));
    if (!entry || entry.key !== key) return undefined;
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return undefined;
    }
    // Only a regular file can hit: a pipe or device put in a cached file's place is read
    // (and refused) by the normal path, never hashed here without a bound.
    if (!stat.isFile() || stat.size !== entry.size) return undefined;
    const hit = { result: { ...entry.result, filePath: file }, fingerprint: entry.fingerprint };
    if (this.strategy === 'metadata') return stat.mtimeMs === entry.mtimeMs ? hit : undefined;
    try {
      return hashBytes(readFileSync(file)) === entry.hash ? hit : undefined;
    } catch {
      return undefined;
    }
  }

  store(file: string, key: string, stamp: FileStamp, result: LintResult, fingerprint?: Fingerprint): void {
    // What a run fixed is not part of a file's result: a later run that reuses it fixed nothing.
    const { output: _output, source: _source, fixedCount: _fixed, fixedByRule: _fixedByRule, ...kept } = result;
    this.entries.set(this.name(file), { ...stamp, key, result: kept, ...(fingerprint ? { fingerprint } : {}) });
    this.changed = true;
  }

  /** Entries are named relative to the cache file, so a restored cache works in another checkout. */
  private name(file: string): string {
    return path.relative(path.dirname(this.location), file).split(path.sep).join('/');
  }

  /** Writes the cache atomically, leaving out files that no longer exist; skipped when nothing changed. */
  save(warn: (message: string) => void): void {
    const entries: Record<string, Entry> = {};
    const base = path.dirname(this.location);
    let pruned = false;
    for (const [name, entry] of this.entries) {
      if (existsSync(path.resolve(base, name))) entries[name] = entry;
      else pruned = true;
    }
    // Nothing new and nothing gone: the file on disk is already right.
    if (!this.changed && !pruned && existsSync(this.location)) return;
    const content: CacheFileContent = { format: FORMAT, version: this.version, entries };
    const temp = `${this.location}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      mkdirSync(path.dirname(this.location), { recursive: true });
      writeFileSync(temp, JSON.stringify(content));
      renameSync(temp, this.location);
    } catch (error) {
      rmSync(temp, { force: true });
      warn(`cache file ${this.location} could not be written (${(error as Error).message}); results were not cached`);
    }
  }
}

/** A cached result can stand in for a run with fixes only when it has nothing to fix at that level. */
export function reusableFor(result: LintResult, level: FixSafety | undefined): boolean {
  if (!level) return true;
  return !result.messages.some((m) => m.fix || (level === 'unsafe' && m.suggestions?.length));
}

function isEntry(value: unknown): value is Entry {
  const entry = value as Entry;
  return typeof entry === 'object' && entry !== null && typeof entry.hash === 'string' && typeof entry.key === 'string' && typeof entry.size === 'number' && typeof entry.mtimeMs === 'number' && typeof entry.result === 'object' && entry.result !== null && Array.isArray(entry.result.messages);
}
