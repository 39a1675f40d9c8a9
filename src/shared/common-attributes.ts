/**
 * The attributes every element shares, declared once: where the data comes from, the scope (a
 * commune, a territory, a network, keywords), links, `sync-url` and `heading-level`. Each element
 * composes them with `static properties = COMMON_PROPERTIES` (beside its own decorated properties),
 * an interface merged into its class for the types, and `initCommonAttributes(this)` in its
 * constructor for the defaults: no base class, no mixin, no copy.
 *
 * The manifest analyzer reads this file for every element that declares
 * `static properties = COMMON_PROPERTIES` (scripts/cem-plugins.mjs), so each attribute's
 * documentation below reaches the manifest, Storybook and the README.
 */
import type { PropertyDeclarations } from 'lit';
import { DEFAULT_API_BASE, DEFAULT_LINK_BASE } from '../lib/platform.js';

export const COMMON_PROPERTIES = {
  /** Platform origin or same-origin proxy the data is read from (an http(s) URL). */
  apiBase: { attribute: 'api-base' },
  /** Origin of the "see on Communecter" links (a costum domain works). */
  linkBase: { attribute: 'link-base' },
  /** Network scope: comma list of source keys. */
  sourceKey: { attribute: 'source-key' },
  /** Communecter city ids (comma list). */
  city: {},
  /** Postal codes or prefixes of at least 2 characters (comma list). */
  postalCode: { attribute: 'postal-code' },
  /** INSEE commune codes (comma list). */
  insee: {},
  /** Region (level3) or département (level4) zone ids (comma list). */
  zone: {},
  /** ISO 3166-1 alpha-2 country codes (comma list). */
  country: {},
  /** Keywords that scope the element (comma list). */
  tags: {},
  /** Whether items need any (`any`) or all (`all`) of `tags`. */
  tagsMode: { attribute: 'tags-mode' },
  /** Mirror the visitor's filters in the page URL: `query` (default) or `hash`; namespaced by the element id. */
  syncUrl: { attribute: 'sync-url' },
  /** Heading level of the element's headings (2–6), to fit the host page's outline. */
  headingLevel: { type: Number, attribute: 'heading-level' },
  /** Keep no answer in the browser: without it, the last good answers (public data, at most 7 days old) are kept and shown, with their date, when the platform cannot be reached. */
  noStore: { type: Boolean, attribute: 'no-store' },
} as const satisfies PropertyDeclarations;

export interface CommonAttributes {
  apiBase: string;
  linkBase: string;
  sourceKey: string;
  city: string;
  postalCode: string;
  insee: string;
  zone: string;
  country: string;
  tags: string;
  tagsMode: 'any' | 'all';
  syncUrl: string | null;
  headingLevel: number;
  noStore: boolean;
}

/** The defaults (the element's constructor calls this once). */
export function initCommonAttributes(element: CommonAttributes): void {
  element.apiBase = DEFAULT_API_BASE;
  element.linkBase = DEFAULT_LINK_BASE;
  element.sourceKey = '';
  element.city = '';
  element.postalCode = '';
  element.insee = '';
  element.zone = '';
  element.country = '';
  element.tags = '';
  element.tagsMode = 'any';
  element.syncUrl = null;
  element.headingLevel = 3;
  element.noStore = false;
}

/** The names of the scope attributes as properties: a change to one is a new scope. */
export const SCOPE_KEYS = ['apiBase', 'sourceKey', 'city', 'postalCode', 'insee', 'zone', 'country', 'tags', 'tagsMode'] as const;
