import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LintResult } from '../src/types.js';

/** The built command, as users run it. */
export const bin = path.resolve(__dirname, '../bin/scrapelint.js');

/** Runs the built command and collects its exit code and output (colors off). */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? process.cwd(),
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'scrapelint-test-'));
}

export const fixturesDir = path.resolve(__dirname, '../fixtures');

/** Every input fixture: fixtures/<rule-id>/<case>.md, not the expected outputs beside it. */
export function listFixtures(dir = fixturesDir): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    // Cross-file cases are folders linted together (test/cross-file.test.ts).
    if (statSync(full).isDirectory()) {
      if (path.basename(dir) !== 'cross-file-duplicate') found.push(...listFixtures(full));
    }
    else if (name.endsWith('.md') && !/\.(unsafe-)?fixed\.md$/.test(name)) found.push(full);
  }
  return found;
}

/** Built-in end markers as generators write them (case-sensitive): a safe fix may remove these. */
const MARKER = String.raw`(?:[-=]{2,}END(?:OF[A-Z]+)?[-=]{2,}|-{3,}end-{3,}|={3,}end={3,}|\[END\]|<END>|【END】|\(END\)|<\|[a-z][a-z0-9_]*\|>|<\/s>|\[\/INST\])`;
const MARKERS = new RegExp(MARKER, 'g');

/**
 * The invariant of a safe fix, checked by code of its own (simpler and looser than the
 * guard's: pieces in any order, anywhere):
 * every line of `before` still stands, whitespace and end markers aside, in `after`:
 * whole, or (a glued re-emission) as consecutive pieces of at least 12 characters that
 * each stand there. Returns the lines that do not.
 */
export function linesNotKept(before: string, after: string): string[] {
  const kept = after.replace(/\s+/g, '');
  return before.split(/\r\n|\r|\n/).filter((line) => {
    const text = line.replace(/\s+/g, '').replace(MARKERS, '').replace(/^>+$/, '');
    return text !== '' && !kept.includes(text) && !inPieces(text, kept);
  });
}

function inPieces(text: string, kept: string): boolean {
  let position = 0;
  while (position < text.length) {
    let length = text.length - position;
    while (length >= 12 && !kept.includes(text.slice(position, position + length))) length--;
    if (length < 12) return position > 0 && text.length - position < 12 && kept.includes(text.slice(-12));
    position += length;
  }
  return true;
}

/** A result with no problem left, fixed `fixedByRule` times per rule (for formatter tests). */
export function fixedResult(filePath: string, fixedByRule?: Record<string, number>): LintResult {
  const fixedCount = Object.values(fixedByRule ?? {}).reduce((n, c) => n + c, 0);
  return {
    filePath,
    messages: [],
    errorCount: 0,
    warningCount: 0,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    fixedCount,
    ...(fixedByRule ? { fixedByRule } : {}),
  };
}
