import { describe, expect, it } from 'vitest';
import { fixesByRule, fixSummary } from '../src/formatters/fix-summary.js';
import { fixedResult } from './helpers.js';

const result = fixedResult;

describe('the --fix summary line', () => {
  it('counts fixes and changed files, and the fixes by rule, most first', () => {
    const results = [
      result('a.md', { 'duplicate-paragraph': 2, 'end-marker': 1 }),
      result('b.md'),
      result('c.md', { 'duplicate-paragraph': 7 }),
      result('d.md', { 'end-marker': 2 }),
    ];
    expect(fixSummary(results)).toBe('Fixed 12 problems in 3 files (duplicate-paragraph 9, end-marker 3).');
  });

  it('uses the singular for one, and orders rules with as many fixes by name', () => {
    expect(fixSummary([result('a.md', { 'end-marker': 1 })])).toBe('Fixed 1 problem in 1 file (end-marker 1).');
    expect(fixesByRule({ 'scrape-residue': 1, 'end-marker': 1, 'duplicate-paragraph': 1 })).toBe('duplicate-paragraph 1, end-marker 1, scrape-residue 1');
  });

  it('says so when nothing changed', () => {
    expect(fixSummary([])).toBe('No fixes applied.');
    expect(fixSummary([result('a.md'), result('b.md', {})])).toBe('No fixes applied.');
  });
});
