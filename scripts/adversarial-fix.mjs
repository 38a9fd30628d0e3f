#!/usr/bin/env node
// Measures whether --fix keeps its promise on real articles of ../shared/corpus (ja and
// en), with copies made to be hard. Deterministic: every case is seeded from
// (--seed, file, kind). Calls fixText in-process (the built library in dist/).
//
//   npm run build && node scripts/adversarial-fix.mjs [--every N] [--seed S] [--show N] [--no-unsafe-variants] [corpusDir]
//   node scripts/adversarial-fix.mjs --case en/some-article.md --kind punct [--unsafe]
//
// For each sampled article a finished paragraph (>= 60 visible characters) is copied after a
// later block, and:
//   A. raw variants of the copy (punctuation, signs, digits, case, symbols, emphasis, link
//      targets, code operators, heading level, footnote references): safe fixText must
//      not lose a line (every line gone from the output stands, whitespace aside, in the
//      output; scripts/lib/fix-invariant.mjs). Target: 0 losses. Also, under
//      --unsafe-fixes, no sentence may be lost unless a near variant of it is kept.
//   B. the verbatim copy (control): safe fixText must restore the original.
//   C. damage (verbatim, cut, fragment before its text, glued re-emission, re-emitted
//      section, end markers): share of files the safe fix restores to the original,
//      blank lines aside. Target >= 0.98. Lines lost are counted too.
//   D. the same plus near copies under fixText(text, { unsafe: true }): restore share
//      (target >= 0.98) and sentences of the article lost without a near variant kept
//      (a near copy's edited sentence is the damage, not the article's).
// Failures are listed (up to --show N per kind) with a command that reproduces each.
// Skips when the corpus is absent; writes nothing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { diffArrays } from 'diff';
import { fixText } from '../dist/src/index.js';
import { listMarkdownFiles } from './lib/markdown-files.mjs';
import { lostLines, lostSentences, stripWhitespace, withoutBlankLines } from './lib/fix-invariant.mjs';
import { damageCase, planArticle, SAFE_DAMAGE_KINDS, UNSAFE_DAMAGE_KINDS, VARIANT_KINDS, variantCase } from './lib/fix-cases.mjs';

const args = process.argv.slice(2);
const valued = ['--every', '--seed', '--show', '--case', '--kind'];
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const every = Number(option('--every', 25));
const seed = option('--seed', '1');
const show = Number(option('--show', 3));
const positional = args.filter((a, i) => !a.startsWith('--') && !valued.includes(args[i - 1]));
const corpus = path.resolve(positional[0] ?? new URL('../../shared/corpus', import.meta.url).pathname);

const fix = (text, file, unsafe = false) => fixText(text, { filePath: file, unsafe }).output;
const restores = (output, clean) => withoutBlankLines(output) === withoutBlankLines(clean);
/** Not restored, but only trailing spaces at line ends differ (counted apart as "ws-only"). */
const trailingSpaceOnly = (output, clean) => !restores(output, clean) && withoutBlankLines(output).replace(/[ \t]+$/gm, '') === withoutBlankLines(clean).replace(/[ \t]+$/gm, '');
const clip = (text, n = 100) => (text.length > n ? `${text.slice(0, n)}…` : text);
const reproduce = (file, kind, unsafe) => `node scripts/adversarial-fix.mjs --case ${file} --kind ${kind}${unsafe ? ' --unsafe' : ''}${seed !== '1' ? ` --seed ${seed}` : ''}`;

/** The first line where the output and the clean article differ (blank lines aside). */
function firstDifference(clean, output) {
  for (const part of diffArrays(withoutBlankLines(clean).split('\n'), withoutBlankLines(output).split('\n'))) {
    if (part.added) return `output has: ${clip(part.value[0])}`;
    if (part.removed) return `output lacks: ${clip(part.value[0])}`;
  }
  return 'no difference';
}

// ---------------------------------------------------------------------------------------
// Tallies

class Table {
  constructor(title, columns) {
    this.title = title;
    this.columns = columns; // names of the counters after "cases"
    this.rows = new Map();
  }
  row(kind) {
    if (!this.rows.has(kind)) this.rows.set(kind, { cases: 0, na: 0, counts: Object.fromEntries(this.columns.map((c) => [c, 0])), failures: [] });
    return this.rows.get(kind);
  }
  add(kind, counts, failure) {
    const row = this.row(kind);
    row.cases++;
    for (const [name, value] of Object.entries(counts)) row.counts[name] += Number(value);
    if (failure) row.failures.push(failure);
  }
  notApplicable(kind) {
    this.row(kind).na++;
  }
  print(shareOf) {
    console.log(`\n${this.title}`);
    const stable = this.columns.includes('stable');
    console.log(`  ${'kind'.padEnd(18)} ${'cases'.padStart(6)} ${this.columns.map((c) => c.padStart(Math.max(9, c.length))).join(' ')}   share ${shareOf}${stable ? '  of stable' : ''}  (n/a)`);
    for (const [kind, row] of this.rows) {
      const share = row.cases === 0 ? '  -  ' : (row.counts[shareOf] / row.cases).toFixed(3);
      const ofStable = !stable ? '' : `  ${(row.counts.stable === 0 ? '  -  ' : (row.counts['st-restored'] / row.counts.stable).toFixed(3)).padStart(9)}`;
      console.log(`  ${kind.padEnd(18)} ${String(row.cases).padStart(6)} ${this.columns.map((c) => String(row.counts[c]).padStart(Math.max(9, c.length))).join(' ')}   ${share.padStart(6 + shareOf.length)}${ofStable}  (${row.na})`);
    }
  }
  printFailures(label) {
    const withFailures = [...this.rows].filter(([, row]) => row.failures.length > 0);
    if (withFailures.length === 0) return;
    console.log(`\n  ${label} (up to ${show} per kind, --show N for more):`);
    for (const [kind, row] of withFailures) {
      console.log(`  ${kind}: ${row.failures.length} cases`);
      for (const failure of examples(row.failures, show)) console.log(`    ${failure.file}${failure.changed ? ' [the clean original is changed by this --fix too]' : ''}${failure.pre ? ' [lost when fixing the clean original too]' : ''}: ${failure.line}\n      ${failure.command}`);
    }
  }
}

/**
 * The failures worth showing first: those on articles whose own fix is fine (the damage's
 * fault, not a pre-existing problem), Japanese and English in turn.
 */
function examples(failures, n) {
  const ordered = [...failures].sort((a, b) => Number(Boolean(a.changed || a.pre)) - Number(Boolean(b.changed || b.pre)));
  const byLanguage = [ordered.filter((f) => f.file.startsWith('ja/')), ordered.filter((f) => !f.file.startsWith('ja/'))];
  const chosen = [];
  for (let i = 0; chosen.length < Math.min(n, failures.length); i++) {
    for (const list of byLanguage) if (i < list.length && chosen.length < n) chosen.push(list[i]);
  }
  return chosen;
}

// "pre": of the losing cases, those whose every loss also happens when the clean article is fixed.
const variantTable = new Table('A. raw variants of a copy, safe --fix: cases losing a line (target 0); unsafe-losing: cases losing a sentence under --unsafe-fixes', ['losing', 'pre', 'unsafe-losing', 'unsafe-pre']);
// "ws-only": not restored, but only trailing spaces at line ends differ from the original.
// "stable": cases whose clean original this --fix leaves alone (on the others the damaged
// article cannot come back to the original, whatever happens to the damage); "st-restored":
// those of them restored. The second share is restoration of the damage alone.
const safeTable = new Table('C. damage, safe --fix: restored share (target >= 0.98); losing: cases where a removed line stands nowhere in the output', ['restored', 'ws-only', 'losing', 'pre', 'stable', 'st-restored']);
const unsafeTable = new Table('D. damage, --fix --unsafe-fixes: restored share (target >= 0.98); losing: cases losing a sentence of the article with no near variant kept', ['restored', 'ws-only', 'losing', 'pre', 'sentences', 'stable', 'st-restored']);
const sentenceFailures = new Table('', []);
const stats = { articles: 0, sampled: 0, planned: 0, origSafeChanged: 0, origUnsafeChanged: 0, origLoses: 0, origLosesSentence: 0 };

// ---------------------------------------------------------------------------------------
// Running the cases of one article

/**
 * Fixes the clean article itself: whether --fix changes it (a restore failure on it may
 * not be the damage's fault) and what it loses anyway (losses marked "pre").
 */
function baseline(plan) {
  const safe = fix(plan.text, plan.file);
  const unsafe = fix(plan.text, plan.file, true);
  const changed = { safe: !restores(safe, plan.text), unsafe: !restores(unsafe, plan.text) };
  const lostLinesAnyway = new Set(lostLines(plan.text, safe).lost.map((entry) => entry.text));
  const lostSentencesAnyway = new Set(lostSentences(plan.text, unsafe));
  stats.origSafeChanged += changed.safe;
  stats.origUnsafeChanged += changed.unsafe;
  stats.origLoses += lostLinesAnyway.size > 0;
  stats.origLosesSentence += lostSentencesAnyway.size > 0;
  return { changed, linesPre: (lost) => lost.every((entry) => lostLinesAnyway.has(entry.text)), sentencesPre: (lost) => lost.every((s) => lostSentencesAnyway.has(s)) };
}

function runVariants(plan, base, unsafeVariants) {
  for (const kind of VARIANT_KINDS) {
    const damaged = variantCase(plan, kind);
    if (damaged === null) {
      variantTable.notApplicable(kind);
      continue;
    }
    const lost = lostLines(damaged, fix(damaged, plan.file)).lost;
    const lostUnsafe = unsafeVariants ? lostSentences(damaged, fix(damaged, plan.file, true)) : [];
    const failure = lost.length > 0 ? { file: plan.file, line: `L${lost[0].line}: ${clip(lost[0].text)}`, pre: base.linesPre(lost), command: reproduce(plan.file, kind) } : undefined;
    const counts = { losing: lost.length > 0, pre: lost.length > 0 && base.linesPre(lost), 'unsafe-losing': lostUnsafe.length > 0, 'unsafe-pre': lostUnsafe.length > 0 && base.sentencesPre(lostUnsafe) };
    variantTable.add(kind, counts, failure);
    if (lostUnsafe.length > 0) sentenceFailures.add(`A ${kind}`, {}, { file: plan.file, line: `lost: ${clip(lostUnsafe[0])}`, pre: base.sentencesPre(lostUnsafe), command: reproduce(plan.file, kind, true) });
  }
}

/** The control (B) by language: the verbatim copy restored by safe --fix. */
const verbatimByLanguage = { ja: [0, 0], en: [0, 0] };
function countVerbatim(plan, restored) {
  const tally = verbatimByLanguage[plan.file.startsWith('ja/') ? 'ja' : 'en'];
  tally[0] += restored ? 1 : 0;
  tally[1]++;
}

function runDamage(plan, base) {
  for (const kind of UNSAFE_DAMAGE_KINDS) {
    const damaged = damageCase(plan, kind);
    if (damaged === null) {
      if (SAFE_DAMAGE_KINDS.includes(kind)) safeTable.notApplicable(kind);
      unsafeTable.notApplicable(kind);
      continue;
    }
    if (SAFE_DAMAGE_KINDS.includes(kind)) {
      const output = fix(damaged, plan.file);
      const restored = restores(output, plan.text);
      const lost = lostLines(damaged, output).lost;
      const line = lost.length > 0 ? `lost L${lost[0].line}: ${clip(lost[0].text)}` : firstDifference(plan.text, output);
      const failure = restored && lost.length === 0 ? undefined : { file: plan.file, line, changed: base.changed.safe, command: reproduce(plan.file, kind) };
      if (kind === 'verbatim') countVerbatim(plan, restored);
      safeTable.add(kind, { restored, 'ws-only': trailingSpaceOnly(output, plan.text), losing: lost.length > 0, pre: lost.length > 0 && base.linesPre(lost), stable: !base.changed.safe, 'st-restored': restored && !base.changed.safe }, failure);
    }
    const output = fix(damaged, plan.file, true);
    const restored = restores(output, plan.text);
    // Only the article's own sentences count: a near copy's edited sentence ("It another
    // similarly print") is the damage, and removing it is the fix.
    const original = stripWhitespace(plan.text);
    const lost = lostSentences(damaged, output).filter((sentence) => original.includes(stripWhitespace(sentence)));
    const failure = restored ? undefined : { file: plan.file, line: firstDifference(plan.text, output), changed: base.changed.unsafe, command: reproduce(plan.file, kind, true) };
    unsafeTable.add(kind, { restored, 'ws-only': trailingSpaceOnly(output, plan.text), losing: lost.length > 0, pre: lost.length > 0 && base.sentencesPre(lost), sentences: lost.length, stable: !base.changed.unsafe, 'st-restored': restored && !base.changed.unsafe }, failure);
    if (lost.length > 0) sentenceFailures.add(`D ${kind}`, {}, { file: plan.file, line: `lost: ${clip(lost[0])}`, pre: base.sentencesPre(lost), command: reproduce(plan.file, kind, true) });
  }
}

// ---------------------------------------------------------------------------------------
// One case, for a developer: --case <file> --kind <kind> [--unsafe]

function printCase(file, kind, unsafe) {
  if (!existsSync(path.join(corpus, file))) return console.log(`${file} not found in ${corpus}`);
  const text = readFileSync(path.join(corpus, file), 'utf8');
  const plan = planArticle(text, file, seed);
  if (!plan) return console.log(`${file}: fewer than three finished paragraphs of 60+ visible characters; no cases`);
  const damaged = VARIANT_KINDS.includes(kind) ? variantCase(plan, kind) : UNSAFE_DAMAGE_KINDS.includes(kind) ? damageCase(plan, kind) : undefined;
  if (damaged === undefined) return console.log(`unknown kind ${kind}; kinds: ${[...VARIANT_KINDS, ...UNSAFE_DAMAGE_KINDS].join(', ')}`);
  if (damaged === null) return console.log(`${kind} does not apply to ${file}`);
  const level = unsafe || kind === 'near';
  const output = fix(damaged, file, level);
  console.log(`===== damaged text (${kind}) =====\n${damaged}\n===== fix output (${level ? '--fix --unsafe-fixes' : '--fix'}) =====\n${output}\n=====`);
  console.log(`restores the original (blank lines aside): ${restores(output, text)}${restores(output, text) ? '' : ` (first difference: ${firstDifference(text, output)})`}`);
  for (const { line, text: lost } of lostLines(damaged, output).lost) console.log(`line lost: L${line}: ${lost}`);
  for (const sentence of lostSentences(damaged, output)) console.log(`sentence lost: ${sentence}`);
}

// ---------------------------------------------------------------------------------------

function main() {
  if (!existsSync(corpus)) {
    console.log(`corpus not found at ${corpus}; skipped`);
    return;
  }
  if (args.includes('--case')) return printCase(option('--case'), option('--kind', 'verbatim'), args.includes('--unsafe'));
  const files = ['ja', 'en'].flatMap((lang) => (existsSync(path.join(corpus, lang)) ? listMarkdownFiles(path.join(corpus, lang)) : []));
  const unsafeVariants = !args.includes('--no-unsafe-variants');
  const started = performance.now();
  stats.articles = files.length;
  for (const [i, full] of files.entries()) {
    if (i % every !== 0) continue;
    stats.sampled++;
    const file = path.relative(corpus, full);
    const plan = planArticle(readFileSync(full, 'utf8'), file, seed);
    if (!plan) continue;
    stats.planned++;
    const base = baseline(plan);
    runVariants(plan, base, unsafeVariants);
    runDamage(plan, base);
  }
  report((performance.now() - started) / 1000);
}

function report(seconds) {
  console.log(`${stats.articles} articles in ${corpus}, every ${every}th sampled: ${stats.sampled}; ${stats.planned} have three finished paragraphs of 60+ visible characters (seed ${seed}, ${seconds.toFixed(0)} s)`);
  console.log(`clean originals that --fix changes anyway: ${stats.origSafeChanged} (safe), ${stats.origUnsafeChanged} (unsafe); that lose a line under safe --fix: ${stats.origLoses}; a sentence under --unsafe-fixes: ${stats.origLosesSentence}`);
  console.log('"pre": losing cases whose every loss also happens when the clean original is fixed; "ws-only": not restored, only trailing spaces differ');
  variantTable.print('losing');
  const verbatim = safeTable.row('verbatim');
  const share = verbatim.cases === 0 ? '-' : (verbatim.counts.restored / verbatim.cases).toFixed(3);
  console.log(`\nB. verbatim copy (control), safe --fix restores the original: ${verbatim.counts.restored}/${verbatim.cases} = ${share} (target >= 0.95; ja ${verbatimByLanguage.ja.join('/')}, en ${verbatimByLanguage.en.join('/')})`);
  safeTable.print('restored');
  unsafeTable.print('restored');
  console.log('\nFailures');
  variantTable.printFailures('A. variants losing a line under safe --fix');
  safeTable.printFailures('C. damage not restored (or losing a line) under safe --fix');
  unsafeTable.printFailures('D. damage not restored under --fix --unsafe-fixes');
  sentenceFailures.printFailures('sentences lost under --fix --unsafe-fixes (A: variants, D: damage)');
}

main();
