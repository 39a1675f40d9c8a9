// Time zones and the platform's French "time ago" labels. The two zones the data needs are computed by
// hand (Réunion has no DST; Paris follows the EU rule) so generation never depends on the host's ICU data.

export const DAY = 86400;

/** Last Sunday of a month, as a UTC day number (ms at 00:00 UTC). */
function lastSundayUtc(year, monthIndex) {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay());
}

/** EU rule: summer time from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC. */
export function parisOffsetMinutes(utcMs) {
  const year = new Date(utcMs).getUTCFullYear();
  const start = lastSundayUtc(year, 2) + 3600000;
  const end = lastSundayUtc(year, 9) + 3600000;
  return utcMs >= start && utcMs < end ? 120 : 60;
}

/** @param {string} zone IANA name; only the zones the sandbox generates are known. */
export function offsetMinutes(zone, utcMs) {
  if (zone === 'Europe/Paris') return parisOffsetMinutes(utcMs);
  if (zone === 'Indian/Reunion') return 240;
  return 0;
}

/**
 * Wall-clock time in a zone → Unix seconds. Generated events avoid the 02:00–03:00 gap of DST days,
 * so the two-pass guess below is exact for them.
 */
export function zonedToUnix(zone, year, monthIndex, day, hour = 0, minute = 0) {
  const wall = Date.UTC(year, monthIndex, day, hour, minute);
  let utc = wall - offsetMinutes(zone, wall) * 60000;
  utc = wall - offsetMinutes(zone, utc) * 60000;
  return Math.floor(utc / 1000);
}

/** The wall-clock calendar fields of an instant in a zone. */
export function zonedParts(zone, unixSeconds) {
  const ms = unixSeconds * 1000;
  const shifted = new Date(ms + offsetMinutes(zone, ms) * 60000);
  return {
    year: shifted.getUTCFullYear(),
    monthIndex: shifted.getUTCMonth(),
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
    offsetMinutes: offsetMinutes(zone, ms),
  };
}

/** "2026-08-14T09:00:00+0200": the local-offset ISO form the modern agenda returns. */
export function isoWithOffset(zone, unixSeconds) {
  const parts = zonedParts(zone, unixSeconds);
  const pad = (number) => String(number).padStart(2, '0');
  const sign = parts.offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(parts.offsetMinutes);
  return `${parts.year}-${pad(parts.monthIndex + 1)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}:00${sign}${pad(Math.floor(offset / 60))}${pad(offset % 60)}`;
}

/** PHP DateTime as json_encode writes it: {"date":"2026-08-14 09:00:00.000000","timezone_type":3,"timezone":"Europe/Paris"}. */
export function phpDateTimeObject(zone, unixSeconds) {
  const parts = zonedParts(zone, unixSeconds);
  const pad = (number) => String(number).padStart(2, '0');
  return {
    date: `${parts.year}-${pad(parts.monthIndex + 1)}-${pad(parts.day)} ${pad(parts.hour)}:${pad(parts.minute)}:00.000000`,
    timezone_type: 3,
    timezone: zone,
  };
}

/**
 * A PHP DateTime object (as json_encode writes it, or as a 2026 record stores it) → Unix seconds, or
 * null. timezone_type 3 is a zone name (read with the zones above), 1 an offset ("+02:00").
 * @param {unknown} value
 */
export function phpDateTimeToUnix(value) {
  if (value === null || typeof value !== 'object') return null;
  const { date, timezone_type: type, timezone } = /** @type {Record<string, unknown>} */ (value);
  const match = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(date) : null;
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  if (type === 1 && typeof timezone === 'string') {
    const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(timezone);
    if (!offset) return null;
    const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
    return Date.UTC(year, month - 1, day, hour, minute, second) / 1000 - minutes * 60;
  }
  return zonedToUnix(typeof timezone === 'string' ? timezone : 'UTC', year, month - 1, day, hour, minute) + second;
}

const plural = (count, singular, pluralForm) => `${count} ${count > 1 ? pluralForm : singular}`;

/**
 * Translate::pastTime() with the French catalogue: the difference is turned into a Unix timestamp
 * and read back with date() ("Y"-1970 years, "m"-1 months, "d"-1 days…), quirks included: "1 an et
 * 0 jour", "il y a à l'instant", and a null date counts from 1970 ("il y a 56 ans et …").
 * @param {number | null} thenSeconds
 * @param {number} nowSeconds the sandbox clock (options.now), which keeps labels deterministic
 */
export function pastTimeFr(thenSeconds, nowSeconds) {
  const then = Number.isFinite(thenSeconds) ? Number(thenSeconds) : 0;
  const future = nowSeconds < then;
  const gap = future ? then - nowSeconds : nowSeconds - then;
  const prefix = future ? 'dans ' : '';
  const parts = new Date(gap * 1000);
  const years = parts.getUTCFullYear() - 1970;
  const months = parts.getUTCMonth();
  const days = parts.getUTCDate() - 1;
  const hours = parts.getUTCHours();
  const minutes = parts.getUTCMinutes();
  const seconds = parts.getUTCSeconds();
  let label;
  if (years > 0) label = `${prefix}${plural(years, 'an', 'ans')} et ${plural(days, 'jour', 'jours')}`;
  else if (months > 0) label = `${prefix}${months} mois${days > 0 ? ` et ${plural(days, 'jour', 'jours')}` : ''}`;
  else if (days > 0) label = `${prefix}${plural(days, 'jour', 'jours')}`;
  else if (hours > 0) label = `${prefix}${plural(hours, 'heure', 'heures')}${minutes > 0 ? ` et ${plural(minutes, 'minute', 'minutes')}` : ''}`;
  else if (minutes > 0) label = `${prefix}${plural(minutes, 'minute', 'minutes')}`;
  else if (seconds > 0) label = `${prefix}${plural(seconds, 'seconde', 'secondes')}`;
  // PHP wraps "Right now" in "{time} ago" too, hence the odd "il y a à l'instant".
  else label = "à l'instant";
  return future ? label : `il y a ${label}`;
}
