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
  /** `<cc-map>`: items with a usable position (drawn on the map). */
  readonly located?: number;
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
  /** `<cc-agenda>`: the view; `<cc-map>`: `map`. */
  readonly view: string;
  /** `<cc-agenda>`: first and last day shown, `YYYY-MM-DD`. */
  readonly from?: string;
  readonly to?: string;
  /** `<cc-map>`: the map's centre, zoom and `[south, west, north, east]` after the visitor's move. */
  readonly center?: { readonly lat: number; readonly lng: number };
  readonly zoom?: number;
  readonly bounds?: readonly [number, number, number, number];
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
