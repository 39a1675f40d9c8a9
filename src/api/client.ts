/**
 * The transport: the only code in the library that calls `fetch`.
 *
 * - CORS-"simple" requests only (GET, or POST form-urlencoded; no custom headers;
 *   `credentials: 'omit'`), because the real platform answers no preflight.
 * - Per-attempt timeout and a total budget; bounded retries with jittered exponential backoff on
 *   network errors, 5xx and unreadable bodies; `Retry-After` on 429/503 honoured and shared by every
 *   widget on the page (and by a second copy of the library) so they do not stampede.
 * - The body must be JSON: an HTML page, a truncated or oversized body becomes an `ApiError`.
 * - Identical requests in flight are shared; successful answers whose envelope passes the route's
 *   check (`accept`) are cached in memory for a short time and, for requests that ask (`store`),
 *   kept in the browser (`store.ts`): when such a request then fails, the kept answer is returned
 *   and `onStale` says from when.
 *   Callers must treat returned JSON as read-only (normalisers never mutate their input).
 */
import { ApiError, abortError, isAbortError } from './errors.js';
import { encodeForm, type FormFields } from './form.js';
import { clearStoredAnswers, readStoredAnswer, storeAnswer, type StoredAnswer } from './store.js';

import { DEFAULT_API_BASE } from '../lib/platform.js';

export { DEFAULT_API_BASE };

export interface ClientOptions {
  /** Platform origin or same-origin proxy (path allowed), default https://www.communecter.org. */
  readonly baseUrl?: string;
  /** Per-attempt timeout (ms). */
  readonly timeoutMs?: number;
  /** Budget for all attempts and waits together (ms). */
  readonly totalTimeoutMs?: number;
  /** Retries after the first attempt. */
  readonly retries?: number;
  /** First backoff delay (ms); doubles each retry, with ±50 % jitter. */
  readonly retryDelayMs?: number;
  /** Longest `Retry-After` we agree to wait (ms); longer ones fail at once as `rate-limited`. */
  readonly maxRetryAfterMs?: number;
  /** How long a successful answer is served from memory (ms); 0 disables the cache. */
  readonly cacheTtlMs?: number;
  /** Largest body accepted (bytes). */
  readonly maxBytes?: number;
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
  /** Set false to bypass the memory cache (a "retry" button). In-flight sharing still applies. */
  readonly cache?: boolean;
  /**
   * The route's envelope check: an answer it refuses is returned (the normaliser then says what is
   * wrong) but never cached, so a `null` or a string under a 200 is not served again as a success.
   */
  readonly accept?: (value: unknown) => boolean;
  /**
   * Keep an accepted answer in the browser, and answer with the kept one when the request fails
   * (network, HTTP error, timeout, unreadable body; never an abort). Off by default.
   */
  readonly store?: boolean;
  /** Told when a kept answer stands in for a failed request, with the failure. */
  readonly onStale?: (answer: StoredAnswer, error: ApiError) => void;
}

export type QueryParams = Readonly<Record<string, string | number | boolean | undefined | null>>;

export interface CommunecterClient {
  /** Normalised base (no trailing slash). */
  readonly baseUrl: string;
  getJson(path: string, query?: QueryParams, options?: RequestOptions): Promise<unknown>;
  postForm(path: string, fields: FormFields, options?: RequestOptions): Promise<unknown>;
}

const DEFAULTS = {
  timeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  retries: 2,
  retryDelayMs: 400,
  maxRetryAfterMs: 60_000,
  cacheTtlMs: 60_000,
  maxBytes: 25 * 1024 * 1024,
} as const;

type Settings = { -readonly [K in keyof typeof DEFAULTS]: number };

const CACHE_LIMIT = 64;
// Answers above this size are shared while in flight but not kept afterwards: a 10,000-record
// answer is ~18 MB of JSON and would hold tens of MB of heap for a repeat that rarely comes.
const CACHE_MAX_CHARS = 2_000_000;

interface InFlight {
  readonly promise: Promise<unknown>;
  readonly controller: AbortController;
  waiters: number;
}

interface CacheEntry {
  readonly value: unknown;
  readonly expires: number;
}

const inflight = new Map<string, InFlight>();
const cache = new Map<string, CacheEntry>();

// Retry-After gates live on a well-known global so that two copies of the library on one page
// (a CMS plugin plus a theme, say) respect the same server instruction.
const GATES_KEY = Symbol.for('communecter-widgets.retry-after-gates');
function gates(): Map<string, number> {
  const holder = globalThis as unknown as Record<symbol, unknown>;
  const existing = holder[GATES_KEY];
  if (existing instanceof Map) return existing as Map<string, number>;
  const created = new Map<string, number>();
  try {
    Object.defineProperty(holder, GATES_KEY, { value: created, configurable: true });
  } catch {
    // A frozen global: keep the gates to this copy of the library.
  }
  return created;
}

/**
 * Clears caches, in-flight requests and Retry-After gates, and the answers kept in the browser unless
 * `keepStored` (a new visit of the page). For tests and for a hard reset.
 */
export function resetClientState(options: { keepStored?: boolean } = {}): void {
  for (const entry of inflight.values()) entry.controller.abort();
  inflight.clear();
  cache.clear();
  if (!options.keepStored) void clearStoredAnswers();
  gates().clear();
  clients.clear();
}

// One client per api-base for every widget on the page (requests, cache and gates are shared anyway;
// this saves building one per load).
const clients = new Map<string, CommunecterClient>();

/** The page's client for `apiBase` (throws the same `config` ApiError as createClient for a bad base). */
export function clientFor(apiBase: string | null | undefined): CommunecterClient {
  const baseUrl = normalizeBaseUrl(apiBase);
  let client = clients.get(baseUrl);
  if (!client) {
    client = createClient({ baseUrl });
    clients.set(baseUrl, client);
  }
  return client;
}

/** Resolves and checks a base URL; relative values ("/communecter") are read against the page. */
export function normalizeBaseUrl(value: string | null | undefined): string {
  const raw = (value ?? '').trim() || DEFAULT_API_BASE;
  let url: URL;
  try {
    const pageBase = typeof document !== 'undefined' ? document.baseURI : undefined;
    url = pageBase ? new URL(raw, pageBase) : new URL(raw);
  } catch {
    throw new ApiError('config', `api-base is not a URL: ${raw}`, { attribute: 'api-base', value: raw });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ApiError('config', `api-base must be an http(s) URL: ${raw}`, { attribute: 'api-base', value: raw });
  }
  url.search = '';
  url.hash = '';
  return url.href.replace(/\/+$/, '');
}

export function createClient(options: ClientOptions = {}): CommunecterClient {
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const settings: Settings = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof Settings)[]) {
    const value = options[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) settings[key] = value;
  }
  const origin = new URL(baseUrl).origin;

  function send(method: 'GET' | 'POST', url: string, body: string | null, requestOptions: RequestOptions): Promise<unknown> {
    const key = `${method} ${url}\n${body ?? ''}`;
    const useCache = settings.cacheTtlMs > 0 && requestOptions.cache !== false;
    if (useCache) {
      const hit = cache.get(key);
      if (hit && hit.expires > Date.now()) {
        // Refresh the LRU position.
        cache.delete(key);
        cache.set(key, hit);
        return requestOptions.signal?.aborted ? Promise.reject(abortError(requestOptions.signal)) : Promise.resolve(hit.value);
      }
      if (hit) cache.delete(key);
    }
    const store = requestOptions.store === true;
    const answer = joinShared(
      // A request that keeps its answer does not share a flight with one that does not.
      store ? `${key}\nstore` : key,
      async (signal) => {
        const { value, text } = await execute({ method, url, body, origin }, settings, signal);
        const accepted = requestOptions.accept?.(value) ?? true;
        if (settings.cacheTtlMs > 0 && text.length <= CACHE_MAX_CHARS && accepted) remember(key, value, settings.cacheTtlMs);
        if (store && accepted) void storeAnswer(key, text);
        return value;
      },
      requestOptions.signal,
    );
    if (!store) return answer;
    return answer.catch(async (error: unknown) => {
      if (isAbortError(error) || !(error instanceof ApiError) || error.kind === 'config') throw error;
      const kept = await readStoredAnswer(key);
      if (!kept || requestOptions.signal?.aborted) throw error;
      requestOptions.onStale?.(kept, error);
      return kept.value;
    });
  }

  return {
    baseUrl,
    getJson(path, query, requestOptions = {}) {
      const url = new URL(baseUrl + ensureLeadingSlash(path));
      if (query) {
        for (const [name, value] of Object.entries(query)) {
          if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
        }
      }
      return send('GET', url.href, null, requestOptions);
    },
    postForm(path, fields, requestOptions = {}) {
      return send('POST', baseUrl + ensureLeadingSlash(path), encodeForm(fields), requestOptions);
    },
  };
}

function ensureLeadingSlash(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}

function remember(key: string, value: unknown, ttl: number): void {
  cache.set(key, { value, expires: Date.now() + ttl });
  while (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
}

/**
 * Several callers asking for the same thing share one request. Each caller can abort on its own;
 * the request itself is aborted only when nobody waits for it any more.
 */
function joinShared(key: string, run: (signal: AbortSignal) => Promise<unknown>, callerSignal?: AbortSignal): Promise<unknown> {
  if (callerSignal?.aborted) return Promise.reject(abortError(callerSignal));
  let entry = inflight.get(key);
  if (!entry) {
    const controller = new AbortController();
    const promise = run(controller.signal);
    const created: InFlight = { promise, controller, waiters: 0 };
    entry = created;
    inflight.set(key, created);
    const forget = () => {
      if (inflight.get(key) === created) inflight.delete(key);
    };
    promise.then(forget, forget);
  }
  const shared = entry;
  shared.waiters++;
  return new Promise((resolve, reject) => {
    let settled = false;
    const leave = () => {
      shared.waiters--;
      callerSignal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      if (settled) return;
      settled = true;
      leave();
      if (shared.waiters === 0) {
        if (inflight.get(key) === shared) inflight.delete(key);
        shared.controller.abort();
      }
      reject(abortError(callerSignal));
    };
    callerSignal?.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (value) => {
        if (settled) return;
        settled = true;
        leave();
        resolve(value);
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        leave();
        reject(error);
      },
    );
  });
}

interface PreparedRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly body: string | null;
  readonly origin: string;
}

async function execute(request: PreparedRequest, settings: Settings, signal: AbortSignal): Promise<{ value: unknown; text: string }> {
  const deadline = Date.now() + settings.totalTimeoutMs;
  for (let attempt = 0; ; attempt++) {
    await waitForGate(request, deadline, signal);
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new ApiError('timeout', 'Total time budget exhausted', { url: request.url });
    try {
      return await attemptOnce(request, Math.min(settings.timeoutMs, remaining), settings, signal);
    } catch (error) {
      if (signal.aborted) throw abortError(signal);
      if (!(error instanceof ApiError) || !error.retryable || attempt >= settings.retries) throw error;
      if (error.retryAfterMs !== null) {
        // The gate set by attemptOnce makes the next loop wait exactly as instructed (no jitter).
        if (Date.now() + (error.retryCappedMs ?? error.retryAfterMs) >= deadline) throw error;
        continue;
      }
      const delay = backoffDelay(attempt, settings.retryDelayMs);
      if (Date.now() + delay >= deadline) throw error;
      await sleep(delay, signal);
    }
  }
}

function backoffDelay(attempt: number, base: number): number {
  const exponential = base * 2 ** attempt;
  return Math.round(exponential * (0.5 + Math.random()));
}

async function waitForGate(request: PreparedRequest, deadline: number, signal: AbortSignal): Promise<void> {
  const until = gates().get(request.origin);
  if (until === undefined) return;
  const wait = until - Date.now();
  if (wait <= 0) {
    gates().delete(request.origin);
    return;
  }
  if (Date.now() + wait >= deadline) {
    throw new ApiError('rate-limited', 'The server asked to wait longer than the time budget', {
      url: request.url,
      retryAfterMs: wait,
    });
  }
  await sleep(wait, signal);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Reads `Retry-After` as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

async function attemptOnce(request: PreparedRequest, timeoutMs: number, settings: Settings, signal: AbortSignal): Promise<{ value: unknown; text: string }> {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const { url } = request;
  const fail = (error: unknown, fallback: () => ApiError): never => {
    if (signal.aborted) throw abortError(signal);
    if (timedOut) throw new ApiError('timeout', `No complete answer within ${timeoutMs} ms`, { url, cause: error });
    if (error instanceof ApiError) throw error;
    throw fallback();
  };
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        method: request.method,
        // Content-Type form-urlencoded and Accept are CORS-safelisted: no preflight.
        headers: request.body === null ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
        body: request.body,
        credentials: 'omit',
        mode: 'cors',
        redirect: 'follow',
        signal: controller.signal,
      });
    } catch (error) {
      return fail(error, () => new ApiError('network', 'The request failed (offline, refused, or blocked by CORS)', { url, cause: error }));
    }

    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
      // Capped, so a misconfigured server cannot silence the widgets for hours.
      const honoured = retryAfter === null ? null : Math.min(retryAfter, settings.maxRetryAfterMs);
      if ((response.status === 429 || response.status === 503) && honoured !== null) {
        // Everybody on the page waits, not just this request.
        const until = Date.now() + honoured;
        if (until > (gates().get(request.origin) ?? 0)) gates().set(request.origin, until);
      }
      const kind = response.status === 429 ? 'rate-limited' : 'http';
      throw new ApiError(kind, `HTTP ${response.status}`, {
        url,
        status: response.status,
        ...(retryAfter === null ? {} : { retryAfterMs: retryAfter }),
        ...(honoured !== null && retryAfter !== null && honoured < retryAfter ? { retryCappedMs: honoured } : {}),
      });
    }

    let text: string;
    try {
      text = await readCapped(response, settings.maxBytes, url);
    } catch (error) {
      return fail(error, () => new ApiError('bad-json', 'The body was cut off', { url, cause: error }));
    }
    return { value: parseJsonBody(text, response.headers.get('Content-Type') ?? '', url), text };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<string> {
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw new ApiError('too-large', `The answer is ${declared} bytes, over the ${maxBytes} cap`, { url });
  }
  if (!response.body || typeof response.body.getReader !== 'function') return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw new ApiError('too-large', `The answer is over the ${maxBytes} bytes cap`, { url });
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * Accepts the body when it parses as JSON, whatever the Content-Type says (PHP apps mislabel JSON
 * as text/html); refuses anything that looks like markup, even when labelled JSON (a WAF page).
 */
function parseJsonBody(text: string, contentType: string, url: string): unknown {
  const start = text.trimStart();
  if (start === '') throw new ApiError('bad-json', 'Empty body', { url });
  if (start.startsWith('<')) throw new ApiError('not-json', `Expected JSON, got ${contentType || 'markup'}`, { url });
  try {
    return JSON.parse(start);
  } catch (error) {
    throw new ApiError(/html/i.test(contentType) ? 'not-json' : 'bad-json', 'The body is not valid JSON', { url, cause: error });
  }
}
