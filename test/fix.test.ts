import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, utimesSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyFixes } from '../src/fix.js';
import { writeFileAtomic, decodeUtf8 } from '../src/files.js';
import { fixText, lintFiles, lintText } from '../src/index.js';

describe('applyFixes', () => {
  it('applies non-overlapping fixes and leaves overlapping ones for the next pass', () => {
    const text = 'abcdefghij';
    // Unsafe fixes: no sentence in this text, so the guard lets them through.
    const { text: out, applied } = applyFixes(text, [
      { safety: 'unsafe', edits: [{ start: 1, end: 3, text: '' }] },
      { safety: 'unsafe', edits: [{ start: 2, end: 5, text: 'X' }] },
      { safety: 'unsafe', edits: [{ start: 6, end: 7, text: 'Y' }, { start: 8, end: 9, text: '' }] },
    ]);
    expect(out).toBe('adefYhj');
    expect(applied).toBe(2);
  });

  it('returns the fixes it applied, the very objects it was given', () => {
    const kept = { safety: 'unsafe' as const, edits: [{ start: 1, end: 3, text: '' }] };
    const overlapping = { safety: 'unsafe' as const, edits: [{ start: 2, end: 5, text: 'X' }] };
    const { accepted } = applyFixes('abcdefghij', [kept, overlapping]);
    expect(accepted).toEqual([kept]);
    expect(accepted[0]).toBe(kept);
  });

  it('refuses a safe fix whose removed text stands nowhere else, and one that inserts text', () => {
    const text = 'The fix for this is included in llhttp v2.1.4.\n\nTHe fix for this is included in llhttp v2.1.4.\n';
    const second = text.indexOf('THe');
    const { text: out, applied, refused } = applyFixes(text, [{ safety: 'safe', edits: [{ start: second, end: text.length, text: '' }] }]);
    expect(out).toBe(text);
    expect(applied).toBe(0);
    expect([...refused.values()][0]).toMatch(/"THe fix for this is included in llhttp …" stands nowhere else/);
    expect(applyFixes('abc', [{ safety: 'safe', edits: [{ start: 0, end: 1, text: 'x' }] }]).applied).toBe(0);
  });

  it('checks the fixes of a pass together: two copies may not both go', () => {
    const paragraph = 'A paragraph long enough to be a copy of the other one.';
    const text = `${paragraph}\n\n${paragraph}\n`;
    const first = { safety: 'safe' as const, edits: [{ start: 0, end: paragraph.length + 2, text: '' }] };
    const second = { safety: 'safe' as const, edits: [{ start: paragraph.length + 2, end: text.length, text: '' }] };
    const { text: out, applied } = applyFixes(text, [first, second]);
    expect(applied).toBe(1);
    expect(out.trim()).toBe(paragraph);
  });

  it('removes marker tokens safely, and only those the fix names besides the built-ins', () => {
    const text = 'Text.\n\n---END---\n\n続きは有料会員で\n';
    const marker = text.indexOf('---END---');
    const custom = text.indexOf('続き');
    expect(applyFixes(text, [{ safety: 'safe', edits: [{ start: marker, end: custom, text: '' }] }]).text).toBe('Text.\n\n続きは有料会員で\n');
    expect(applyFixes(text, [{ safety: 'safe', edits: [{ start: custom, end: text.length, text: '' }] }]).applied).toBe(0);
    expect(applyFixes(text, [{ safety: 'safe', edits: [{ start: custom, end: text.length, text: '' }], markers: ['続きは有料会員で'] }]).applied).toBe(1);
  });

  it('refuses an unsafe fix that would lose a sentence with no near variant kept', () => {
    const text = 'The migration took three weeks in the end.\n\nThe migration took three weeks in all.\n\nNobody expected the outage last night.\n';
    const near = text.indexOf('The migration took three weeks in all.');
    const unique = text.indexOf('Nobody');
    expect(applyFixes(text, [{ safety: 'unsafe', edits: [{ start: near, end: unique, text: '' }] }]).applied).toBe(1);
    expect(applyFixes(text, [{ safety: 'unsafe', edits: [{ start: unique, end: text.length, text: '' }] }]).applied).toBe(0);
  });
});

describe('fixText', () => {
  it('is idempotent and keeps the BOM', () => {
    const source = '\uFEFF---\ntitle: t\n---\n\nOne complete paragraph that says something.\n\n[END]\n';
    const once = fixText(source).output;
    expect(once).toBe('\uFEFF---\ntitle: t\n---\n\nOne complete paragraph that says something.\n');
    expect(fixText(once).output).toBe(once);
  });

  it('counts the applied fixes by rule, over all passes', () => {
    const paragraph = 'This paragraph is long enough to be reported when it appears twice, surely: yes, really.';
    const source = `---\ntitle: t\n---\n\n${paragraph}\n\n${paragraph}\n\nThe end.\n\n---END---\n`;
    const fixed = fixText(source);
    expect(fixed.output).toBe(`---\ntitle: t\n---\n\n${paragraph}\n\nThe end.\n`);
    expect(fixed.fixedCount).toBe(2);
    expect(fixed.result.fixedByRule).toEqual({ 'duplicate-paragraph': 1, 'end-marker': 1 });
    // Nothing fixed: no field (ESLint's shape, untouched).
    const clean = fixText(fixed.output);
    expect(clean.fixedCount).toBe(0);
    expect(clean.result).not.toHaveProperty('fixedByRule');
    expect(lintText(source)).not.toHaveProperty('fixedByRule');
  });

  it('applies unsafe fixes only when asked', () => {
    const source = '---\ntitle: t\n---\n\nThe first sentence is complete. The second stops in the\n';
    expect(fixText(source).output).toBe(source);
    expect(fixText(source, { unsafe: true }).output).toBe('---\ntitle: t\n---\n\nThe first sentence is complete.\n');
  });

  it('rejects unknown rules and options with the closest name', () => {
    expect(() => lintText('x', { rules: { 'end-markers': 'error' } })).toThrow(/unknown rule "end-markers" \(did you mean "end-marker"\?\)/);
    expect(() => lintText('x', { rules: { 'end-marker': ['error', { pattern: [] }] } })).toThrow(/unknown option "pattern" \(did you mean "patterns"\?\)/);
  });

  it('turns rules off and changes severities', () => {
    const source = '---\ntitle: t\n---\n\nText.\n\n---END---\n';
    expect(lintText(source, { rules: { 'end-marker': 'off' } }).messages).toEqual([]);
    expect(lintText(source, { rules: { 'end-marker': 'warn' } }).messages[0].severity).toBe(1);
  });
});

describe('files', () => {
  it('writes atomically, keeps the mode, and refuses a file changed since it was read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scrapelint-fix-'));
    const file = path.join(dir, 'a.md');
    writeFileSync(file, 'old', { mode: 0o600 });
    const stat = statSync(file);
    await writeFileAtomic(file, 'new', stat);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stale = statSync(file);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    await expect(writeFileAtomic(file, 'newer', stale)).rejects.toThrow(/changed on disk/);
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  it('refuses UTF-16, binary and invalid UTF-8, naming Shift_JIS and EUC-JP', () => {
    expect(decodeUtf8(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toMatchObject({ ok: false, reason: expect.stringContaining('UTF-16') });
    expect(decodeUtf8(Buffer.from('ab\0cd'))).toMatchObject({ ok: false, reason: expect.stringContaining('NUL') });
    expect(decodeUtf8(Buffer.from('93fa967b8cea82cc8b4c8e968ec582b78142', 'hex'))).toMatchObject({ ok: false, reason: expect.stringContaining('Shift_JIS') });
    expect(decodeUtf8(Buffer.from('c6fccbdcb8eca4ceb5adbbf6a4c7a4b9a1a3', 'hex'))).toMatchObject({ ok: false, reason: expect.stringContaining('EUC-JP') });
    expect(decodeUtf8(Buffer.from('\uFEFFtext'))).toEqual({ ok: true, text: 'text', bom: true });
  });

  it('lintFiles reports an unreadable file and goes on with the others', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scrapelint-files-'));
    writeFileSync(path.join(dir, 'a.md'), Buffer.from([0xff, 0xfe, 0x41, 0x00]));
    writeFileSync(path.join(dir, 'b.md'), '---\ntitle: b\n---\n\nFine text.\n');
    const results = await lintFiles([dir]);
    expect(results.map((r) => path.basename(r.filePath))).toEqual(['a.md', 'b.md']);
    expect(results[0].messages[0]).toMatchObject({ ruleId: null, fatal: true, severity: 2 });
    expect(results[1].messages).toEqual([]);
  });
});

describe('the fix guard against hand-made fixes (what a buggy rule could propose)', () => {
  const safe = (start: number, end: number, text = '') => ({ safety: 'safe' as const, edits: [{ start, end, text }] });
  it('a short removal must stand whole at the start of a kept line, not inside a word', () => {
    const text = 'This is not safe to run.\n\nRead the note below.\n';
    const at = text.indexOf('not ');
    expect(applyFixes(text, [safe(at, at + 4)]).applied).toBe(0);
  });

  it('pieces of a removal must stand in order: a sentence with its halves swapped is not kept', () => {
    const text = 'The PostgreSQL 16 server is faster than the MySQL version 8 server in our tests.\n\nThe MySQL version 8 server is faster than the PostgreSQL 16 server in our tests.\n';
    const second = text.lastIndexOf('The MySQL');
    expect(applyFixes(text, [safe(second, text.length)]).applied).toBe(0);
  });

  it('the front matter proves nothing: a lede that stands only in the description is not a copy', () => {
    const text = '---\ndescription: The quarterly report shows growth in every region this year.\n---\n\nThe quarterly report shows growth in every region this year.\n\nMore text follows here.\n';
    const lede = text.indexOf('The quarterly report', 10);
    expect(applyFixes(text, [safe(lede, text.indexOf('More'))], text.indexOf('\n---\n') + 5).applied).toBe(0);
  });

  it('a </s> that closes an <s> is not a marker the guard lets go', () => {
    const text = 'Price: <s>3,000 yen\n</s>\n\nNow 2,500 yen.\n';
    const closer = text.indexOf('</s>');
    expect(applyFixes(text, [safe(closer, closer + 5)]).applied).toBe(0);
  });

  it('refuses inserted whitespace, backwards edits and edits outside the text', () => {
    const text = 'The therapist said the session was over.\n';
    const at = text.indexOf('rapist');
    expect(applyFixes(text, [safe(at, at, ' ')]).applied).toBe(0);
    expect(applyFixes(text, [safe(10, 5)]).applied).toBe(0);
    expect(applyFixes(text, [safe(0, text.length + 5)]).applied).toBe(0);
  });

  it('a loop of the same paragraph goes back to its start each time and is still proven', () => {
    const paragraph = 'The same paragraph, long enough to be a copy, again and again.';
    const text = `${paragraph}\n\n${paragraph}\n\n${paragraph}\n\n${paragraph}\n`;
    const second = paragraph.length + 2;
    expect(applyFixes(text, [safe(second, text.length)]).text).toBe(`${paragraph}\n\n`);
  });
});
