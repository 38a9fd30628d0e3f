import { promises as fs, constants as fsConstants, closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { glob, isDynamicPattern } from 'tinyglobby';
import { hashBytes } from './cache.js';

export const DEFAULT_EXTENSIONS = ['md', 'markdown'];
const SKIPPED_DIRECTORIES = ['**/node_modules/**', '**/.git/**'];

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ExpandOptions {
  cwd?: string;
  extensions?: string[];
  /** Files found in directories or by globs for which this is true are left out. */
  isIgnored?: (file: string) => boolean;
  /** Leave out ignored files even when named on the command line (pre-commit passes names). */
  forceExclude?: boolean;
}

/**
 * Turns command-line inputs into a sorted list of absolute file paths: files as
 * given, directories searched recursively for the extensions, globs expanded.
 * A path that does not exist, or a glob that matches nothing, is a usage error.
 */
export async function expandInputs(inputs: string[], options: ExpandOptions = {}): Promise<string[]> {
  const cwd = options.cwd ?? process.cwd();
  const extensions = (options.extensions ?? DEFAULT_EXTENSIONS).map((ext) => ext.replace(/^\./, ''));
  const extensionGlob = extensions.length === 1 ? `**/*.${extensions[0]}` : `**/*.{${extensions.join(',')}}`;
  const found = new Set<string>();
  const ignored = options.isIgnored ?? (() => false);
  const addFound = (files: string[]) => {
    for (const file of files) {
      const normal = path.normalize(file);
      if (!ignored(normal)) found.add(normal);
    }
  };
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (stat?.isDirectory()) {
      addFound(await glob(extensionGlob, { cwd: absolute, absolute: true, ignore: SKIPPED_DIRECTORIES, dot: false, followSymbolicLinks: false }));
      continue;
    }
    // A symbolic link that leads nowhere (or in a loop) is still a name the user gave:
    // reading it reports why, instead of "no such file".
    const link = stat ? undefined : await fs.lstat(absolute).catch(() => undefined);
    if (stat || link?.isSymbolicLink()) {
      // A file named explicitly is linted even when ignored, unless --force-exclude.
      if (!options.forceExclude || !ignored(absolute)) found.add(absolute);
      continue;
    }
    if (isDynamicPattern(input)) {
      const files = await glob(input.split(path.sep).join('/'), { cwd, absolute: true, ignore: SKIPPED_DIRECTORIES, onlyFiles: true });
      if (files.length === 0) throw new UsageError(`No files match the pattern "${input}".`);
      // A glob follows symbolic links and keeps any that do not lead to a directory:
      // links to devices, pipes and sockets are left out, as a directory walk leaves
      // those out (it lists regular files only).
      addFound(files.filter(isRegularFile));
      continue;
    }
    throw new UsageError(`No such file or directory: "${input}".`);
  }
  return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export type ReadOutcome =
  | { ok: true; text: string; bom: boolean; mode: number; mtimeMs: number; size: number; hash?: string }
  | { ok: false; reason: string };

/** Files larger than this are refused with a message rather than read. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** What a file that is not a regular file is, for the message that refuses it. */
export function describeFileType(stat: Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a directory';
  return 'an unknown kind of file';
}

function refuseType(stat: Stats): { ok: false; reason: string } | undefined {
  if (stat.isDirectory()) return { ok: false, reason: 'is a directory, not a file' };
  const type = describeFileType(stat);
  return type ? { ok: false, reason: `not a regular file: ${type}; not linted` } : undefined;
}

function isRegularFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Opening never waits: a named pipe with no writer would block open() forever, and a
 * terminal must not become the controlling one. Regular files ignore both flags.
 */
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0) | (fsConstants.O_NOCTTY ?? 0);

/**
 * Reads a file as UTF-8 text, refusing what is not: binary content, UTF-16, other
 * encodings (named when recognisable). The BOM is reported separately and removed.
 * `withHash` adds the SHA-1 of the bytes (for the cache).
 *
 * Only regular files are read: a named pipe, socket or device (directly or through a
 * symbolic link) is refused by the path's type, and again by the type of the opened
 * descriptor, so one swapped in between is refused too. The read itself stops after
 * `maxBytes + 1` bytes whatever the size said, so a file that grows is refused as too
 * large instead of read whole.
 */
export async function readTextFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES, withHash = false): Promise<ReadOutcome> {
  // Synchronous reads: a linting thread has nothing else to do meanwhile, and the
  // promise round trip through libuv's pool left it idle for 13% of a corpus run.
  let stat: Stats;
  try {
    // Refused by the path first, so a device is never even opened.
    const refused = refuseType(statSync(file));
    if (refused) return refused;
  } catch (error) {
    return { ok: false, reason: `cannot read file: ${describeError(error)}` };
  }
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, reason: `cannot read file: ${describeError(error)}` };
  }
  let bytes: Buffer;
  try {
    stat = fstatSync(fd);
    const refused = refuseType(stat);
    if (refused) return refused;
    if (stat.size > maxBytes) return { ok: false, reason: `file is ${stat.size} bytes, over the ${maxBytes}-byte limit; not linted` };
    const read = readAtMost(fd, stat.size, maxBytes);
    if (read === undefined) return { ok: false, reason: `file is over the ${maxBytes}-byte limit; not linted` };
    bytes = read;
  } catch (error) {
    return { ok: false, reason: `cannot read file: ${describeError(error)}` };
  } finally {
    closeSync(fd);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return decoded;
  return { ...decoded, mode: stat.mode, mtimeMs: stat.mtimeMs, size: stat.size, ...(withHash ? { hash: hashBytes(bytes) } : {}) };
}

/**
 * Reads `fd` to its end, or `undefined` once more than `maxBytes` came. `expected` (the
 * size `fstat` gave) sizes the first buffer: one byte more, so that the end shows as a
 * read of nothing and a file that grew is noticed.
 */
function readAtMost(fd: number, expected: number, maxBytes: number): Buffer | undefined {
  let buffer = Buffer.allocUnsafe(Math.min(expected, maxBytes) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) return undefined;
      const larger = Buffer.allocUnsafe(Math.min(Math.max(length * 2, 64 * 1024), maxBytes + 1));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) return buffer.subarray(0, length);
    length += n;
  }
}

export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string; bom: boolean } | { ok: false; reason: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'file is UTF-16 (byte order mark found), not UTF-8; not linted' };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'file looks binary (contains NUL bytes); not linted' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const guess = guessEncoding(bytes);
    return { ok: false, reason: `file is not valid UTF-8${guess ? ` (looks like ${guess})` : ''}; not linted and never rewritten` };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { ok: true, text: bom ? text.slice(1) : text, bom };
}

/** Recognise the common legacy Japanese encodings by decoding without errors. */
function guessEncoding(bytes: Uint8Array): string | undefined {
  for (const [label, name] of [
    ['shift_jis', 'Shift_JIS'],
    ['euc-jp', 'EUC-JP'],
  ] as const) {
    try {
      const text = new TextDecoder(label, { fatal: true }).decode(bytes);
      if (/[\u3040-\u30ff]/.test(text)) return name;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/**
 * Writes `text` atomically: a temporary file in the same directory, then a rename, so
 * a crash never leaves half a file. Keeps the file mode. Refuses when the file changed
 * on disk since it was read (`expected` mtime and size). A symbolic link is written
 * through: the temporary file goes beside the link's real target and replaces that, and
 * the link stays a link.
 */
export async function writeFileAtomic(file: string, text: string, expected: { mode: number; mtimeMs: number; size: number }): Promise<void> {
  const target = await fs.realpath(file);
  const now = await fs.stat(target);
  if (!now.isFile()) throw new Error(`not a regular file: ${describeFileType(now)}`);
  if (now.mtimeMs !== expected.mtimeMs || now.size !== expected.size) {
    throw new Error('file changed on disk since it was read; not overwritten');
  }
  // A file without write permission is not rewritten, whoever runs the fix (root can).
  if ((now.mode & 0o222) === 0) throw new Error('file is read-only');
  await fs.access(target, fsConstants.W_OK);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, text, { mode: expected.mode & 0o7777, flag: 'wx' });
    await fs.chmod(temp, expected.mode & 0o7777);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

export function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'ELOOP') return 'too many symbolic links (a loop?)';
  return e?.message ?? String(error);
}
