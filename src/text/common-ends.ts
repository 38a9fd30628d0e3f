/**
 * The length of the common start of two sequences (texts, or word lists), and of their
 * common end after it: what lies between is where they differ.
 */
export function commonEnds<T>(a: ArrayLike<T>, b: ArrayLike<T>): [number, number] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return [start, end];
}
