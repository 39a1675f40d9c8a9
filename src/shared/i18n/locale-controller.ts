/**
 * Which language a widget speaks: the closest `[lang]` ancestor (crossing shadow roots), then the
 * page's `<html lang>`, then the browser's languages; the first of these that we have a table for
 * wins, and French — the platform's language — when none does. Re-renders when a `lang` changes.
 *
 * Only the French table ships with the elements. Any other table is a chunk of its own, fetched the
 * first time an element resolves to that language (or, when the page itself says English, as soon as
 * this module runs), so a French page never downloads it. Until it arrives:
 * - an element that has not rendered yet waits for it (its first update is held, at most
 *   TABLE_WAIT_MS), so it never shows a word in the wrong language or a blank label;
 * - an element that already shows one language (a `lang` switched at run time) keeps showing it and
 *   switches when the table arrives;
 * - `ready` says synchronously whether the resolved language's table is in, and `t` is then that
 *   table; before, `t` is the table on screen (French for a first render that timed out or failed).
 *
 * Not @lit/localize: its runtime is page-global and throws when configured twice, which two copies
 * of the library (or a host app using it) would do.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fr } from './fr.js';
import type { Locale, Translation } from './types.js';

export type { Locale, Translation } from './types.js';

/** How long a first render waits for a table before it goes ahead in French (then switches). */
const TABLE_WAIT_MS = 3000;

const tables: Partial<Record<Locale, Translation>> = { fr };
const pending = new Map<Locale, Promise<void>>();

/**
 * For tests only: how many times each table was requested (its import() started), and the loaders
 * themselves, so a test can count requests or simulate a slow or failing table.
 */
export const localeTestHooks = {
  requests: { fr: 0, en: 0 } as Record<Locale, number>,
  loaders: {
    fr: () => Promise.resolve(fr),
    en: () => import('./en.js').then((module) => module.en),
  } as Record<Locale, () => Promise<Translation>>,
  waitMs: TABLE_WAIT_MS,
};

/** Whether a language's table is loaded (French always is). */
export function hasTable(locale: Locale): boolean {
  return tables[locale] !== undefined;
}

/** Fetches a table once; later calls share the same promise. A failed load may be tried again. */
export function loadTable(locale: Locale): Promise<void> {
  if (hasTable(locale)) return Promise.resolve();
  let load = pending.get(locale);
  if (!load) {
    localeTestHooks.requests[locale]++;
    load = localeTestHooks.loaders[locale]().then(
      (table) => {
        tables[locale] = table;
        pending.delete(locale);
        for (const each of controllers) each.tableLoaded(locale);
      },
      (error: unknown) => {
        pending.delete(locale);
        throw error;
      },
    );
    pending.set(locale, load);
  }
  return load;
}

/** 'fr', 'fr-FR', 'FR_ca' → 'fr'; unsupported or malformed → null. */
export function toSupportedLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'fr' || primary === 'en' ? primary : null;
}

function closestLang(element: Element): string | null {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      const value = node.getAttribute('lang');
      if (value) return value;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}

/** The first candidate we have a table for; French when none. */
export function pickLocale(candidates: readonly (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    const locale = toSupportedLocale(candidate);
    if (locale) return locale;
  }
  return 'fr';
}

function browserLanguages(): readonly string[] {
  return navigator.languages ?? [navigator.language];
}

export function resolveLocale(element: Element): Locale {
  return pickLocale([closestLang(element), document.documentElement.getAttribute('lang'), ...browserLanguages()]);
}

// The page says (or, without <html lang>, the browser says) another language than French: start the
// fetch now, while the elements register, rather than when the first one connects.
if (typeof document !== 'undefined' && typeof navigator !== 'undefined') {
  loadTable(pickLocale([document.documentElement.getAttribute('lang'), ...browserLanguages()])).catch(() => undefined);
}

// One observer for every widget on the page: `lang` changes are rare, widgets may be many.
const controllers = new Set<LocaleController>();
let observer: MutationObserver | null = null;

function watch(controller: LocaleController): void {
  controllers.add(controller);
  if (!observer && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(() => {
      for (const each of controllers) each.refresh();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
}

function unwatch(controller: LocaleController): void {
  controllers.delete(controller);
  if (controllers.size === 0 && observer) {
    observer.disconnect();
    observer = null;
  }
}

export class LocaleController implements ReactiveController {
  private readonly host: ReactiveControllerHost & Element;
  private current: Locale = 'fr';
  /** The language whose words the host shows (or will show at its next render). */
  private shown: Locale = 'fr';
  private rendered = false;

  constructor(host: ReactiveControllerHost & Element) {
    this.host = host;
    host.addController(this);
  }

  /** The language the element resolved to. */
  get locale(): Locale {
    return this.current;
  }

  /** Whether the table of `locale` is loaded, i.e. `t` speaks `locale`. */
  get ready(): boolean {
    return hasTable(this.current);
  }

  get t(): Translation {
    if (this.ready) this.shown = this.current;
    return tables[this.shown] ?? fr;
  }

  hostConnected(): void {
    this.current = resolveLocale(this.host);
    this.fetch();
    watch(this);
  }

  hostUpdated(): void {
    this.rendered = true;
  }

  hostDisconnected(): void {
    unwatch(this);
  }

  /** Re-reads the language; re-renders the host when it changed (at once, or once its table is in). */
  refresh(): void {
    const next = resolveLocale(this.host);
    if (next !== this.current) {
      this.current = next;
      if (this.ready) this.host.requestUpdate();
      else this.fetch();
    }
  }

  /** Called for every connected element when a table arrives. */
  tableLoaded(locale: Locale): void {
    if (locale === this.current && locale !== this.shown) this.host.requestUpdate();
  }

  private fetch(): void {
    if (this.ready) return;
    const locale = this.current;
    loadTable(locale).catch((error: unknown) =>
      console.warn(`[communecter-widgets] the "${locale}" texts could not be loaded; showing French.`, error),
    );
  }

  /**
   * A promise to wait for before the first render, or null when it can go ahead now. Elements hold
   * their first update on it (Lit's scheduleUpdate() is made for this):
   * `const wait = this.localize.beforeFirstUpdate(); return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();`
   */
  beforeFirstUpdate(): Promise<void> | null {
    if (this.rendered || this.ready) return null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, localeTestHooks.waitMs);
    });
    const loaded = loadTable(this.current).catch(() => undefined);
    return Promise.race([loaded, timeout]).then(() => clearTimeout(timer));
  }
}
