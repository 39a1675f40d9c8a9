/**
 * The last good answers, kept in the browser (Cache Storage) so that a visitor whose network or the
 * platform fails still sees the data, with its date, instead of an error box.
 *
 * - Public data only: answers of the platform's public routes that passed the route's shape check.
 *   A configuration error never reaches here (nothing is sent).
 * - Bounded: at most MAX_ENTRIES answers of at most MAX_CHARS characters each, none older than
 *   MAX_AGE_MS (older ones are deleted when met).
 * - Best effort: no Cache Storage (an http page, an old browser), private browsing, a full disk or a
 *   blocked storage (`SecurityError`) simply mean nothing is kept; no call here ever throws.
 *
 * Cache Storage keys are GET requests: each answer is filed under a synthetic URL made from a hash of
 * the whole request (method, URL and form body), and the full request is kept in a header and checked
 * on reading, so a hash collision can never serve another request's answer.
 */

const CACHE_NAME = 'communecter-widgets:answers:v1';
const KEY_ORIGIN = 'https://communecter-widgets.invalid/answer/';
const MAX_ENTRIES = 40;
const MAX_CHARS = 2_000_000;
export const MAX_AGE_MS = 7 * 24 * 3600 * 1000;

export interface StoredAnswer {
  readonly value: unknown;
  /** When the answer was received (ms since the epoch). */
  readonly storedAt: number;
}

let opening: Promise<Cache | null> | null = null;

function open(): Promise<Cache | null> {
  opening ??= (async () => {
    try {
      if (typeof caches === 'undefined') return null;
      return await caches.open(CACHE_NAME);
    } catch {
      return null;
    }
  })();
  return opening;
}

/** 53-bit FNV-style hash, in base 36: a short, stable file name for a request. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

function keyUrl(requestKey: string): string {
  return KEY_ORIGIN + hash(requestKey);
}

/** Keeps an answer (its JSON text) for `requestKey`; silently does nothing when it cannot. */
export async function storeAnswer(requestKey: string, text: string, now = Date.now()): Promise<void> {
  if (text.length > MAX_CHARS) return;
  const cache = await open();
  if (!cache) return;
  try {
    const url = keyUrl(requestKey);
    // Re-inserting moves the answer to the end of the keys() order: the oldest are first.
    await cache.delete(url);
    await cache.put(url, new Response(text, {
      headers: { 'Content-Type': 'application/json', 'X-Cc-Stored-At': String(now), 'X-Cc-Request': encodeURIComponent(requestKey) },
    }));
    const keys = await cache.keys();
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) await cache.delete(old);
  } catch {
    // Quota, private mode, storage evicted mid-way: nothing is kept, nothing breaks.
  }
}

/** The kept answer for `requestKey`, or null (none, too old, unreadable, or no storage). */
export async function readStoredAnswer(requestKey: string, now = Date.now()): Promise<StoredAnswer | null> {
  const cache = await open();
  if (!cache) return null;
  try {
    const url = keyUrl(requestKey);
    const response = await cache.match(url);
    if (!response) return null;
    const storedAt = Number(response.headers.get('X-Cc-Stored-At'));
    if (decodeURIComponent(response.headers.get('X-Cc-Request') ?? '') !== requestKey) return null;
    if (!Number.isFinite(storedAt) || now - storedAt > MAX_AGE_MS || storedAt > now + 60_000) {
      await cache.delete(url);
      return null;
    }
    return { value: JSON.parse(await response.text()) as unknown, storedAt };
  } catch {
    return null;
  }
}

/** Forgets every kept answer (tests; a "clear my data" button of a host page could call it too). */
export async function clearStoredAnswers(): Promise<void> {
  opening = null;
  try {
    if (typeof caches !== 'undefined') await caches.delete(CACHE_NAME);
  } catch {
    // Nothing to clear.
  }
}
