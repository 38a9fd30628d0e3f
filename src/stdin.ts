import { DEFAULT_MAX_FILE_BYTES, decodeUtf8 } from './files.js';
import { fileMessage, summarise } from './engine.js';
import { fixText, lintText } from './lint.js';
import type { ConfigResolver } from './config/resolver.js';
import type { RunOptions } from './engine.js';
import type { FixSafety, LintResult } from './types.js';

/** Reads standard input whole, refusing more than `maxBytes`. */
export async function readStdin(maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export interface StdinOutcome {
  result: LintResult;
  /** The text as read, for diffs. */
  original: string;
  /** What to print with --fix: the fixed text, or the input unchanged (bytes when it is not UTF-8). */
  output: string | Buffer;
}

/**
 * Lints (and fixes) text from standard input as if it were the file `filePath`: the
 * configuration and overrides for that path apply; an ignored path (with
 * --force-exclude) gives no problems and its text back unchanged.
 */
export async function lintStdin(
  filePath: string,
  resolver: ConfigResolver,
  options: RunOptions & { fix?: FixSafety; forceExclude?: boolean },
): Promise<StdinOutcome> {
  const { rules, maxFileBytes } = resolver.configFor(filePath);
  const limit = maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const bytes = await readStdin(limit);
  if (bytes === undefined) {
    return { result: summarise(filePath, [fileMessage(`standard input is over the ${limit}-byte limit; not linted`, 2, true)]), original: '', output: '' };
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    // Not text we can read: hand the bytes back untouched.
    return { result: summarise(filePath, [fileMessage(decoded.reason.replace(/^file/, 'standard input'), 2, true)]), original: '', output: bytes };
  }
  const original = (decoded.bom ? '\uFEFF' : '') + decoded.text;
  if (options.forceExclude && resolver.isIgnored(filePath)) return { result: summarise(filePath, []), original, output: original };
  const settings = { rules, filePath, inlineConfig: options.inlineConfig, reportUnusedDirectives: options.reportUnusedDirectives };
  if (!options.fix) return { result: lintText(original, settings), original, output: original };
  const fixed = fixText(original, { ...settings, unsafe: options.fix === 'unsafe' });
  return { result: fixed.result, original, output: fixed.output };
}
