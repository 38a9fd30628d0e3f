import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseMarkdown } from '../src/markdown.js';
import { fastFromMarkdown, patchFromMarkdown } from '../scripts/fast-from-markdown.mjs';
import { listFixtures, tempDir } from './helpers.js';

/**
 * The bundled command parses with a patched mdast-util-from-markdown (one shared handler
 * context instead of a copy per event, scripts/fast-from-markdown.mjs). The patch must
 * not change a single node or position: the patched parser, bundled the way
 * scripts/bundle.mjs bundles it, is compared with the library's parser here.
 */
let patchedParse: typeof parseMarkdown;
let dir: string;

beforeAll(async () => {
  dir = tempDir();
  const result = await build({
    entryPoints: [path.resolve(__dirname, '../src/markdown.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    plugins: [fastFromMarkdown],
    logLevel: 'silent',
  });
  const file = path.join(dir, 'markdown.mjs');
  writeFileSync(file, result.outputFiles[0].text);
  expect(result.outputFiles[0].text).toMatch(/context\.sliceSerialize = events\[\w+\]\[2\]\.sliceSerialize;/);
  ({ parseMarkdown: patchedParse } = await import(pathToFileURL(file).href));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inline = fc.constantFrom(
  'plain words ',
  '日本語の文です。',
  '*emphasis* ',
  '__strong__ ',
  '~~struck~~ ',
  '`code span` ',
  '[a link](https://example.com "title") ',
  '[a reference][ref] ',
  '![an image](img.png) ',
  '<https://example.com> ',
  '<span>inline html</span> ',
  'a hard break  \n',
  'escaped \\* star ',
  '&amp; &#35; &copy; ',
  'a footnote[^1] ',
  '[unclosed bracket ',
  '「括弧',
);
const line = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('').trimEnd());
const block = fc.oneof(
  line,
  line.map((text) => `# ${text}`),
  line.map((text) => `${text}\n===`),
  fc.array(line, { minLength: 1, maxLength: 4 }).map((items) => items.map((text) => `- ${text}`).join('\n')),
  fc.array(line, { minLength: 1, maxLength: 4 }).map((items) => items.map((text, i) => `${i + 1}. ${text}\n   - nested ${text}`).join('\n')),
  line.map((text) => `> ${text}\n> > ${text}`),
  fc.constantFrom('```js\nconst a = 1;\n```', '    indented code', '~~~\nunclosed fence', '---', '***'),
  fc.constantFrom('| a | b |\n|---|:-:|\n| 1 | `2` |', '<div>\nhtml block\n</div>', '<!-- comment -->', '[ref]: https://example.com', '[^1]: The note.'),
);
const markdown = fc
  .record({ blocks: fc.array(block, { minLength: 1, maxLength: 12 }), gap: fc.constantFrom('\n\n', '\n', '\r\n\r\n') })
  .map(({ blocks, gap }) => blocks.join(gap));

describe('the bundled parser', () => {
  it('builds the same tree as the library on every fixture', () => {
    for (const file of listFixtures()) {
      const text = readFileSync(file, 'utf8');
      expect(patchedParse(text), path.basename(file)).toEqual(parseMarkdown(text));
    }
  });

  it('builds the same tree as the library on random Markdown', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        expect(patchedParse(text)).toEqual(parseMarkdown(text));
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });

  it('refuses to patch code it does not recognise', () => {
    expect(() => patchFromMarkdown('export function fromMarkdown() {}')).toThrow(/mdast-util-from-markdown changed/);
  });
});
