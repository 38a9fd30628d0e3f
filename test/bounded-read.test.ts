import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readTextFile } from '../src/files.js';
import { tempDir } from './helpers.js';

// statSync and fstatSync can be made to lie, as they would when a file changes between
// the walk and the read (or a device reports a size of 0).
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, statSync: vi.fn(actual.statSync), fstatSync: vi.fn(actual.fstatSync) };
});

const statSync = vi.mocked(fs.statSync);
const fstatSync = vi.mocked(fs.fstatSync);
afterEach(() => {
  statSync.mockClear();
  fstatSync.mockClear();
});

const hasMkfifo = spawnSync('mkfifo', ['--version']).error === undefined;

/** The stat of a real regular file of `size` bytes. */
function regularStat(size: number): fs.Stats {
  const file = path.join(tempDir(), 'regular.md');
  fs.writeFileSync(file, 'x'.repeat(size));
  return fs.lstatSync(file);
}

describe('readTextFile checks the opened file, not only the path', () => {
  it.skipIf(!hasMkfifo)('a named pipe that the path stat called a regular file is refused without blocking', async () => {
    const fifo = path.join(tempDir(), 'swapped.md');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    statSync.mockReturnValueOnce(regularStat(10));
    // No writer ever opens the pipe: a blocking open or read would never return.
    expect(await readTextFile(fifo)).toEqual({ ok: false, reason: 'not a regular file: a named pipe; not linted' });
    expect(fstatSync).toHaveBeenCalledTimes(1);
  });

  it.skipIf(!fs.existsSync('/dev/zero'))('a device that the path stat called a regular file is refused', async () => {
    statSync.mockReturnValueOnce(regularStat(10));
    expect(await readTextFile('/dev/zero')).toEqual({ ok: false, reason: 'not a regular file: a character device; not linted' });
  });
});

describe('readTextFile reads at most maxBytes + 1 bytes whatever stat says', () => {
  it.skipIf(!fs.existsSync('/dev/zero'))('/dev/zero passed off as an empty regular file is refused as too large', async () => {
    const empty = regularStat(0);
    statSync.mockReturnValueOnce(empty);
    fstatSync.mockReturnValueOnce(empty);
    expect(await readTextFile('/dev/zero', 1000)).toEqual({ ok: false, reason: 'file is over the 1000-byte limit; not linted' });
  });

  it('a file larger than its stat size: over the limit is refused, under it is read whole', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'grew.md');
    const text = `---\ntitle: Grew\n---\n\n${'あ'.repeat(100_000)}\n`;
    fs.writeFileSync(file, text);
    const small = regularStat(10);
    fstatSync.mockReturnValueOnce(small);
    expect(await readTextFile(file, 1000)).toEqual({ ok: false, reason: 'file is over the 1000-byte limit; not linted' });
    fstatSync.mockReturnValueOnce(small);
    expect(await readTextFile(file, 1_000_000)).toMatchObject({ ok: true, text, bom: false });
  });

  it('the usual case: a regular file is read once, exactly', async () => {
    const file = path.join(tempDir(), 'a.md');
    const text = '\uFEFF---\ntitle: A\n---\n\nText.\n';
    fs.writeFileSync(file, text);
    expect(await readTextFile(file)).toMatchObject({ ok: true, text: text.slice(1), bom: true, size: Buffer.byteLength(text) });
    const exact = path.join(tempDir(), 'exact.md');
    fs.writeFileSync(exact, 'x'.repeat(1000));
    expect(await readTextFile(exact, 1000)).toMatchObject({ ok: true, size: 1000 });
    fs.writeFileSync(exact, 'x'.repeat(1001));
    expect(await readTextFile(exact, 1000)).toEqual({ ok: false, reason: 'file is 1001 bytes, over the 1000-byte limit; not linted' });
  });
});
