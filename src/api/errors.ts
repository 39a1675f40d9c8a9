/**
 * The one error shape every widget receives from the client. `kind` drives the message a widget
 * shows (translated there), and whether retrying makes sense.
 */
export type ApiErrorKind =
  /** fetch rejected: offline, DNS, refused, or blocked by CORS (browsers do not say which). */
  | 'network'
  /** No complete answer within the per-attempt timeout or the total budget. */
  | 'timeout'
  /** An HTTP status outside 2xx. */
  | 'http'
  /** 429 or 503 with a Retry-After longer than the budget allows. */
  | 'rate-limited'
  /** A 2xx whose body is not JSON (maintenance page, captive portal, WAF). */
  | 'not-json'
  /** JSON that does not parse (truncated body, connection reset). */
  | 'bad-json'
  /** A body over the size cap. */
  | 'too-large'
  /** JSON of the wrong shape for the route (e.g. `null`, a string). */
  | 'bad-shape'
  /** The widget's own configuration is unusable (e.g. an api-base that is not an http(s) URL). */
  | 'config';

const RETRYABLE: ReadonlySet<ApiErrorKind> = new Set(['network', 'timeout', 'not-json', 'bad-json', 'rate-limited']);

export interface ApiErrorDetails {
  readonly url?: string;
  readonly status?: number;
  /** How long the server asked us to wait, when it said (429/503 Retry-After), as it said it. */
  readonly retryAfterMs?: number;
  /** When `retryAfterMs` is over the client's cap: the shorter wait the client applies instead. */
  readonly retryCappedMs?: number;
  readonly cause?: unknown;
  /** For `config` errors: the attribute at fault, as written in HTML, and its value. */
  readonly attribute?: string;
  readonly value?: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly url: string;
  readonly status: number | null;
  readonly retryAfterMs: number | null;
  readonly retryCappedMs: number | null;
  readonly attribute: string | null;
  readonly value: string | null;

  constructor(kind: ApiErrorKind, message: string, details: ApiErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.url = details.url ?? '';
    this.status = details.status ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.retryCappedMs = details.retryCappedMs ?? null;
    this.attribute = details.attribute ?? null;
    this.value = details.value ?? null;
  }

  /** Whether the same request may succeed later: server errors, network trouble, bad bodies. */
  get retryable(): boolean {
    if (this.kind === 'http') return this.status !== null && (this.status >= 500 || this.status === 408);
    return RETRYABLE.has(this.kind);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** True for the rejection an aborted request produces, whatever the browser's flavour of it. */
export function isAbortError(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'AbortError';
}

export function abortError(signal?: AbortSignal): unknown {
  if (signal?.reason !== undefined) return signal.reason;
  return new DOMException('The operation was aborted.', 'AbortError');
}
