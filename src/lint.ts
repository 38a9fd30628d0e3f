import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { fileMessage, formatMessage, lintArticleText, summarise, toResult, type RunOptions } from './engine.js';
import { resolveRules, type ActiveRule } from './config/rules.js';
import type { Article } from './article.js';
import { compareFingerprints, CROSS_FILE_RULE, fingerprintArticle, type CrossFileOptions, type Fingerprint } from './cross-file.js';
import { fixArticleText } from './fix.js';
import { expandInputs, readTextFile, writeFileAtomic, describeError } from './files.js';
import type { FixSafety, LintMessage, LintOptions, LintResult } from './types.js';
import { ConfigResolver, type FileConfig } from './config/resolver.js';
import { hashBytes, LintCache, reusableFor, settingsKey, type CacheStrategy, type FileStamp } from './cache.js';
import { packageInfo } from './meta.js';
import { stat } from 'node:fs/promises';
import path from 'node:path';

export interface LintFilesOptions extends LintOptions {
  cwd?: string;
  /** A configuration file to use instead of searching from `cwd` upward. */
  configFile?: string;
  /** false: read no configuration file (`--no-config`). */
  useConfigFile?: boolean;
  /** false: `ignores` and `.scrapelintignore` do not apply. */
  useIgnores?: boolean;
  /** Apply ignores to files named explicitly too. */
  forceExclude?: boolean;
  /** A resolver built beforehand (the CLI shares one for --print-config and the cache). */
  resolver?: ConfigResolver;
  /** Reuse results of earlier runs for unchanged files (`--cache`). */
  cache?: boolean;
  /** Cache file, or a directory for `.scrapelintcache` (default: `.scrapelintcache` in `cwd`). */
  cacheLocation?: string;
  cacheStrategy?: CacheStrategy;
  /** Warnings about the run itself (an unreadable cache); default: ignored. */
  onWarning?: (message: string) => void;
  /** Called as files finish: how many are done of how many (cache hits count at once). */
  onProgress?: (done: number, total: number) => void;
  extensions?: string[];
  /** Apply fixes and write the files: `true`/`'safe'` for safe fixes, `'unsafe'` for all. */
  fix?: boolean | FixSafety;
  /** Compute fixes (`output`) without writing any file. */
  dryRun?: boolean;
  maxFileBytes?: number;
  /**
   * Worker processes: a number, `'auto'` (all cores, for runs big enough to pay for
   * starting them: the default), or `'off'`.
   */
  concurrency?: number | 'auto' | 'off';
}

export interface LintTextOptions extends LintOptions {
  filePath?: string;
}

export interface FixTextResult {
  output: string;
  fixed: boolean;
  fixedCount: number;
  result: LintResult;
}

function stripBom(text: string): { text: string; bom: boolean } {
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), bom: true } : { text, bom: false };
}

/** Lints a string as if it were the file `filePath`. */
export function lintText(source: string, options: LintTextOptions = {}): LintResult {
  const filePath = options.filePath ?? '<text>';
  return lintWith(stripBom(source).text, filePath, resolveRules(options.rules), options);
}

/** Fixes a string: safe fixes, plus unsafe ones when `unsafe` is set. The BOM is kept. */
export function fixText(source: string, options: LintTextOptions & { unsafe?: boolean } = {}): FixTextResult {
  const active = resolveRules(options.rules);
  const { article: _article, ...fixed } = fixWith(source, options.filePath ?? '<text>', active, options.unsafe ? 'unsafe' : 'safe', options);
  return fixed;
}

function fixWith(source: string, filePath: string, active: ActiveRule[], level: FixSafety, run: RunOptions): FixTextResult & { article: Article } {
  const { text, bom } = stripBom(source);
  const outcome = fixArticleText(text, filePath, active, level, run);
  const messages = toResult(filePath, outcome.article, outcome.findings).messages;
  if (outcome.rolledBack) messages.push(fileMessage(outcome.rolledBack, 1));
  const result = summarise(filePath, messages);
  const output = (bom ? '\uFEFF' : '') + outcome.output;
  result.fixedCount = outcome.fixedCount;
  if (outcome.fixedCount > 0) {
    result.output = output;
    result.fixedByRule = outcome.fixedByRule;
  }
  return { output, fixed: outcome.fixedCount > 0, fixedCount: outcome.fixedCount, result, article: outcome.article };
}

/**
 * Lints (and with `fix`, fixes and writes) every file the inputs name. Results come
 * back sorted by path. A file that cannot be read or written gets a fatal message
 * naming the reason; the other files go on.
 */
export async function lintFiles(inputs: string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const resolver =
    options.resolver ??
    (await ConfigResolver.create({ cwd: options.cwd, configFile: options.configFile, useConfigFile: options.useConfigFile, useIgnores: options.useIgnores, rules: options.rules }));
  const files = await expandInputs(inputs, {
    cwd: options.cwd,
    extensions: options.extensions,
    isIgnored: (file) => resolver.isIgnored(file),
    forceExclude: options.forceExclude,
  });
  const jobs = files.map((file) => ({ file, config: resolver.configFor(file) }));
  const level = fixLevel(options.fix);
  const results: LintResult[] = new Array(jobs.length);
  const warn = options.onWarning ?? (() => {});
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const cache = options.cache
    ? LintCache.load(LintCache.resolveLocation(options.cacheLocation, cwd), options.cacheStrategy ?? 'content', packageInfo().version, warn)
    : undefined;
  // Everything that decides a file's result besides its content (computed once per file).
  const keys = cache ? jobs.map((job) => settingsKey([job.config, options.maxFileBytes, options.inlineConfig !== false, !!options.reportUnusedDirectives])) : [];
  const fingerprints: (Fingerprint | undefined)[] = new Array(jobs.length);
  const pending: number[] = [];
  for (let i = 0; i < jobs.length; i++) {
    const cached = cache?.lookup(jobs[i].file, keys[i]);
    if (cached && reusableFor(cached.result, level)) {
      results[i] = cached.result;
      fingerprints[i] = cached.fingerprint;
    } else pending.push(i);
  }
  let finished = jobs.length - pending.length;
  options.onProgress?.(finished, jobs.length);
  const done = (i: number, linted: Linted) => {
    options.onProgress?.(++finished, jobs.length);
    results[i] = linted.result;
    fingerprints[i] = linted.fingerprint;
    // The cache holds each file's own result; cross-file problems are computed afresh every run.
    if (cache && linted.stamp) cache.store(jobs[i].file, keys[i], linted.stamp, linted.result, linted.fingerprint);
  };
  const workers = workerCount(pending.length, options.concurrency);
  if (workers > 1) {
    await lintInWorkers(pending.map((i) => jobs[i]), workers, options, (k, linted) => done(pending[k], linted));
  } else {
    const rulesFor = activeRulesCache();
    for (const i of pending) done(i, await lintFileJob(jobs[i], options, rulesFor(jobs[i].config.rules)));
  }
  cache?.save(warn);
  addCrossFileProblems(jobs, results, fingerprints, cwd);
  return results;
}

/** Runs the cross-file comparison and adds its problems to the files' results. */
function addCrossFileProblems(jobs: FileJob[], results: LintResult[], fingerprints: (Fingerprint | undefined)[], cwd: string): void {
  if (fingerprints.filter(Boolean).length < 2) return;
  const rulesFor = activeRulesCache();
  const settings = jobs.map((job) => rulesFor(job.config.rules).find((a) => a.rule.meta.id === CROSS_FILE_RULE));
  const entries = jobs.map((job, i) =>
    fingerprints[i] && settings[i] ? { path: job.file, fp: fingerprints[i]!, options: settings[i]!.options as unknown as CrossFileOptions } : undefined,
  );
  const problems = compareFingerprints(entries, (i) => path.relative(cwd, jobs[i].file).split(path.sep).join('/') || jobs[i].file);
  if (problems.length === 0) return;
  const added = new Map<number, LintMessage[]>();
  for (const problem of problems) {
    const { rule, severity } = settings[problem.file]!;
    const message: LintMessage = {
      ruleId: CROSS_FILE_RULE,
      severity,
      message: formatMessage(rule.meta.messages[problem.messageId], problem.data),
      messageId: problem.messageId,
      line: problem.line,
      column: 1,
      endLine: problem.endLine,
      endColumn: 1,
      related: { line: problem.related.line, endLine: problem.related.endLine, filePath: jobs[problem.related.file].file },
    };
    if (!added.has(problem.file)) added.set(problem.file, []);
    added.get(problem.file)!.push(message);
  }
  for (const [i, messages] of added) {
    const all = [...results[i].messages, ...messages].sort((a, b) => a.line - b.line || a.column - b.column);
    const { output, fixedCount, fixedByRule, source } = results[i];
    results[i] = {
      ...summarise(results[i].filePath, all),
      ...(output !== undefined ? { output } : {}),
      ...(fixedCount !== undefined ? { fixedCount } : {}),
      ...(fixedByRule !== undefined ? { fixedByRule } : {}),
      ...(source !== undefined ? { source } : {}),
    };
  }
}

/** A file's result, and the stamp of the content it describes (none when that is not on disk). */
export interface Linted {
  result: LintResult;
  stamp?: FileStamp;
  /** For the cross-file comparison, when that rule is on for the file. */
  fingerprint?: Fingerprint;
}

/** A file's job: its path and the settings that apply to it. */
export interface FileJob {
  file: string;
  config: FileConfig;
}

/** resolveRules memoised by settings: most files of a run share one configuration. */
export function activeRulesCache(): (rules: FileConfig['rules']) => ActiveRule[] {
  const cache = new Map<string, ActiveRule[]>();
  return (rules) => {
    const key = JSON.stringify(rules);
    let active = cache.get(key);
    if (!active) cache.set(key, (active = resolveRules(rules)));
    return active;
  };
}

function fixLevel(fix: LintFilesOptions['fix']): FixSafety | undefined {
  return fix === 'unsafe' ? 'unsafe' : fix ? 'safe' : undefined;
}

/**
 * Below this many files per worker, starting workers costs more than it saves: each
 * worker compiles the linter afresh, and a single process already gets a second core for
 * garbage collection. On 2 cores, 2 workers were slower than one process up to about
 * 500 Japanese corpus files (256 files: 2.6 s against 2.1 s), and faster from about 1,000
 * (the whole 5,076-file corpus: 21.9 s against 33.8 s).
 */
const FILES_PER_WORKER = 256;

function workerCount(files: number, concurrency: LintFilesOptions['concurrency'] = 'auto'): number {
  if (concurrency === 'off') return 1;
  if (typeof concurrency === 'number') return Math.max(1, Math.min(concurrency, files));
  if (!existsSync(WORKER_FILE)) return 1; // running from TypeScript sources (tests): stay in-process
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / FILES_PER_WORKER)));
}

const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));

/**
 * V8 flags for the worker processes. Each worker keeps one core busy, so V8's helper
 * threads for parallel and concurrent garbage collection only compete with the other
 * workers for the same cores: collecting on the worker's own thread was measured 12-15%
 * faster on the corpus with 2 cores. Parsing allocates many short-lived objects, and a
 * larger young generation spends far less time collecting them. These are process-wide
 * V8 flags, which is why the workers are processes and not threads.
 */
const WORKER_V8_FLAGS = ['--single-threaded-gc', '--max-semi-space-size=64'];

/**
 * Lints files in worker processes. Each worker takes the next file when it is done with
 * one, so a huge file does not hold up the rest; results come back in path order.
 */
async function lintInWorkers(files: FileJob[], count: number, options: LintFilesOptions, onResult: (index: number, linted: Linted) => void): Promise<void> {
  // Loaded here: a one-file run (the pre-commit case) never starts a worker.
  const { fork } = await import('node:child_process');
  const { fix, dryRun, maxFileBytes, inlineConfig, reportUnusedDirectives, cache } = options;
  const shared: LintFilesOptions = { fix, dryRun, maxFileBytes, inlineConfig, reportUnusedDirectives, cache };
  let next = 0;
  let running = count;
  const workers: ChildProcess[] = [];
  return new Promise((resolve, reject) => {
    // A worker that dies (out of memory, a bug) ends the run: stop the others too.
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      next = files.length;
      for (const worker of workers) worker.kill();
      reject(error);
    };
    for (let w = 0; w < count; w++) {
      const worker = fork(WORKER_FILE, [], {
        // Node flags of this process carry over, except a debugger's (its port is taken).
        execArgv: [...process.execArgv.filter((flag) => !/^--(inspect|debug)/.test(flag)), ...WORKER_V8_FLAGS],
        serialization: 'advanced', // structured clone: typed arrays and Maps arrive intact
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      workers.push(worker);
      let inFlight = 0;
      let stopped = false;
      const feed = () => {
        if (next < files.length) {
          const index = next++;
          inFlight++;
          worker.send({ index, job: files[index] });
        } else if (inFlight === 0 && !stopped) {
          stopped = true;
          worker.disconnect();
          if (--running === 0) resolve();
        }
      };
      worker.on('message', (message: { index: number; linted: Linted }) => {
        inFlight--;
        onResult(message.index, message.linted);
        feed();
      });
      worker.on('error', fail);
      worker.on('exit', (code, signal) => {
        if (!stopped) fail(new Error(`a worker process stopped (${signal ?? `exit code ${code}`}) before the run was done`));
      });
      worker.send({ options: shared });
      // Two files in flight: the worker starts the next one while the main process
      // handles the result of the last, instead of waiting for the round trip.
      feed();
      feed();
    }
  });
}

/** Lints one file as `lintFiles` does (used by the worker processes too). */
export async function lintFileJob(job: FileJob, options: LintFilesOptions, active = resolveRules(job.config.rules)): Promise<Linted> {
  return lintOneFile(job.file, active, fixLevel(options.fix), { ...options, maxFileBytes: options.maxFileBytes ?? job.config.maxFileBytes });
}

async function lintOneFile(file: string, active: ActiveRule[], level: FixSafety | undefined, options: LintFilesOptions): Promise<Linted> {
  // Content hashes are only needed to fill the cache.
  const read = await readTextFile(file, options.maxFileBytes, !!options.cache);
  if (!read.ok) return { result: summarise(file, [fileMessage(read.reason, 2, true)]) };
  const stamp: FileStamp | undefined = read.hash !== undefined ? { hash: read.hash, size: read.size, mtimeMs: read.mtimeMs } : undefined;
  const source = (read.bom ? '\uFEFF' : '') + read.text;
  try {
    if (!level) {
      const { result, article } = lintWithArticle(read.text, file, active, options);
      return { result, stamp, fingerprint: fingerprintFor(article, active) };
    }
    const fixed = fixWith(source, file, active, level, options);
    const fingerprint = fingerprintFor(fixed.article, active);
    if (!fixed.fixed) return { result: fixed.result, stamp, fingerprint };
    // A dry run's result describes text that is not on disk: not cacheable.
    if (options.dryRun) return { result: fixed.result, fingerprint };
    try {
      await writeFileAtomic(file, fixed.output, read);
    } catch (error) {
      const result = lintWith(read.text, file, active, options);
      result.messages.push(fileMessage(`fixes not written: ${describeError(error)}`, 2, true));
      return { result: summarise(file, result.messages) };
    }
    if (!options.cache) return { result: fixed.result, fingerprint };
    // The fixed file was re-checked: its result is cached against the new content.
    const bytes = Buffer.from(fixed.output, 'utf8');
    const written = await stat(file).catch(() => undefined);
    return { result: fixed.result, stamp: written ? { hash: hashBytes(bytes), size: bytes.length, mtimeMs: written.mtimeMs } : undefined, fingerprint };
  } catch (error) {
    return { result: summarise(file, [fileMessage(`internal error while linting: ${describeError(error)}`, 2, true)]) };
  }
}

function lintWith(text: string, file: string, active: ActiveRule[], run: RunOptions): LintResult {
  return lintWithArticle(text, file, active, run).result;
}

function lintWithArticle(text: string, file: string, active: ActiveRule[], run: RunOptions): { result: LintResult; article: Article } {
  const { article, findings } = lintArticleText(text, file, active, run);
  return { result: toResult(file, article, findings), article };
}

/** The cross-file fingerprint of an article, when the rule is on for its file. */
function fingerprintFor(article: Article, active: ActiveRule[]): Fingerprint | undefined {
  const entry = active.find((a) => a.rule.meta.id === CROSS_FILE_RULE);
  return entry && !article.unparsed ? fingerprintArticle(article, entry.options as unknown as CrossFileOptions) : undefined;
}
