import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type * as Sarif from 'sarif';
import { fixedResult, fixturesDir, runCli, tempDir } from './helpers.js';
import { formatters, rules } from '../src/index.js';

const REPEATED = 'This paragraph is long enough to be reported when it appears twice, 100% sure: yes, really.';
/** Two problems (a repeat, a marker) and a message carrying %, :, "," and a newline-looking text. */
const DAMAGED = `---\ntitle: Damaged, "quoted" & <tagged>\n---\n\n${REPEATED}\n\n${REPEATED}\n\nThe end.\n\n---END---\n`;
const CLEAN = '---\ntitle: Clean\n---\n\nAll good here.\n';

function project(): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'posts', 'with space'), { recursive: true });
  writeFileSync(path.join(dir, 'posts', 'with space', 'damaged.md'), DAMAGED);
  writeFileSync(path.join(dir, 'posts', 'clean.md'), CLEAN);
  return dir;
}

describe('compact format', () => {
  it('prints file:line:col: severity message [rule], one line per problem', () => {
    const { code, stdout } = runCli(['-f', 'compact', 'posts'], { cwd: project() });
    expect(code).toBe(1);
    expect(stdout).toBe(
      'posts/with space/damaged.md:7:1: error Paragraph repeats line 5. [duplicate-paragraph]\n' +
        'posts/with space/damaged.md:11:1: error End-of-generation marker "---END---" left in the text. [end-marker]\n\n2 problems\n',
    );
  });
});

/**
 * Parses workflow commands the way the Actions runner does: `::name k=v,k=v::data`,
 * unescaping %25, %0D, %0A (and %3A, %2C in properties).
 */
function parseWorkflowCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescape = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const at = pair.indexOf('=');
    properties[pair.slice(0, at)] = unescape(pair.slice(at + 1));
  }
  return { command: match[1], properties, message: unescape(match[3]) };
}

describe('github format', () => {
  it('writes one annotation per problem that the runner parses back to the same values', () => {
    const { code, stdout } = runCli(['-f', 'github', 'posts'], { cwd: project() });
    expect(code).toBe(1);
    const commands = stdout.trimEnd().split('\n').map(parseWorkflowCommand);
    expect(commands).toEqual([
      {
        command: 'error',
        properties: { file: 'posts/with space/damaged.md', line: '7', endLine: '7', col: '1', endColumn: '92', title: 'scrapelint (duplicate-paragraph)' },
        message: 'Paragraph repeats line 5.',
      },
      {
        command: 'error',
        properties: { file: 'posts/with space/damaged.md', line: '11', endLine: '11', col: '1', endColumn: '10', title: 'scrapelint (end-marker)' },
        message: 'End-of-generation marker "---END---" left in the text.',
      },
    ]);
  });

  it('escapes text exactly as @actions/core does, so a file cannot inject a command', () => {
    const dir = tempDir();
    // A title with a line break, "::" and "%" ends up quoted in the truncated-title message.
    writeFileSync(path.join(dir, 'a,b:c%.md'), '---\ntitle: "Broken 「title\\n::warning::injected 100%"\n---\n\nFine.\n');
    const ours = runCli(['-f', 'github', 'a,b:c%.md'], { cwd: dir }).stdout.trimEnd().split('\n');
    expect(ours.length).toBeGreaterThan(0);
    for (const line of ours) {
      expect(line).not.toMatch(/\n/);
      const parsed = parseWorkflowCommand(line);
      // GitHub's own toolkit renders the same annotation; both must parse to the same values.
      const script = `const core = require('@actions/core');
        const p = ${JSON.stringify(parsed)};
        core[p.command](p.message, { file: p.properties.file, startLine: +p.properties.line, endLine: +p.properties.endLine, startColumn: +p.properties.col, endColumn: +p.properties.endColumn, title: p.properties.title });`;
      const reference = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: path.resolve(__dirname, '..') }).stdout.trimEnd();
      expect(parseWorkflowCommand(reference)).toEqual(parsed);
      expect(reference.split('::')[2]).toBe(line.split('::')[2]);
    }
    expect(parseWorkflowCommand(ours[0]).properties.file).toBe('a,b:c%.md');
  });
});

describe('junit format', () => {
  it('is well-formed XML: a suite per file, a failing case per problem, a passing case for a clean file', () => {
    const { code, stdout } = runCli(['-f', 'junit', 'posts'], { cwd: project() });
    expect(code).toBe(1);
    expect(XMLValidator.validate(stdout)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(stdout);
    const suites = parsed.testsuites.testsuite;
    expect(suites.map((s: { name: string; tests: string; errors: string }) => [s.name, s.tests, s.errors])).toEqual([
      ['posts/clean.md', '1', '0'],
      ['posts/with space/damaged.md', '2', '2'],
    ]);
    expect(suites[0].testcase[0].failure).toBeUndefined();
    const failure = suites[1].testcase[0].failure;
    expect(suites[1].testcase[0].name).toBe('org.scrapelint.duplicate-paragraph');
    expect(failure.message).toBe('Paragraph repeats line 5.');
    expect(failure['#text']).toContain('line 7, col 1, Error - Paragraph repeats line 5. (duplicate-paragraph: https://');
    expect(failure['#text']).toContain('/rules/duplicate-paragraph.md');
  });

  it('keeps control characters and "]]>" from a file out of the XML', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'x.md'), '---\ntitle: "Cut \\u0001 ]]> <b>「here"\n---\n\nFine.\n');
    const { stdout } = runCli(['-f', 'junit', 'x.md'], { cwd: dir });
    expect(XMLValidator.validate(stdout)).toBe(true);
    expect(stdout).not.toContain('\u0001');
  });
});

describe('sarif format', () => {
  function sarifOf(dir: string): Sarif.Log {
    const { stdout } = runCli(['-f', 'sarif', 'posts'], { cwd: dir });
    return JSON.parse(stdout) as Sarif.Log;
  }

  it('has every property GitHub code scanning requires', () => {
    const log = sarifOf(project());
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    const driver = run.tool.driver;
    expect(driver.name).toBe('scrapelint');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.rules?.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.meta.id));
    for (const rule of driver.rules ?? []) {
      expect(rule.helpUri).toMatch(new RegExp(`^https://.+/rules/${rule.id}\\.md$`));
      expect(rule.shortDescription?.text.length).toBeGreaterThan(10);
      expect(['error', 'warning']).toContain(rule.defaultConfiguration?.level);
    }
    const results = run.results ?? [];
    expect(results.map((r) => [r.ruleId, r.level, r.message.text])).toEqual([
      ['duplicate-paragraph', 'error', 'Paragraph repeats line 5.'],
      ['end-marker', 'error', 'End-of-generation marker "---END---" left in the text.'],
    ]);
    for (const result of results) {
      expect(driver.rules?.[result.ruleIndex!].id).toBe(result.ruleId);
      const location = result.locations![0].physicalLocation!;
      // Relative to the repository root, percent-encoded as a URI reference.
      expect(location.artifactLocation!.uri).toBe('posts/with%20space/damaged.md');
      expect(location.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
      expect(location.region!.startLine).toBeGreaterThan(0);
      expect(location.region!.startColumn).toBe(1);
    }
    expect(results[0].relatedLocations?.[0].physicalLocation?.region?.startLine).toBe(5);
  });

  it('points a cross-file duplicate at the other file', () => {
    const dir = project();
    const article = readFileSync(path.join(fixturesDir, 'cross-file-duplicate', 'exact-copy', 'umeboshi.md'), 'utf8');
    writeFileSync(path.join(dir, 'posts', 'with space', 'ume.md'), article);
    writeFileSync(path.join(dir, 'posts', 'copy.md'), article.replace('2025-06-01', '2025-07-01'));
    const results = sarifOf(dir).runs[0].results!.filter((r) => r.ruleId === 'cross-file-duplicate');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      const here = r.locations![0].physicalLocation!.artifactLocation!.uri;
      const there = r.relatedLocations![0].physicalLocation!.artifactLocation!.uri;
      expect(here).not.toBe(there);
      expect([here, there].sort()).toEqual(['posts/copy.md', 'posts/with%20space/ume.md']);
    }
  });

  it('names a pseudo-rule for a file that cannot be read, so every result has a listed rule', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'posts', 'binary.md'), Buffer.from([0, 1, 2, 3, 0, 0]));
    const run = sarifOf(dir).runs[0];
    const fileError = run.results!.find((r) => r.ruleId === 'file-error');
    expect(fileError?.level).toBe('error');
    expect(run.tool.driver.rules?.[fileError!.ruleIndex!].id).toBe('file-error');
  });
});

describe('several formats in one run', () => {
  it('writes stylish to the terminal and sarif and junit to files', () => {
    const dir = project();
    const { code, stdout } = runCli(['-f', 'stylish', '-f', 'sarif', '-o', 'out/report.sarif', '-f', 'junit', '-o', 'out/junit.xml', 'posts'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('✖ 2 problems (2 errors, 0 warnings)');
    expect((JSON.parse(readFileSync(path.join(dir, 'out/report.sarif'), 'utf8')) as Sarif.Log).runs[0].results).toHaveLength(2);
    expect(XMLValidator.validate(readFileSync(path.join(dir, 'out/junit.xml'), 'utf8'))).toBe(true);
  });

  it('refuses two formats on stdout, and an unknown format, with exit 2', () => {
    const dir = project();
    const two = runCli(['-f', 'json', '-f', 'sarif', 'posts'], { cwd: dir });
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('only one format can be written to stdout');
    const unknown = runCli(['-f', 'xml', 'posts'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown format; choose from stylish, json, compact, github, junit, sarif, html');
  });

  it('a lone --output-file goes with the only format, given before or after it', () => {
    const dir = project();
    expect(runCli(['-o', 'r.json', '-f', 'json', 'posts'], { cwd: dir }).stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'))).toHaveLength(2);
  });
});

/** Just enough DOM to run the html report's own script outside a browser. */
class FakeElement {
  children: FakeElement[] = [];
  className = '';
  dataset: Record<string, string> = {};
  classList = { toggle: () => {} };
  private text = '';
  constructor(readonly tag: string) {}
  get textContent(): string {
    return this.text + this.children.map((child) => child.textContent).join('');
  }
  set textContent(value: string) {
    this.text = value;
    this.children = [];
  }
  appendChild(child: FakeElement) {
    this.children.push(child);
    return child;
  }
  addEventListener() {}
  *all(): Generator<FakeElement> {
    yield this;
    for (const child of this.children) yield* child.all();
  }
}

/** Runs the page's script over its data; returns the rendered files and the summary line. */
function renderPage(page: string): { main: FakeElement; summary: string } {
  const data = /<script type="application\/json" id="data">(.*?)<\/script>/s.exec(page)![1];
  const script = /<script>(.*?)<\/script>/s.exec(page)![1];
  const byId: Record<string, FakeElement> = { data: new FakeElement('script'), files: new FakeElement('main'), summary: new FakeElement('p'), rules: new FakeElement('span'), severity: new FakeElement('select') };
  byId.data.textContent = data;
  const document = {
    getElementById: (id: string) => byId[id],
    createElement: (tag: string) => new FakeElement(tag),
    createTextNode: (text: string) => Object.assign(new FakeElement('#text'), { textContent: text }),
    querySelectorAll: () => [],
  };
  new Function('document', script)(document);
  return { main: byId.files, summary: byId.summary.textContent };
}

describe('html format', () => {
  const fixed = (filePath: string) => fixedResult(filePath, { 'end-marker': 1, 'duplicate-paragraph': 2 });

  it('shows in the header of each fixed file how many fixes were applied, by rule', () => {
    const dir = tempDir();
    const page = formatters.html([fixed(path.join(dir, 'fixed.md'))], { cwd: dir, color: false, fixedCount: 3 });
    expect(page).toContain('"fixes":"Fixed 3 problems (duplicate-paragraph 2, end-marker 1)"');
    const { main, summary } = renderPage(page);
    // A file with no problems left is still listed: --fix changed it.
    expect([...main.all()].filter((e) => e.tag === 'h2').map((e) => e.textContent)).toEqual(['fixed.md']);
    expect([...main.all()].filter((e) => e.className === 'fixes').map((e) => e.textContent)).toEqual(['Fixed 3 problems (duplicate-paragraph 2, end-marker 1)']);
    expect(summary).toMatch(/: 0 problems in 0 of 1 files; fixed 3$/);
    const dry = formatters.html([fixed(path.join(dir, 'fixed.md'))], { cwd: dir, color: false, fixedCount: 3, dryRun: true });
    expect(dry).toContain('"fixes":"Would fix 3 problems (duplicate-paragraph 2, end-marker 1)"');
  });

  it('after --fix, lists the fixes applied per file and no empty diff', () => {
    const dir = project();
    const { code, stderr } = runCli(['--fix', '-f', 'html', '-o', 'report.html', 'posts'], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toBe('Fixed 2 problems in 1 file (duplicate-paragraph 1, end-marker 1).\n');
    const page = readFileSync(path.join(dir, 'report.html'), 'utf8');
    const { main } = renderPage(page);
    expect([...main.all()].filter((e) => e.tag === 'h2').map((e) => e.textContent)).toEqual(['posts/with space/damaged.md']);
    expect([...main.all()].filter((e) => e.className === 'fixes').map((e) => e.textContent)).toEqual(['Fixed 2 problems (duplicate-paragraph 1, end-marker 1)']);
    expect(page).not.toContain('"diff"');
  });

  it('renders nothing about fixes in a plain run', () => {
    const page = runCli(['-f', 'html', 'posts'], { cwd: project() }).stdout;
    const { main, summary } = renderPage(page);
    expect([...main.all()].some((e) => e.className === 'fixes')).toBe(false);
    expect(summary).toMatch(/: 2 problems in 1 of 2 files$/);
  });
});
