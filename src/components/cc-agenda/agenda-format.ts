/**
 * The agenda's words for days, times and periods, from Intl: "jeudi 11 décembre 2026",
 * "18:00, heure de La Réunion", "du 12 au 14 décembre · jour 2 sur 3". Pure functions.
 */
import { dateTimeFormat, formatDate, timeZoneLongName } from '../../lib/format.js';
import type { Translation } from '../../shared/i18n/types.js';
import { startOfWeek, type DayKey } from '../../lib/zoned-time.js';
import { dayOfSpan, type AgendaView, type Occurrence } from './agenda-model.js';

export interface LabelContext {
  readonly t: Translation;
  /** The visitor's zone: times in other zones say which zone they are in. */
  readonly viewerZone: string;
}

const LONG: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
const DAY_MONTH: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long' };
const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

const SHORT_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** Intl's parts as text, the first of a month written the language's way (Intl says "1 décembre", French "1er décembre"). */
function partsText(t: Translation, parts: readonly Intl.DateTimeFormatPart[]): string {
  return parts.map((part) => (part.type === 'day' && part.value === '1' ? t.agenda.firstOfMonth : part.value)).join('');
}

function noonOf(day: DayKey): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date, 12));
}

export function dayLabel(t: Translation, day: DayKey, options: Intl.DateTimeFormatOptions = LONG): string {
  try {
    return partsText(t, dateTimeFormat(t.intlLocale, { ...options, timeZone: 'UTC' }).formatToParts(noonOf(day)));
  } catch {
    return day;
  }
}

/** The two ends of a range (ES2021 Intl) as texts, with what they share written once: ["20", "22 déc. 2026"]. */
function rangeEnds(t: Translation, options: Intl.DateTimeFormatOptions, from: Date, to: Date): [string, string] {
  const parts = dateTimeFormat(t.intlLocale, options).formatRangeToParts(from, to);
  const end = parts.findIndex((part) => part.source === 'endRange');
  // The separator ("–") is the shared text just before the end.
  return [partsText(t, parts.slice(0, parts[end - 1]?.source === 'shared' ? end - 1 : end)), partsText(t, parts.slice(end))];
}

function inZone(context: LabelContext, text: string, zone: string, at: Date): string {
  return zone === context.viewerZone ? text : context.t.timeInZone(text, timeZoneLongName(context.t.intlLocale, zone, at));
}

/**
 * When an occurrence happens, start and end, for its detail: "jeudi 3 décembre 2026 · 10:00 – 12:00",
 * "du 20 au 22 déc. 2026", "du 20 déc. 2026, 09:00 au 22 déc. 2026, 18:00", "· chaque semaine".
 */
export function spanLabel(context: LabelContext, item: Occurrence): string {
  const t = context.t;
  const a = t.agenda;
  let text: string;
  if (item.firstDay === item.lastDay) {
    const times = dateTimeFormat(t.intlLocale, { ...TIME, timeZone: item.zone }).formatRange(item.start, item.end);
    text = `${dayLabel(t, item.firstDay)} · ${item.allDay ? a.allDay : inZone(context, times, item.zone, item.start)}`;
  } else if (item.allDay) {
    text = a.range(...rangeEnds(t, { ...SHORT_DATE, timeZone: 'UTC' }, noonOf(item.firstDay), noonOf(item.lastDay)));
  } else {
    text = inZone(context, a.range(...rangeEnds(t, { ...SHORT_DATE, ...TIME, timeZone: item.zone }, item.start, item.end)), item.zone, item.start);
  }
  return item.recurring ? `${text} · ${a.weekly}` : text;
}

/** "18:00", or "18:00, heure de La Réunion" when the event's zone is not the visitor's. */
export function timeLabel(context: LabelContext, date: Date, zone: string): string {
  return inZone(context, formatDate(context.t.intlLocale, date, { ...TIME, timeZone: zone }) ?? '', zone, date);
}

/** When an occurrence happens, as shown under `day` (null: not under a day heading). */
export function whenLabel(context: LabelContext, item: Occurrence, day: DayKey | null): string {
  const a = context.t.agenda;
  const span = day ? dayOfSpan(item, day) : null;
  const parts: string[] = [];
  if (item.firstDay !== item.lastDay) parts.push(a.range(dayLabel(context.t, item.firstDay, DAY_MONTH), dayLabel(context.t, item.lastDay, DAY_MONTH)));
  if (item.allDay) parts.push(a.allDay);
  else if (!span || span.index === 1) parts.push(timeLabel(context, item.start, item.zone));
  if (span) parts.push(a.dayOf(span.index, span.count));
  if (item.recurring) parts.push(a.weekly);
  return parts.join(' · ');
}

/**
 * When, for a line that stands under no day heading (the compact "next events" mode): the date first,
 * "jeu. 11 déc. · 17:30", "sam. 20 déc. · toute la journée", "du 20 au 22 déc. · 09:00".
 */
export function datedWhenLabel(context: LabelContext, item: Occurrence): string {
  const t = context.t;
  const a = t.agenda;
  const short: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
  const sameMonth = item.firstDay.slice(0, 7) === item.lastDay.slice(0, 7);
  const date =
    item.firstDay === item.lastDay
      ? dayLabel(t, item.firstDay, short)
      : a.range(dayLabel(t, item.firstDay, sameMonth ? { day: 'numeric' } : { day: 'numeric', month: 'short' }), dayLabel(t, item.lastDay, { day: 'numeric', month: 'short' }));
  return [date, item.allDay ? a.allDay : timeLabel(context, item.start, item.zone), item.recurring ? a.weekly : ''].filter(Boolean).join(' · ');
}

/** "décembre 2026", "Semaine du 7 décembre 2026", "du 1er décembre 2026 au 28 février 2027". */
export function periodTitle(t: Translation, view: AgendaView, anchor: DayKey, period: { first: DayKey; last: DayKey }): string {
  if (view === 'month') return dayLabel(t, anchor, { month: 'long', year: 'numeric' });
  if (view === 'week') return t.agenda.weekOf(dayLabel(t, startOfWeek(anchor), DAY_MONTH_YEAR));
  return t.agenda.range(dayLabel(t, period.first, DAY_MONTH_YEAR), dayLabel(t, period.last, DAY_MONTH_YEAR));
}

export function typeLabel(t: Translation, type: string): string {
  const labels = t.eventTypes as Readonly<Record<string, string>>;
  return Object.prototype.hasOwnProperty.call(labels, type) ? labels[type]! : type;
}
