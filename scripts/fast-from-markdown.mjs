// An esbuild plugin for the bundled command: mdast-util-from-markdown 2.1.0 builds a new
// handler context ({...context, sliceSerialize}) for every micromark event it compiles,
// a fresh 9-property object per event. On the corpus that copy alone was about a
// quarter of parse time (allocation plus the garbage collection it causes). The patched
// loop sets `sliceSerialize` on one shared context instead; the handlers use `this` only
// during the call, so the tree is the same (test/bundle-parser.test.ts compares trees).
// If the dependency changes and the snippet is gone, the build fails: review the
// new code rather than bundle an unpatched or wrongly patched copy.
import { readFile } from 'node:fs/promises';

const ORIGINAL = `        handler[events[index][1].type].call({
          ...context,
          sliceSerialize: events[index][2].sliceSerialize
        }, events[index][1]);`;

const PATCHED = `        context.sliceSerialize = events[index][2].sliceSerialize;
        handler[events[index][1].type].call(context, events[index][1]);`;

/** Returns the patched module text; throws when the code to patch is not there once. */
export function patchFromMarkdown(source) {
  const at = source.indexOf(ORIGINAL);
  if (at === -1 || source.indexOf(ORIGINAL, at + 1) !== -1) {
    throw new Error('mdast-util-from-markdown changed: the per-event context copy to patch is not found exactly once (see scripts/fast-from-markdown.mjs)');
  }
  return source.slice(0, at) + PATCHED + source.slice(at + ORIGINAL.length);
}

export const fastFromMarkdown = {
  name: 'fast-from-markdown',
  setup(build) {
    build.onLoad({ filter: /[\\/]mdast-util-from-markdown[\\/]lib[\\/]index\.js$/ }, async (args) => ({
      contents: patchFromMarkdown(await readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};
