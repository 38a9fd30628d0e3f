import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { fixturesDir, runCli, tempDir } from './helpers.js';

/**
 * The HTML report in a real browser (Debian's chromium, installed by .ci/run): it
 * renders every finding, filters work, nothing logs an error, and text from a hostile
 * file stays text. A screenshot goes to test-output/html-report.png.
 */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) throw new Error('chromium is not installed: .ci/run should have installed it');

const HOSTILE = `---
title: "<img src=x onerror=alert(1)> </script><script>alert(2)</script>"
---

A paragraph with <b>markup</b> and </script><script>document.title="pwned"</script> that repeats later in the text.

A paragraph with <b>markup</b> and </script><script>document.title="pwned"</script> that repeats later in the text.

The end.

---END---
`;

describe.skipIf(!hasChromium)('html report in a browser', () => {
  it('renders the findings, filters by rule and severity, and keeps file content inert', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'evil.md'), HOSTILE);
    cpSync(path.join(fixturesDir, 'cross-file-duplicate', 'exact-copy'), dir, { recursive: true });
    const run = runCli(['-f', 'html', '-o', 'report.html', '.'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('dialog', (dialog) => {
        problems.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);
      await expect(page.locator('#summary').textContent()).resolves.toMatch(/^scrapelint \S+: 3 problems in 2 of 4 files$/);
      expect(await page.locator('div.problem').count()).toBe(3);
      expect(await page.locator('section.file h2').allTextContents()).toEqual(['evil.md', 'umeboshi-copy.md']);
      // The duplicate is shown beside the copy it repeats.
      expect(await page.locator('.caption').allTextContents()).toContain('kept copy: evil.md');
      // Hostile text is text: no element came from it, no script ran.
      expect(await page.locator('img, b').count()).toBe(0);
      expect(await page.title()).toBe('scrapelint report');
      expect(await page.locator('main').textContent()).toContain('<script>document.title="pwned"</script>');
      // Filters.
      await page.locator('input[data-rule="cross-file-duplicate"]').uncheck();
      expect(await page.locator('div.problem:not(.hidden)').count()).toBe(2);
      await page.locator('#severity').selectOption('warning');
      expect(await page.locator('div.problem:not(.hidden)').count()).toBe(0);
      await page.locator('input[data-rule="cross-file-duplicate"]').check();
      expect(await page.locator('div.problem:not(.hidden)').count()).toBe(1);
      await page.locator('#severity').selectOption('all');
      mkdirSync(path.resolve(__dirname, '../test-output'), { recursive: true });
      await page.screenshot({ path: path.resolve(__dirname, '../test-output/html-report.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
