import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli as run, tempDir } from './helpers.js';
import { lintFiles } from '../src/index.js';

/** A paragraph repeated verbatim: one duplicate-paragraph error by default. */
const REPEATED = '---\ntitle: Repeated\n---\n\nThis paragraph is long enough to be reported when it appears twice.\n\nThis paragraph is long enough to be reported when it appears twice.\n';

function project(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('configuration files', () => {
  it('finds .scrapelintrc.json from the working directory upward', () => {
    const dir = project({ '.scrapelintrc.json': '{"rules":{"duplicate-paragraph":"warn"}}', 'posts/a.md': REPEATED });
    const { code, stdout } = run(['a.md'], { cwd: path.join(dir, 'posts') });
    expect(stdout).toContain('7:1  warning  Paragraph repeats line 5.  duplicate-paragraph');
    expect(code).toBe(0);
  });

  it.each([
    ['.scrapelintrc.yaml', 'rules:\n  duplicate-paragraph: "off"\n'],
    ['.scrapelintrc.yml', 'rules:\n  duplicate-paragraph: [off]\n'],
    ['scrapelint.config.mjs', 'export default { rules: { "duplicate-paragraph": "off" } };\n'],
    ['scrapelint.config.js', 'export default { rules: { "duplicate-paragraph": 0 } };\n'],
    ['package.json', '{"name":"site","type":"module","scrapelint":{"rules":{"duplicate-paragraph":"off"}}}'],
  ])('reads %s', (name, text) => {
    const dir = project({ [name]: text, 'a.md': REPEATED });
    const { code, stdout } = run(['a.md'], { cwd: dir });
    expect(stdout).toBe('');
    expect(code).toBe(0);
  });

  it('ignores a package.json without a "scrapelint" key and keeps searching upward', () => {
    const dir = project({ '.scrapelintrc.json': '{"rules":{"duplicate-paragraph":"off"}}', 'site/package.json': '{"name":"site"}', 'site/a.md': REPEATED });
    expect(run(['a.md'], { cwd: path.join(dir, 'site') }).code).toBe(0);
  });

  it('--config names the file; --no-config uses none', () => {
    const dir = project({ '.scrapelintrc.json': '{"rules":{"duplicate-paragraph":"off"}}', 'strict.json': '{"rules":{"duplicate-paragraph":"error"}}', 'a.md': REPEATED });
    expect(run(['a.md'], { cwd: dir }).code).toBe(0);
    expect(run(['--config', 'strict.json', 'a.md'], { cwd: dir }).code).toBe(1);
    expect(run(['--no-config', 'a.md'], { cwd: dir }).code).toBe(1);
  });

  it('overrides apply to matching files, later entries winning', () => {
    const config = {
      rules: { 'duplicate-paragraph': 'warn' },
      overrides: [
        { files: ['drafts/'], rules: { 'duplicate-paragraph': 'off' } },
        { files: ['drafts/keep-*.md'], rules: { 'duplicate-paragraph': 'error' } },
      ],
    };
    const dir = project({ '.scrapelintrc.json': JSON.stringify(config), 'a.md': REPEATED, 'drafts/b.md': REPEATED, 'drafts/keep-c.md': REPEATED });
    const { code, stdout } = run(['.'], { cwd: dir });
    expect(stdout).toContain('a.md\n  7:1  warning');
    expect(stdout).not.toContain('drafts/b.md');
    expect(stdout).toContain('drafts/keep-c.md\n  7:1  error');
    expect(code).toBe(1);
  });

  it('a severity alone in an override keeps the options set before it', () => {
    const config = {
      rules: { 'front-matter': ['error', { required: ['title', 'author'] }] },
      overrides: [{ files: ['*.md'], rules: { 'front-matter': 'warn' } }],
    };
    const dir = project({ '.scrapelintrc.json': JSON.stringify(config), 'a.md': '---\ntitle: T\n---\n\nBody text.\n' });
    const { stdout } = run(['--print-config', 'a.md'], { cwd: dir });
    expect(JSON.parse(stdout).rules['front-matter']).toEqual(['warn', expect.objectContaining({ required: ['title', 'author'] })]);
  });

  it.each([
    ['{"rules":{"duplicate-paragraf":"warn"}}', '"rules": unknown rule "duplicate-paragraf" (did you mean "duplicate-paragraph"?)'],
    ['{"rules":{"duplicate-paragraph":["warn",{"minLenght":3}]}}', 'unknown option "minLenght" (did you mean "minLength"?)'],
    ['{"rules":{"duplicate-paragraph":["warn",{"minLength":"3"}]}}', 'option "minLength" must be a number (0 or more), got "3"'],
    ['{"rules":{"end-marker":["error",{"patterns":"END"}]}}', 'option "patterns" must be a list of strings'],
    ['{"rules":{"end-marker":["error",{"patterns":["(unclosed"]}]}}', 'option "patterns": "(unclosed" is not a valid regular expression'],
    ['{"rules":{"end-marker":"on"}}', 'severity must be "off", "warn" or "error", got "on"'],
    ['{"overides":[]}', 'unknown key "overides" (did you mean "overrides"?)'],
    ['{"overrides":[{"rules":{}}]}', '"overrides[0]" needs "files"'],
    ['{"overrides":[{"files":["*.md"],"rule":{}}]}', 'unknown key "overrides[0].rule" (did you mean "overrides[0].rules"?)'],
    ['{"rules": {', 'invalid JSON'],
  ])('a bad config %s is exit 2 naming the file and the key', (text, expected) => {
    const dir = project({ '.scrapelintrc.json': text, 'a.md': REPEATED });
    const { code, stderr, stdout } = run(['a.md'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(path.join(dir, '.scrapelintrc.json'));
    expect(stderr).toContain(expected);
  });

  it('a YAML config with a syntax error or a code tag is refused, not run', () => {
    const dir = project({ '.scrapelintrc.yaml': 'rules: !!js/function "function () {}"\n', 'a.md': REPEATED });
    const { code, stderr } = run(['a.md'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('.scrapelintrc.yaml');
  });

  it('--config on a missing file is exit 2', () => {
    const dir = project({ 'a.md': REPEATED });
    const { code, stderr } = run(['--config', 'nope.json', 'a.md'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('nope.json: cannot read the configuration file: no such file');
  });

  it('--print-config shows every rule with its severity and options', () => {
    const dir = project({ '.scrapelintrc.json': '{"rules":{"scrape-residue":"off"}}' });
    const { code, stdout } = run(['--print-config', 'posts/x.md'], { cwd: dir });
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed.configFile).toBe(path.join(dir, '.scrapelintrc.json'));
    expect(printed.rules['scrape-residue']).toBe('off');
    expect(printed.rules['end-marker']).toEqual(['error', { patterns: [] }]);
  });
});

describe('ignores', () => {
  it('config ignores and .scrapelintignore leave files out of directory runs', () => {
    const dir = project({
      '.scrapelintrc.json': '{"ignores":["*.draft.md"]}',
      '.scrapelintignore': '# generated\narchive/\n',
      'a.md': REPEATED,
      'b.draft.md': REPEATED,
      'archive/old.md': REPEATED,
    });
    const { stdout } = run(['.'], { cwd: dir });
    expect(stdout).toContain('a.md');
    expect(stdout).not.toContain('b.draft.md');
    expect(stdout).not.toContain('old.md');
  });

  it('a file named explicitly is linted unless --force-exclude', () => {
    const dir = project({ '.scrapelintignore': 'archive/\n', 'archive/old.md': REPEATED });
    expect(run(['archive/old.md'], { cwd: dir }).code).toBe(1);
    const forced = run(['--force-exclude', 'archive/old.md'], { cwd: dir });
    expect(forced.stdout).toBe('');
    expect(forced.code).toBe(0);
  });

  it('--no-ignore lints ignored files', () => {
    const dir = project({ '.scrapelintignore': 'archive/\n', 'archive/old.md': REPEATED });
    expect(run(['.'], { cwd: dir }).code).toBe(0);
    expect(run(['--no-ignore', '.'], { cwd: dir }).code).toBe(1);
  });

  it('lintFiles reads the configuration too', async () => {
    const dir = project({ '.scrapelintrc.json': '{"rules":{"duplicate-paragraph":"warn"}}', 'a.md': REPEATED });
    const [result] = await lintFiles(['a.md'], { cwd: dir });
    expect(result.messages.map((m) => [m.ruleId, m.severity])).toEqual([['duplicate-paragraph', 1]]);
    const [direct] = await lintFiles(['a.md'], { cwd: dir, useConfigFile: false });
    expect(direct.errorCount).toBe(1);
  });
});
