/**
 * Wire value → domain value, one field at a time. Every function takes `unknown`, never throws, and
 * returns a valid value or null; those that can be applied to their own output are idempotent.
 * Platform data is written by strangers and imported from spreadsheets: expect strings where
 * numbers belong, French decimal commas, Mongo date objects, empty strings for "no value".
 */
import { cleanText, decodeEntities, foldForSearch, toText, truncateGraphemes } from '../../lib/text.js';
import { toSafeUrl, toTelHref } from '../../lib/url.js';
import { zonedTime, type ZonedParts } from '../../lib/zoned-time.js';
import { INSEE } from '../scope.js';
import type { Address, GeoPoint, Phone, SocialLink, WeeklySlot } from '../types.js';

export type WireRecord = Readonly<Record<string, unknown>>;

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is WireRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own property read that ignores inherited keys (`__proto__`, `constructor`…). */
export function field(record: WireRecord, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

export function subRecord(record: WireRecord, key: string): WireRecord | null {
  const value = field(record, key);
  return isRecord(value) ? value : null;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A platform id: a plain string, `{"$id": "…"}` (JSON-encoded MongoId), or null. */
export function toId(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return ID_PATTERN.test(trimmed) ? trimmed : null;
  }
  if (isRecord(value)) return toId(field(value, '$id'));
  return null;
}

const SLUG_PATTERN = /^[\p{L}\p{N}_.-]{1,120}$/u;
export function toSlug(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim().replace(/^@/, '');
  return SLUG_PATTERN.test(trimmed) ? trimmed : null;
}

// A decimal number as typed in a form: optional sign, digits, one decimal separator (dot or the
// French comma). Exponents, hex, "Infinity" and empty strings are refused on purpose: JS Number()
// would accept them and put a place at (0,0) or (1000,…). Trailing zeros are kept by the platform
// ("-25.9673320", contract 15b item 2), hence the generous number of decimals.
const DECIMAL = /^[+-]?\d{1,3}(?:[.,]\d{1,20})?$/;

function toCoordinate(value: unknown, limit: number): number | null {
  let number: number;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string') {
    const trimmed = value.trim();
    if (!DECIMAL.test(trimmed)) return null;
    number = Number(trimmed.replace(',', '.'));
  } else return null;
  if (!Number.isFinite(number) || Math.abs(number) > limit) return null;
  return number === 0 ? 0 : number; // -0 → 0
}

export function toLatitude(value: unknown): number | null {
  return toCoordinate(value, 90);
}

export function toLongitude(value: unknown): number | null {
  return toCoordinate(value, 180);
}

/** Builds a point from a latitude/longitude pair; null when either is invalid or both are 0. */
export function toGeoPoint(lat: unknown, lng: unknown): GeoPoint | null {
  const latitude = toLatitude(lat);
  const longitude = toLongitude(lng);
  if (latitude === null || longitude === null) return null;
  // (0,0) is "Null Island": in this data it is always a missing position, never a real place.
  if (latitude === 0 && longitude === 0) return null;
  return { lat: latitude, lng: longitude };
}

/**
 * A point from either geo shape the platform writes, with number or string values (contract 15b
 * items 2 and 11): a GeoJSON Point `{type: "Point", coordinates: [lng, lat]}`, or a schema.org
 * `{"@type": "GeoCoordinates", latitude, longitude}`.
 */
function toPoint(value: unknown): GeoPoint | null {
  if (!isRecord(value)) return null;
  const coordinates = field(value, 'coordinates');
  if (Array.isArray(coordinates) && coordinates.length >= 2) {
    const point = toGeoPoint(coordinates[1], coordinates[0]);
    if (point) return point;
  }
  return toGeoPoint(field(value, 'latitude'), field(value, 'longitude'));
}

/**
 * A position from `geoPosition` (GeoJSON) or `geo` (either shape: the 2018 export writes
 * `geo: {type: "Point", coordinates: ["55.44", "-21.25"]}` too). The first usable one wins;
 * otherwise there is no position.
 */
export function readPosition(record: WireRecord): GeoPoint | null {
  return toPoint(field(record, 'geoPosition')) ?? toPoint(field(record, 'geo'));
}

const MIN_TIME = Date.UTC(1900, 0, 1);
const MAX_TIME = Date.UTC(2200, 0, 1);

function validTime(ms: number): Date | null {
  if (!Number.isFinite(ms) || ms < MIN_TIME || ms >= MAX_TIME) return null;
  return new Date(ms);
}

/** Unix time in seconds or milliseconds, told apart by magnitude (1e11 s is the year 5138). */
function fromEpoch(value: number): Date | null {
  if (!Number.isFinite(value)) return null;
  return validTime(Math.abs(value) >= 1e11 ? value : value * 1000);
}

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const OFFSET = /^([+-])(\d{2}):?(\d{2})?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar date and wall-clock time, with the zone the text gave (`Z`, `+0200`…) if any. */
interface DateParts extends Omit<ZonedParts, 'weekday'> {
  readonly ms: number;
  readonly zone: string | undefined;
}

/** Reads `Y-m-d[( |T)H:i[:s[.u]]][zone]`; impossible dates ("2026-02-30") are refused, not rolled over. */
function parseDateParts(text: string): DateParts | null {
  const match = ISO_LIKE.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
  const year = Number(y), month = Number(mo), day = Number(d);
  const hour = Number(h), minute = Number(mi), second = Number(s);
  // Before 1900 is out of range anyway, and Date.UTC reads years 0–99 as 1900–1999.
  if (year < 1900) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3) || '0');
  return { year, month, day, hour, minute, second, ms, zone };
}

/** Minutes east of UTC for `Z`, `+02`, `+0200` or `+02:00`; null when out of range or unreadable. */
function offsetMinutesOf(zone: string): number | null {
  if (zone.toUpperCase() === 'Z') return 0;
  const match = OFFSET.exec(zone);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function atOffset(parts: DateParts, offsetMinutes: number): Date | null {
  const { year, month, day, hour, minute, second, ms } = parts;
  return validTime(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000);
}

/** Wall-clock parts read in an IANA zone (a time in a spring-forward gap moves forward by the gap). */
function inZone(parts: DateParts, timeZone: string): Date | null {
  const { year, month, day, hour, minute, second, ms } = parts;
  const dayKey = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return validTime(zonedTime(dayKey, hour, minute, timeZone).getTime() + second * 1000 + ms);
}

/**
 * Parses the platform's date strings with an explicit grammar instead of `Date.parse`, which
 * differs between engines (Safari refuses "2026-05-17 10:00:00"):
 * ISO 8601 with `+0000` or `+00:00` or `Z`, `Y-m-d H:i:s` (UTC, as the search API writes project
 * dates, contract 5), and `Y-m-d` (UTC midnight). Impossible dates ("2026-02-30") are refused.
 */
function fromDateString(text: string): Date | null {
  const trimmed = text.trim();
  if (/^-?\d{9,13}$/.test(trimmed)) return fromEpoch(Number(trimmed));
  const parts = parseDateParts(trimmed);
  if (parts === null) return null;
  const offset = offsetMinutesOf(parts.zone ?? 'Z');
  return offset === null ? null : atOffset(parts, offset);
}

// The zone the platform's server reads naive dates in (contract 15b item 13).
const SERVER_TIME_ZONE = 'Europe/Paris';

/**
 * PHP's json_encode of a DateTime, as the agenda sends `startDateSort` (contract 15b item 13):
 * `{"date": "2026-08-14 09:00:00.000000", "timezone_type": 3, "timezone": "Europe/Paris"}`. `date`
 * is the wall-clock time in `timezone`: an IANA name (type 3), an offset "+02:00" (type 1), or an
 * abbreviation (type 2; only UTC/GMT/Z and names Intl knows are read, "CEST" is ambiguous). An object
 * without any zone is read in the server's zone, Europe/Paris; one with a zone we cannot read is null.
 */
function fromPhpDateTime(value: WireRecord): Date | null {
  const text = field(value, 'date');
  if (typeof text !== 'string' || text.length > 64) return null;
  const parts = parseDateParts(text);
  if (parts === null || parts.zone !== undefined) return null;
  const zone = field(value, 'timezone');
  if (zone === undefined || zone === null || zone === '') return inZone(parts, SERVER_TIME_ZONE);
  if (typeof zone !== 'string') return null;
  const trimmed = zone.trim();
  const offset = /^(?:UTC|GMT)$/i.test(trimmed) ? 0 : offsetMinutesOf(trimmed);
  if (offset !== null) return atOffset(parts, offset);
  const timeZone = toTimeZone(trimmed);
  return timeZone === null ? null : inZone(parts, timeZone);
}

/**
 * Any of the platform's date forms → Date, or null ("date inconnue"): ISO strings with `+0000`,
 * `Y-m-d H:i:s` in UTC, Mongo `{sec, usec}` (and `{$date}`), PHP DateTime objects `{date, timezone}`,
 * Unix seconds or milliseconds, Date.
 */
export function toDate(value: unknown): Date | null {
  if (value instanceof Date) return validTime(value.getTime());
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value === 'string') return value.length > 64 ? null : fromDateString(value);
  if (isRecord(value)) {
    const sec = field(value, 'sec');
    if (sec !== undefined) {
      const seconds = typeof sec === 'number' ? sec : typeof sec === 'string' && /^-?\d{1,12}$/.test(sec.trim()) ? Number(sec) : NaN;
      if (!Number.isFinite(seconds)) return null;
      const usec = field(value, 'usec');
      const micro = typeof usec === 'number' && Number.isFinite(usec) && usec >= 0 && usec < 1e6 ? usec : 0;
      return validTime(seconds * 1000 + Math.floor(micro / 1000));
    }
    const mongoDate = field(value, '$date');
    if (mongoDate !== undefined) {
      if (isRecord(mongoDate)) return toDate(Number(field(mongoDate, '$numberLong')));
      return typeof mongoDate === 'number' ? validTime(mongoDate) : toDate(mongoDate);
    }
    if (field(value, 'date') !== undefined) return fromPhpDateTime(value);
  }
  return null;
}

/** The IANA zone of a PHP DateTime object (`timezone`, type 3), when the browser knows it. */
export function toPhpTimeZone(value: unknown): string | null {
  return isRecord(value) ? toTimeZone(field(value, 'timezone')) : null;
}

const zoneCache = new Map<string, boolean>();
/** An IANA time zone the browser knows ("Indian/Reunion"), or null. */
export function toTimeZone(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const zone = value.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/.test(zone) || zone.length > 40) return null;
  let known = zoneCache.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (zoneCache.size < 200) zoneCache.set(zone, known);
  }
  return known ? zone : null;
}

/** A non-negative integer count, or null. */
export function toCount(value: unknown): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,12}$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isInteger(number) && number >= 0 && number <= Number.MAX_SAFE_INTEGER ? number : null;
}

const TAG_NOISE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const MAX_TAGS = 40;

/**
 * Tags: trimmed, NFC, zero-width and bidi controls removed, a leading "#" dropped, empty ones
 * dropped, and de-duplicated case- and accent-insensitively (the platform matches tags that way,
 * so "Vrac" and "vrac" are one tag; the first spelling wins). Idempotent.
 */
export function toTags(value: unknown): string[] {
  let list: readonly unknown[];
  if (Array.isArray(value)) list = value;
  else if (typeof value === 'string') list = value.split(',');
  else if (isRecord(value)) list = Object.keys(value).map((key) => value[key]);
  else return [];
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const item of list) {
    if (tags.length >= MAX_TAGS) break;
    if (typeof item !== 'string' && typeof item !== 'number') continue;
    // cleanText, not toText: no entity decoding, so that toTags(toTags(x)) equals toTags(x).
    const raw = String(item);
    const tag = truncateGraphemes(cleanText((raw.length > 240 ? raw.slice(0, 240) : raw).replace(TAG_NOISE, '')).replace(/^[#\s]+/, ''), 60);
    if (tag === '') continue;
    const key = foldForSearch(tag);
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

function shortText(record: WireRecord, key: string, maxLength = 200): string | null {
  return toText(field(record, key), { maxLength });
}

// What JavaScript forms wrote into the database for an empty field (`codeInsee: "undefined"`,
// contract 15b item 12), and the search API's default locality.
const PLACEHOLDER = /^(?:undefined|null|nan|unknown locality)$/i;

function addressText(record: WireRecord, key: string, maxLength = 200): string | null {
  const text = shortText(record, key, maxLength);
  return text === null || PLACEHOLDER.test(text) ? null : text;
}

// Words a French place name keeps in lower case inside it ("Bourg-la-Reine", "Saint-Jean-d'Angély").
const MINOR_WORDS = new Set(['d', 'de', 'des', 'du', 'l', 'la', 'le', 'les', 'en', 'et', 'sur', 'sous', 'au', 'aux', 'à', 'lès', 'lez']);

/**
 * A place name written in capitals ("ST LOUIS", "SAINT-DENIS", imports from spreadsheets; contract
 * 15b item 12) in title case for display: "St Louis", "Saint-Denis", "Bourg-la-Reine",
 * "L'Étang-Salé", "Paris 15e". A name with any lower-case letter is left as written ("McLean",
 * "saint-pierre"), and so are short codes ("ZI"). Idempotent. Accents lost in the capitals are not
 * restored ("RIVIERE" → "Riviere").
 */
export function toDisplayCase(text: string): string {
  if (/\p{Ll}/u.test(text) || (text.match(/\p{Lu}/gu)?.length ?? 0) < 3) return text;
  let first = true;
  return text.toLocaleLowerCase('fr').replace(/[\p{L}\p{M}]+/gu, (word: string, offset: number, whole: string) => {
    const before = offset > 0 ? whole[offset - 1]! : '';
    const isFirst = first;
    first = false;
    // "15E" is an ordinal ("15e"); the word after an apostrophe is a name ("d'Angély").
    if (/\p{N}/u.test(before)) return word;
    if (!isFirst && before !== "'" && before !== '’' && MINOR_WORDS.has(word)) return word;
    return word.charAt(0).toLocaleUpperCase('fr') + word.slice(1);
  });
}

function placeName(record: WireRecord, key: string): string | null {
  const text = addressText(record, key);
  return text === null ? null : toDisplayCase(text);
}

/**
 * Postal address. Placeholder strings ("undefined", "null", "Unknown Locality") read as no value;
 * the legacy form `{depName, regionName}` without levels (2018 records) gives the département and the
 * region; place names in capitals are shown in title case. The country is `addressCountry` only:
 * `level1Name` is the territory's own, inconsistent name ("Madagasikara", "Réunion"), never a country
 * label (contract 15b item 3), and is not read at all.
 */
export function toAddress(value: unknown): Address | null {
  if (!isRecord(value)) return null;
  const postalCode = addressText(value, 'postalCode', 12);
  const countryRaw = addressText(value, 'addressCountry', 8);
  const inseeRaw = addressText(value, 'codeInsee', 8);
  const address: Address = {
    street: addressText(value, 'streetAddress'),
    postalCode: postalCode !== null && /^[\p{L}\p{N} -]{2,12}$/u.test(postalCode) ? postalCode : null,
    locality: placeName(value, 'addressLocality'),
    country: countryRaw !== null && /^[A-Za-z]{2}$/.test(countryRaw) ? countryRaw.toUpperCase() : null,
    insee: inseeRaw !== null && INSEE.test(inseeRaw) ? inseeRaw.toUpperCase() : null,
    cityId: toId(field(value, 'localityId')),
    region: placeName(value, 'level3Name') ?? placeName(value, 'addressRegion') ?? placeName(value, 'regionName'),
    department: placeName(value, 'level4Name') ?? placeName(value, 'depName'),
    level3: toId(field(value, 'level3')),
    level4: toId(field(value, 'level4')),
  };
  return Object.values(address).some((part) => part !== null) ? address : null;
}

const PHONE_KINDS = ['fixe', 'mobile', 'fax'] as const;

/** `telephone: {fixe: [...], mobile: [...], fax: [...]}` (arrays or strings) → phones. */
export function toPhones(value: unknown): Phone[] {
  const phones: Phone[] = [];
  const seen = new Set<string>();
  const add = (kind: Phone['kind'], raw: unknown) => {
    const list = Array.isArray(raw) ? raw : [raw];
    for (const item of list) {
      const number = toText(item, { maxLength: 40 });
      if (number === null || !/\d{3}/.test(number)) continue;
      const key = number.replace(/\D/g, '');
      if (seen.has(key) || phones.length >= 6) continue;
      seen.add(key);
      phones.push({ kind, number, href: toTelHref(number) });
    }
  };
  if (isRecord(value)) for (const kind of PHONE_KINDS) add(kind, field(value, kind));
  else if (typeof value === 'string' || Array.isArray(value)) add('fixe', value);
  return phones;
}

const HTTP_ONLY = { protocols: ['http:', 'https:'] } as const;
const URL_START = String.raw`(?:[a-z][a-z0-9+.-]*:\/\/|\/\/|www\.)`;
// Between two addresses of a list: ";", "," or "|" with a space on either side or right before the
// next address's scheme or "www.", or spaces before one. A separator without those ("/a,b;c=1",
// "mon fichier.pdf") belongs to the URL, so one address is never cut into pieces.
const URL_LIST_SEPARATOR = new RegExp(String.raw`\s*[;,|]\s+|\s+[;,|]\s*|[;,|](?=${URL_START})|\s+(?=${URL_START})`, 'i');
const MAX_URLS = 6;

/**
 * Safe absolute http(s) URLs from a value that may hold several addresses in one string
 * (`"a ; b ; c"`, also `,`, `|` or spaces; contract 15b item 5), in order, de-duplicated. A piece
 * that is not a safe URL as a whole is skipped, never repaired.
 */
export function toHttpUrls(value: unknown): string[] {
  if (typeof value !== 'string' || value.length > 4096) return [];
  const urls: string[] = [];
  for (const piece of value.trim().split(URL_LIST_SEPARATOR)) {
    const url = toSafeUrl(piece.trim(), HTTP_ONLY);
    if (url !== null && !urls.includes(url)) urls.push(url);
    if (urls.length >= MAX_URLS) break;
  }
  return urls;
}

const SOCIAL_NETWORKS = ['website', 'facebook', 'twitter', 'mastodon', 'instagram', 'linkedin', 'youtube', 'github', 'gitlab', 'diaspora', 'telegram', 'signal', 'peertube', 'pixelfed'] as const;

/** `socialNetwork` map → safe http(s) links, in a fixed order (handles without a URL are skipped). */
export function toSocialLinks(value: unknown): SocialLink[] {
  if (!isRecord(value)) return [];
  const links: SocialLink[] = [];
  for (const network of SOCIAL_NETWORKS) {
    const raw = field(value, network);
    if (typeof raw !== 'string' || raw === '') continue;
    const url = toSafeUrl(raw, HTTP_ONLY);
    if (url) links.push({ network, url });
  }
  return links;
}

// `dayOfWeek` as the platform writes it ("Mo" … "Su"), in any case, or as schema.org's day names.
const DAY_CODES: ReadonlyMap<string, number> = new Map(
  ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((code, index) => [code, index % 7]),
);
const HOUR_MINUTE = /^([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/;

function toHourMinute(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = HOUR_MINUTE.exec(value.trim());
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : null;
}

/**
 * `openingHours` → weekly slots. Forms met: a list of `{dayOfWeek: "Mo", hours: [{opens, closes}]}`;
 * the agenda's 7-slot array with `""` for days without hours (contract 15b item 13); the same as an
 * index-keyed object (PHP's json_encode of an array with holes). The day comes from `dayOfWeek` only,
 * never from the slot's position: the platform's own form orders days Sunday first while the 15b
 * sample is Monday first, so a position cannot be trusted.
 */
export function toWeeklySlots(value: unknown): WeeklySlot[] {
  let entries: readonly unknown[];
  if (Array.isArray(value)) entries = value;
  else if (isRecord(value)) entries = Object.keys(value).map((key) => value[key]);
  else return [];
  const slots: WeeklySlot[] = [];
  for (const entry of entries.slice(0, 14)) {
    if (!isRecord(entry)) continue;
    const code = field(entry, 'dayOfWeek');
    const day = typeof code === 'string' ? DAY_CODES.get(code.trim().toLowerCase()) : undefined;
    if (day === undefined) continue;
    const hours = field(entry, 'hours');
    for (const range of Array.isArray(hours) ? hours.slice(0, 6) : []) {
      if (!isRecord(range)) continue;
      const opens = toHourMinute(field(range, 'opens'));
      const closes = toHourMinute(field(range, 'closes'));
      if (opens && closes) slots.push({ day, opens, closes });
    }
  }
  return slots;
}

/** A price the platform may store as a number or as text ("450", "450,50", "gratuit"). */
export function toPrice(value: unknown): { price: number | null; priceText: string | null } {
  if (typeof value === 'number') {
    return { price: Number.isFinite(value) && value >= 0 && value < 1e12 ? value : null, priceText: null };
  }
  if (typeof value === 'string') {
    const compact = value.trim().replace(/[\s\u00A0\u202F]/g, '');
    if (/^\d{1,12}(?:[.,]\d{1,2})?$/.test(compact)) return { price: Number(compact.replace(',', '.')), priceText: null };
    const text = toText(value, { maxLength: 40 });
    // Words ("gratuit", "à débattre") are shown as written; stray numbers ("-5", "1e308") are not.
    return { price: null, priceText: text !== null && /\p{L}/u.test(text) && !/^[+-]?\d/.test(text) ? text : null };
  }
  return { price: null, priceText: null };
}

/**
 * The description as stored: Markdown, or HTML for legacy records (`descriptionHTML: true`). Only
 * bounded here; cleaning and sanitising happen in the description pipeline when a detail view
 * opens, so a list of 10,000 records does not pay for 10,000 descriptions nobody reads.
 */
export function toRichText(value: unknown, htmlFlag: unknown): { format: 'markdown' | 'html'; source: string } | null {
  if (typeof value !== 'string' || !/\S/.test(value)) return null;
  const isHtml = htmlFlag === true || htmlFlag === 'true' || htmlFlag === 1 || htmlFlag === '1';
  return { format: isHtml ? 'html' : 'markdown', source: value.length > 100_000 ? value.slice(0, 100_000) : value };
}

/** Plain text for a short, one-line excerpt of a description (tags and Markdown marks removed). */
export function plainExcerpt(source: string): string {
  return cleanText(
    decodeEntities(
      source
        .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
        .replace(/[*_~`]+/g, ''),
    ),
  );
}
