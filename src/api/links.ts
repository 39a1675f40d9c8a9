/**
 * "See on Communecter" links. By slug (`/#@{slug}`) when the element has one, else by collection
 * and id (`/#page.type.{collection}.id.{id}`), on the widget's `link-base` (a costum domain works).
 */
import type { ElementBase } from './types.js';

import { DEFAULT_LINK_BASE } from '../lib/platform.js';

export { DEFAULT_LINK_BASE };

/** The link base without a trailing slash; anything that is not an http(s) URL gives the default. */
export function normalizeLinkBase(value: string | null | undefined): string {
  if (!value) return DEFAULT_LINK_BASE;
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return DEFAULT_LINK_BASE;
    url.hash = '';
    url.search = '';
    return url.href.replace(/\/+$/, '');
  } catch {
    return DEFAULT_LINK_BASE;
  }
}

export function elementPageUrl(linkBase: string, element: Pick<ElementBase, 'slug' | 'collection' | 'id'>): string {
  const base = normalizeLinkBase(linkBase);
  if (element.slug) return `${base}/#@${encodeURIComponent(element.slug)}`;
  return `${base}/#page.type.${element.collection}.id.${encodeURIComponent(element.id)}`;
}
