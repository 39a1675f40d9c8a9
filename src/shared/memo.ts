/**
 * Keys of the memos elements keep (occurrences of a period, matches of a search): the first part, a
 * large object (the loaded set, an index), by identity, since a deep comparison of thousands of items
 * would cost more than recomputing; the other parts (filters, dates) by value.
 */
import { deepEquals } from '@lit/task/deep-equals.js';

export function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a[0] === b[0] && deepEquals(a.slice(1), b.slice(1));
}
