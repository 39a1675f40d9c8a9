/**
 * Where the agenda is in time: its view (list, month, week), the day it is anchored on, the day
 * with the month grid's focus, and the period those make, in the agenda's zone. Moves made by the
 * visitor (previous, next, today, another view, a day of another month) fire `cc-view-change` and
 * are announced; the attributes (`view`, `from`, `to`, `time-zone`) only set the starting point.
 */
import type { ReactiveControllerHost } from 'lit';
import { toTimeZone, type ConfigProblem } from '../../api/index.js';
import { checkChoice, checkInteger, checkLang, fallbackProblem } from '../../shared/attribute-checks.js';
import { emit } from '../../shared/events.js';
import { dayKeyOf, isDayKey, parseDayAttribute, startOfMonth, type DayKey } from '../../lib/zoned-time.js';
import { listLengthOf, periodOf, shiftAnchor, windowOf, type AgendaView, type Window } from './agenda-model.js';

export const VIEWS: readonly AgendaView[] = ['list', 'month', 'week'];

export interface NavigationAttributes {
  readonly view: string;
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  /** The visitor's zone (the fallback when `time-zone` is not a valid IANA zone). */
  readonly viewerZone: string;
  /** The compact mode (`max`): always the next twelve months. */
  readonly compact: boolean;
}

export class AgendaNavigation {
  view: AgendaView = 'list';
  anchor: DayKey | null = null;
  /** The day that has keyboard focus in the month grid, and whose events are listed below it. */
  focusDay: DayKey | null = null;
  /** The period's title after the visitor moved, for the status line. */
  announcement = '';
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly attributes: () => NavigationAttributes;
  private readonly title: () => string;
  private readonly onMove: () => void;

  constructor(host: ReactiveControllerHost & HTMLElement, attributes: () => NavigationAttributes, title: () => string, onMove: () => void) {
    this.host = host;
    this.attributes = attributes;
    this.title = title;
    this.onMove = onMove;
  }

  /** The `view` attribute, when it names a view. */
  viewAttribute(): AgendaView {
    const view = this.attributes().view as AgendaView;
    return VIEWS.includes(view) ? view : 'list';
  }

  /** The zone for events without one and for "today": `time-zone` when valid, else the visitor's. */
  zone(): string {
    const attributes = this.attributes();
    return toTimeZone(attributes.timeZone) ?? attributes.viewerZone;
  }

  /** The navigation attributes (and `max`, `lang`) that fall back to a default, each with the value used. */
  problems(locale: string): ConfigProblem[] {
    const { from, to, timeZone, viewerZone } = this.attributes();
    const problems = [...checkChoice(this.host, 'view', VIEWS, '"list"')];
    if (timeZone.trim() && toTimeZone(timeZone) === null) problems.push(fallbackProblem('time-zone', timeZone, `the visitor's zone "${viewerZone}"`));
    if (from.trim() && parseDayAttribute(from, this.today()) === null) problems.push(fallbackProblem('from', from, `today (${this.today()})`));
    if (to.trim() && parseDayAttribute(to, this.today()) === null) problems.push(fallbackProblem('to', to, 'three months after from'));
    return [...problems, ...checkInteger(this.host, 'max', 0, Number.MAX_SAFE_INTEGER, 'no limit (the whole agenda)'), ...checkLang(this.host, `"${locale}"`)];
  }

  today(): DayKey {
    return dayKeyOf(new Date(), this.zone());
  }

  fromDay(): DayKey {
    return parseDayAttribute(this.attributes().from, this.today()) ?? this.today();
  }

  listLength(): number {
    return listLengthOf(this.fromDay(), parseDayAttribute(this.attributes().to, this.today()));
  }

  current(): DayKey {
    return this.anchor ?? this.today();
  }

  period(): { first: DayKey; last: DayKey } {
    return periodOf({ view: this.view, anchor: this.current(), today: this.today(), compact: this.attributes().compact, listLength: this.listLength() });
  }

  /** The period's instants, widened by `margin` days on each side. */
  window(margin = 0): Window {
    return windowOf(this.period(), this.zone(), margin);
  }

  /** Applies the attributes that changed (unless the URL set the state on connection). Returns whether the anchor moved. */
  fromAttributes(changed: { view: boolean; from: boolean }, restored: boolean): boolean {
    if (changed.view && !restored) this.view = this.viewAttribute();
    let moved = false;
    if (changed.from && !(restored && this.anchor)) {
      this.anchor = this.fromDay();
      moved = true;
    }
    this.anchor ??= this.today();
    return moved;
  }

  urlState(): Record<string, string> {
    return { view: this.view === this.viewAttribute() ? '' : this.view, day: this.anchor ?? '' };
  }

  restore(state: Readonly<Record<string, string>>, initial: boolean): void {
    this.view = VIEWS.includes(state.view as AgendaView) ? (state.view as AgendaView) : this.viewAttribute();
    if (state.day && isDayKey(state.day)) this.anchor = state.day;
    else if (!initial) this.anchor = this.fromDay();
  }

  setView(view: AgendaView): void {
    if (view === this.view) return;
    this.view = view;
    this.focusDay = null;
    this.moved();
  }

  shift(direction: -1 | 1): void {
    this.anchor = shiftAnchor(this.view, this.current(), direction, this.listLength());
    this.focusDay = null;
    this.moved();
  }

  goToToday(): void {
    this.anchor = this.view === 'list' ? this.fromDay() : this.today();
    this.focusDay = this.view === 'month' ? this.today() : null;
    this.moved();
  }

  /** The month grid's focus moves to `day` (and to its month when it is another). */
  focus(day: DayKey): void {
    const month = this.current().slice(0, 7);
    this.focusDay = day;
    if (day.slice(0, 7) !== month) {
      this.anchor = startOfMonth(day);
      this.moved();
    } else {
      this.host.requestUpdate();
    }
  }

  /** A day of the month grid chosen with the pointer (its events are listed below the grid). */
  select(day: DayKey): void {
    this.focusDay = day;
    this.host.requestUpdate();
  }

  /** From the month grid to the list, starting on `day`. */
  showDayInList(day: DayKey): void {
    this.view = 'list';
    this.anchor = day;
    this.focusDay = null;
    this.moved();
  }

  private moved(): void {
    const { first, last } = this.period();
    this.announcement = this.title();
    this.onMove();
    this.host.requestUpdate();
    emit(this.host, 'cc-view-change', { view: this.view, from: first, to: last });
  }
}
