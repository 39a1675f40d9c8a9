/**
 * Calendar arithmetic in an explicit IANA time zone, with Intl only (no time-zone database shipped).
 * A "day key" is a local calendar date written `YYYY-MM-DD`; instants are Date objects. Daylight-
 * saving transitions are handled by asking Intl for the zone's offset at the instant concerned.
 */
import { dateTimeFormat } from './format.js';

export type DayKey = string;

export interface ZonedParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Monday … 6 = Sunday. */
  readonly weekday: number;
}

const WEEKDAYS: Readonly<Record<string, number>> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const formatter = dateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(date)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? 'Mon'] ?? 0,
  };
}

// Offsets per zone and quarter hour: Intl's formatToParts costs ~10 µs, and an agenda of 2,000
// events asks for a few thousand offsets that fall in a few hundred distinct quarter hours. Zones
// change offset on quarter-hour boundaries at the finest, so a bucket never straddles a change.
const offsetCache = new Map<string, number>();
const OFFSET_BUCKET = 15 * 60_000;

/** The zone's offset from UTC at `date`, in milliseconds (+4 h for Indian/Reunion). */
export function zoneOffset(date: Date, timeZone: string): number {
  const bucket = Math.floor(date.getTime() / OFFSET_BUCKET);
  const key = `${timeZone}|${bucket}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const at = new Date(bucket * OFFSET_BUCKET);
    const p = zonedParts(at, timeZone);
    offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - at.getTime();
    if (offsetCache.size > 20_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/**
 * The instant of a local wall-clock time in `timeZone`. In a spring-forward gap the time is moved
 * forward by the gap (02:30 → 03:30 in Paris on the last Sunday of March), as calendars do.
 */
export function zonedTime(day: DayKey, hour: number, minute: number, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(year, month - 1, date, hour, minute);
  const first = zoneOffset(new Date(guess), timeZone);
  let instant = guess - first;
  const second = zoneOffset(new Date(instant), timeZone);
  if (second !== first) instant = guess - second;
  return new Date(instant);
}

export function dayKeyOf(date: Date, timeZone: string): DayKey {
  return keyFromUtc(date.getTime() + zoneOffset(date, timeZone));
}

/** Local midnight of a day, as an instant. */
export function startOfDay(day: DayKey, timeZone: string): Date {
  return zonedTime(day, 0, 0, timeZone);
}

function keyFromUtc(ms: number): DayKey {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

function utcOf(day: DayKey): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date);
}

export function addDays(day: DayKey, days: number): DayKey {
  return keyFromUtc(utcOf(day) + days * 86_400_000);
}

export function addMonths(day: DayKey, months: number): DayKey {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return keyFromUtc(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(date, last)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DayKey, to: DayKey): number {
  return Math.round((utcOf(to) - utcOf(from)) / 86_400_000);
}

/** 0 = Monday … 6 = Sunday, for a calendar date (no zone involved). */
export function weekdayOf(day: DayKey): number {
  return (new Date(utcOf(day)).getUTCDay() + 6) % 7;
}

export function startOfWeek(day: DayKey): DayKey {
  return addDays(day, -weekdayOf(day));
}

export function startOfMonth(day: DayKey): DayKey {
  return `${day.slice(0, 7)}-01`;
}

/** The 42 days (6 weeks, Monday first) of a month grid. */
export function monthGridDays(day: DayKey): DayKey[] {
  const first = startOfWeek(startOfMonth(day));
  return Array.from({ length: 42 }, (_, index) => addDays(first, index));
}

export function isDayKey(value: string): value is DayKey {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return keyFromUtc(utcOf(value)) === value;
}

/**
 * A date attribute: an ISO date ("2026-12-01"), "today", or a relative offset from today ("+30d",
 * "-7d", "+2w", "+2m", "+1y"). Null when unreadable.
 */
export function parseDayAttribute(value: string | null | undefined, today: DayKey): DayKey | null {
  if (!value) return null;
  const text = value.trim().toLowerCase();
  if (text === 'today' || text === "aujourd'hui") return today;
  if (isDayKey(text)) return text;
  const relative = /^([+-])(\d{1,4})([dwmy])$/.exec(text);
  if (!relative) return null;
  const amount = Number(relative[2]) * (relative[1] === '-' ? -1 : 1);
  switch (relative[3]) {
    case 'd':
      return addDays(today, amount);
    case 'w':
      return addDays(today, amount * 7);
    case 'm':
      return addMonths(today, amount);
    default:
      return addMonths(today, amount * 12);
  }
}
