/**
 * Mirrors a widget's filter state in the host page's URL, so a filtered view can be shared and the
 * back button works. Keys are namespaced by the element's id (`annuaire.q=vrac`), so several
 * widgets and the host's own parameters live side by side; other parameters are left untouched.
 * `mode` 'query' uses the search part (`?annuaire.q=vrac`), 'hash' the fragment (`#annuaire.q=vrac`),
 * for hosts whose server or CMS rejects unknown query parameters.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
export type UrlSyncMode = 'query' | 'hash';

export type UrlState = Readonly<Record<string, string>>;

/** `sync-url` attribute value → mode; absent → null. */
export function parseSyncMode(value: string | null): UrlSyncMode | null {
  if (value === null) return null;
  return value.trim().toLowerCase() === 'hash' ? 'hash' : 'query';
}

function paramsOf(mode: UrlSyncMode, url: URL): URLSearchParams {
  return mode === 'query' ? url.searchParams : new URLSearchParams(url.hash.replace(/^#/, ''));
}

/** The widget's own keys (prefix removed) from the current URL. */
export function readUrlState(mode: UrlSyncMode, namespace: string, href = location.href): Record<string, string> {
  const url = new URL(href);
  const prefix = `${namespace}.`;
  const state: Record<string, string> = {};
  for (const [key, value] of paramsOf(mode, url)) {
    if (key.startsWith(prefix) && value.length <= 500) state[key.slice(prefix.length)] = value;
  }
  return state;
}

/** The URL with the widget's keys replaced by `state` (empty values removed). */
export function urlWithState(mode: UrlSyncMode, namespace: string, state: UrlState, href = location.href): string {
  const url = new URL(href);
  const params = paramsOf(mode, url);
  const prefix = `${namespace}.`;
  for (const key of [...params.keys()]) if (key.startsWith(prefix)) params.delete(key);
  for (const [key, value] of Object.entries(state)) if (value !== '') params.set(`${prefix}${key}`, value);
  if (mode === 'query') {
    url.search = params.toString();
  } else {
    const hash = params.toString();
    url.hash = hash ? `#${hash}` : '';
  }
  return url.href;
}

/**
 * Writes the state into the address bar. `push` adds a history entry (a chip, a page); otherwise
 * the current entry is replaced (typing), so the back button steps through choices, not keystrokes.
 */
export function writeUrlState(mode: UrlSyncMode, namespace: string, state: UrlState, push: boolean): void {
  const next = urlWithState(mode, namespace, state);
  if (next === location.href) return;
  try {
    if (push) history.pushState(history.state, '', next);
    else history.replaceState(history.state, '', next);
  } catch {
    // Sandboxed iframes and some CMS previews refuse history changes: the widget still works.
  }
}

export interface UrlSyncOptions {
  /** The element's `sync-url` attribute value (null: off). */
  readonly mode: () => string | null;
  /** The key prefix: the element's id, or a default. */
  readonly namespace: () => string;
  /**
   * Applies a state read from the URL. `initial` is true when the element connects; otherwise the
   * user moved through history, and keys absent from `state` mean "back to the attributes' value".
   */
  readonly restore: (state: Readonly<Record<string, string>>, initial: boolean) => void;
}

/**
 * The URL side of `sync-url` for one element: reads the state when the element connects, follows
 * the back and forward buttons, and writes the state when the user changes it.
 */
export class UrlSyncController implements ReactiveController {
  /** Whether connecting found a state in the URL (it then wins over the attributes). */
  restored = false;
  private readonly options: UrlSyncOptions;

  constructor(host: ReactiveControllerHost, options: UrlSyncOptions) {
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    const mode = parseSyncMode(this.options.mode());
    if (mode) {
      const state = readUrlState(mode, this.options.namespace());
      this.restored = Object.keys(state).length > 0;
      if (this.restored) this.options.restore(state, true);
    }
    window.addEventListener('popstate', this.handleHistory);
    window.addEventListener('hashchange', this.handleHistory);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.handleHistory);
    window.removeEventListener('hashchange', this.handleHistory);
  }

  write(state: UrlState, push: boolean): void {
    const mode = parseSyncMode(this.options.mode());
    if (mode) writeUrlState(mode, this.options.namespace(), state, push);
  }

  private readonly handleHistory = (): void => {
    const mode = parseSyncMode(this.options.mode());
    if (mode) this.options.restore(readUrlState(mode, this.options.namespace()), false);
  };
}
