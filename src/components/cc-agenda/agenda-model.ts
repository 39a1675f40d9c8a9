/**
 * From events to what an agenda shows: occurrences inside a window, recurring events expanded, by
 * true overlap (the platform's own date filter drops events that straddle a bound), each with the
 * time zone it is shown in, its local days, and a folded search text. Pure functions.
 */
import type { CivicEvent } from '../../api/index.js';
import { foldForSearch } from '../../lib/text.js';
import { sameKey } from '../../shared/memo.js';
import { buildFacetIndex, searchFacets, type FacetIndex, type FacetResult } from '../../shared/facets.js';
import { addDays, addMonths, dayKeyOf, daysBetween, monthGridDays, startOfDay, startOfMonth, startOfWeek, weekdayOf, zonedTime, type DayKey } from '../../lib/zoned-time.js';

export interface Occurrence {
  /** Stable key: the event id, plus the occurrence's start for recurring events. */
  readonly key: string;
  readonly event: CivicEvent;
  readonly start: Date;
  /** Never before start (a missing or earlier end reads as the start). */
  readonly end: Date;
  readonly allDay: boolean;
  /** The zone the times are shown in: the event's own, else the agenda's. */
  readonly zone: string;
  /** Local calendar days (in `zone`) of the first and last moment. */
  readonly firstDay: DayKey;
  readonly lastDay: DayKey;
  readonly recurring: boolean;
  /** Folded name, place, organiser and tags, for local search. */
  readonly search: string;
}

export interface Window {
  readonly start: Date;
  /** Exclusive. */
  readonly end: Date;
}

const MAX_OCCURRENCES_PER_EVENT = 400;

function searchText(event: CivicEvent): string {
  return foldForSearch(
    [event.name, event.address?.locality, event.address?.street, event.organizer?.name, event.shortDescription, ...event.tags]
      .filter(Boolean)
      .join(' '),
  );
}

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function overlaps(start: Date, end: Date, window: Window): boolean {
  // An instant event belongs where it starts; a lasting one wherever it is running.
  return start < window.end && (end > window.start || start >= window.start);
}

function occurrence(event: CivicEvent, start: Date, end: Date, zone: string, recurring: boolean, search: string): Occurrence {
  const safeEnd = end < start ? start : end;
  // The platform stores all-day events as 00:00 → 23:59: the last day is the end's own day.
  const lastInstant = safeEnd > start && !event.allDay ? new Date(safeEnd.getTime() - 1) : safeEnd;
  return {
    key: recurring ? `${event.id}@${start.toISOString()}` : event.id,
    event,
    start,
    end: safeEnd,
    allDay: event.allDay,
    zone,
    firstDay: dayKeyOf(start, zone),
    lastDay: dayKeyOf(lastInstant, zone),
    recurring,
    search,
  };
}

/**
 * The occurrences of `events` that overlap `window`, sorted by start then name. Events without a
 * usable start are left out (an agenda cannot place them). Weekly slots (`openingHours`) are
 * expanded day by day in the event's zone, from the event's first day to its end if it has one.
 */
export function occurrencesInWindow(events: readonly CivicEvent[], window: Window, fallbackZone: string): Occurrence[] {
  const result: Occurrence[] = [];
  const seen = new Set<string>();
  for (const event of events) {
    const zone = event.timeZone ?? fallbackZone;
    const search = searchText(event);
    if (event.recurrence.length > 0) {
      let day = dayKeyOf(window.start, zone);
      const lastDay = dayKeyOf(new Date(window.end.getTime() - 1), zone);
      const from = event.start ? dayKeyOf(event.start, zone) : null;
      const until = event.end ? dayKeyOf(event.end, zone) : null;
      let count = 0;
      for (; daysBetween(day, lastDay) >= 0 && count < MAX_OCCURRENCES_PER_EVENT; day = addDays(day, 1)) {
        if ((from && day < from) || (until && day > until)) continue;
        const weekday = weekdayOf(day);
        for (const slot of event.recurrence) {
          if (slot.day !== weekday) continue;
          const opens = minutes(slot.opens);
          const closes = minutes(slot.closes);
          const start = zonedTime(day, Math.floor(opens / 60), opens % 60, zone);
          const endDay = closes <= opens ? addDays(day, 1) : day;
          const end = zonedTime(endDay, Math.floor(closes / 60), closes % 60, zone);
          if (!overlaps(start, end, window)) continue;
          const item = occurrence(event, start, end, zone, true, search);
          if (seen.has(item.key)) continue;
          seen.add(item.key);
          result.push(item);
          count++;
        }
      }
      continue;
    }
    if (!event.start) continue;
    const end = event.end ?? event.start;
    if (!overlaps(event.start, end, window)) continue;
    const item = occurrence(event, event.start, end, zone, false, search);
    if (seen.has(item.key)) continue;
    seen.add(item.key);
    result.push(item);
  }
  return result.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.event.name < b.event.name ? -1 : a.event.name > b.event.name ? 1 : 0));
}

export type AgendaFacet = 'types' | 'tags';

export interface AgendaFilter {
  readonly text: string;
  /** Selected event types; an occurrence matches any of them (empty = all). */
  readonly types: readonly string[];
  /** Selected folded tags; all must be present. */
  readonly tags: readonly string[];
  /** Hide what ended before this instant (the past-events toggle off). */
  readonly notBefore: Date | null;
}

export type OccurrenceIndex = FacetIndex<Occurrence, AgendaFacet>;

export interface AgendaSearch {
  readonly matches: Occurrence[];
  readonly result: FacetResult<AgendaFacet> | null;
}

export function typeOf(event: CivicEvent): string {
  return event.eventType ?? 'others';
}

/** The shared faceted search over occurrences: event types OR-ed, keywords AND-ed. */
export function indexOccurrences(occurrences: readonly Occurrence[]): OccurrenceIndex {
  return buildFacetIndex(occurrences, {
    text: (item) => item.search,
    facets: {
      types: { mode: 'any', values: (item) => [typeOf(item.event)] },
      tags: { mode: 'all', values: (item) => item.event.tags, key: foldForSearch },
    },
  });
}

export function searchAgenda(index: OccurrenceIndex, filter: AgendaFilter): AgendaSearch {
  const notBefore = filter.notBefore;
  const where = notBefore ? (position: number) => !(index.items[position]!.end < notBefore && index.items[position]!.start < notBefore) : undefined;
  const result = searchFacets(index, { text: filter.text, selected: { types: filter.types, tags: filter.tags }, where });
  return { matches: result.matches.map((position) => index.items[position]!), result };
}

/** ARIA date-grid keys: arrows by day and week, Home/End within the week, Page Up/Down by month (Shift: year). */
export function dateGridMove(current: DayKey, event: KeyboardEvent): DayKey | null {
  switch (event.key) {
    case 'ArrowLeft':
      return addDays(current, -1);
    case 'ArrowRight':
      return addDays(current, 1);
    case 'ArrowUp':
      return addDays(current, -7);
    case 'ArrowDown':
      return addDays(current, 7);
    case 'Home':
      return addDays(current, -weekdayOf(current));
    case 'End':
      return addDays(current, 6 - weekdayOf(current));
    case 'PageUp':
      return addMonths(current, event.shiftKey ? -12 : -1);
    case 'PageDown':
      return addMonths(current, event.shiftKey ? 12 : 1);
    default:
      return null;
  }
}

/**
 * The day an occurrence is listed under: its first local day, or the first day shown when it began
 * earlier (a festival that started yesterday is in today's list).
 */
export function listDay(item: Occurrence, firstShownDay: DayKey): DayKey {
  return item.firstDay < firstShownDay ? (item.lastDay < firstShownDay ? item.firstDay : firstShownDay) : item.firstDay;
}

/** "Day 2 of 3" for a multi-day occurrence seen on `day`; null for a one-day one. */
export function dayOfSpan(item: Occurrence, day: DayKey): { index: number; count: number } | null {
  const count = daysBetween(item.firstDay, item.lastDay) + 1;
  if (count <= 1) return null;
  return { index: Math.min(count, Math.max(1, daysBetween(item.firstDay, day) + 1)), count };
}

/** Occurrences per local day for a grid, each occurrence on every day it covers (capped per day). */
export function byDay(occurrences: readonly Occurrence[], days: readonly DayKey[]): Map<DayKey, Occurrence[]> {
  const map = new Map<DayKey, Occurrence[]>(days.map((day) => [day, []]));
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return map;
  for (const item of occurrences) {
    const from = item.firstDay < first ? first : item.firstDay;
    const to = item.lastDay > last ? last : item.lastDay;
    for (let day = from; day <= to; day = addDays(day, 1)) map.get(day)?.push(item);
  }
  return map;
}

export type AgendaView = 'list' | 'month' | 'week';

export interface PeriodInput {
  readonly view: AgendaView;
  /** First day of a list, or any day of the month or week shown. */
  readonly anchor: DayKey;
  readonly today: DayKey;
  /** The compact mode (`max`): the next twelve months from today. */
  readonly compact: boolean;
  /** Days in a list's period. */
  readonly listLength: number;
}

/** The days shown: a list's period, the 6 weeks of a month grid, or a week. */
export function periodOf(input: PeriodInput): { first: DayKey; last: DayKey } {
  const { anchor, today } = input;
  if (input.compact) return { first: today, last: addMonths(today, 12) };
  if (input.view === 'month') {
    const days = monthGridDays(anchor);
    return { first: days[0]!, last: days[days.length - 1]! };
  }
  if (input.view === 'week') return { first: startOfWeek(anchor), last: addDays(startOfWeek(anchor), 6) };
  return { first: anchor, last: addDays(anchor, input.listLength - 1) };
}

/** Days in a list's period: from `from` to `to` when both are given, else three months (at most two years). */
export function listLengthOf(from: DayKey, to: DayKey | null): number {
  return Math.max(1, Math.min(731, daysBetween(from, to ?? addMonths(from, 3)) + 1));
}

/** The instants a period covers in `zone`, widened by `margin` days on each side. */
export function windowOf(period: { first: DayKey; last: DayKey }, zone: string, margin = 0): Window {
  return { start: startOfDay(addDays(period.first, -margin), zone), end: startOfDay(addDays(period.last, 1 + margin), zone) };
}

/** The anchor one period earlier or later. */
export function shiftAnchor(view: AgendaView, anchor: DayKey, direction: -1 | 1, listLength: number): DayKey {
  if (view === 'month') return startOfMonth(addMonths(anchor, direction));
  if (view === 'week') return addDays(startOfWeek(anchor), 7 * direction);
  return addDays(anchor, listLength * direction);
}

/** The occurrences of a period and their search, each recomputed only when its own inputs changed. */
export class AgendaMatches {
  occurrences: Occurrence[] = [];
  /** Events whose dates the platform gave in an unusable form: listed apart, "date inconnue". */
  undated: CivicEvent[] = [];
  index: OccurrenceIndex = indexOccurrences([]);
  searched: AgendaSearch = { matches: [], result: null };
  private occurrencesKey: readonly unknown[] = [];
  private searchKey: readonly unknown[] = [];

  /**
   * How many events the view shows in all, for the status line: the matches (at most `max` in the
   * compact mode) and, in the list, the undated ones listed under "date inconnue" (at most `undatedLimit`).
   */
  shownCount(list: boolean, max: number | null, undatedLimit: number): number {
    if (max !== null) return Math.min(this.searched.matches.length, max);
    return this.searched.matches.length + (list ? Math.min(this.undated.length, undatedLimit) : 0);
  }

  /** `types`: the event types the element is scoped to (`event-types`), empty for all. */
  update(events: readonly CivicEvent[], window: Window, zone: string, types: readonly string[], filter: AgendaFilter): void {
    // The loaded events and the index are compared by identity (a deep comparison of 2,000 events would
    // cost more than it saves); the rest by value.
    const occurrencesKey = [events, window.start.getTime(), window.end.getTime(), zone, types];
    if (!sameKey(occurrencesKey, this.occurrencesKey)) {
      this.occurrencesKey = occurrencesKey;
      const inScope = types.length > 0 ? events.filter((event) => types.includes(typeOf(event))) : events;
      this.occurrences = occurrencesInWindow(inScope, window, zone);
      this.undated = inScope.filter((event) => event.start === null && event.recurrence.length === 0);
      this.index = indexOccurrences(this.occurrences);
    }
    // "Not before now" changes every minute, not at every update.
    const searchKey = [this.index, filter.text, filter.types, filter.tags, filter.notBefore ? Math.floor(filter.notBefore.getTime() / 60_000) : 0];
    if (!sameKey(searchKey, this.searchKey)) {
      this.searchKey = searchKey;
      this.searched = searchAgenda(this.index, filter);
    }
  }
}
