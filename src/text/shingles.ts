/** Character n-gram fingerprints of comparison keys (5-grams, as HojiChar and datatrove use). */
export const SHINGLE_SIZE = 5;

/** FNV-1a over the UTF-16 units of `text[start, end)`, finished with murmur's fmix32. */
export function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Sorted, unique hashes of the key's 5-grams (the whole key when shorter). */
export function shingleSet(key: string): Uint32Array {
  if (key.length <= SHINGLE_SIZE) return Uint32Array.of(hashRange(key, 0, key.length) >>> 2);
  const count = key.length - SHINGLE_SIZE + 1;
  const hashes = new Uint32Array(count);
  // 30 bits: the hashes stay small integers in V8 (no boxed number per Map lookup).
  for (let i = 0; i < count; i++) hashes[i] = hashRange(key, i, i + SHINGLE_SIZE) >>> 2;
  hashes.sort();
  let unique = 0;
  for (let i = 0; i < count; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[unique++] = hashes[i];
  return hashes.subarray(0, unique);
}
