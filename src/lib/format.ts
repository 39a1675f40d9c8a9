/**
 * Cached Intl formatters. Building an Intl.DateTimeFormat costs far more than using one, and a list
 * of 2,000 events formats 4,000 dates; the cache key is the locale plus the options. Every date
 * formatter takes an explicit time zone from the caller, so output never depends on where a test
 * or a visitor happens to be unless the caller asks for that.
 */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

const CACHE_LIMIT = 200;

function cached<T>(cache: Map<string, T>, key: string, create: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = create();
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, value);
  }
  return value;
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(dateTimeFormats, `${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(numberFormats, `${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

export function plural(locale: string): Intl.PluralRules {
  return cached(pluralRules, locale, () => new Intl.PluralRules(locale));
}

/** Formats a date, or returns null for an invalid one (never "Invalid Date", never a RangeError). */
export function formatDate(locale: string, date: Date | null, options: Intl.DateTimeFormatOptions): string | null {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return null;
  try {
    return dateTimeFormat(locale, options).format(date);
  } catch {
    return null;
  }
}

export function formatNumber(locale: string, value: number, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, options).format(value);
}

/** The viewer's own time zone ("Europe/Paris"), or UTC when the browser does not say. */
export function viewerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** A zone's long name in the locale ("heure de La Réunion", "Réunion Time"). */
export function timeZoneLongName(locale: string, timeZone: string, at: Date = new Date()): string {
  const parts = dateTimeFormat(locale, { timeZone, timeZoneName: 'long' }).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** A price with its currency: ISO currencies through Intl, others (Ğ1, CFP) written after. */
export function formatPrice(locale: string, amount: number, currency: string | null): string {
  const iso = currency === '€' ? 'EUR' : currency === '£' ? 'GBP' : currency === '$' ? 'USD' : null;
  if (iso) return formatNumber(locale, amount, { style: 'currency', currency: iso, maximumFractionDigits: 2 });
  const number = formatNumber(locale, amount, { maximumFractionDigits: 2 });
  return currency ? `${number}\u00A0${currency}` : number;
}
