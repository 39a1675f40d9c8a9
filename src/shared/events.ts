/**
 * The one way widgets dispatch events: `cc-*` CustomEvents that bubble and cross shadow roots.
 * Events fire for user actions and async outcomes only, never because a property was set.
 */
import type { ApiError } from '../api/errors.js';

export interface CcLoadDetail {
  /** Items shown. */
  readonly count: number;
  /** All matching items, when the server said. */
  readonly total: number | null;
  /** Set when requests failed and answers kept in the browser were shown instead: when they were received (ISO 8601). */
  readonly staleSince?: string;
}

export interface CcErrorDetail {
  readonly error: ApiError;
}

export interface CcSelectDetail<T = unknown> {
  readonly item: T;
  readonly kind: string;
  /** Where the default action would go. */
  readonly url: string;
}

export interface CcFilterChangeDetail {
  readonly query: string;
  readonly types: readonly string[];
  readonly tags: readonly string[];
  /** An element's other filters (the marketplace's sections, categories, currencies, price range). */
  readonly facets?: Readonly<Record<string, readonly string[]>>;
}

export interface CcViewChangeDetail {
  readonly view: string;
  /** First and last day shown, `YYYY-MM-DD`. */
  readonly from: string;
  readonly to: string;
}

export interface CcEventMap {
  'cc-load': CcLoadDetail;
  'cc-error': CcErrorDetail;
  'cc-select': CcSelectDetail;
  'cc-filter-change': CcFilterChangeDetail;
  'cc-view-change': CcViewChangeDetail;
}

export type CcEventName = keyof CcEventMap;

/**
 * Dispatches `name` from `host`. Returns false when a listener called preventDefault() on a
 * cancelable event (the caller then skips its default action).
 */
export function emit<K extends CcEventName>(host: EventTarget, name: K, detail: CcEventMap[K], options: { cancelable?: boolean } = {}): boolean {
  const event = new CustomEvent<CcEventMap[K]>(name, {
    detail,
    bubbles: true,
    composed: true,
    cancelable: options.cancelable ?? false,
  });
  return host.dispatchEvent(event);
}

declare global {
  interface HTMLElementEventMap {
    'cc-load': CustomEvent<CcLoadDetail>;
    'cc-error': CustomEvent<CcErrorDetail>;
    'cc-select': CustomEvent<CcSelectDetail>;
    'cc-filter-change': CustomEvent<CcFilterChangeDetail>;
    'cc-view-change': CustomEvent<CcViewChangeDetail>;
  }
}
