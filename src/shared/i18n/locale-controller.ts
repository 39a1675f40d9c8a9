/**
 * Which language a widget speaks: the closest `[lang]` ancestor (crossing shadow roots), then the
 * page's `<html lang>`, then the browser's languages; the first of these that we have a table for
 * wins, and French — the platform's language — when none does. Re-renders when a `lang` changes.
 *
 * Not @lit/localize: its runtime is page-global and throws when configured twice, which two copies
 * of the library (or a host app using it) would do.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en } from './en.js';
import { fr } from './fr.js';
import type { Locale, Translation } from './types.js';

export type { Locale, Translation } from './types.js';

const TABLES: Readonly<Record<Locale, Translation>> = { fr, en };

export function translationFor(locale: Locale): Translation {
  return TABLES[locale];
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

export function resolveLocale(element: Element): Locale {
  return pickLocale([closestLang(element), document.documentElement.getAttribute('lang'), ...(navigator.languages ?? [navigator.language])]);
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

  constructor(host: ReactiveControllerHost & Element) {
    this.host = host;
    host.addController(this);
  }

  get locale(): Locale {
    return this.current;
  }

  get t(): Translation {
    return TABLES[this.current];
  }

  hostConnected(): void {
    this.current = resolveLocale(this.host);
    watch(this);
  }

  hostDisconnected(): void {
    unwatch(this);
  }

  /** Re-reads the language; re-renders the host only when it changed. */
  refresh(): void {
    const next = resolveLocale(this.host);
    if (next !== this.current) {
      this.current = next;
      this.host.requestUpdate();
    }
  }
}
