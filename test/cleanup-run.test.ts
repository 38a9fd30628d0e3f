import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatProgress, ProgressLine } from '../src/progress.js';
import { runCli, tempDir } from './helpers.js';

function folder(count: number): string {
  const dir = tempDir();
  for (let i = 0; i < count; i++) {
    const marker = i % 2 === 0 ? '\n---END---\n' : '';
    writeFileSync(path.join(dir, `a${String(i).padStart(3, '0')}.md`), `---\ntitle: Article ${i}\n---\n\nArticle ${i} says something of its own, number ${i * 37}.\n${marker}`);
  }
  return dir;
}

describe('progress line', () => {
  it('formats files done, percentage, rate and time left', () => {
    expect(formatProgress(50, 200, 10)).toBe('scrapelint: 50/200 files (25%), 5 files/s, 0:30 left');
    expect(formatProgress(1000, 100000, 10)).toBe('scrapelint: 1000/100000 files (1%), 100 files/s, 16:30 left');
    expect(formatProgress(0, 10, 0)).toBe('scrapelint: 0/10 files (0%), 0 files/s, 0:00 left');
  });

  it('draws in place and clears itself; shows nothing for a run that ends at once', () => {
    let written = '';
    const stream = { write: (text: string) => ((written += text), true) } as unknown as NodeJS.WriteStream;
    const quick = new ProgressLine(stream, 10);
    quick.update(10);
    quick.finish();
    expect(written).toBe('');
    const shown = new ProgressLine(stream, 10, 0);
    shown.update(10);
    shown.finish();
    expect(written).toMatch(/^\rscrapelint: 10\/10 files \(100%\), \d+ files\/s, 0:00 left\u001b\[K\r\u001b\[K$/);
  });

  it('is on stderr with --progress, and absent when stderr is not a terminal or with --no-progress', () => {
    const dir = folder(20);
    const forced = runCli(['--progress', '.'], { cwd: dir });
    expect(forced.stderr).toContain('scrapelint: 20/20 files (100%)');
    expect(forced.stdout).not.toContain('files/s');
    expect(runCli(['.'], { cwd: dir }).stderr).toBe('');
    expect(runCli(['--no-progress', '.'], { cwd: dir }).stderr).toBe('');
  });
});

describe('summary by rule', () => {
  it('--statistics ends the report with problems, errors, files and fixable counts per rule', () => {
    const dir = folder(6);
    const { stdout } = runCli(['--statistics', '-f', 'compact', '.'], { cwd: dir });
    expect(stdout.endsWith('\nrule        problems  errors  files  fixable  unsafe-fixable\nend-marker         3       3      3        3               0\n')).toBe(true);
  });

  it('is automatic for runs of 100 files or more, and never in machine formats', () => {
    const dir = folder(100);
    expect(runCli(['.'], { cwd: dir }).stdout).toContain('\nrule        problems  errors  files  fixable  unsafe-fixable\nend-marker        50      50     50       50               0\n');
    expect(runCli(['--statistics', '-f', 'json', '.'], { cwd: dir }).stdout).not.toContain('unsafe-fixable');
  });
});
