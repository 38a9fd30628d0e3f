import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * English words, from the `word-list` package (274,000 lower-case words, one per line).
 * Loaded on first use only, at about 50 ms and 35 MB: most runs never ask (an article's
 * last paragraph must end on a lower-case fragment for the question to come up).
 */

/** undefined: not tried yet; null: could not be loaded (the caller decides without words). */
let words: string[] | null | undefined;
const stats = { loads: 0 };

function load(): string[] | null {
  if (words !== undefined) return words;
  try {
    // The package exports the path of its words.txt; resolved at run time so the list stays
    // out of the bundle and out of every start that does not need it.
    const entry = createRequire(import.meta.url).resolve('word-list');
    // Sorted again: the file is nearly sorted (two neighbours are not), and the searches
    // below need a sorted list.
    words = readFileSync(path.join(path.dirname(entry), 'words.txt'), 'utf8').split('\n').filter(Boolean).sort();
    stats.loads++;
  } catch {
    words = null;
  }
  return words;
}

/** How often this process loaded the list (0 or 1): for tests and benchmarks. */
export function wordListStats(): { loads: number } {
  return { ...stats };
}

/** The index of the first word not before `text`. */
function lowerBound(list: string[], text: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle] < text) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Whether a lower-case fragment is the start of an English word and no word itself
 * (`effo`, `resil`; not `effort`, not `kubectl`). undefined when the list cannot be loaded.
 */
export function startsEnglishWordOnly(fragment: string): boolean | undefined {
  const list = load();
  if (!list) return undefined;
  const at = lowerBound(list, fragment);
  if (list[at] === fragment) return false;
  return list[at]?.startsWith(fragment) ?? false;
}
