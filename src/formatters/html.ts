import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import type { Formatter } from './types.js';
import type { LintMessage, LintResult } from '../types.js';
import { displayPath, plural, reportedRuleId } from './common.js';
import { fixesByRule } from './fix-summary.js';
import { packageInfo, ruleDocsUrl } from '../meta.js';

/** Lines of context shown around a problem, and the most lines a snippet may have. */
const CONTEXT = 1;
const MAX_SNIPPET_LINES = 30;

interface Snippet {
  first: number;
  lines: string[];
}

interface PageProblem {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  rule: string;
  message: string;
  docs?: string;
  /** This file's lines around the problem. */
  here?: Snippet;
  /** The copy it repeats (in this file or another), for duplicates. */
  kept?: Snippet & { file: string };
  /** What the fix would remove and insert. */
  fix?: { safety: 'safe' | 'unsafe'; removed: string; inserted: string };
}

interface PageFile {
  path: string;
  problems: PageProblem[];
  /** The fixes applied to the file (or, with --fix-dry-run, that would be), by rule. */
  fixes?: string;
  /** The whole change a fix run would make (--fix-dry-run), as a unified diff. */
  diff?: string;
}

/**
 * One self-contained page to review a cleanup: every file with its problems, each
 * duplicate beside the copy it repeats, each proposed fix, filters by rule and severity.
 * File content only ever reaches the page as JSON data rendered with textContent, and a
 * Content-Security-Policy allows no script but the page's own (by hash): text from a
 * file cannot become markup or code.
 */
export const html: Formatter = (results, context) => {
  const texts = new Map<string, string | undefined>();
  const textOf = (file: string) => {
    if (!texts.has(file)) {
      try {
        texts.set(file, readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      } catch {
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };
  const files: PageFile[] = [];
  for (const result of results) {
    const fixed = result.fixedCount ?? 0;
    if (result.messages.length === 0 && fixed === 0) continue;
    const text = textOf(result.filePath);
    const output = result.output?.replace(/^\uFEFF/, '');
    files.push({
      path: displayPath(result.filePath, context.cwd),
      problems: result.messages.map((m) => pageProblem(m, result, text, textOf, context.cwd)),
      fixes: fixed > 0 ? fixLine(fixed, result.fixedByRule, !!context.dryRun) : undefined,
      // After --fix the file on disk is the output already: no diff left to show.
      diff: text !== undefined && output !== undefined && output !== text ? createTwoFilesPatch(displayPath(result.filePath, context.cwd), displayPath(result.filePath, context.cwd), text, output, 'now', 'after fixes', { context: 2 }) : undefined,
    });
  }
  const data = { tool: `scrapelint ${packageInfo().version}`, checked: results.length, files, fixedCount: context.fixedCount ?? null, dryRun: !!context.dryRun };
  // JSON inside <script>: escape what could end the element or confuse the parser.
  const json = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const scriptHash = createHash('sha256').update(PAGE_SCRIPT).digest('base64');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>scrapelint report</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header><h1>scrapelint report</h1><p id="summary"></p>
<div id="filters"><label>Severity <select id="severity"><option value="all">all</option><option value="error">errors</option><option value="warning">warnings</option></select></label> <span id="rules"></span></div></header>
<main id="files"></main>
<script type="application/json" id="data">${json}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
};

function pageProblem(m: LintMessage, result: LintResult, text: string | undefined, textOf: (file: string) => string | undefined, cwd: string): PageProblem {
  const problem: PageProblem = {
    line: m.line,
    column: m.column,
    severity: m.severity === 2 ? 'error' : 'warning',
    rule: reportedRuleId(m),
    message: m.message,
    docs: m.ruleId ? ruleDocsUrl(m.ruleId) : undefined,
  };
  if (text !== undefined) problem.here = snippet(text, m.line, m.endLine);
  if (m.related) {
    const file = m.related.filePath ?? result.filePath;
    const other = file === result.filePath ? text : textOf(file);
    if (other !== undefined) problem.kept = { file: displayPath(file, cwd), ...snippet(other, m.related.line, m.related.endLine) };
  }
  const fix = m.fix ?? m.suggestions?.[0]?.fix;
  if (fix && text !== undefined) {
    problem.fix = { safety: m.fix ? 'safe' : 'unsafe', removed: clip(text.slice(fix.range[0], fix.range[1])), inserted: clip(fix.text) };
  }
  return problem;
}

/** `Fixed 3 problems (duplicate-paragraph 2, end-marker 1)`, or `Would fix …` for a dry run. */
export function fixLine(fixed: number, byRule: Record<string, number> | undefined, dryRun: boolean): string {
  const rules = byRule ? fixesByRule(byRule) : '';
  return `${dryRun ? 'Would fix' : 'Fixed'} ${plural(fixed, 'problem')}${rules ? ` (${rules})` : ''}`;
}

function snippet(text: string, line: number, endLine: number): Snippet {
  const lines = text.split(/\r\n|\r|\n/);
  const first = Math.max(1, line - CONTEXT);
  const last = Math.min(lines.length, Math.max(line, endLine) + CONTEXT, first + MAX_SNIPPET_LINES - 1);
  return { first, lines: lines.slice(first - 1, last).map((l) => clip(l, 400)) };
}

function clip(text: string, max = 4000): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

const PAGE_STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #d0d7de;padding:8px 16px;z-index:1}
h1{font-size:18px;margin:0 0 4px}
#filters label{margin-right:12px}
main{padding:8px 16px}
section.file{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:12px 0;padding:8px 12px}
section.file h2{font-size:15px;margin:0 0 8px;font-family:ui-monospace,monospace;word-break:break-all}
.fixes{font-size:13px;color:#1a7f37;margin:-4px 0 8px}
div.problem{border-top:1px solid #eaeef2;padding:6px 0}
.sev-error .sev{color:#cf222e;font-weight:600}
.sev-warning .sev{color:#9a6700;font-weight:600}
.rule{color:#57606a;font-family:ui-monospace,monospace;margin-left:6px}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:8px;margin-top:4px}
pre{margin:4px 0;padding:6px;background:#f6f8fa;border:1px solid #eaeef2;border-radius:4px;overflow:auto;white-space:pre-wrap;word-break:break-word;font-size:12px}
.caption{font-size:12px;color:#57606a}
.del{background:#ffebe9}.ins{background:#dafbe1}
.hidden{display:none}
`;

/** Renders the data with DOM calls and textContent only: no HTML is ever parsed from it. */
const PAGE_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('data').textContent);
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
  function pre(snip, cls) { var p = el('pre', cls); p.textContent = snip.lines.map(function (l, i) { return String(snip.first + i).padStart(5) + '  ' + l; }).join('\\n'); return p; }
  var counts = {}, total = 0;
  var main = document.getElementById('files');
  data.files.forEach(function (file) {
    var section = el('section', 'file');
    section.appendChild(el('h2', null, file.path));
    if (file.fixes) { section.appendChild(el('div', 'fixes', file.fixes)); section.dataset.fixed = 'yes'; }
    file.problems.forEach(function (p) {
      counts[p.rule] = (counts[p.rule] || 0) + 1; total++;
      var row = el('div', 'problem sev-' + p.severity);
      row.dataset.rule = p.rule; row.dataset.severity = p.severity;
      var head = el('div');
      head.appendChild(el('span', 'pos', p.line + ':' + p.column + '  '));
      head.appendChild(el('span', 'sev', p.severity));
      head.appendChild(document.createTextNode('  ' + p.message));
      if (p.docs) { var a = el('a', 'rule', p.rule); a.href = p.docs; a.rel = 'noreferrer'; head.appendChild(a); } else head.appendChild(el('span', 'rule', p.rule));
      row.appendChild(head);
      if (p.kept && p.here) {
        var pair = el('div', 'pair');
        var left = el('div'); left.appendChild(el('div', 'caption', 'this copy')); left.appendChild(pre(p.here));
        var right = el('div'); right.appendChild(el('div', 'caption', 'kept copy: ' + p.kept.file)); right.appendChild(pre(p.kept));
        pair.appendChild(left); pair.appendChild(right); row.appendChild(pair);
      } else if (p.here) row.appendChild(pre(p.here));
      if (p.fix) {
        row.appendChild(el('div', 'caption', (p.fix.safety === 'safe' ? 'fix (--fix)' : 'fix (--fix --unsafe-fixes, may drop words)') + ': removes'));
        row.appendChild(el('pre', 'del', p.fix.removed));
        if (p.fix.inserted) { row.appendChild(el('div', 'caption', 'inserts')); row.appendChild(el('pre', 'ins', p.fix.inserted)); }
      }
      section.appendChild(row);
    });
    if (file.diff) { section.appendChild(el('div', 'caption', 'all fixes of this file')); section.appendChild(el('pre', 'diff', file.diff)); }
    main.appendChild(section);
  });
  var withProblems = data.files.filter(function (file) { return file.problems.length > 0; }).length;
  document.getElementById('summary').textContent = data.tool + ': ' + total + ' problems in ' + withProblems + ' of ' + data.checked + ' files' + (data.fixedCount !== null ? (data.dryRun ? '; fixes would remove ' : '; fixed ') + data.fixedCount : '');
  var rulesBox = document.getElementById('rules');
  var enabled = {};
  Object.keys(counts).sort().forEach(function (rule) {
    enabled[rule] = true;
    var label = el('label'); var box = el('input'); box.type = 'checkbox'; box.checked = true; box.dataset.rule = rule;
    box.addEventListener('change', function () { enabled[rule] = box.checked; apply(); });
    label.appendChild(box); label.appendChild(document.createTextNode(' ' + rule + ' (' + counts[rule] + ')')); rulesBox.appendChild(label);
  });
  var severity = document.getElementById('severity');
  severity.addEventListener('change', apply);
  function apply() {
    document.querySelectorAll('section.file').forEach(function (section) {
      var visible = 0;
      section.querySelectorAll('div.problem').forEach(function (row) {
        var show = enabled[row.dataset.rule] && (severity.value === 'all' || severity.value === row.dataset.severity);
        row.classList.toggle('hidden', !show); if (show) visible++;
      });
      // A file --fix changed stays in view: what was fixed there is part of the review.
      section.classList.toggle('hidden', visible === 0 && !section.dataset.fixed);
    });
  }
})();
`;
