// The few MongoDB semantics the platform's queries rely on: dotted paths that reach into arrays,
// equality that matches array elements, and the cross-type BSON sort order.
import { MongoDate, MongoId } from './php.mjs';

/**
 * All values reachable through a dotted path, descending into arrays as Mongo does
 * ("tags" on ["a","b"] yields the array itself and each element).
 * @param {unknown} doc
 * @param {string[]} parts
 * @returns {unknown[]}
 */
export function valuesAtPath(doc, parts) {
  let current = [doc];
  for (const part of parts) {
    const next = [];
    for (const value of current) {
      if (Array.isArray(value)) {
        if (/^\d+$/.test(part) && value.length > Number(part)) next.push(value[Number(part)]);
        for (const item of value) if (item && typeof item === 'object' && !Array.isArray(item) && Object.hasOwn(item, part)) next.push(item[part]);
      } else if (value && typeof value === 'object' && Object.hasOwn(value, part)) {
        next.push(value[part]);
      }
    }
    current = next;
    if (current.length === 0) break;
  }
  const out = [];
  for (const value of current) {
    out.push(value);
    if (Array.isArray(value)) out.push(...value);
  }
  return out;
}

/** The first value at a dotted path (no array descent), for sorting and projections. */
export function getPath(doc, path) {
  let value = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = value[part];
  }
  return value;
}

/** BSON type order used by Mongo sorts: null < numbers < strings < objects < arrays < booleans < dates. */
function typeRank(value) {
  if (value === undefined || value === null) return 1;
  if (typeof value === 'number') return 2;
  if (typeof value === 'string') return 3;
  if (value instanceof MongoDate) return 9;
  if (value instanceof MongoId) return 7;
  if (Array.isArray(value)) return 5;
  if (typeof value === 'boolean') return 8;
  return 4;
}

/** Compares two values the way a Mongo sort does (strings by code units, the default collation). */
export function bsonCompare(a, b) {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  switch (rankA) {
    case 2: return a - b;
    case 3: return a < b ? -1 : a > b ? 1 : 0;
    case 9: return a.sec - b.sec;
    case 7: return a.$id < b.$id ? -1 : a.$id > b.$id ? 1 : 0;
    case 8: return Number(a) - Number(b);
    case 4:
    case 5: {
      const textA = JSON.stringify(a);
      const textB = JSON.stringify(b);
      return textA < textB ? -1 : textA > textB ? 1 : 0;
    }
    default: return 0;
  }
}

/** Equality as in a Mongo query: strict, with MongoDate/MongoId compared by value. */
export function bsonEquals(a, b) {
  if (a instanceof MongoDate && b instanceof MongoDate) return a.sec === b.sec;
  if (a instanceof MongoId && b instanceof MongoId) return a.$id === b.$id;
  if (a && b && typeof a === 'object' && typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}
