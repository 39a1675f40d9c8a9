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

/** ISO codes of the currency symbols the platform stores (`devise`); Ğ1 has none (not an ISO currency). */
const ISO_CURRENCIES: Readonly<Record<string, string>> = { '€': 'EUR', CFP: 'XPF', $: 'USD', '£': 'GBP' };

/** The ISO 4217 code of a platform currency symbol, or null (Ğ1, FC, anything unknown). */
export function isoCurrency(currency: string | null): string | null {
  return currency !== null && Object.prototype.hasOwnProperty.call(ISO_CURRENCIES, currency) ? ISO_CURRENCIES[currency]! : null;
}

/**
 * A price with its currency, in the page's language: `€` → EUR, `CFP` → XPF ("123 457 FCFP", no
 * decimals), `$` and `£` with their own symbol (never "$US": the platform does not say which dollar);
 * Ğ1 and any other symbol (FC…) written after the number; no decimals for whole amounts.
 */
export function formatPrice(locale: string, amount: number, currency: string | null): string {
  const whole = Number.isInteger(amount);
  const digits = whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  const iso = isoCurrency(currency);
  if (iso) {
    const display = iso === 'USD' || iso === 'GBP' ? 'narrowSymbol' : 'symbol';
    return formatNumber(locale, amount, { style: 'currency', currency: iso, currencyDisplay: display, ...(iso === 'XPF' ? {} : digits) });
  }
  const number = formatNumber(locale, amount, digits);
  return currency ? `${number}\u00A0${currency}` : number;
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const RELATIVE_STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/** "il y a 3 jours", "hier", "3 days ago": how long ago `date` was, from `now`; null for an invalid date. */
export function formatRelativeTime(locale: string, date: Date | null, now: Date): string | null {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return null;
  const format = cached(relativeFormats, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  // A date a little in the future (clock skew) reads "now", never "in 3 minutes".
  let value = Math.min(0, (date.getTime() - now.getTime()) / 1000);
  for (const [unit, size] of RELATIVE_STEPS) {
    // Under a minute reads "maintenant" / "now".
    if (unit === 'second' && Math.abs(value) < size) return format.format(0, 'second');
    if (Math.abs(value) < size) return format.format(Math.round(value), unit);
    value /= unit === 'day' ? 30.4375 : size;
  }
  return null;
}
