import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixText, lintText } from '../src/index.js';
import { markerTokens } from '../src/text/markers.js';
import { fixturesDir, listFixtures, lostUniqueSentences } from './helpers.js';

/**
 * Golden tests: every fixtures/<rule>/<case>.md is linted and fixed, and the result is
 * compared with the files beside it:
 *   <case>.expected.json    the messages (rule, position, text, fix safety)
 *   <case>.fixed.md         the text after --fix (absent: --fix changes nothing)
 *   <case>.unsafe-fixed.md  the text after --fix --unsafe-fixes (absent: same as --fix)
 * Run with UPDATE_GOLDEN=1 to rewrite them, then review the diff by hand.
 */
const update = process.env.UPDATE_GOLDEN === '1';

/** `source` without end markers: removing them loses no sentence. */
function withoutMarkers(source: string): string {
  return source.replace(markerTokens(), '\n');
}

function summary(source: string, filePath: string) {
  return lintText(source, { filePath }).messages.map((m) => ({
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    ruleId: m.ruleId,
    messageId: m.messageId,
    message: m.message,
    fix: m.fix ? 'safe' : m.suggestions ? 'unsafe' : null,
  }));
}

function golden(file: string, actual: string): void {
  if (update) {
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `${path.relative(fixturesDir, file)} is missing (run with UPDATE_GOLDEN=1)`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe.each(listFixtures().map((file) => [path.relative(fixturesDir, file), file]))('%s', (_name, file) => {
  const source = readFileSync(file, 'utf8');
  const base = file.replace(/\.md$/, '');

  it('reports the expected messages', () => {
    golden(`${base}.expected.json`, `${JSON.stringify(summary(source, file), null, 2)}\n`);
  });

  it('--fix gives the expected text, loses no unique sentence, and leaves nothing safely fixable', () => {
    const { output } = fixText(source, { filePath: file });
    const expectedFile = `${base}.fixed.md`;
    if (update) {
      if (output !== source) writeFileSync(expectedFile, output);
    } else {
      expect(output).toBe(existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : source);
    }
    expect(lostUniqueSentences(withoutMarkers(source), output)).toEqual([]);
    const again = lintText(output, { filePath: file });
    expect(again.messages.filter((m) => m.fix)).toEqual([]);
  });

  it('--fix --unsafe-fixes gives the expected text and leaves nothing fixable', () => {
    const safe = fixText(source, { filePath: file }).output;
    const { output } = fixText(source, { filePath: file, unsafe: true });
    const expectedFile = `${base}.unsafe-fixed.md`;
    if (update) {
      if (output !== safe) writeFileSync(expectedFile, output);
    } else {
      expect(output).toBe(existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : safe);
    }
    const again = lintText(output, { filePath: file });
    expect(again.messages.filter((m) => m.fix || m.suggestions)).toEqual([]);
  });
});
