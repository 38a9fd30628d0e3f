// A writable scratch copy of shared data for a bulk --fix measurement.
import { chmodSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listMarkdownFiles } from './markdown-files.mjs';

/**
 * Copies each [name, dir] into a fresh folder under the system temp dir (as `<scratch>/<name>`)
 * and makes every Markdown file writable: the shared data is read-only, and --fix skips
 * read-only files. Returns the folder and its Markdown files.
 */
export function writableScratch(prefix, folders) {
  const scratch = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [name, dir] of folders) cpSync(dir, path.join(scratch, name), { recursive: true });
  const files = listMarkdownFiles(scratch);
  for (const file of files) chmodSync(file, 0o644);
  return { scratch, files };
}
