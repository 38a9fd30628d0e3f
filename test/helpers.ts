import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

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

/**
 * Sentences of `text` (split after 。．！？!? and ". "), normalised for comparison.
 * Used to check that a fix never drops a sentence that appears only once.
 */
export function sentences(text: string): string[] {
  return text
    .replace(/^---[\s\S]*?\n---\s*\n/, '')
    // End markers are not sentences: removing them is the point.
    .replace(/<\|[a-z_]+\|>|<\/s>|[-=]{2,}\s*end\s*[-=]{2,}|[[(<]end[\])>]/gi, '\n')
    .split(/(?<=[。．！？!?])|(?<=\.)\s+|\n+/)
    .map((s) => s.replace(/[\s*_`>#-]+/g, ''))
    .filter((s) => s.length >= 6);
}

/** Sentences that occur exactly once in `before` but nowhere in `after`. */
export function lostUniqueSentences(before: string, after: string): string[] {
  const counts = new Map<string, number>();
  for (const s of sentences(before)) counts.set(s, (counts.get(s) ?? 0) + 1);
  const kept = new Set(sentences(after));
  const afterFlat = after.replace(/[\s*_`>#-]+/g, '');
  return [...counts].filter(([s, n]) => n === 1 && !kept.has(s) && !afterFlat.includes(s) && !coveredInPieces(s, afterFlat)).map(([s]) => s);
}

/**
 * Whether `sentence` is still there in at most four pieces of six or more characters:
 * a "sentence" made by gluing an unpunctuated paragraph to the next one ("…three
 * weeksこの機能は…") is lost as a whole when the glued copy goes, but every word of it
 * remains in the paragraphs it was glued from.
 */
function coveredInPieces(sentence: string, text: string): boolean {
  let position = 0;
  for (let piece = 0; piece < 4 && position < sentence.length; piece++) {
    let length = sentence.length - position;
    while (length >= 6 && !text.includes(sentence.slice(position, position + length))) length--;
    if (length < 6) return false;
    position += length;
  }
  return position >= sentence.length;
}
