import { describe, expect, it } from 'vitest';
import { findTrailingMarker, isMarkerText, markerMatcher, markerPatternProblem, markerTokens, maskStrikeClosers, stripTrailingMarkers } from '../src/text/markers.js';
import { lintText } from '../src/index.js';

describe('built-in end markers are case-sensitive', () => {
  it.each(['---END---', '=== END ===', '[END]', '<END>', '(END)', '【END】', '<|endoftext|>', '<|eot_id|>', '<|reserved_special_token_0|>', '</s>', '[/INST]', '> [END]', '[END] <|endoftext|>', '---end---', '===end==='])(
    '%s is a marker',
    (text) => {
      expect(isMarkerText(text)).toBe(true);
    },
  );

  it.each(['(end)', '[end]', '<end>', '--- end ---', '-- end --', '=== End ===', '【end】', '<|ENDOFTEXT|>', '</S>', '[/inst]', '--- end of article ---'])('%s is text', (text) => {
    expect(isMarkerText(text)).toBe(false);
  });

  it('leaves a lower-case bracket at the end of a sentence', () => {
    expect(findTrailingMarker('The loop runs to the last index (end)')).toBeUndefined();
    expect(findTrailingMarker('Press the key marked [end]')).toBeUndefined();
    expect(stripTrailingMarkers('Done.[END]')).toBe('Done.');
  });
});

describe('</s> and HTML strike-through', () => {
  it('a </s> that closes an <s> in the same text is no marker', () => {
    expect(findTrailingMarker('Price: <s>3,000 yen</s>')).toBeUndefined();
    expect(isMarkerText('<s>\nstruck\n</s>')).toBe(false);
    expect(stripTrailingMarkers('<S>old</s>')).toBe('<S>old</s>');
  });

  it('a </s> with no <s> open is a marker', () => {
    expect(findTrailingMarker('Done.</s>')).toEqual({ index: 5, marker: '</s>' });
    expect(findTrailingMarker('<s>a</s> b</s>')).toEqual({ index: 10, marker: '</s>' });
  });

  it('maskStrikeClosers keeps offsets and skips what the caller says is code', () => {
    const text = '<p><s>old\n</s></p>\n`<s>` x\n</s>';
    const masked = maskStrikeClosers(text);
    expect(masked).toHaveLength(text.length);
    expect(masked.split('\n')[1]).not.toContain('</s>');
    // The second <s> is in code: the last </s> closes nothing.
    const code = (offset: number) => offset >= text.indexOf('`') && offset < text.lastIndexOf('`');
    expect(maskStrikeClosers(text, code).endsWith('</s>')).toBe(true);
    expect(maskStrikeClosers(text).endsWith('</s>')).toBe(false);
  });

  it('the rule leaves </s> on its own line inside an HTML block that opened <s>, and reports a stray one', () => {
    const text = '# Prices\n\n<p><s>Old price\n</s>\nNew price</p>\n\nThe end of the month.\n\n</s>\n';
    const messages = lintText(text, { rules: { 'truncated-sentence': 'off' } }).messages.filter((m) => m.ruleId === 'end-marker');
    expect(messages.map((m) => m.line)).toEqual([9]);
  });
});

describe('custom patterns', () => {
  it('are matched as written, case-sensitive', () => {
    const matcher = markerMatcher(['<<end>>', '[Ff]in\\.']);
    expect(isMarkerText('<<end>>', matcher)).toBe(true);
    expect(isMarkerText('<<END>>', matcher)).toBe(false);
    expect(isMarkerText('Fin.', matcher)).toBe(true);
    expect(isMarkerText('fin.', matcher)).toBe(true);
    expect(isMarkerText('FIN.', matcher)).toBe(false);
  });

  it('explain what is wrong with one that cannot be used', () => {
    expect(markerPatternProblem('\\(続く\\)')).toBeUndefined();
    expect(markerPatternProblem('(?i)end')).toMatch(/^starts with "\(\?i\)", which JavaScript regular expressions do not have.*\[Ee\]\[Nn\]\[Dd\]/);
    expect(markerPatternProblem('/end/i')).toMatch(/^looks like a \/\.\.\.\/ literal/);
    expect(markerPatternProblem('(unclosed')).toMatch(/^is not a valid regular expression/);
    expect(markerPatternProblem('x*')).toMatch(/^matches the empty text/);
  });

  it('are rejected by the configuration with the reason', () => {
    expect(() => lintText('x', { rules: { 'end-marker': ['error', { patterns: ['(?i)end'] }] } })).toThrow(/rule "end-marker": option "patterns": "\(\?i\)end" starts with/);
  });

  it('a pattern that matches only blanks finds nothing', () => {
    expect(findTrailingMarker('word  ', markerMatcher(['\\b']))).toBeUndefined();
  });

  it('markerTokens finds every marker anywhere, custom ones included', () => {
    expect('a[END]b<|im_end|>c(続く)'.replace(markerTokens(['\\(続く\\)']), '')).toBe('abc');
    expect('(end)'.replace(markerTokens(), '')).toBe('(end)');
  });
});

describe('a marker at the end of a line', () => {
  it('goes with the blanks before it, but leaves the blanks after it (a hard break stays a hard break)', async () => {
    const { fixText } = await import('../src/index.js');
    const head = '---\ntitle: t\n---\n\n';
    expect(fixText(`${head}The first line ends here.<|endoftext|>  \nThe second line follows it.\n`).output).toBe(`${head}The first line ends here.  \nThe second line follows it.\n`);
    expect(fixText(`${head}The paragraph ends here. <|endoftext|>\n`).output).toBe(`${head}The paragraph ends here.\n`);
  });
});

describe('custom marker patterns are tokens, not prose', () => {
  it('refuses a pattern that matches a whole ordinary sentence', () => {
    expect(markerPatternProblem('.+')).toMatch(/whole ordinary sentence/);
    expect(markerPatternProblem('[^]+')).toMatch(/whole ordinary sentence/);
    expect(markerPatternProblem('続きは有料会員で')).toBeUndefined();
    expect(markerPatternProblem('\\(続く\\)')).toBeUndefined();
  });
});
