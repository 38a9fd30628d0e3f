import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { lintFiles } from './lint.js';
import { formatters } from './formatters/index.js';
import { ConfigError } from './config/rules.js';
import { ConfigResolver } from './config/resolver.js';
import { lintStdin } from './stdin.js';
import { packageInfo } from './meta.js';
import { ProgressLine } from './progress.js';
import { statistics } from './formatters/statistics.js';
import { fixSummary } from './formatters/fix-summary.js';
import { UsageError } from './files.js';
import type { LintResult } from './types.js';

interface CliOptions {
  fix?: boolean;
  unsafeFixes?: boolean;
  fixDryRun?: boolean;
  quiet?: boolean;
  maxWarnings: number;
  color?: boolean;
  ext?: string[];
  concurrency: number | 'auto' | 'off';
  config?: string | false;
  printConfig?: string;
  ignore: boolean;
  forceExclude?: boolean;
  inlineConfig: boolean;
  reportUnusedDirectives?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy: 'content' | 'metadata';
  progress?: boolean;
  statistics?: boolean;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1) throw new InvalidArgumentError('expected an integer (-1 for no limit)');
  return n;
}

function parseConcurrency(value: string): number | 'auto' | 'off' {
  if (value === 'auto' || value === 'off') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected auto, off or a positive integer');
  return n;
}

function parseExtensions(value: string, previous: string[] | undefined): string[] {
  const list = value.split(',').map((ext) => ext.trim().replace(/^\./, '')).filter(Boolean);
  return [...(previous ?? []), ...list];
}

/** A report to write: a format, and a file (stdout when none). */
interface OutputTarget {
  format: string;
  file?: string;
}

/**
 * `--format` and `--output-file` pair up in the order given: each output file belongs
 * to the format before it (`-f stylish -f sarif -o report.sarif`). A lone output file
 * goes with the only format, or with stylish.
 */
function outputCollector() {
  const targets: OutputTarget[] = [];
  const pendingFiles: string[] = [];
  return {
    format(name: string) {
      if (!(name in formatters)) throw new InvalidArgumentError(`unknown format; choose from ${Object.keys(formatters).join(', ')}`);
      targets.push({ format: name, file: pendingFiles.shift() });
      return name;
    },
    outputFile(file: string) {
      const last = targets[targets.length - 1];
      if (last && last.file === undefined) last.file = file;
      else pendingFiles.push(file);
      return file;
    },
    targets(): OutputTarget[] {
      const all = targets.length > 0 ? [...targets] : [{ format: 'stylish' } as OutputTarget];
      if (targets.length <= 1 && pendingFiles.length > 0) all[0] = { ...all[0], file: all[0].file ?? pendingFiles.shift() };
      if (pendingFiles.length > 0) throw new UsageError(`--output-file ${pendingFiles[0]} has no --format before it`);
      if (all.filter((target) => target.file === undefined).length > 1) {
        throw new UsageError('only one format can be written to stdout: give the others an --output-file');
      }
      return all;
    },
  };
}

function buildProgram(outputs: ReturnType<typeof outputCollector>): Command {
  return new Command()
    .name('scrapelint')
    .description('Lint scraped and machine-generated Markdown articles: repeated paragraphs, end markers, truncated text, broken front matter.')
    .argument('[paths...]', 'files, directories (searched recursively) or globs', ['.'])
    .option('-f, --format <name>', `output format: ${Object.keys(formatters).join(', ')} (default: stylish); may be given more than once`, outputs.format)
    .option('--fix', 'apply safe fixes and write the files')
    .option('--unsafe-fixes', 'with --fix or --fix-dry-run, also apply fixes that may drop words')
    .option('--fix-dry-run', 'print the fixes as a unified diff; write nothing')
    .option('--quiet', 'report errors only, not warnings')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (-1: no limit)', parseCount, -1)
    .option('-o, --output-file <path>', 'write the report of the --format before it to a file instead of stdout', outputs.outputFile)
    .option('--ext <list>', 'file extensions to search directories for (default: md,markdown)', parseExtensions)
    .option('-c, --config <file>', 'use this configuration file instead of searching for one')
    .option('--no-config', 'use no configuration file')
    .option('--print-config <file>', 'print the configuration that applies to a file, and exit')
    .option('--no-ignore', 'lint files that `ignores` and .scrapelintignore exclude')
    .option('--force-exclude', 'apply ignores to files named on the command line too (for pre-commit)')
    .option('--stdin', 'lint text from standard input; with --fix, print the fixed text to stdout and the report to stderr')
    .option('--stdin-filename <path>', 'the path the standard input stands for (configuration and overrides apply to it)')
    .option('--no-inline-config', 'ignore <!-- scrapelint-disable ... --> directives in files')
    .option('--report-unused-directives', 'report directives that suppress nothing, as errors')
    .option('--cache', 'reuse results for files unchanged since the last run')
    .option('--cache-location <path>', 'cache file, or a directory for it (default: .scrapelintcache)')
    .addOption(new Option('--cache-strategy <strategy>', 'how a file is known unchanged: content (hash, safe after a fresh clone) or metadata (size and mtime)').choices(['content', 'metadata']).default('content'))
    .option('--progress', 'show a progress line on stderr even when it is not a terminal')
    .option('--no-progress', 'never show the progress line (shown on a terminal for long runs)')
    .option('--statistics', 'end the report with a summary by rule (automatic for runs of 100 files or more)')
    .option('--concurrency <n>', 'worker processes: auto (all cores for large runs), off, or a number', parseConcurrency, 'auto')
    .option('--color', 'force colors')
    .option('--no-color', 'disable colors (NO_COLOR is honoured too)')
    .version(packageInfo().version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
}

const MACHINE_FORMATS = new Set(['json', 'sarif', 'junit', 'github', 'html']);

function useColor(options: CliOptions, stream: NodeJS.WriteStream): boolean {
  if (options.color === false) return false;
  if (options.color === true && process.argv.includes('--color')) return true;
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return !!stream.isTTY;
}

/** Writes all of `text` to stdout and resolves when it is flushed (complete through pipes). */
function writeStdout(text: string | Buffer): Promise<void> {
  return new Promise((resolve) => {
    if (text.length === 0) return resolve();
    process.stdout.write(text, () => resolve());
  });
}

async function diffOf(result: LintResult, original: string, cwd: string): Promise<string> {
  if (result.output === undefined) return '';
  const name = path.relative(cwd, result.filePath) || result.filePath;
  // Loaded only for --fix-dry-run: a plain lint run does not pay for it at start-up.
  const { createTwoFilesPatch } = await import('diff');
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, original, result.output, undefined, undefined, { context: 3 });
}

/** Runs the command line; returns the exit code (0 clean, 1 errors, 2 usage or crash). */
export async function run(argv: string[]): Promise<number> {
  const outputs = outputCollector();
  const program = buildProgram(outputs);
  try {
    program.parse(argv);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return 0;
    return 2;
  }
  const options = program.opts<CliOptions>();
  let targets: OutputTarget[];
  try {
    targets = outputs.targets();
  } catch (error) {
    process.stderr.write(`scrapelint: ${(error as Error).message}\n`);
    return 2;
  }
  const inputs = program.processedArgs[0] as string[];
  const cwd = process.cwd();
  if (options.unsafeFixes && !options.fix && !options.fixDryRun) {
    process.stderr.write('scrapelint: --unsafe-fixes needs --fix or --fix-dry-run\n');
    return 2;
  }
  const fixLevel = options.fix || options.fixDryRun ? (options.unsafeFixes ? 'unsafe' : 'safe') : undefined;
  let results: LintResult[];
  let progress: ProgressLine | undefined;
  // With --stdin: the text read (for --fix-dry-run's diff), and the fixed text (--fix).
  const originals = new Map<string, string>();
  let fixedStdin: string | Buffer | undefined;
  try {
    const resolver = await ConfigResolver.create({
      cwd,
      configFile: typeof options.config === 'string' ? options.config : undefined,
      useConfigFile: options.config !== false,
      useIgnores: options.ignore,
    });
    if (options.printConfig !== undefined) {
      await writeStdout(`${JSON.stringify(resolver.describe(options.printConfig), null, 2)}\n`);
      return 0;
    }
    if (options.stdin) {
      const filePath = path.resolve(cwd, options.stdinFilename ?? '<stdin>');
      const outcome = await lintStdin(filePath, resolver, {
        fix: fixLevel,
        forceExclude: options.forceExclude,
        inlineConfig: options.inlineConfig,
        reportUnusedDirectives: options.reportUnusedDirectives,
      });
      results = [outcome.result];
      if (options.fixDryRun) originals.set(filePath, outcome.original);
      else if (options.fix) fixedStdin = outcome.output;
    } else results = await lintFiles(inputs, {
      cwd,
      resolver,
      extensions: options.ext,
      fix: fixLevel,
      dryRun: !!options.fixDryRun,
      concurrency: options.concurrency,
      forceExclude: options.forceExclude,
      inlineConfig: options.inlineConfig,
      reportUnusedDirectives: options.reportUnusedDirectives,
      cache: options.cache || options.cacheLocation !== undefined,
      cacheLocation: options.cacheLocation,
      cacheStrategy: options.cacheStrategy,
      onWarning: (message) => process.stderr.write(`scrapelint: warning: ${message}\n`),
      onProgress: (done, total) => {
        if (options.progress === false || (options.progress === undefined && !process.stderr.isTTY)) return;
        progress ??= new ProgressLine(process.stderr, total, options.progress ? 0 : 500);
        progress.update(done);
      },
    });
    progress?.finish();
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`scrapelint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  let diff = '';
  if (options.fixDryRun) {
    for (const result of results) {
      if (result.output === undefined) continue;
      const original = originals.get(result.filePath) ?? (await fs.readFile(result.filePath, 'utf8'));
      diff += await diffOf(result, original, cwd);
    }
  }
  // A --fix run that wrote files ends with one line on stderr saying what it changed (stdout
  // stays the report alone); --quiet filters the report, not this line.
  const fixesWritten = !!options.fix && !options.fixDryRun && !options.stdin;
  const summaryLine = fixesWritten ? `${fixSummary(results)}\n` : '';
  if (options.quiet) results = results.map(onlyErrors);
  const fixedCount = options.fix || options.fixDryRun ? results.reduce((n, r) => n + (r.fixedCount ?? 0), 0) : undefined;
  let toStdout = '';
  for (const target of targets) {
    let report = formatters[target.format](results, {
      cwd,
      color: target.file === undefined ? useColor(options, process.stdout) : false,
      // stylish's own "Fixed n problems" line would repeat the stderr summary.
      fixedCount: fixesWritten && target.format === 'stylish' ? undefined : fixedCount,
      dryRun: !!options.fixDryRun,
    });
    const human = target.format === 'stylish' || target.format === 'compact';
    const summary = human && (options.statistics || (options.statistics === undefined && results.length >= 100)) ? statistics(results) : '';
    if (summary) report = report + summary;
    if (target.file !== undefined) {
      await fs.mkdir(path.dirname(path.resolve(target.file)), { recursive: true });
      await fs.writeFile(target.file, report);
    } else {
      // A machine-readable report on stdout must stay parseable: the diff is left out.
      toStdout = (MACHINE_FORMATS.has(target.format) ? '' : diff) + report;
    }
  }
  if (!targets.some((target) => target.file === undefined)) toStdout = diff;
  if (fixedStdin !== undefined) {
    // stdout carries the fixed text; the report goes to stderr.
    process.stderr.write(toStdout);
    await writeStdout(fixedStdin);
  } else {
    await writeStdout(toStdout);
  }
  if (summaryLine) process.stderr.write(summaryLine);
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    process.stderr.write(`scrapelint found too many warnings (maximum: ${options.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

function onlyErrors(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 2);
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
}
