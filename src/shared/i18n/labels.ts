/**
 * The names of the platform's kinds of items in the visitor's language: organisation sub-types and
 * collections, singular or plural. Unknown values are shown as they are (never dropped).
 */
import type { CommunecterElement } from '../../api/types.js';
import type { Translation } from './types.js';

export function elementTypeLabel(t: Translation, type: string, plural = false): string {
  // The tables have a name for every known sub-type and collection (their types say so).
  if (Object.hasOwn(t.organizationTypes, type)) return (plural ? t.organizationTypesPlural : t.organizationTypes)[type as keyof typeof t.organizationTypes];
  if (Object.hasOwn(t.collections, type)) return (plural ? t.collectionsPlural : t.collections)[type as keyof typeof t.collections];
  return type;
}

/** An item's badge: its organisation sub-type when it has one, else its collection ("Organisation"). */
export function itemTypeLabel(t: Translation, item: CommunecterElement): string {
  return elementTypeLabel(t, item.kind === 'organization' && item.organizationType ? item.organizationType : item.collection);
}
