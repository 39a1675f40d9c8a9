// POST /co2/search/agenda — the 2025-26 event-centred search, known only from client code (contract
// §3.3). Calendar mode (startDateUTC + endDateUTC) returns one page with recurring events expanded into
// one row per occurrence; list mode pages by indexStep, newest first, recurring events once with their
// next occurrence. The wire format is an assumption: see README.
import { MongoDate, phpEmpty, phpInt } from '../lib/php.mjs';
import { DAY, isoWithOffset, pastTimeFr, phpDateTimeObject, phpDateTimeToUnix, zonedParts, zonedToUnix } from '../lib/dates.mjs';
import { planSearch } from './search.mjs';
import { searchEvent } from '../lib/shapes.mjs';

const DAY_CODES = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];
/** Calendar mode is "one page": a window of a year of weekly slots stays far below this. */
const MAX_CALENDAR_ROWS = 5000;

/** ISO 8601, Unix seconds or Unix milliseconds → seconds; null when unreadable. */
function readInstant(value) {
  if (typeof value !== 'string' || value.trim() === '') return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) {
    const number = Number(value);
    return Math.floor(number > 1e11 ? number / 1000 : number);
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

/** The first occurrence of a recurring event: startDateSort as a MongoDate (older records) or a PHP DateTime (2026). */
function firstOccurrence(doc) {
  if (doc.startDateSort instanceof MongoDate) return doc.startDateSort.sec;
  return phpDateTimeToUnix(doc.startDateSort);
}

/**
 * Weekly occurrences of a recurring event between two instants (wall-clock slots in its zone).
 * `openingHours` is a list of day entries, or the 2026 form: seven slots with "" for days without hours.
 */
function occurrences(doc, fromSec, toSec) {
  const zone = typeof doc.timeZone === 'string' ? doc.timeZone : 'UTC';
  const first = firstOccurrence(doc) ?? fromSec;
  const out = [];
  if (!Array.isArray(doc.openingHours)) return out;
  const begin = Math.max(fromSec, first) - DAY;
  for (let day = begin; day <= toSec + DAY && out.length < MAX_CALENDAR_ROWS; day += DAY) {
    const parts = zonedParts(zone, day);
    for (const slot of doc.openingHours) {
      if (slot?.dayOfWeek !== DAY_CODES[parts.weekday] || !Array.isArray(slot.hours)) continue;
      for (const hours of slot.hours) {
        const open = /^(\d{1,2}):(\d{2})/.exec(String(hours?.opens ?? ''));
        const close = /^(\d{1,2}):(\d{2})/.exec(String(hours?.closes ?? ''));
        if (!open) continue;
        const start = zonedToUnix(zone, parts.year, parts.monthIndex, parts.day, Number(open[1]), Number(open[2]));
        let end = close ? zonedToUnix(zone, parts.year, parts.monthIndex, parts.day, Number(close[1]), Number(close[2])) : start;
        if (end <= start && close) end += DAY;
        if (start >= first && end >= fromSec && start <= toSec) out.push({ start, end, zone });
      }
    }
  }
  const seen = new Set();
  return out.filter((item) => !seen.has(item.start) && seen.add(item.start)).sort((a, b) => a.start - b.start);
}

function occurrenceRow(entry, context, occurrence) {
  const row = searchEvent(entry, context);
  row.startDateSort = phpDateTimeObject(occurrence.zone, occurrence.start);
  row.startDateSortFormat = isoWithOffset(occurrence.zone, occurrence.start);
  row.endDateSortFormat = isoWithOffset(occurrence.zone, occurrence.end);
  return row;
}

const isRecurring = (doc) => doc.recurrency === true && Array.isArray(doc.openingHours);

/**
 * @param {any} data
 * @param {Record<string, any>} post
 */
export function runAgenda(data, post) {
  const plan = planSearch({ ...post, searchType: ['events'] });
  const base = plan.queries.query;
  const typeWanted = phpEmpty(post.type) ? null : String(post.type);
  const matches = (entry) => base(entry) && (typeWanted === null || entry.doc.type === typeWanted);
  const context = { byId: data.byId, nowSec: data.nowSec };
  const from = readInstant(post.startDateUTC);
  const to = readInstant(post.endDateUTC);
  const rows = [];

  if (from !== null && to !== null) {
    for (const entry of data.collections.events) {
      if (!matches(entry)) continue;
      const doc = entry.doc;
      if (isRecurring(doc)) {
        for (const occurrence of occurrences(doc, from, to)) rows.push({ sort: occurrence.start, row: occurrenceRow(entry, context, occurrence) });
      } else if (doc.startDate instanceof MongoDate) {
        const start = doc.startDate.sec;
        const end = doc.endDate instanceof MongoDate ? doc.endDate.sec : start;
        if (start <= to && end >= from) rows.push({ sort: start, row: searchEvent(entry, context) });
      }
      if (rows.length >= MAX_CALENDAR_ROWS) break;
    }
    rows.sort((a, b) => a.sort - b.sort);
    for (const item of rows) if (item.row.updated) item.row.updatedLbl = pastTimeFr(item.row.updated, data.nowSec);
    return { results: rows.map((item) => item.row), count: { events: rows.length } };
  }

  // List mode: one row per event, newest start first; a recurring event sorts by its next occurrence.
  for (const entry of data.collections.events) {
    if (!matches(entry)) continue;
    const doc = entry.doc;
    if (isRecurring(doc)) {
      const next = occurrences(doc, data.nowSec, data.nowSec + 8 * DAY)[0];
      if (next) rows.push({ sort: next.start, entry, next });
    } else if (doc.startDate instanceof MongoDate) {
      rows.push({ sort: doc.startDate.sec, entry });
    }
  }
  rows.sort((a, b) => b.sort - a.sort || a.entry.order - b.entry.order);
  const skip = Math.max(0, phpInt(post.indexMin ?? 0));
  const step = post.indexStep === undefined ? 20 : Math.abs(phpInt(post.indexStep));
  const page = step > 0 ? rows.slice(skip, skip + step) : rows.slice(skip);
  const results = page.map(({ entry, next }) => {
    const row = next ? occurrenceRow(entry, context, next) : searchEvent(entry, context);
    if (row.updated) row.updatedLbl = pastTimeFr(row.updated, data.nowSec);
    return row;
  });
  return { results, count: { events: rows.length } };
}
