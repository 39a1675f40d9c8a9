/**
 * The agenda's words for days, times and periods, from Intl: "jeudi 11 décembre 2026",
 * "18:00, heure de La Réunion", "du 12 au 14 décembre · jour 2 sur 3". Pure functions.
 */
import { formatDate, timeZoneLongName } from '../../lib/format.js';
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

export function dayLabel(t: Translation, day: DayKey, options: Intl.DateTimeFormatOptions = LONG): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return formatDate(t.intlLocale, new Date(Date.UTC(year, month - 1, date, 12)), { ...options, timeZone: 'UTC' }) ?? day;
}

/** "18:00", or "18:00, heure de La Réunion" when the event's zone is not the visitor's. */
export function timeLabel(context: LabelContext, date: Date, zone: string): string {
  const locale = context.t.intlLocale;
  const time = formatDate(locale, date, { hour: '2-digit', minute: '2-digit', timeZone: zone }) ?? '';
  return zone === context.viewerZone ? time : context.t.timeInZone(time, timeZoneLongName(locale, zone, date));
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

/** "décembre 2026", "Semaine du 7 décembre 2026", "du 1 décembre 2026 au 28 février 2027". */
export function periodTitle(t: Translation, view: AgendaView, anchor: DayKey, period: { first: DayKey; last: DayKey }): string {
  if (view === 'month') return dayLabel(t, anchor, { month: 'long', year: 'numeric' });
  if (view === 'week') return t.agenda.weekOf(dayLabel(t, startOfWeek(anchor), DAY_MONTH_YEAR));
  return t.agenda.range(dayLabel(t, period.first, DAY_MONTH_YEAR), dayLabel(t, period.last, DAY_MONTH_YEAR));
}

export function typeLabel(t: Translation, type: string): string {
  const labels = t.eventTypes as Readonly<Record<string, string>>;
  return Object.prototype.hasOwnProperty.call(labels, type) ? labels[type]! : type;
}
