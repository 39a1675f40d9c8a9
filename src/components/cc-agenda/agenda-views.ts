/**
 * The agenda's views as templates of what they show: an event line, the month grid, the week.
 * Pure functions of their inputs; the element passes its state and handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { CivicEvent } from '../../api/index.js';
import type { Translation } from '../../shared/i18n/types.js';
import { renderAddress, renderDetailFooter, renderDetailImage, renderTagList } from '../../shared/templates.js';
import { renderDetailDialog, type DetailController } from '../../shared/ui.js';
import type { DayKey } from '../../lib/zoned-time.js';
import { isolate } from '../../lib/text.js';
import { datedWhenLabel, dayLabel, spanLabel, typeLabel, whenLabel, type LabelContext } from './agenda-format.js';
import { listDay, typeOf, type AgendaView, type Occurrence } from './agenda-model.js';
import { VIEWS } from './agenda-navigation.js';

export type Exporter = typeof import('./agenda-export.js');

const CELL_EVENTS = 3;
const WEEK_DAY_EVENTS = 8;
/** Events listed under the month grid for the focused day; more are one click away in the list. */
const PANEL_EVENTS = 10;

export interface ItemHandlers {
  readonly labels: LabelContext;
  readonly urlOf: (item: Occurrence) => string;
  readonly select: (event: Event, item: Occurrence) => void;
  readonly keydown: (event: KeyboardEvent, item: Occurrence) => void;
}

/** One event: time, linked title, type and place. Few nodes per event (the element stays under 1,400). */
export function renderItem(h: ItemHandlers, item: Occurrence, day: DayKey | null): TemplateResult {
  const event = item.event;
  const place = [event.address?.locality, event.organizer?.name].filter((part): part is string => Boolean(part)).map(isolate).join(' · ');
  return html`<li part="item" class="item"><p part="item-time" class="when">${day ? whenLabel(h.labels, item, day) : datedWhenLabel(h.labels, item)}</p><p part="item-title" class="title"><a href=${h.urlOf(item)} dir="auto" @click=${(e: Event) => h.select(e, item)} @keydown=${(e: KeyboardEvent) => h.keydown(e, item)}>${event.name}</a></p><p class="meta"><span class="badge">${typeLabel(h.labels.t, typeOf(event))}</span> <span dir="auto">${place}</span></p></li>`;
}

export function renderItems(h: ItemHandlers, items: readonly Occurrence[], day: DayKey | null, className = 'items'): TemplateResult {
  return html`<ul class=${className}>${repeat(items, (item) => item.key, (item) => renderItem(h, item, day))}</ul>`;
}

export interface MonthOptions {
  readonly t: Translation;
  readonly days: readonly DayKey[];
  readonly cells: ReadonlyMap<DayKey, Occurrence[]>;
  /** The month shown (`YYYY-MM`), today, and the day with the grid's focus. */
  readonly month: string;
  readonly today: DayKey;
  readonly focusDay: DayKey;
  readonly title: string;
  readonly level: number;
  readonly onKeydown: (event: KeyboardEvent) => void;
  /** A day chosen with the pointer (its events are then listed below the grid). */
  readonly onDay: (day: DayKey) => void;
  readonly onMore: (day: DayKey) => void;
}

/** The month grid (an ARIA date grid, one tab stop) and the focused day's events below it. */
export function renderMonth(h: ItemHandlers, o: MonthOptions): TemplateResult {
  const a = o.t.agenda;
  const weekdays = o.days.slice(0, 7);
  const panelItems = o.cells.get(o.focusDay) ?? [];
  // A cell is named by its content, which begins with what it shows (WCAG 2.5.3): "19", then, for
  // screen readers only, " décembre 2026, samedi, 2 événements"; titles and counts are mouse shortcuts.
  // The count a narrow grid shows is CSS content from data-count (no DOM node: the grid has a budget).
  // A click on a day chooses it; a click on one of its event titles also opens that event.
  const cellClick = (event: Event, day: DayKey, items: readonly Occurrence[]) => {
    o.onDay(day);
    const index = (event.target as HTMLElement | null)?.closest?.('[data-index]')?.getAttribute('data-index');
    const item = index === null || index === undefined ? undefined : items[Number(index)];
    if (item) h.select(event, item);
  };
  const cell = (day: DayKey) => {
    const items = o.cells.get(day) ?? [];
    const classes = `cell${day.slice(0, 7) !== o.month ? ' outside' : ''}${day === o.today ? ' today' : ''}`;
    // Three fixed slots rather than a mapped list: a mapped list costs two marker nodes per entry,
    // and the grid must stay under the 1,400-node budget with 2,000 events.
    const [first, second, third] = items;
    return html`<div part="cell" role="gridcell" class=${classes} tabindex=${day === o.focusDay ? '0' : '-1'} aria-selected=${day === o.focusDay ? 'true' : 'false'} data-day=${day} data-count=${items.length > 0 ? items.length : nothing} @click=${(e: Event) => cellClick(e, day, items)}><span class="num">${day.endsWith('-01') ? a.firstOfMonth : Number(day.slice(8))}</span><span class="visually-hidden">${a.dayCell(dayLabel(o.t, day, { month: 'long', year: 'numeric' }), dayLabel(o.t, day, { weekday: 'long' }), items.length)}</span><span class="chip-event" data-index="0" aria-hidden="true" ?hidden=${!first}>${first?.event.name ?? ''}</span><span class="chip-event" data-index="1" aria-hidden="true" ?hidden=${!second}>${second?.event.name ?? ''}</span><span class="chip-event" data-index="2" aria-hidden="true" ?hidden=${!third}>${third?.event.name ?? ''}</span><span class="more-count" aria-hidden="true" ?hidden=${items.length <= CELL_EVENTS}>${items.length > CELL_EVENTS ? a.more(items.length - CELL_EVENTS) : ''}</span></div>`;
  };
  return html`<p id="grid-help" class="visually-hidden">${a.gridHelp}</p>
    <div part="grid" class="grid" role="grid" aria-label=${o.title} aria-describedby="grid-help" @keydown=${o.onKeydown}>
      <div role="row" class="grid-row head">${weekdays.map((day) => html`<div role="columnheader" class="colhead"><abbr title=${dayLabel(o.t, day, { weekday: 'long' })}>${dayLabel(o.t, day, { weekday: 'short' })}</abbr></div>`)}</div>
      ${[0, 1, 2, 3, 4, 5].map((week) => html`<div role="row" class="grid-row">${o.days.slice(week * 7, week * 7 + 7).map(cell)}</div>`)}
    </div>
    <section class="day-panel">
      <div role="heading" aria-level=${o.level} tabindex="-1" class="day">${a.eventsOn(dayLabel(o.t, o.focusDay))}</div>
      ${panelItems.length > 0 ? renderItems(h, panelItems.slice(0, PANEL_EVENTS), o.focusDay) : html`<p class="muted">${a.emptyDay}</p>`}
      ${panelItems.length > PANEL_EVENTS
        ? html`<p><button type="button" class="link-button" @click=${() => o.onMore(o.focusDay)}>${a.more(panelItems.length - PANEL_EVENTS)}</button></p>`
        : nothing}
    </section>`;
}

/** Seven days with their events. */
export function renderWeek(h: ItemHandlers, t: Translation, days: readonly DayKey[], cells: ReadonlyMap<DayKey, Occurrence[]>, today: DayKey, level: number): TemplateResult {
  const a = t.agenda;
  return html`<div part="week" class="week">
    ${days.map((day) => {
      const items = cells.get(day) ?? [];
      return html`<section class=${`week-day${day === today ? ' today' : ''}`}><div role="heading" aria-level=${level} class="day">${dayLabel(t, day, { weekday: 'long', day: 'numeric', month: 'long' })}</div>${items.length > 0
        ? html`${renderItems(h, items.slice(0, WEEK_DAY_EVENTS), day)}${items.length > WEEK_DAY_EVENTS ? html`<p class="more-count">${a.more(items.length - WEEK_DAY_EVENTS)}</p>` : nothing}`
        : html`<p class="muted">${a.emptyDay}</p>`}</section>`;
    })}
  </div>`;
}

export interface ToolbarOptions {
  readonly t: Translation;
  readonly view: AgendaView;
  readonly title: string;
  readonly onShift: (direction: -1 | 1) => void;
  readonly onToday: () => void;
  readonly onView: (view: AgendaView) => void;
}

/** Previous / today / next, the period's title, and the view switcher. */
export function renderToolbar(o: ToolbarOptions): TemplateResult {
  const a = o.t.agenda;
  return html`<div part="toolbar" class="toolbar">
    <div class="nav">
      <button type="button" class="button icon" aria-label=${a.previous[o.view]} @click=${() => o.onShift(-1)}><span aria-hidden="true">‹</span></button>
      <button type="button" class="button" @click=${o.onToday}>${a.today}</button>
      <button type="button" class="button icon" aria-label=${a.next[o.view]} @click=${() => o.onShift(1)}><span aria-hidden="true">›</span></button>
    </div>
    <p part="title" class="period">${o.title}</p>
    <div class="views" role="group" aria-label=${a.viewLabel}>
      ${VIEWS.map((each) => html`<button type="button" class="button" aria-pressed=${each === o.view ? 'true' : 'false'} @click=${() => o.onView(each)}>${a.views[each]}</button>`)}
    </div>
  </div>`;
}

export interface ListOptions {
  readonly t: Translation;
  /** The occurrences of this page, and the day each is listed under. */
  readonly items: readonly Occurrence[];
  readonly firstShownDay: DayKey;
  /** Events with unusable dates, listed at the end rather than silently dropped. */
  readonly undated: readonly CivicEvent[];
  readonly level: number;
  readonly eventUrl: (event: CivicEvent) => string;
}

/** The list view: events grouped under day headings, then the undated ones. */
export function renderList(h: ItemHandlers, o: ListOptions): TemplateResult {
  const groups = new Map<DayKey, Occurrence[]>();
  for (const item of o.items) {
    const day = listDay(item, o.firstShownDay);
    groups.set(day, [...(groups.get(day) ?? []), item]);
  }
  const heading = (text: string) => html`<div part="day" class="day" role="heading" aria-level=${o.level}>${text}</div>`;
  const unknown = o.t.unknownDate;
  const undated = (event: CivicEvent) =>
    html`<li part="item" class="item"><p part="item-title" class="title"><a href=${o.eventUrl(event)} dir="auto">${event.name}</a></p><p class="meta"><span class="badge">${typeLabel(o.t, typeOf(event))}</span> <span dir="auto">${event.address?.locality ?? ''}</span></p></li>`;
  return html`<div part="list" class="list">
    ${repeat([...groups.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1)), ([day]) => day, ([day, items]) => html`<section class="day-group">${heading(dayLabel(o.t, day))}${renderItems(h, items, day)}</section>`)}
    ${o.undated.length > 0
      ? html`<section class="day-group undated">${heading(unknown.charAt(0).toUpperCase() + unknown.slice(1))}<ul class="items">${repeat(o.undated, (event) => event.id, undated)}</ul></section>`
      : nothing}
  </div>`;
}

export interface DetailOptions {
  readonly t: Translation;
  readonly labels: LabelContext;
  readonly url: string;
  readonly organizerUrl: string | null;
  /** The export code once loaded (the web-calendar links need it); null while it loads. */
  readonly exporter: Exporter | null;
  /** End (exclusive) of the period shown: where a weekly event's Google series stops when it has no end. */
  readonly periodEnd?: Date;
  readonly noIcs: boolean;
  readonly onDownload: () => void;
}

/** What the detail dialog shows of an occurrence: date, place, organiser, "add to my calendar", keywords. */
export function renderEventDetail(detail: DetailController<CivicEvent>, item: Occurrence, o: DetailOptions): TemplateResult {
  const c = o.t.common;
  const a = o.t.agenda;
  const event = item.event;
  const organizer = event.organizer;
  const details = [event.shortDescription, o.url].filter(Boolean).join('\n\n');
  const newWindow = html`<span class="visually-hidden"> ${c.opensInNewWindow}</span>`;
  return renderDetailDialog(detail, {
    title: event.name,
    closeLabel: c.close,
    loadingLabel: c.descriptionLoading,
    errorLabel: c.descriptionError,
    head: html`<p class="meta"><span class="badge">${typeLabel(o.t, typeOf(event))}</span></p>
      <p class="when-detail">${spanLabel(o.labels, item)}</p>
      ${renderDetailImage(event.images.medium, '', false, () => undefined)}
      ${event.shortDescription ? html`<p class="lead"><bdi>${event.shortDescription}</bdi></p>` : nothing}`,
    body: html`${renderAddress(a.place, event.address)}
      ${organizer?.name ? html`<h3>${a.organizer}</h3><p>${o.organizerUrl ? html`<a href=${o.organizerUrl} dir="auto">${organizer.name}</a>` : html`<bdi>${organizer.name}</bdi>`}</p>` : nothing}
      ${o.noIcs
        ? nothing
        : html`<h3>${a.addToCalendar}</h3>
            <ul class="plain calendar-links">
              <li><button type="button" class="link-button" @click=${o.onDownload}>${a.downloadIcs}</button></li>
              ${o.exporter
                ? html`<li><a href=${o.exporter.googleCalendarUrl(item, details, o.periodEnd)} target="_blank" rel="noopener noreferrer">${a.google}${newWindow}</a></li>
                    <li><a href=${o.exporter.outlookCalendarUrl(item, details)} target="_blank" rel="noopener noreferrer">${item.recurring ? a.outlookOnce : a.outlook}${newWindow}</a></li>`
                : nothing}
            </ul>`}
      ${renderTagList(c.tags, event.tags)}`,
    footer: renderDetailFooter(o.t, o.url, event.name),
  });
}
