import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every .md / .markdown file under `dir`, in a stable (sorted) order. */
export function listMarkdownFiles(dir) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(md|markdown)$/.test(name)) files.push(full);
    }
  };
  walk(dir);
  return files;
}
