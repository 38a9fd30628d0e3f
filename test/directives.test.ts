import { describe, expect, it } from 'vitest';
import { fixText, lintText } from '../src/index.js';
import { runCli, tempDir } from './helpers.js';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

// Over 100 characters each: shorter repeats next to a comment can pass for lead-ins.
const A = 'The first paragraph is long enough to be reported when it appears a second time, whatever surrounds it.';
const B = 'Another paragraph, also long enough, that the article repeats further down the page in the same words.';
const C = 'A third distinct paragraph that is repeated once, to test the enable directive that follows the others.';

function article(body: string): string {
  return `---\ntitle: Directives\n---\n\n${body}\n`;
}

/** [line, ruleId] of every message. */
function reported(text: string, options: Parameters<typeof lintText>[1] = {}) {
  return lintText(text, options).messages.map((m) => [m.line, m.ruleId, m.messageId]);
}

describe('inline directives', () => {
  it('disable … enable turns named rules off for the lines between', () => {
    const text = article([A, B, C, '<!-- scrapelint-disable duplicate-paragraph -->', A, B, '<!-- scrapelint-enable duplicate-paragraph -->', C].join('\n\n'));
    expect(reported(text)).toEqual([[19, 'duplicate-paragraph', 'exact']]);
    expect(reported(text, { inlineConfig: false })).toHaveLength(2); // A and B copies form one section; C alone
  });

  it('disable with no rule names turns every rule off', () => {
    const text = article([A, '<!-- scrapelint-disable -->', A, '---END---'].join('\n\n'));
    expect(reported(text)).toEqual([]);
  });

  it('disable-next-line applies to the next line with text, across a blank line', () => {
    const tight = article([A, `<!-- scrapelint-disable-next-line duplicate-paragraph -->\n${A}`].join('\n\n'));
    expect(reported(tight)).toEqual([]);
    const loose = article([A, '<!-- scrapelint-disable-next-line duplicate-paragraph -->', A].join('\n\n'));
    expect(reported(loose)).toEqual([]);
    const otherRule = article([A, '<!-- scrapelint-disable-next-line end-marker -->', A].join('\n\n'));
    expect(reported(otherRule)).toEqual([[9, 'duplicate-paragraph', 'exact']]);
  });

  it('disable-line applies to the line holding the comment', () => {
    const text = article([A, `${A} <!-- scrapelint-disable-line duplicate-paragraph -->`].join('\n\n'));
    // The comment makes the copy differ from the source: the text key ignores HTML, so it is still a copy.
    expect(reported(text).filter(([, rule]) => rule === 'duplicate-paragraph')).toEqual([]);
  });

  it('disable-file turns rules off anywhere in the file, front matter included', () => {
    const text = '---\ntitle: [broken\n---\n\n<!-- scrapelint-disable-file front-matter -->\n\nThe body is fine.\n';
    expect(reported(text)).toEqual([]);
    expect(reported(text, { inlineConfig: false })[0][1]).toBe('front-matter');
  });

  it('an unknown rule name is a warning with a hint', () => {
    const result = lintText(article([A, '<!-- scrapelint-disable-next-line duplicat-paragraph -- copied on purpose -->', 'It ends.'].join('\n\n')));
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ ruleId: null, severity: 1, line: 7, message: 'Unknown rule "duplicat-paragraph" in a scrapelint directive (did you mean "duplicate-paragraph"?).' });
  });

  it('reportUnusedDirectives reports directives that suppressed nothing, as errors', () => {
    const text = article([A, '<!-- scrapelint-disable-next-line duplicate-paragraph -->', A, '<!-- scrapelint-disable-next-line end-marker -->', B].join('\n\n'));
    expect(reported(text, { reportUnusedDirectives: true })).toEqual([[11, null, 'unusedDirective']]);
    const message = lintText(text, { reportUnusedDirectives: true }).messages[0];
    expect(message).toMatchObject({ severity: 2, message: 'Unused scrapelint-disable-next-line directive (no "end-marker" problem to suppress).' });
  });

  it('directives inside code are not directives', () => {
    const text = article([A, '```html\n<!-- scrapelint-disable -->\n```', A].join('\n\n'));
    expect(reported(text)).toEqual([[11, 'duplicate-paragraph', 'exact']]);
  });

  it('--fix leaves suppressed problems alone', () => {
    const text = article([A, '<!-- scrapelint-disable-next-line duplicate-paragraph -->', A, B, B].join('\n\n'));
    const fixed = fixText(text);
    expect(fixed.output).toBe(article([A, '<!-- scrapelint-disable-next-line duplicate-paragraph -->', A, B].join('\n\n')));
  });

  it('the command line honours --no-inline-config and --report-unused-directives', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), article([A, '<!-- scrapelint-disable-next-line duplicate-paragraph -->', A, '<!-- scrapelint-disable end-marker -->', 'It ends.'].join('\n\n')));
    expect(runCli(['a.md'], { cwd: dir }).code).toBe(0);
    const strict = runCli(['--report-unused-directives', 'a.md'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('11:1  error  Unused scrapelint-disable directive (no "end-marker" problem to suppress).');
    const raw = runCli(['--no-inline-config', 'a.md'], { cwd: dir });
    expect(raw.code).toBe(1);
    expect(raw.stdout).toContain('Paragraph repeats line 5.  duplicate-paragraph');
  });
});
