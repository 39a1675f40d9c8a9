// Fault injection. A request names a fault script (e.g. "503,503,ok") and a key; the n-th request with
// the same key plays step n, and the last step repeats once the script is exhausted.

export const FAULT_PATH_PREFIX = '/__fault/';
const MAX_HUGE_MB = 512;

/**
 * @typedef {{ kind: 'ok' }
 *   | { kind: 'status', status: number, retryAfter?: { seconds: number, asDate: boolean } }
 *   | { kind: 'html' | 'htmljson' | 'truncated' | 'reset' | 'empty' | 'nulljson' | 'array' | 'hang' }
 *   | { kind: 'slow', ms: number }
 *   | { kind: 'huge' | 'hugeheader', megabytes: number }} FaultStep
 */

/**
 * Parses one step: ok, 500, 503:30, 429:date:120, html, htmljson, truncated, reset, empty, nulljson,
 * array, slow:MS, hang, huge:MB, hugeheader:MB.
 * @returns {FaultStep}
 */
export function parseStep(text) {
  const step = text.trim().toLowerCase();
  const [name, ...args] = step.split(':');
  if (name === 'ok' && args.length === 0) return { kind: 'ok' };
  if (/^[45]\d\d$/.test(name)) {
    const status = Number(name);
    if (args.length === 0) return { kind: 'status', status };
    if (args.length === 1 && /^\d+$/.test(args[0])) return { kind: 'status', status, retryAfter: { seconds: Number(args[0]), asDate: false } };
    if (args.length === 2 && args[0] === 'date' && /^\d+$/.test(args[1])) return { kind: 'status', status, retryAfter: { seconds: Number(args[1]), asDate: true } };
  }
  if (['html', 'htmljson', 'truncated', 'reset', 'empty', 'nulljson', 'array', 'hang'].includes(name) && args.length === 0) return { kind: name };
  if (name === 'slow' && args.length === 1 && /^\d+$/.test(args[0])) return { kind: 'slow', ms: Number(args[0]) };
  if ((name === 'huge' || name === 'hugeheader') && args.length === 1 && /^\d+(\.\d+)?$/.test(args[0])) {
    const megabytes = Number(args[0]);
    if (megabytes <= 0 || megabytes > MAX_HUGE_MB) throw new Error(`taille hors limites (0 < MB ≤ ${MAX_HUGE_MB})`);
    return { kind: name, megabytes };
  }
  throw new Error(`étape inconnue « ${text} »`);
}

/** @param {string} spec comma-separated steps */
export function parseSpec(spec) {
  const steps = spec.split(',').filter((part) => part.trim() !== '').map(parseStep);
  if (steps.length === 0) throw new Error('script de panne vide');
  return steps;
}

/**
 * Finds a fault request in the path prefix, the query string or the headers, and returns the URL
 * without it so routing and logging see the clean request.
 * @param {URL} url
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @returns {{ spec: string, key: string, pathname: string, search: URLSearchParams } | { pathname: string, search: URLSearchParams, spec?: undefined, key?: undefined }}
 */
export function extractFault(url, headers) {
  let pathname = url.pathname;
  const search = new URLSearchParams(url.search);
  let spec;
  let key;
  if (pathname.startsWith(FAULT_PATH_PREFIX)) {
    const [rawKey, rawSpec, ...rest] = pathname.slice(FAULT_PATH_PREFIX.length).split('/');
    key = decodeURIComponent(rawKey ?? '');
    spec = decodeURIComponent(rawSpec ?? '');
    pathname = `/${rest.join('/')}`;
  } else if (search.has('__fault')) {
    spec = search.get('__fault') ?? '';
    key = search.get('__faultKey') ?? undefined;
  } else if (typeof headers['x-cc-fault'] === 'string') {
    spec = headers['x-cc-fault'];
    key = typeof headers['x-cc-fault-key'] === 'string' ? headers['x-cc-fault-key'] : undefined;
  }
  search.delete('__fault');
  search.delete('__faultKey');
  if (spec === undefined) return { pathname, search };
  return { spec, key: key || spec, pathname, search };
}

/** Per-key counters: which step the next request with that key plays. */
export class FaultBook {
  constructor() {
    /** @type {Map<string, number>} */
    this.counters = new Map();
  }

  /** @param {string} key @param {FaultStep[]} steps @returns {{ step: FaultStep, index: number }} */
  next(key, steps) {
    const count = this.counters.get(key) ?? 0;
    this.counters.set(key, count + 1);
    const index = Math.min(count, steps.length - 1);
    return { step: steps[index], index };
  }

  snapshot() {
    return Object.fromEntries(this.counters);
  }

  clear() {
    this.counters.clear();
  }
}

/** A step back to its canonical text, for the request log. */
export function describeStep(step) {
  switch (step.kind) {
    case 'status':
      return `${step.status}${step.retryAfter ? `:${step.retryAfter.asDate ? 'date:' : ''}${step.retryAfter.seconds}` : ''}`;
    case 'slow':
      return `slow:${step.ms}`;
    case 'huge':
    case 'hugeheader':
      return `${step.kind}:${step.megabytes}`;
    default:
      return step.kind;
  }
}
