/**
 * JSON text for plain data (strings, finite numbers, booleans, null, arrays, plain objects) that the
 * host page's own patches cannot change. `JSON.stringify` calls any `toJSON` it finds, and old libraries
 * still patch the built-ins: Prototype.js 1.6 gives `Array.prototype` a `toJSON` that returns a string,
 * so every array of the JSON-LD would become a string. This walks the data itself and never calls
 * `toJSON`; it gives the same text as `JSON.stringify` on an unpatched page. Strings are quoted by
 * `JSON.stringify` on the primitive, which looks up no `toJSON`.
 */
export function plainJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item: unknown) => (isSkipped(item) ? 'null' : plainJson(item))).join(',')}]`;
      const record = value as Record<string, unknown>;
      const members = Object.keys(record).filter((key) => !isSkipped(record[key])).map((key) => `${JSON.stringify(key)}:${plainJson(record[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      return 'null';
  }
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
