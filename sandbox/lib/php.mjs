// The PHP behaviours the platform's wire format inherits: how $_POST is built from a form body, how
// json_encode writes, what empty() means. Getting these right is most of the sandbox's fidelity.

/** PHP's max_input_vars default: fields beyond it are silently dropped by the real server. */
export const MAX_INPUT_VARS = 1000;
/** PHP's max_input_nesting_level default. */
export const MAX_NESTING = 64;

/**
 * urldecode(): "+" is a space and %XX sequences are decoded byte-wise. Invalid sequences are kept as
 * they are (PHP does not throw), and the bytes are read as UTF-8.
 * @param {string} text
 */
export function urldecode(text) {
  if (!text.includes('%') && !text.includes('+')) return text;
  const bytes = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '+') {
      bytes.push(0x20);
    } else if (char === '%' && /^[0-9a-fA-F]{2}$/.test(text.slice(index + 1, index + 3))) {
      bytes.push(parseInt(text.slice(index + 1, index + 3), 16));
      index += 2;
    } else {
      for (const byte of Buffer.from(char, 'utf8')) bytes.push(byte);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A PHP array holding either a list or a map; null prototype so "__proto__" fields stay plain data. */
function newPhpArray() {
  return Object.create(null);
}

/**
 * Splits a raw PHP variable name into its base and bracket segments the way php_register_variable_ex
 * does: spaces and dots in the base become "_", an unclosed "[" is turned into "_" too and ends the
 * bracket parsing.
 * @param {string} rawName
 * @returns {{ base: string, segments: string[] } | null}
 */
function splitVariableName(rawName) {
  const name = rawName.replace(/^ +/, '');
  const open = name.indexOf('[');
  let base = open === -1 ? name : name.slice(0, open);
  const segments = [];
  if (open !== -1) {
    let rest = name.slice(open);
    while (rest.startsWith('[')) {
      const close = rest.indexOf(']');
      if (close === -1) {
        // PHP keeps the base name and converts the stray bracket: "a[b" becomes "a_b".
        if (segments.length === 0) base = `${base}_${rest.slice(1)}`;
        break;
      }
      segments.push(rest.slice(1, close));
      rest = rest.slice(close + 1);
      if (segments.length >= MAX_NESTING) return null;
    }
  }
  base = base.replace(/[ .]/g, '_');
  if (base === '') return null;
  return { base, segments };
}

function nextIndex(phpArray) {
  let max = -1;
  for (const key of Object.keys(phpArray)) {
    if (/^(0|-?[1-9][0-9]*)$/.test(key)) max = Math.max(max, Number(key));
  }
  return String(max + 1);
}

/**
 * parse_str() / $_POST: "a[]=1&a[]=2&b[c][d]=x" → { a: ["1", "2"], b: { c: { d: "x" } } }.
 * Maps whose keys are exactly 0..n-1 come back as JS arrays for convenience; other maps are
 * null-prototype objects. Later duplicates win, as in PHP.
 * @param {string} body
 * @returns {Record<string, any>}
 */
export function parsePhpForm(body) {
  const root = newPhpArray();
  if (!body) return root;
  let count = 0;
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    if (++count > MAX_INPUT_VARS) break;
    const equals = pair.indexOf('=');
    const rawName = urldecode(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? '' : urldecode(pair.slice(equals + 1));
    const parsed = splitVariableName(rawName);
    if (!parsed) continue;
    let target = root;
    let key = parsed.base;
    for (const segment of parsed.segments) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = newPhpArray();
      target = target[key];
      key = segment === '' ? nextIndex(target) : segment;
    }
    target[key] = value;
  }
  return listify(root);
}

function listify(value) {
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  for (const key of keys) value[key] = listify(value[key]);
  if (keys.length > 0 && keys.every((key, index) => key === String(index))) return keys.map((key) => value[key]);
  return value;
}

/** PHP's empty(): "", "0", 0, null, false, an empty array. */
export function phpEmpty(value) {
  if (value === undefined || value === null || value === false || value === '' || value === '0' || value === 0) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** PHP's (int) cast on a form string: leading integer part, 0 otherwise. */
export function phpInt(value) {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : 0;
  if (typeof value !== 'string') return value ? 1 : 0;
  const match = /^\s*([+-]?\d+)/.exec(value);
  return match ? Number(match[1]) : 0;
}

/** PHP's floatval(): leading decimal part ("-20,88" → -20), 0 otherwise. */
export function phpFloat(value) {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') return 0;
  const match = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(value);
  return match ? Number(match[0]) : 0;
}

/** The values of a PHP array (list or map), or null when the value is a scalar. */
export function phpValues(value) {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') return Object.values(value);
  return null;
}

/**
 * json_encode() with PHP's default flags: "/" is written "\/" and every non-ASCII UTF-16 unit as
 * \uXXXX, so the wire is pure ASCII, as on the platform.
 * @param {unknown} value
 * @param {{ unescapedSlashes?: boolean }} [options]
 */
export function phpJsonEncode(value, options = {}) {
  const json = JSON.stringify(value) ?? 'null';
  const pattern = options.unescapedSlashes ? /[\u0080-\uffff]/g : /[\u0080-\uffff/]/g;
  return json.replace(pattern, (char) => (char === '/' ? '\\/' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** A MongoDate as the PHP driver json-encodes it: {"sec": …, "usec": 0}. */
export class MongoDate {
  /** @param {number} sec */
  constructor(sec) {
    this.sec = sec;
    this.usec = 0;
  }
}

/** A MongoId as json-encoded by the PHP driver: {"$id": "…"}. */
export class MongoId {
  /** @param {string} id */
  constructor(id) {
    this.$id = id;
  }
}

const pad = (number, width = 2) => String(number).padStart(width, '0');

/** date(DateTime::ISO8601, $sec) in UTC: "2026-12-15T14:00:00+0000". */
export function isoPhp(sec) {
  const date = new Date(sec * 1000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}+0000`;
}

/** date('Y-m-d H:i:s', $sec) in UTC, as the project search results carry it. */
export function ymdHis(sec) {
  const date = new Date(sec * 1000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/**
 * A small strtotime(): the formats the platform actually stores ("Y-m-d", "Y-m-d H:i[:s]", ISO 8601
 * with or without offset, read as UTC when no offset). Day overflow rolls over like PHP
 * ("2026-02-30" → 2 March). Anything else is false (→ null here).
 * @param {unknown} text
 * @returns {number | null} Unix seconds
 */
export function strtotime(text) {
  if (typeof text !== 'string') return null;
  const match = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/.exec(text);
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', zone] = match;
  if (Number(month) > 12 || Number(day) > 31) return null;
  let ms = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
  }
  return Math.floor(ms / 1000);
}
