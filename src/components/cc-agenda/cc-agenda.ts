import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import {
  ApiError,
  DEFAULT_API_BASE,
  DEFAULT_LINK_BASE,
  EVENT_TYPES,
  createClient,
  elementPageUrl,
  fetchEventsInWindow,
  fetchOrganizationEvents,
  isAbortError,
  normalizeLinkBase,
  type CivicEvent,
} from '../../api/index.js';
import { toTimeZone } from '../../api/normalize/primitives.js';
import { emit } from '../../shared/events.js';
import { formatDate, timeZoneLongName, viewerTimeZone } from '../../shared/format.js';
import { LocaleController } from '../../shared/i18n/locale-controller.js';
import { parseList, scopeFromAttributes, scopeKey } from '../../shared/scope.js';
import { baseStyles } from '../../shared/styles.js';
import { foldForSearch } from '../../shared/text.js';
import { DetailController, SlowLoadingController, renderActiveFilters, renderChip, renderDetailDialog, renderErrorState, renderPager } from '../../shared/ui.js';
import { uiStyles } from '../../shared/ui.styles.js';
import { UrlSyncController } from '../../shared/url-state.js';
import {
  addDays,
  addMonths,
  dayKeyOf,
  daysBetween,
  isDayKey,
  monthGridDays,
  parseDayAttribute,
  startOfDay,
  startOfMonth,
  startOfWeek,
  weekdayOf,
  type DayKey,
} from '../../shared/zoned-time.js';
import { agendaStyles } from './cc-agenda.styles.js';
import { buildIcs, eventJsonLd, googleCalendarUrl, icsFileName, outlookCalendarUrl, scriptSafeJson } from './agenda-export.js';
import { byDay, dayOfSpan, listDay, occurrencesInWindow, searchOccurrences, type AgendaSearch, type Occurrence, type Window } from './agenda-model.js';

export type AgendaView = 'list' | 'month' | 'week';

const VIEWS: readonly AgendaView[] = ['list', 'month', 'week'];
const LIST_PAGE = 25;
const CELL_EVENTS = 3;
const WEEK_DAY_EVENTS = 8;
/** Events listed under the month grid for the focused day; more are one click away in the list. */
const PANEL_EVENTS = 10;
const MAX_TAG_CHIPS = 10;
const JSONLD_MAX = 100;
const SEARCH_DEBOUNCE_MS = 300;
const SLOW_AFTER_MS = 6000;

/**
 * The events of a commune, a network or one organisation, read from Communecter: a list grouped by
 * day, a month grid and a week, with event-type and keyword filters, an accessible detail dialog,
 * "add to my calendar" (.ics, Google, Outlook) and schema.org JSON-LD for the host page.
 *
 * @summary Agenda of Communecter events.
 *
 * @fires cc-load - Events were loaded and shown: `{count, total}`.
 * @fires cc-error - Loading failed: `{error}` (an `ApiError`).
 * @fires cc-select - The user picked an event: `{item, kind, url}`. Cancelable: `preventDefault()` keeps the detail dialog closed.
 * @fires cc-filter-change - The user changed the search, types or keywords: `{query, types, tags}`.
 * @fires cc-view-change - The user changed the view or the period: `{view, from, to}` (days, `YYYY-MM-DD`).
 *
 * @slot - Fallback content (e.g. a link to the agenda on Communecter), shown before the element upgrades and in the error state.
 *
 * @csspart base - The outer wrapper.
 * @csspart toolbar - Navigation and view switcher.
 * @csspart title - The period shown.
 * @csspart search-input - The search field.
 * @csspart facets - The filters.
 * @csspart chip - A filter or active-filter button.
 * @csspart active-filters - The row of active filters.
 * @csspart status - The count line.
 * @csspart list - The list view.
 * @csspart day - A day heading of the list view.
 * @csspart item - One event.
 * @csspart item-time - An event's time.
 * @csspart item-title - An event's name.
 * @csspart grid - The month grid.
 * @csspart cell - A day of the month grid.
 * @csspart week - The week view.
 * @csspart pager - The list's pagination.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart dialog - The detail dialog.
 * @csspart ics - The download-all (.ics) button.
 *
 * @cssprop --cc-agenda-date-color - Colour of times and day headings (default: the accent).
 * @cssprop --cc-agenda-today-background - Background of today in the grids (default: the alternate surface).
 * @cssprop --cc-agenda-cell-min-height - Height of a month grid cell (default 84px).
 */
export class CcAgenda extends LitElement {
  static override styles = [baseStyles, uiStyles, agendaStyles];

  /** Platform origin or same-origin proxy the data is read from. */
  @property({ attribute: 'api-base' }) apiBase = DEFAULT_API_BASE;
  /** Origin of the "see on Communecter" links. */
  @property({ attribute: 'link-base' }) linkBase = DEFAULT_LINK_BASE;
  /** Network scope: comma list of source keys. */
  @property({ attribute: 'source-key' }) sourceKey = '';
  /** Communecter city ids (comma list). */
  @property() city = '';
  /** Postal codes or prefixes (comma list). */
  @property({ attribute: 'postal-code' }) postalCode = '';
  /** INSEE commune codes (comma list). */
  @property() insee = '';
  /** Region or département zone ids (comma list). */
  @property() zone = '';
  /** ISO 3166-1 alpha-2 country codes (comma list). */
  @property() country = '';
  /** Keywords that scope the agenda (comma list). */
  @property() tags = '';
  /** Whether events need any (`any`) or all (`all`) of `tags`. */
  @property({ attribute: 'tags-mode' }) tagsMode: 'any' | 'all' = 'any';
  /** One organisation's (or project's) events: its slug or id. Overrides the place and network scope. */
  @property() organization = '';
  /** First day shown: an ISO date, `today`, or relative (`-7d`, `+2w`, `+1m`). Default: today. */
  @property() from = '';
  /** Last day of the list view (same forms). Default: three months after `from`. */
  @property() to = '';
  /** `list`, `month` or `week`. */
  @property() view: AgendaView = 'list';
  /** Only these event types (comma list of Communecter's types, e.g. `workshop,concert`). */
  @property({ attribute: 'event-types' }) eventTypes = '';
  /** IANA time zone for events that have none, and for "today" (default: the visitor's). */
  @property({ attribute: 'time-zone' }) timeZone = '';
  /** Compact mode: only the next N events and a link to the whole agenda. */
  @property({ type: Number }) max = 0;
  /** Where the compact mode's "see the whole agenda" link goes (default: the platform's agenda). */
  @property({ attribute: 'more-href' }) moreHref = '';
  /** Hide the search and filters. */
  @property({ type: Boolean, attribute: 'no-filters' }) noFilters = false;
  /** Hide the .ics downloads. */
  @property({ type: Boolean, attribute: 'no-ics' }) noIcs = false;
  /** Do not write schema.org JSON-LD into the page. */
  @property({ type: Boolean, attribute: 'no-jsonld' }) noJsonld = false;
  /** Mirror the view, period and filters in the page URL: `query` (default) or `hash`; namespaced by the element id. */
  @property({ attribute: 'sync-url' }) syncUrl: string | null = null;
  /** Heading level of the day headings (2–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;
  /** The visitor's time zone (property only; tests pin it): times in other zones are labelled. */
  @property({ attribute: false }) viewerZone = viewerTimeZone();

  @state() private currentView: AgendaView = 'list';
  /** First day of the period shown (list), or any day of the month / week shown. */
  @state() private anchor: DayKey | null = null;
  @state() private text = '';
  @state() private selectedTypes: readonly string[] = [];
  @state() private selectedTags: readonly string[] = [];
  @state() private showPast = false;
  @state() private page = 1;
  /** The day that has keyboard focus in the month grid, and whose events are listed below it. */
  @state() private focusDay: DayKey | null = null;
  @state() private periodAnnouncement = '';

  private readonly localize = new LocaleController(this);
  private readonly loadingTimer = new SlowLoadingController(this, SLOW_AFTER_MS);
  private readonly urlSync = new UrlSyncController(this, {
    mode: () => this.syncUrl,
    namespace: () => this.id || 'cc-agenda',
    restore: (state, initial) => this.restoreUrlState(state, initial),
  });
  private readonly detail = new DetailController<CivicEvent>(this, () => this.linkBase);
  private filterTimer: ReturnType<typeof setTimeout> | undefined;
  private focusGridAfterUpdate = false;
  private occurrencesKey = '';
  private occurrences: Occurrence[] = [];
  private searched: AgendaSearch = { matches: [], types: new Map(), tags: [] };
  /** Events whose dates the platform gave in an unusable form: listed apart, "date inconnue". */
  private undated: CivicEvent[] = [];
  private searchKey = '';
  private jsonLd: HTMLScriptElement | null = null;
  private occurrencesFor: CivicEvent[] | null = null;
  /** The occurrence whose detail is open (the dialog shows this date, not only the event). */
  private selectedOccurrence: Occurrence | null = null;

  private readonly events = new Task(this, {
    task: ([apiBase, organization, scope, start, end, eventType], { signal }) =>
      this.load(apiBase, organization, JSON.parse(scope), new Date(start), new Date(end), eventType, signal),
    args: () => {
      const window = this.fetchWindow();
      const types = this.serverEventTypes();
      // One organisation's events come at once, whatever the period: navigating never reloads them.
      return this.organization.trim()
        ? ([this.apiBase, this.organization.trim(), '{}', '', '', ''] as const)
        : ([this.apiBase, '', scopeKey(this.scope()), window.start.toISOString(), window.end.toISOString(), types.length === 1 ? types[0]! : ''] as const);
    },
    onComplete: (events) => {
      this.loadingTimer.stop();
      // The task's value is only stored after this callback: compute from the result itself.
      this.recompute(events);
      emit(this, 'cc-load', { count: this.searched.matches.length, total: this.occurrences.length });
    },
    onError: (error) => {
      this.loadingTimer.stop();
      if (!isAbortError(error)) emit(this, 'cc-error', { error: error instanceof ApiError ? error : new ApiError('bad-shape', String(error)) });
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.events.status === TaskStatus.ERROR && isAbortError(this.events.error)) void this.events.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.events.abort();
    clearTimeout(this.filterTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const first = !this.hasUpdated;
    if (changed.has('view') && !(first && this.urlSync.restored)) this.currentView = VIEWS.includes(this.view) ? this.view : 'list';
    if ((changed.has('from') || changed.has('timeZone')) && !(first && this.urlSync.restored && this.anchor)) {
      this.anchor = parseDayAttribute(this.from, this.today()) ?? this.today();
      this.page = 1;
    }
    if (this.anchor === null) this.anchor = this.today();
    this.recompute();
  }

  protected override updated(): void {
    if (this.focusGridAfterUpdate) {
      this.focusGridAfterUpdate = false;
      (this.renderRoot.querySelector('[role="gridcell"][tabindex="0"]') as HTMLElement | null)?.focus();
    }
    this.writeJsonLd();
  }

  // ---------------------------------------------------------------- time

  /** The zone for events without one and for "today": the attribute when valid, else the visitor's. */
  private fallbackZone(): string {
    return toTimeZone(this.timeZone) ?? this.viewerZone;
  }

  private today(): DayKey {
    return dayKeyOf(new Date(), this.fallbackZone());
  }

  private compact(): boolean {
    return Number.isFinite(this.max) && this.max > 0;
  }

  /** The days shown: a list's period, the 6 weeks of a month grid, or a week. */
  private period(): { first: DayKey; last: DayKey } {
    const anchor = this.anchor ?? this.today();
    if (this.compact()) return { first: this.today(), last: addMonths(this.today(), 12) };
    switch (this.currentView) {
      case 'month': {
        const days = monthGridDays(anchor);
        return { first: days[0]!, last: days[days.length - 1]! };
      }
      case 'week':
        return { first: startOfWeek(anchor), last: addDays(startOfWeek(anchor), 6) };
      default: {
        const length = this.listLength();
        return { first: anchor, last: addDays(anchor, length - 1) };
      }
    }
  }

  /** Days in the list's period: from `from` to `to` when both are given, else three months. */
  private listLength(): number {
    const today = this.today();
    const from = parseDayAttribute(this.from, today) ?? today;
    const to = parseDayAttribute(this.to, today) ?? addMonths(from, 3);
    return Math.max(1, Math.min(731, daysBetween(from, to) + 1));
  }

  private window(): Window {
    const { first, last } = this.period();
    const zone = this.fallbackZone();
    return { start: startOfDay(first, zone), end: startOfDay(addDays(last, 1), zone) };
  }

  /**
   * What is asked of the server: the period widened by a day on each side, since events in other
   * zones than the agenda's may fall on its days; the true overlap is computed here.
   */
  private fetchWindow(): Window {
    const window = this.window();
    return { start: new Date(window.start.getTime() - 86_400_000), end: new Date(window.end.getTime() + 86_400_000) };
  }

  // ---------------------------------------------------------------- data

  private scope() {
    return scopeFromAttributes(this);
  }

  private serverEventTypes(): string[] {
    return parseList(this.eventTypes).filter((type) => (EVENT_TYPES as readonly string[]).includes(type));
  }

  private async load(
    apiBase: string,
    organization: string,
    scope: ReturnType<CcAgenda['scope']>,
    start: Date,
    end: Date,
    eventType: string,
    signal: AbortSignal,
  ): Promise<CivicEvent[]> {
    this.loadingTimer.start();
    const client = createClient({ baseUrl: apiBase });
    if (organization) return fetchOrganizationEvents(client, organization, { signal });
    return fetchEventsInWindow(client, { scope, start, end, ...(eventType ? { eventType } : {}) }, { signal });
  }

  private loadedEvents(): CivicEvent[] | null {
    if (this.events.status === TaskStatus.COMPLETE || this.events.status === TaskStatus.PENDING) return this.events.value ?? null;
    return null;
  }

  /** Occurrences in the period, and the filtered matches with facet counts, recomputed only when an input changed. */
  private recompute(loaded?: CivicEvent[]): void {
    const events = loaded ?? this.loadedEvents();
    if (!events) {
      this.undated = [];
      this.occurrences = [];
      this.searched = { matches: [], types: new Map(), tags: [] };
      this.occurrencesKey = '';
      this.searchKey = '';
      return;
    }
    const window = this.window();
    const zone = this.fallbackZone();
    const wanted = this.serverEventTypes();
    const occurrencesKey = `${window.start.toISOString()}|${window.end.toISOString()}|${zone}|${wanted.join(',')}`;
    if (occurrencesKey !== this.occurrencesKey || this.occurrencesFor !== events) {
      this.occurrencesKey = occurrencesKey;
      this.occurrencesFor = events;
      const inScope = wanted.length > 0 ? events.filter((event) => wanted.includes(event.eventType ?? '')) : events;
      this.occurrences = occurrencesInWindow(inScope, window, zone);
      this.undated = inScope.filter((event) => event.start === null && event.recurrence.length === 0);
      this.searchKey = '';
    }
    const now = new Date();
    // In the list, what already ended is hidden unless asked for; grids show whole periods.
    const notBefore = (this.currentView === 'list' || this.compact()) && !this.showPast ? now : null;
    const searchKey = JSON.stringify([this.text, this.selectedTypes, this.selectedTags, notBefore ? Math.floor(now.getTime() / 60_000) : 0]);
    if (searchKey !== this.searchKey) {
      this.searchKey = searchKey;
      this.searched = searchOccurrences(this.occurrences, { text: this.text, types: new Set(this.selectedTypes), tags: this.selectedTags, notBefore }, MAX_TAG_CHIPS);
    }
  }

  // ---------------------------------------------------------------- URL

  /** A state from the URL: on connection it wins over the attributes; on back/forward it replaces the user's choices. */
  private restoreUrlState(state: Readonly<Record<string, string>>, initial: boolean): void {
    this.currentView = VIEWS.includes(state.view as AgendaView) ? (state.view as AgendaView) : VIEWS.includes(this.view) ? this.view : 'list';
    if (state.day && isDayKey(state.day)) this.anchor = state.day;
    else if (!initial) this.anchor = parseDayAttribute(this.from, this.today()) ?? this.today();
    this.text = state.q ?? '';
    this.selectedTypes = parseList(state.types);
    this.selectedTags = parseList(state.tags).map(foldForSearch);
    this.showPast = state.past === '1';
  }

  private writeUrl(push: boolean): void {
    this.urlSync.write(
      {
        view: this.currentView === this.view ? '' : this.currentView,
        day: this.anchor ?? '',
        q: this.text,
        types: this.selectedTypes.join(','),
        tags: this.selectedTags.join(','),
        past: this.showPast ? '1' : '',
      },
      push,
    );
  }

  // ---------------------------------------------------------------- handlers

  private viewChanged(): void {
    this.page = 1;
    this.writeUrl(true);
    const { first, last } = this.period();
    this.periodAnnouncement = this.periodTitle();
    emit(this, 'cc-view-change', { view: this.currentView, from: first, to: last });
  }

  private filtersChanged(push: boolean): void {
    this.page = 1;
    this.writeUrl(push);
    emit(this, 'cc-filter-change', { query: this.text, types: [...this.selectedTypes], tags: this.selectedTags.map((key) => this.tagLabel(key)) });
  }

  private setView(view: AgendaView): void {
    if (view === this.currentView) return;
    this.currentView = view;
    this.focusDay = null;
    this.viewChanged();
  }

  private shift(direction: -1 | 1): void {
    const anchor = this.anchor ?? this.today();
    if (this.currentView === 'month') this.anchor = startOfMonth(addMonths(anchor, direction));
    else if (this.currentView === 'week') this.anchor = addDays(startOfWeek(anchor), 7 * direction);
    else this.anchor = addDays(anchor, this.listLength() * direction);
    this.focusDay = null;
    this.viewChanged();
  }

  private goToToday(): void {
    this.anchor = this.currentView === 'list' ? (parseDayAttribute(this.from, this.today()) ?? this.today()) : this.today();
    this.focusDay = this.currentView === 'month' ? this.today() : null;
    this.viewChanged();
  }

  private handleSearchInput(event: Event): void {
    this.text = (event.target as HTMLInputElement).value;
    this.page = 1;
    this.writeUrl(false);
    clearTimeout(this.filterTimer);
    this.filterTimer = setTimeout(() => this.filtersChanged(false), SEARCH_DEBOUNCE_MS);
  }

  private toggleType(type: string): void {
    this.selectedTypes = this.selectedTypes.includes(type) ? this.selectedTypes.filter((t) => t !== type) : [...this.selectedTypes, type];
    this.filtersChanged(true);
  }

  private toggleTag(key: string): void {
    this.selectedTags = this.selectedTags.includes(key) ? this.selectedTags.filter((t) => t !== key) : [...this.selectedTags, key];
    this.filtersChanged(true);
  }

  private clearAll(): void {
    this.text = '';
    this.selectedTypes = [];
    this.selectedTags = [];
    this.filtersChanged(true);
    (this.renderRoot.querySelector('input[type=search]') as HTMLInputElement | null)?.focus();
  }

  private handlePastToggle(event: Event): void {
    this.showPast = (event.target as HTMLInputElement).checked;
    this.page = 1;
    this.writeUrl(true);
  }

  private handleSelect(event: Event, item: Occurrence): void {
    const mouse = event as MouseEvent;
    if (mouse.button > 0 || mouse.ctrlKey || mouse.metaKey || mouse.shiftKey || mouse.altKey) return;
    event.preventDefault();
    const url = elementPageUrl(this.linkBase, item.event);
    if (!emit(this, 'cc-select', { item: item.event, kind: 'event', url }, { cancelable: true })) return;
    this.selectedOccurrence = item;
    this.detail.open(item.event, (event.currentTarget as HTMLElement | null) ?? null);
  }

  private handleLinkKeydown(event: KeyboardEvent, item: Occurrence): void {
    if (event.key === ' ') this.handleSelect(event, item);
  }

  /** ARIA date-grid keys: arrows by day/week, Home/End within the week, Page Up/Down by month (Shift: year). */
  private handleGridKeydown(event: KeyboardEvent): void {
    const current = this.focusDay ?? this.anchor ?? this.today();
    let next: DayKey;
    switch (event.key) {
      case 'ArrowLeft':
        next = addDays(current, -1);
        break;
      case 'ArrowRight':
        next = addDays(current, 1);
        break;
      case 'ArrowUp':
        next = addDays(current, -7);
        break;
      case 'ArrowDown':
        next = addDays(current, 7);
        break;
      case 'Home':
        next = addDays(current, -weekdayOf(current));
        break;
      case 'End':
        next = addDays(current, 6 - weekdayOf(current));
        break;
      case 'PageUp':
        next = addMonths(current, event.shiftKey ? -12 : -1);
        break;
      case 'PageDown':
        next = addMonths(current, event.shiftKey ? 12 : 1);
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.focusDay = current;
        (this.renderRoot.querySelector('.day-panel h3, .day-panel [role="heading"]') as HTMLElement | null)?.focus();
        return;
      default:
        return;
    }
    event.preventDefault();
    this.moveFocusDay(next);
  }

  private moveFocusDay(day: DayKey): void {
    const anchor = this.anchor ?? this.today();
    this.focusDay = day;
    this.focusGridAfterUpdate = true;
    if (day.slice(0, 7) !== anchor.slice(0, 7)) {
      this.anchor = startOfMonth(day);
      this.viewChanged();
    }
  }

  /** From the month grid to the list, starting on `day`. */
  private showDayInList(day: DayKey): void {
    this.currentView = 'list';
    this.anchor = day;
    this.focusDay = null;
    this.viewChanged();
  }

  /** A click on a day selects it; a click on one of its event titles opens that event. */
  private handleCellClick(event: Event, day: DayKey, items: readonly Occurrence[]): void {
    this.focusDay = day;
    const index = (event.target as HTMLElement | null)?.closest?.('[data-index]')?.getAttribute('data-index');
    const item = index === null || index === undefined ? undefined : items[Number(index)];
    if (item) this.handleSelect(event, item);
  }

  private downloadIcs(items: readonly Occurrence[], name: string): void {
    const ics = buildIcs(items, { now: new Date(), urlOf: (event) => elementPageUrl(this.linkBase, event), calendarName: this.localize.t.agenda.label });
    const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    // The link never joins the page: a click on a detached anchor still downloads.
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private retry(): void {
    void this.events.run();
  }

  // ---------------------------------------------------------------- JSON-LD

  /** schema.org Events for what is shown, in the host's light DOM, where search engines read it. */
  private writeJsonLd(): void {
    const shown = this.noJsonld ? [] : this.visibleOccurrences().slice(0, JSONLD_MAX);
    if (shown.length === 0) {
      this.jsonLd?.remove();
      this.jsonLd = null;
      return;
    }
    const text = scriptSafeJson(eventJsonLd(shown, (event) => elementPageUrl(this.linkBase, event)));
    if (!this.jsonLd) {
      this.jsonLd = document.createElement('script');
      this.jsonLd.type = 'application/ld+json';
      this.jsonLd.dataset.ccAgenda = '';
    }
    if (this.jsonLd.textContent !== text) this.jsonLd.textContent = text;
    if (this.jsonLd.parentNode !== this) this.append(this.jsonLd);
  }

  // ---------------------------------------------------------------- labels

  private locale(): string {
    return this.localize.t.intlLocale;
  }

  private tagLabel(key: string): string {
    for (const item of this.occurrences) {
      const tag = item.event.tags.find((label) => foldForSearch(label) === key);
      if (tag) return tag;
    }
    return key;
  }

  private typeLabel(type: string): string {
    const labels = this.localize.t.eventTypes as Readonly<Record<string, string>>;
    return Object.prototype.hasOwnProperty.call(labels, type) ? labels[type]! : type;
  }

  private dayLabel(day: DayKey, options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }): string {
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    return formatDate(this.locale(), new Date(Date.UTC(year, month - 1, date, 12)), { ...options, timeZone: 'UTC' }) ?? day;
  }

  /** "18:00", or "18:00, heure de La Réunion" when the event's zone is not the visitor's. */
  private timeLabel(date: Date, zone: string): string {
    const time = formatDate(this.locale(), date, { hour: '2-digit', minute: '2-digit', timeZone: zone }) ?? '';
    if (zone === this.viewerZone) return time;
    return this.localize.t.timeInZone(time, timeZoneLongName(this.locale(), zone, date));
  }

  /** When an occurrence happens, as shown under `day`. */
  private whenLabel(item: Occurrence, day: DayKey | null): string {
    const a = this.localize.t.agenda;
    const span = day ? dayOfSpan(item, day) : null;
    const parts: string[] = [];
    if (item.firstDay !== item.lastDay) {
      parts.push(a.range(this.dayLabel(item.firstDay, { day: 'numeric', month: 'long' }), this.dayLabel(item.lastDay, { day: 'numeric', month: 'long' })));
    }
    if (item.allDay) parts.push(a.allDay);
    else if (!span || span.index === 1) parts.push(this.timeLabel(item.start, item.zone));
    if (span) parts.push(a.dayOf(span.index, span.count));
    if (item.recurring) parts.push(a.weekly);
    return parts.join(' · ');
  }

  private periodTitle(): string {
    const anchor = this.anchor ?? this.today();
    const a = this.localize.t.agenda;
    if (this.currentView === 'month') return this.dayLabel(anchor, { month: 'long', year: 'numeric' });
    if (this.currentView === 'week') return a.weekOf(this.dayLabel(startOfWeek(anchor), { day: 'numeric', month: 'long', year: 'numeric' }));
    const { first, last } = this.period();
    return a.range(this.dayLabel(first, { day: 'numeric', month: 'long', year: 'numeric' }), this.dayLabel(last, { day: 'numeric', month: 'long', year: 'numeric' }));
  }

  private headingLevelValue(): number {
    return Math.min(6, Math.max(2, Math.floor(Number(this.headingLevel)) || 3));
  }

  /** What the current view shows (for JSON-LD and the .ics of the list). */
  private visibleOccurrences(): Occurrence[] {
    const matches = this.searched.matches;
    if (this.compact()) return matches.slice(0, Math.floor(this.max));
    if (this.currentView === 'list') return matches.slice((this.clampedPage() - 1) * LIST_PAGE, this.clampedPage() * LIST_PAGE);
    return matches;
  }

  private clampedPage(): number {
    const pages = Math.max(1, Math.ceil(this.searched.matches.length / LIST_PAGE));
    return Math.min(Math.max(1, this.page), pages);
  }

  // ---------------------------------------------------------------- render

  override render(): TemplateResult {
    const t = this.localize.t;
    const status = this.events.status;
    const loading = status === TaskStatus.PENDING || status === TaskStatus.INITIAL || (status === TaskStatus.ERROR && isAbortError(this.events.error));
    const failed = status === TaskStatus.ERROR && !isAbortError(this.events.error);
    const events = this.loadedEvents();
    const compact = this.compact();
    return html`<section part="base" class="base view-${compact ? 'compact' : this.currentView}" aria-label=${t.agenda.label}>
      ${compact ? nothing : this.renderToolbar()}
      ${compact || this.noFilters || !events ? nothing : this.renderFilters()}
      ${failed
        ? renderErrorState(t, this.events.error, `${normalizeLinkBase(this.linkBase)}/#agenda`, () => this.retry())
        : html`<div class="results" aria-busy=${loading ? 'true' : 'false'}>
            <p part="status" class="status" role="status">${this.statusText(events, loading)}</p>
            ${events ? this.renderBody() : nothing}
          </div>`}
      ${this.detail.item && this.selectedOccurrence ? this.renderDetail(this.selectedOccurrence) : nothing}
    </section>`;
  }

  private statusText(events: CivicEvent[] | null, loading: boolean): string {
    const t = this.localize.t;
    if (!events || loading) return this.loadingTimer.slow ? t.loadingSlow : t.loading;
    const count = this.compact() ? Math.min(this.searched.matches.length, Math.floor(this.max)) : this.searched.matches.length;
    const text = t.agenda.results(count);
    return this.periodAnnouncement && !this.compact() ? `${this.periodAnnouncement} — ${text}` : text;
  }

  private renderToolbar(): TemplateResult {
    const a = this.localize.t.agenda;
    const view = this.currentView;
    return html`<div part="toolbar" class="toolbar">
      <div class="nav">
        <button type="button" class="button icon" aria-label=${a.previous[view]} @click=${() => this.shift(-1)}><span aria-hidden="true">‹</span></button>
        <button type="button" class="button" @click=${this.goToToday}>${a.today}</button>
        <button type="button" class="button icon" aria-label=${a.next[view]} @click=${() => this.shift(1)}><span aria-hidden="true">›</span></button>
      </div>
      <p part="title" class="period">${this.periodTitle()}</p>
      <div class="views" role="group" aria-label=${a.viewLabel}>
        ${VIEWS.map((each) => html`<button type="button" class="button" aria-pressed=${each === view ? 'true' : 'false'} @click=${() => this.setView(each)}>${a.views[each]}</button>`)}
      </div>
    </div>`;
  }

  private renderFilters(): TemplateResult {
    const t = this.localize.t;
    const a = t.agenda;
    const types = [...this.searched.types.entries()].sort((x, y) => y[1] - x[1]);
    for (const type of this.selectedTypes) if (!this.searched.types.has(type)) types.push([type, 0]);
    const tags = [...this.selectedTags.map((key) => ({ key, label: this.tagLabel(key), count: this.searched.matches.length })), ...this.searched.tags];
    return html`<div class="controls">
      <div class="search">
        <label for="search">${a.searchLabel}</label>
        <input id="search" part="search-input" type="search" autocomplete="off" .value=${this.text} @input=${this.handleSearchInput} />
      </div>
      <div part="facets" class="facets" role="group" aria-label=${t.directory.filtersLabel}>
        ${types.length > 1 || this.selectedTypes.length > 0
          ? html`<fieldset class="facet">
              <legend>${a.typeFacet}</legend>
              <ul class="chips">
                ${types.map(([type, count]) =>
                  renderChip({ key: type, label: this.typeLabel(type), count, pressed: this.selectedTypes.includes(type), name: t.directory.chipLabel(this.typeLabel(type), count), onToggle: () => this.toggleType(type) }),
                )}
              </ul>
            </fieldset>`
          : nothing}
        ${tags.length > 0
          ? html`<fieldset class="facet">
              <legend>${a.tagFacet}</legend>
              <ul class="chips">
                ${tags.map((tag) =>
                  renderChip({ key: tag.key, label: tag.label, count: tag.count, pressed: this.selectedTags.includes(tag.key), name: t.directory.chipLabel(tag.label, tag.count), onToggle: () => this.toggleTag(tag.key) }),
                )}
              </ul>
            </fieldset>`
          : nothing}
        ${this.currentView === 'list'
          ? html`<label class="toggle"><input type="checkbox" .checked=${this.showPast} @change=${this.handlePastToggle} /> ${a.showPast}</label>`
          : nothing}
      </div>
      ${renderActiveFilters(
        t,
        [
          ...(this.text.trim() ? [{ label: t.directory.textFilter(this.text.trim()), onRemove: () => this.clearAll() }] : []),
          ...this.selectedTypes.map((type) => ({ label: this.typeLabel(type), onRemove: () => this.toggleType(type) })),
          ...this.selectedTags.map((key) => ({ label: `#${this.tagLabel(key)}`, onRemove: () => this.toggleTag(key) })),
        ],
        () => this.clearAll(),
      )}
    </div>`;
  }

  private renderBody(): TemplateResult {
    const a = this.localize.t.agenda;
    const matches = this.searched.matches;
    if (matches.length === 0 && this.undated.length === 0 && this.currentView === 'list') {
      const filtered = this.text.trim() !== '' || this.selectedTypes.length > 0 || this.selectedTags.length > 0;
      return html`<div part="empty" class="empty">
        <p>${filtered ? a.empty : a.emptyWindow}</p>
        ${filtered ? html`<button type="button" class="button" @click=${this.clearAll}>${this.localize.t.directory.clearAll}</button>` : nothing}
      </div>`;
    }
    if (this.compact()) return this.renderCompact();
    switch (this.currentView) {
      case 'month':
        return this.renderMonth();
      case 'week':
        return this.renderWeek();
      default:
        return this.renderList();
    }
  }

  private renderItem(item: Occurrence, day: DayKey | null): TemplateResult {
    const event = item.event;
    const url = elementPageUrl(this.linkBase, event);
    const place = event.address?.locality ?? '';
    // Few nodes per event (the element stays under 1,400): hidden elements instead of conditionals.
    return html`<li part="item" class="item"><p part="item-time" class="when">${this.whenLabel(item, day)}</p><p part="item-title" class="title"><a href=${url} dir="auto" @click=${(e: Event) => this.handleSelect(e, item)} @keydown=${(e: KeyboardEvent) => this.handleLinkKeydown(e, item)}>${event.name}</a></p><p class="meta"><span class="badge">${this.typeLabel(event.eventType ?? 'others')}</span> <span dir="auto">${[place, event.organizer?.name].filter(Boolean).join(' · ')}</span></p></li>`;
  }

  private renderList(): TemplateResult {
    const matches = this.searched.matches;
    const page = this.clampedPage();
    const pages = Math.max(1, Math.ceil(matches.length / LIST_PAGE));
    const visible = matches.slice((page - 1) * LIST_PAGE, page * LIST_PAGE);
    // Events already running are listed under the first day shown: the period's first day, or today
    // when past events are hidden.
    const periodStart = this.period().first;
    const today = this.today();
    const firstShown = !this.showPast && today > periodStart ? today : periodStart;
    const groups = new Map<DayKey, Occurrence[]>();
    for (const item of visible) {
      const day = listDay(item, firstShown);
      const list = groups.get(day);
      if (list) list.push(item);
      else groups.set(day, [item]);
    }
    const level = this.headingLevelValue();
    return html`<div part="list" class="list">
        ${repeat(
          [...groups.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1)),
          ([day]) => day,
          ([day, items]) => html`<section class="day-group"><div part="day" class="day" role="heading" aria-level=${level}>${this.dayLabel(day)}</div><ul class="items">${repeat(items, (item) => item.key, (item) => this.renderItem(item, day))}</ul></section>`,
        )}
        ${page === pages && this.undated.length > 0 ? this.renderUndated(level) : nothing}
      </div>
      ${pages > 1 ? renderPager(this.localize.t, page, pages, (next) => (this.page = next)) : nothing}
      ${this.renderIcsAll(matches)}`;
  }

  /** Events with unusable dates: shown at the end of the list rather than silently dropped. */
  private renderUndated(level: number): TemplateResult {
    const t = this.localize.t;
    const items = this.undated.slice(0, LIST_PAGE);
    return html`<section class="day-group undated"><div part="day" class="day" role="heading" aria-level=${level}>${t.unknownDate.charAt(0).toUpperCase()}${t.unknownDate.slice(1)}</div><ul class="items">${repeat(
      items,
      (event) => event.id,
      (event) => html`<li part="item" class="item"><p part="item-title" class="title"><a href=${elementPageUrl(this.linkBase, event)} dir="auto">${event.name}</a></p><p class="meta"><span class="badge">${this.typeLabel(event.eventType ?? 'others')}</span> <span dir="auto">${event.address?.locality ?? ''}</span></p></li>`,
    )}</ul></section>`;
  }

  private renderCompact(): TemplateResult {
    const a = this.localize.t.agenda;
    const items = this.searched.matches.slice(0, Math.floor(this.max));
    const more = this.moreHref || (this.organization ? `${normalizeLinkBase(this.linkBase)}/#@${encodeURIComponent(this.organization)}` : `${normalizeLinkBase(this.linkBase)}/#agenda`);
    return html`<ul part="list" class="items compact">${repeat(items, (item) => item.key, (item) => this.renderItem(item, null))}</ul>
      <p class="more"><a href=${more}>${a.seeAll}</a></p>`;
  }

  private renderMonth(): TemplateResult {
    const a = this.localize.t.agenda;
    const anchor = this.anchor ?? this.today();
    const days = monthGridDays(anchor);
    const cells = byDay(this.searched.matches, days);
    const today = this.today();
    const focusDay = this.focusDay && days.includes(this.focusDay) ? this.focusDay : days.includes(today) && today.slice(0, 7) === anchor.slice(0, 7) ? today : startOfMonth(anchor);
    const weekdays = days.slice(0, 7).map((day) => this.dayLabel(day, { weekday: 'short' }));
    const weekdayNames = days.slice(0, 7).map((day) => this.dayLabel(day, { weekday: 'long' }));
    const panelItems = cells.get(focusDay) ?? [];
    const level = this.headingLevelValue();
    return html`<p id="grid-help" class="visually-hidden">${a.gridHelp}</p>
      <div part="grid" class="grid" role="grid" aria-label=${this.periodTitle()} aria-describedby="grid-help" @keydown=${this.handleGridKeydown}>
        <div role="row" class="grid-row head">${weekdays.map((label, index) => html`<div role="columnheader" class="colhead"><abbr title=${weekdayNames[index]!}>${label}</abbr></div>`)}</div>
        ${[0, 1, 2, 3, 4, 5].map(
          (week) => html`<div role="row" class="grid-row">${days.slice(week * 7, week * 7 + 7).map((day) => {
            const items = cells.get(day) ?? [];
            const outside = day.slice(0, 7) !== anchor.slice(0, 7);
            // Three fixed slots rather than a mapped list: a mapped list costs two marker nodes per
            // entry, and the grid must stay under the 1,400-node budget with 2,000 events.
            const [first, second, third] = items;
            return html`<div part="cell" role="gridcell" class=${`cell${outside ? ' outside' : ''}${day === today ? ' today' : ''}`} tabindex=${day === focusDay ? '0' : '-1'} aria-selected=${day === focusDay ? 'true' : 'false'} aria-label=${a.dayLabel(this.dayLabel(day), items.length)} data-day=${day} @click=${(e: Event) => this.handleCellClick(e, day, items)}><span class="num" aria-hidden="true">${Number(day.slice(8))}</span><span class="chip-event" data-index="0" aria-hidden="true" ?hidden=${!first}>${first?.event.name ?? ''}</span><span class="chip-event" data-index="1" aria-hidden="true" ?hidden=${!second}>${second?.event.name ?? ''}</span><span class="chip-event" data-index="2" aria-hidden="true" ?hidden=${!third}>${third?.event.name ?? ''}</span><span class="more-count" aria-hidden="true" ?hidden=${items.length <= CELL_EVENTS}>${items.length > CELL_EVENTS ? a.more(items.length - CELL_EVENTS) : ''}</span></div>`;
          })}</div>`,
        )}
      </div>
      <section class="day-panel">
        <div role="heading" aria-level=${level} tabindex="-1" class="day">${a.eventsOn(this.dayLabel(focusDay))}</div>
        ${panelItems.length > 0
          ? html`<ul class="items">${repeat(panelItems.slice(0, PANEL_EVENTS), (item) => item.key, (item) => this.renderItem(item, focusDay))}</ul>`
          : html`<p class="muted">${a.emptyDay}</p>`}
        ${panelItems.length > PANEL_EVENTS
          ? html`<p><button type="button" class="link-button" @click=${() => this.showDayInList(focusDay)}>${a.more(panelItems.length - PANEL_EVENTS)}</button></p>`
          : nothing}
      </section>
      ${this.renderIcsAll(this.searched.matches)}`;
  }

  private renderWeek(): TemplateResult {
    const a = this.localize.t.agenda;
    const first = startOfWeek(this.anchor ?? this.today());
    const days = Array.from({ length: 7 }, (_, index) => addDays(first, index));
    const cells = byDay(this.searched.matches, days);
    const today = this.today();
    const level = this.headingLevelValue();
    return html`<div part="week" class="week">
        ${days.map((day) => {
          const items = cells.get(day) ?? [];
          return html`<section class=${`week-day${day === today ? ' today' : ''}`}><div role="heading" aria-level=${level} class="day">${this.dayLabel(day, { weekday: 'long', day: 'numeric', month: 'long' })}</div>${items.length > 0
            ? html`<ul class="items">${repeat(items.slice(0, WEEK_DAY_EVENTS), (item) => item.key, (item) => this.renderItem(item, day))}</ul>${items.length > WEEK_DAY_EVENTS ? html`<p class="more-count">${a.more(items.length - WEEK_DAY_EVENTS)}</p>` : nothing}`
            : html`<p class="muted">—</p>`}</section>`;
        })}
      </div>
      ${this.renderIcsAll(this.searched.matches)}`;
  }

  private renderIcsAll(items: readonly Occurrence[]): TemplateResult | typeof nothing {
    if (this.noIcs || items.length === 0) return nothing;
    return html`<p class="ics-all"><button type="button" part="ics" class="button" @click=${() => this.downloadIcs(items, 'agenda.ics')}>${this.localize.t.agenda.downloadAllIcs(items.length)}</button></p>`;
  }

  private renderDetail(item: Occurrence): TemplateResult {
    const t = this.localize.t;
    const a = t.agenda;
    const d = t.directory;
    const event = item.event;
    const url = elementPageUrl(this.linkBase, event);
    const address = event.address;
    const addressLines = address ? [address.street, [address.postalCode, address.locality].filter(Boolean).join(' ')].filter((line) => line) : [];
    const details = [event.shortDescription, url].filter(Boolean).join('\n\n');
    const organizerUrl = event.organizer?.id || event.organizer?.slug
      ? elementPageUrl(this.linkBase, { slug: event.organizer.slug, id: event.organizer.id ?? '', collection: (event.organizer.collection ?? 'organizations') as 'organizations' })
      : null;
    return renderDetailDialog(this.detail, {
      title: event.name,
      closeLabel: t.close,
      loadingLabel: d.descriptionLoading,
      errorLabel: d.descriptionError,
      head: html`<p class="meta"><span class="badge">${this.typeLabel(event.eventType ?? 'others')}</span></p>
        <p class="when-detail">${this.dayLabel(item.firstDay)} · ${this.whenLabel(item, null)}</p>
        ${event.images.medium ? html`<img class="detail-image" src=${event.images.medium} alt="" width="160" height="160" />` : nothing}
        ${event.shortDescription ? html`<p class="lead"><bdi>${event.shortDescription}</bdi></p>` : nothing}`,
      body: html`${addressLines.length > 0 ? html`<h3>${a.place}</h3><address>${addressLines.map((line, i) => html`${i > 0 ? html`<br />` : nothing}<bdi>${line}</bdi>`)}</address>` : nothing}
        ${event.organizer?.name
          ? html`<h3>${a.organizer}</h3><p>${organizerUrl ? html`<a href=${organizerUrl} dir="auto">${event.organizer.name}</a>` : html`<bdi>${event.organizer.name}</bdi>`}</p>`
          : nothing}
        ${this.noIcs
          ? nothing
          : html`<h3>${a.addToCalendar}</h3>
              <ul class="plain calendar-links">
                <li><button type="button" class="link-button" @click=${() => this.downloadIcs([item], icsFileName(event.name))}>${a.downloadIcs}</button></li>
                <li><a href=${googleCalendarUrl(item, details)} target="_blank" rel="noopener noreferrer">${a.google}<span class="visually-hidden"> ${t.opensInNewWindow}</span></a></li>
                <li><a href=${outlookCalendarUrl(item, details)} target="_blank" rel="noopener noreferrer">${a.outlook}<span class="visually-hidden"> ${t.opensInNewWindow}</span></a></li>
              </ul>`}
        ${event.tags.length > 0 ? html`<h3>${d.tags}</h3><ul class="tags">${event.tags.map((tag) => html`<li><bdi>#${tag}</bdi></li>`)}</ul>` : nothing}`,
      footer: html`<p class="dialog-footer">
          <a class="button" href=${url} target="_blank" rel="noopener">${t.seeOnCommunecterNamed(event.name)}<span class="visually-hidden"> ${t.opensInNewWindow}</span></a>
        </p>
        <p class="muted source">${t.sourceAttribution}</p>`,
    });
  }
}
