import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixText, lintText, type LintOptions } from '../src/index.js';
import { markerTokens } from '../src/text/markers.js';
import { sentencesWithoutVariant } from '../src/text/lost-sentences.js';
import { fixturesDir, linesNotKept, listFixtures } from './helpers.js';

/**
 * Golden tests: every fixtures/<rule>/<case>.md is linted and fixed, and the result is
 * compared with the files beside it:
 *   <case>.expected.json    the messages (rule, position, text, fix safety)
 *   <case>.fixed.md         the text after --fix (absent: --fix changes nothing)
 *   <case>.unsafe-fixed.md  the text after --fix --unsafe-fixes (absent: same as --fix)
 * and, written by hand:
 *   <case>.options.json     the `rules` setting for this case, as in a configuration file,
 *                           e.g. { "end-marker": ["error", { "patterns": ["\\(続く\\)"] }] }
 *                           (absent: every rule with its defaults)
 * A missing expectation fails the test. `npm run golden:update` (UPDATE_GOLDEN=1) rewrites
 * them; review the diff by hand.
 */
const update = process.env.UPDATE_GOLDEN === '1';

/** The case's `rules` setting from <case>.options.json, if there is one. */
function caseRules(base: string): LintOptions['rules'] {
  const file = `${base}.options.json`;
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LintOptions['rules']) : undefined;
}

/** `source` without end markers (built-in and the case's own patterns): removing them loses no sentence. */
function withoutMarkers(source: string, rules: LintOptions['rules']): string {
  const setting = rules?.['end-marker'];
  const patterns = Array.isArray(setting) ? ((setting[1] as { patterns?: string[] } | undefined)?.patterns ?? []) : [];
  return source.replace(markerTokens(patterns), '\n');
}

function summary(source: string, filePath: string, rules: LintOptions['rules']) {
  return lintText(source, { filePath, rules }).messages.map((m) => ({
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
  expect(existsSync(file), `${path.relative(fixturesDir, file)} is missing (write it with npm run golden:update, then review it)`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe.each(listFixtures().map((file) => [path.relative(fixturesDir, file), file]))('%s', (_name, file) => {
  const source = readFileSync(file, 'utf8');
  const base = file.replace(/\.md$/, '');
  const rules = caseRules(base);

  it('reports the expected messages', () => {
    golden(`${base}.expected.json`, `${JSON.stringify(summary(source, file, rules), null, 2)}\n`);
  });

  it('--fix gives the expected text, removes only what stands elsewhere, leaves nothing safely fixable, and converges', () => {
    const { output } = fixText(source, { filePath: file, rules });
    const expectedFile = `${base}.fixed.md`;
    if (update) {
      if (output !== source) writeFileSync(expectedFile, output);
      else rmSync(expectedFile, { force: true });
    } else {
      expect(output).toBe(existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : source);
    }
    expect(linesNotKept(withoutMarkers(source, rules), output)).toEqual([]);
    const again = lintText(output, { filePath: file, rules });
    expect(again.messages.filter((m) => m.fix)).toEqual([]);
    expect(fixText(output, { filePath: file, rules }).output).toBe(output);
  });

  it('--fix --unsafe-fixes gives the expected text, loses no sentence without a near variant, leaves nothing fixable, and converges', () => {
    const safe = fixText(source, { filePath: file, rules }).output;
    const { output } = fixText(source, { filePath: file, rules, unsafe: true });
    const expectedFile = `${base}.unsafe-fixed.md`;
    if (update) {
      if (output !== safe) writeFileSync(expectedFile, output);
      else rmSync(expectedFile, { force: true });
    } else {
      expect(output).toBe(existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : safe);
    }
    expect(sentencesWithoutVariant(withoutMarkers(source, rules), output)).toEqual([]);
    const again = lintText(output, { filePath: file, rules });
    expect(again.messages.filter((m) => m.fix || m.suggestions)).toEqual([]);
    expect(fixText(output, { filePath: file, rules, unsafe: true }).output).toBe(output);
  });
});
