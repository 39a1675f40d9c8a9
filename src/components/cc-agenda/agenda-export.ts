/**
 * Getting events out of the widget: iCalendar files (RFC 5545), "add to Google / Outlook" links, and
 * schema.org JSON-LD for the host page. A few dozen lines instead of an 80 KB add-to-calendar library.
 */
import type { CivicEvent } from '../../api/index.js';
import { addDays, dayKeyOf, startOfDay, weekdayOf, zonedParts, zoneOffset } from '../../lib/zoned-time.js';
import type { Occurrence } from './agenda-model.js';

// ---------------------------------------------------------------- iCalendar

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline. */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    // Other control characters have no place in a content line (they could forge a new property).
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): CRLF then one space, never inside a UTF-8
 * sequence (a character is moved whole to the next line).
 */
export function foldIcsLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > limit) {
      out.push(current);
      current = '';
      size = 0;
      limit = 74; // continuation lines start with the folding space
    }
    current += char;
    size += bytes;
  }
  out.push(current);
  return out.join('\r\n ');
}

function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function dateValue(day: string): string {
  return day.replace(/-/g, '');
}

function locationOf(event: CivicEvent): string {
  const address = event.address;
  if (!address) return '';
  return [address.street, [address.postalCode, address.locality].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

export interface IcsOptions {
  readonly now: Date;
  /** Link to each event's page (its "see on Communecter" URL). */
  readonly urlOf: (event: CivicEvent) => string;
  readonly calendarName?: string;
  /** End (exclusive) of the exported period: where a weekly series with no end of its own stops. */
  readonly until?: Date;
}

const DAY = 86_400_000;
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
/** A series the platform says runs for decades is written for ten years at most. */
const MAX_SERIES = 3653 * DAY;

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * The weekly pattern an occurrence belongs to: its slot's hours, and every day of its event with
 * those same hours (one rule for "Monday and Wednesday, 09:00–12:00").
 */
function patternOf(item: Occurrence): { opens: string; closes: string; days: number[] } {
  const weekday = weekdayOf(item.firstDay);
  const local = zonedParts(item.start, item.zone);
  const sameDay = item.event.recurrence.filter((slot) => slot.day === weekday);
  const slot = sameDay.find((each) => minutesOf(each.opens) === local.hour * 60 + local.minute) ?? sameDay[0] ?? { day: weekday, opens: '00:00', closes: '00:00' };
  const days = item.event.recurrence.filter((each) => each.opens === slot.opens && each.closes === slot.closes).map((each) => each.day);
  return { opens: slot.opens, closes: slot.closes, days: [...new Set([weekday, ...days])].sort((a, b) => a - b) };
}

/** One series per event and slot hours ("abc-09001200"), also its UID. */
function seriesKey(item: Occurrence): string {
  const { opens, closes } = patternOf(item);
  return `${item.event.id}-${opens}${closes}`.replace(/:/g, '');
}

/**
 * The last instant of a weekly series: the end of its event's last valid day when the platform gives
 * one (the agenda shows that day's slots), else the end of the exported period, else null.
 */
function seriesEnd(item: Occurrence, periodEnd: Date | undefined): number | null {
  const end = item.event.end ? startOfDay(addDays(dayKeyOf(item.event.end, item.zone), 1), item.zone) : periodEnd;
  return end ? Math.min(end.getTime() - 1000, item.start.getTime() + MAX_SERIES) : null;
}

/** `FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=…` (UTC, or a DATE for all-day series; no UNTIL when `until` is null). */
function weeklyRule(item: Occurrence, until: number | null): string {
  const days = patternOf(item).days.map((day) => BYDAY[day]).join(',');
  if (until === null) return `FREQ=WEEKLY;BYDAY=${days}`;
  const end = new Date(until);
  return `FREQ=WEEKLY;BYDAY=${days};UNTIL=${item.allDay ? dateValue(dayKeyOf(end, item.zone)) : utcStamp(end)}`;
}

function localValue(day: string, hhmm: string): string {
  return `${dateValue(day)}T${hhmm.replace(':', '')}00`;
}

function offsetValue(ms: number): string {
  const minutes = Math.abs(ms) / 60_000;
  return `${ms < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * A VTIMEZONE for `zone` over [from, to] built from Intl's offsets (no time-zone database shipped):
 * the offset in force at `from`, then one observance per change, found week by week and narrowed
 * to the quarter hour. RFC 5545 asks for one for every TZID a file uses; Google, Apple and
 * Thunderbird know the IANA name anyway, strict readers (ical.js, Outlook) use this.
 */
function vtimezone(zone: string, from: number, to: number): string[] {
  const offset = (ms: number) => zoneOffset(new Date(ms), zone);
  const quarter = 900_000;
  const week = 7 * DAY;
  const changes = [Math.floor(from / quarter) * quarter];
  for (let start = changes[0]!; start < to; start += week) {
    const before = offset(start);
    let low = start;
    let high = start + week;
    if (offset(high) === before) continue;
    while (high - low > quarter) {
      const mid = low + Math.floor((high - low) / quarter / 2) * quarter;
      if (offset(mid) === before) low = mid;
      else high = mid;
    }
    changes.push(high);
  }
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  changes.forEach((at, index) => {
    // The first observance is the offset in force at `from`; each next one a change, starting at the
    // local time read with the offset it replaces. DAYLIGHT is the higher offset of a pair.
    const before = offset(index ? at - quarter : at);
    const after = offset(at);
    const kind = (index ? after > before : changes[1] !== undefined && after > offset(changes[1])) ? 'DAYLIGHT' : 'STANDARD';
    lines.push(`BEGIN:${kind}`, `DTSTART:${utcStamp(new Date(at + before)).slice(0, -1)}`, `TZOFFSETFROM:${offsetValue(before)}`, `TZOFFSETTO:${offsetValue(after)}`, `END:${kind}`);
  });
  lines.push('END:VTIMEZONE');
  return lines;
}

function icsEvent(event: CivicEvent, uid: string, timing: readonly string[], options: IcsOptions): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${uid}@communecter-widgets`, `DTSTAMP:${utcStamp(options.now)}`, ...timing, `SUMMARY:${escapeIcsText(event.name)}`];
  const url = options.urlOf(event);
  const description = [event.shortDescription, event.organizer?.name, url].filter(Boolean).join('\n\n');
  if (description) lines.push(`DESCRIPTION:${escapeIcsText(description)}`);
  const location = locationOf(event);
  if (location) lines.push(`LOCATION:${escapeIcsText(location)}`);
  if (event.position) lines.push(`GEO:${event.position.lat.toFixed(6)};${event.position.lng.toFixed(6)}`);
  lines.push(`URL:${url}`);
  if (event.tags.length > 0) lines.push(`CATEGORIES:${event.tags.map(escapeIcsText).join(',')}`);
  lines.push('END:VEVENT');
  return lines;
}

function endOf(item: Occurrence): Date {
  return item.end > item.start ? item.end : new Date(item.start.getTime() + 3_600_000);
}

/**
 * One VCALENDAR. A one-off event is one VEVENT, times in UTC, all-day ones as DATE values. A weekly
 * event is one VEVENT per slot hours, starting at its first occurrence among `occurrences`, with an
 * RRULE in its own zone (so it keeps its local time across daylight-saving changes) and a VTIMEZONE.
 */
export function buildIcs(occurrences: readonly Occurrence[], options: IcsOptions): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Communecter//communecter-widgets cc-agenda//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.calendarName) lines.push(`X-WR-CALNAME:${escapeIcsText(options.calendarName)}`);
  const events: string[] = [];
  const zones = new Map<string, [number, number]>();
  const sorted = [...occurrences].sort((a, b) => a.start.getTime() - b.start.getTime());
  // A weekly event's occurrences collapse into one series per slot hours, written where its first one is.
  const last = new Map<string, Occurrence>();
  for (const item of sorted) if (item.recurring) last.set(seriesKey(item), item);
  const written = new Set<string>();
  for (const item of sorted) {
    // All-day occurrences, one-off or weekly, are DATE values (DTEND is the day after the last day).
    const days = item.allDay ? [`DTSTART;VALUE=DATE:${dateValue(item.firstDay)}`, `DTEND;VALUE=DATE:${dateValue(addDays(item.lastDay, 1))}`] : null;
    if (!item.recurring) {
      events.push(...icsEvent(item.event, item.event.id, days ?? [`DTSTART:${utcStamp(item.start)}`, `DTEND:${utcStamp(endOf(item))}`], options));
      continue;
    }
    const key = seriesKey(item);
    if (written.has(key)) continue;
    written.add(key);
    const until = seriesEnd(item, options.until) ?? last.get(key)!.start.getTime();
    const { opens, closes } = patternOf(item);
    const zone = `;TZID=${item.zone}`;
    const endDay = minutesOf(closes) <= minutesOf(opens) ? addDays(item.firstDay, 1) : item.firstDay;
    events.push(...icsEvent(item.event, key, [...(days ?? [`DTSTART${zone}:${localValue(item.firstDay, opens)}`, `DTEND${zone}:${localValue(endDay, closes)}`]), `RRULE:${weeklyRule(item, until)}`], options));
    if (days) continue;
    const span = zones.get(item.zone);
    zones.set(item.zone, [Math.min(span?.[0] ?? Infinity, item.start.getTime() - DAY), Math.max(span?.[1] ?? -Infinity, until + 2 * DAY)]);
  }
  for (const [zone, [from, to]] of zones) lines.push(...vtimezone(zone, from, to));
  lines.push(...events, 'END:VCALENDAR');
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}

/** The element's scope attributes (a `<cc-agenda>` is one). */
export interface ExportScope {
  readonly organization: string;
  readonly sourceKey: string;
  readonly city: string;
  readonly postalCode: string;
  readonly insee: string;
  readonly zone: string;
  readonly country: string;
}

function shared(values: readonly (string | null | undefined)[]): string | null | undefined {
  return values.every((value) => value === values[0]) ? values[0] : null;
}

/**
 * The name of the agenda's calendar (`X-WR-CALNAME`, and its file name), from what the webmaster
 * scoped it to and the events that scope gave: one organisation's agenda is named after it (when an
 * event names it as organiser or parent); a place's agenda is "Agenda — Saint-Denis", the narrowest
 * place all its events share (commune, then département, then region); a network's is "Agenda —" its
 * source keys; anything else is the agenda's label.
 */
export function calendarName(label: string, scope: ExportScope, events: readonly CivicEvent[]): string {
  const organization = scope.organization.trim().toLowerCase();
  if (organization) {
    for (const event of events) {
      for (const ref of [event.organizer, event.parent]) if (ref?.name && (ref.slug?.toLowerCase() === organization || ref.id?.toLowerCase() === organization)) return ref.name;
    }
    return label;
  }
  let name = scope.sourceKey.split(',').map((key) => key.trim()).filter(Boolean).join(', ');
  if ([scope.city, scope.postalCode, scope.insee, scope.zone, scope.country].some((value) => value.trim())) {
    for (const level of ['region', 'department', 'locality'] as const) name = shared(events.map((event) => event.address?.[level])) ?? name;
  }
  return name ? `${label} — ${name}` : label;
}

/** A file name for an event's .ics download ("repair-cafe-de-decembre.ics"). */
export function icsFileName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${slug || 'evenement'}.ics`;
}

// ---------------------------------------------------------------- web calendars

/**
 * "Add to Google Calendar". A weekly occurrence carries its rule from this date on (`recur`, an
 * RRULE, which the render page reads), repeated in the event's own zone (`ctz`).
 */
export function googleCalendarUrl(item: Occurrence, details: string, periodEnd?: Date): string {
  const dates = item.allDay ? `${dateValue(item.firstDay)}/${dateValue(addDays(item.lastDay, 1))}` : `${utcStamp(item.start)}/${utcStamp(endOf(item))}`;
  const params = new URLSearchParams({ action: 'TEMPLATE', text: item.event.name, dates, details, location: locationOf(item.event) });
  if (item.recurring) {
    params.set('recur', `RRULE:${weeklyRule(item, seriesEnd(item, periodEnd))}`);
    params.set('ctz', item.zone);
  }
  return `https://calendar.google.com/calendar/render?${params}`;
}

/** "Add to Outlook": its compose deep link takes no recurrence, so this is the one occurrence (the link says so). */
export function outlookCalendarUrl(item: Occurrence, details: string): string {
  const end = endOf(item);
  const params = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: item.event.name,
    startdt: item.allDay ? item.firstDay : item.start.toISOString(),
    enddt: item.allDay ? addDays(item.lastDay, 1) : end.toISOString(),
    allday: String(item.allDay),
    body: details,
    location: locationOf(item.event),
  });
  return `https://outlook.live.com/calendar/0/deeplink/compose?${params}`;
}

/** Downloads `items` as an .ics file (the link never joins the page: a detached anchor still downloads). */
export function downloadIcs(items: readonly Occurrence[], fileName: string, options: IcsOptions): void {
  const url = URL.createObjectURL(new Blob([buildIcs(items, options)], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
