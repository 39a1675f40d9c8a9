/**
 * Getting events out of the widget: iCalendar files (RFC 5545), "add to Google / Outlook" links, and
 * schema.org JSON-LD for the host page. A few dozen lines instead of an 80 KB add-to-calendar library.
 */
import type { CivicEvent } from '../../api/index.js';
import { addDays } from '../../lib/zoned-time.js';
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
}

function icsEvent(item: Occurrence, options: IcsOptions): string[] {
  const event = item.event;
  const uidSuffix = item.recurring ? `-${utcStamp(item.start)}` : '';
  const lines = ['BEGIN:VEVENT', `UID:${event.id}${uidSuffix}@communecter-widgets`, `DTSTAMP:${utcStamp(options.now)}`];
  if (item.allDay) {
    // DATE values; DTEND is the day after the last day (exclusive).
    lines.push(`DTSTART;VALUE=DATE:${dateValue(item.firstDay)}`, `DTEND;VALUE=DATE:${dateValue(addDays(item.lastDay, 1))}`);
  } else {
    lines.push(`DTSTART:${utcStamp(item.start)}`, `DTEND:${utcStamp(item.end > item.start ? item.end : new Date(item.start.getTime() + 3_600_000))}`);
  }
  lines.push(`SUMMARY:${escapeIcsText(event.name)}`);
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

/** One VCALENDAR with a VEVENT per occurrence, times in UTC, all-day events as DATE values. */
export function buildIcs(occurrences: readonly Occurrence[], options: IcsOptions): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Communecter//communecter-widgets cc-agenda//FR', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.calendarName) lines.push(`X-WR-CALNAME:${escapeIcsText(options.calendarName)}`);
  for (const item of occurrences) lines.push(...icsEvent(item, options));
  lines.push('END:VCALENDAR');
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
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

export function googleCalendarUrl(item: Occurrence, details: string): string {
  const dates = item.allDay
    ? `${dateValue(item.firstDay)}/${dateValue(addDays(item.lastDay, 1))}`
    : `${utcStamp(item.start)}/${utcStamp(item.end > item.start ? item.end : new Date(item.start.getTime() + 3_600_000))}`;
  const params = new URLSearchParams({ action: 'TEMPLATE', text: item.event.name, dates, details, location: locationOf(item.event) });
  return `https://calendar.google.com/calendar/render?${params}`;
}

export function outlookCalendarUrl(item: Occurrence, details: string): string {
  const end = item.end > item.start ? item.end : new Date(item.start.getTime() + 3_600_000);
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
