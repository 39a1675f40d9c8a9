import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { deepEquals as deepEqual } from '@lit/task/deep-equals.js';
import {
  DEFAULT_API_BASE,
  DEFAULT_LINK_BASE,
  EVENT_TYPES,
  checkBaseUrl,
  checkElementRef,
  checkScope,
  clientFor,
  elementPageUrl,
  fetchEventsInWindow,
  fetchOrganizationEvents,
  normalizeLinkBase,
  parseList,
  toTimeZone,
  type CivicEvent,
  type ConfigProblem,
  type Scope,
} from '../../api/index.js';
import { emit } from '../../shared/events.js';
import { facetCount, facetLabel, topValues } from '../../shared/facets.js';
import { FilterController } from '../../shared/filter-controller.js';
import { viewerTimeZone } from '../../shared/format.js';
import { LocaleController } from '../../shared/i18n/locale-controller.js';
import { ResultsController } from '../../shared/results-controller.js';
import { RovingFocusController } from '../../shared/roving-focus-controller.js';
import { SelectionController } from '../../shared/selection-controller.js';
import { baseStyles } from '../../shared/styles.js';
import { headingLevel, renderAddress, renderDetailFooter, renderDetailImage, renderEmpty, renderFacetGroup, renderSearchField, renderTagList } from '../../shared/templates.js';
import { renderActiveFilters, renderDetailDialog, renderErrorState, renderPager } from '../../shared/ui.js';
import { uiStyles } from '../../shared/ui.styles.js';
import { addDays, addMonths, dayKeyOf, daysBetween, isDayKey, monthGridDays, parseDayAttribute, startOfDay, startOfMonth, startOfWeek, type DayKey } from '../../shared/zoned-time.js';
import { dayLabel, periodTitle, typeLabel, whenLabel, type AgendaView, type LabelContext } from './agenda-format.js';
import { JsonLdController } from './agenda-jsonld.js';
import { byDay, dateGridMove, indexOccurrences, listDay, occurrencesInWindow, searchAgenda, typeOf, type AgendaSearch, type Occurrence, type OccurrenceIndex, type Window } from './agenda-model.js';
import { renderItems, renderMonth, renderWeek, type ItemHandlers } from './agenda-views.js';
import { agendaStyles } from './cc-agenda.styles.js';

export type { AgendaView } from './agenda-format.js';
type Exporter = typeof import('./agenda-export.js');
type Args = readonly [apiBase: string, organization: string, scope: Scope | null, start: string, end: string, eventType: string];

const VIEWS: readonly AgendaView[] = ['list', 'month', 'week'];
const LIST_PAGE = 25;
const MAX_TAG_CHIPS = 10;
const JSONLD_MAX = 100;

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
  @state() private showPast = false;
  /** The day that has keyboard focus in the month grid, and whose events are listed below it. */
  @state() private focusDay: DayKey | null = null;
  @state() private periodAnnouncement = '';
  /** The .ics and web-calendar code, loaded on first use. */
  @state() private exporter: Exporter | null = null;

  private occurrences: Occurrence[] = [];
  /** Events whose dates the platform gave in an unusable form: listed apart, "date inconnue". */
  private undated: CivicEvent[] = [];
  private index: OccurrenceIndex = indexOccurrences([]);
  private searched: AgendaSearch = { matches: [], result: null };
  private occurrencesKey: readonly unknown[] = [];
  private searchKey: readonly unknown[] = [];

  private readonly localize = new LocaleController(this);
  private readonly filters = new FilterController(this, {
    syncUrl: () => this.syncUrl,
    namespace: () => this.id || 'cc-agenda',
    tagLabel: (key) => facetLabel(this.index, 'tags', key),
    extraState: () => ({ view: this.currentView === this.view ? '' : this.currentView, day: this.anchor ?? '', past: this.showPast ? '1' : '' }),
    restoreExtra: (state, initial) => {
      this.currentView = VIEWS.includes(state.view as AgendaView) ? (state.view as AgendaView) : this.viewAttribute();
      if (state.day && isDayKey(state.day)) this.anchor = state.day;
      else if (!initial) this.anchor = this.fromDay();
      this.showPast = state.past === '1';
    },
  });
  private readonly results = new ResultsController<Args, CivicEvent[]>(this, {
    client: () => clientFor(this.apiBase),
    problems: () => this.problems(),
    args: () => {
      const window = this.fetchWindow();
      const types = this.serverEventTypes();
      const organization = this.organization.trim();
      // One organisation's events come at once, whatever the period: navigating never reloads them.
      return organization ? [this.apiBase, organization, null, '', '', ''] : [this.apiBase, '', checkScope(this).scope, window.start.toISOString(), window.end.toISOString(), types.length === 1 ? types[0]! : ''];
    },
    load: ([, organization, scope, start, end, eventType], { client, signal }) =>
      organization ? fetchOrganizationEvents(client, organization, { signal }) : fetchEventsInWindow(client, { scope: scope ?? {}, start: new Date(start), end: new Date(end), ...(eventType ? { eventType } : {}) }, { signal }),
    isEmpty: (events) => events.length === 0,
    onLoaded: (events) => this.recompute(events),
    counts: () => ({ count: this.searched.matches.length, total: this.occurrences.length }),
  });
  private readonly selection = new SelectionController<Occurrence, CivicEvent>(this, {
    itemOf: (item) => item.event,
    kindOf: () => 'event',
    urlOf: (item) => this.urlOf(item.event),
    linkBase: () => this.linkBase,
  });
  private readonly grid = new RovingFocusController<DayKey>(this, {
    current: () => this.focusDay ?? this.anchor ?? this.today(),
    move: dateGridMove,
    onMove: (day) => this.moveFocusDay(day),
    onActivate: (day) => {
      this.focusDay = day;
      (this.renderRoot.querySelector('.day-panel [role="heading"]') as HTMLElement | null)?.focus();
    },
    focusTarget: () => this.renderRoot.querySelector('[role="gridcell"][tabindex="0"]'),
  });

  constructor() {
    super();
    new JsonLdController(this, () => (this.noJsonld ? [] : this.visibleOccurrences().slice(0, JSONLD_MAX)), (event) => this.urlOf(event));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const first = !this.hasUpdated;
    const restored = first && this.filters.restored;
    if (changed.has('view') && !restored) this.currentView = this.viewAttribute();
    if ((changed.has('from') || changed.has('timeZone')) && !(restored && this.anchor)) {
      this.anchor = this.fromDay();
      this.filters.page = 1;
    }
    if (this.anchor === null) this.anchor = this.today();
    this.recompute();
  }

  // ---------------------------------------------------------------- time

  private viewAttribute(): AgendaView {
    return VIEWS.includes(this.view) ? this.view : 'list';
  }

  /** The zone for events without one and for "today": the attribute when valid, else the visitor's. */
  private fallbackZone(): string {
    return toTimeZone(this.timeZone) ?? this.viewerZone;
  }

  private today(): DayKey {
    return dayKeyOf(new Date(), this.fallbackZone());
  }

  private fromDay(): DayKey {
    return parseDayAttribute(this.from, this.today()) ?? this.today();
  }

  private compact(): boolean {
    return Number.isFinite(this.max) && this.max > 0;
  }

  /** The days shown: a list's period, the 6 weeks of a month grid, or a week. */
  private period(): { first: DayKey; last: DayKey } {
    const anchor = this.anchor ?? this.today();
    if (this.compact()) return { first: this.today(), last: addMonths(this.today(), 12) };
    if (this.currentView === 'month') {
      const days = monthGridDays(anchor);
      return { first: days[0]!, last: days[days.length - 1]! };
    }
    if (this.currentView === 'week') return { first: startOfWeek(anchor), last: addDays(startOfWeek(anchor), 6) };
    return { first: anchor, last: addDays(anchor, this.listLength() - 1) };
  }

  /** Days in the list's period: from `from` to `to` when both are given, else three months. */
  private listLength(): number {
    const from = this.fromDay();
    const to = parseDayAttribute(this.to, this.today()) ?? addMonths(from, 3);
    return Math.max(1, Math.min(731, daysBetween(from, to) + 1));
  }

  private window(): Window {
    const { first, last } = this.period();
    const zone = this.fallbackZone();
    return { start: startOfDay(first, zone), end: startOfDay(addDays(last, 1), zone) };
  }

  /** The period widened by a day on each side (events in other zones may fall on its days); the true overlap is computed here. */
  private fetchWindow(): Window {
    const window = this.window();
    return { start: new Date(window.start.getTime() - 86_400_000), end: new Date(window.end.getTime() + 86_400_000) };
  }

  // ---------------------------------------------------------------- data

  private problems(): ConfigProblem[] {
    const bases = [...checkBaseUrl('api-base', this.apiBase), ...checkBaseUrl('link-base', this.linkBase)];
    // One organisation's agenda ignores the place and network scope.
    if (this.organization.trim()) return [...bases, ...checkElementRef('organization', this.organization).problems];
    return [...bases, ...checkScope(this).problems];
  }

  private serverEventTypes(): string[] {
    return parseList(this.eventTypes).filter((type) => (EVENT_TYPES as readonly string[]).includes(type));
  }

  /** Occurrences in the period, then the filtered matches with facet counts, each recomputed only when its inputs changed. */
  private recompute(loaded?: CivicEvent[]): void {
    const events = loaded ?? this.results.value ?? [];
    const window = this.window();
    const wanted = this.serverEventTypes();
    const occurrencesKey = [events, window.start.getTime(), window.end.getTime(), this.fallbackZone(), wanted];
    if (!deepEqual(occurrencesKey, this.occurrencesKey)) {
      this.occurrencesKey = occurrencesKey;
      const inScope = wanted.length > 0 ? events.filter((event) => wanted.includes(typeOf(event))) : events;
      this.occurrences = occurrencesInWindow(inScope, window, this.fallbackZone());
      this.undated = inScope.filter((event) => event.start === null && event.recurrence.length === 0);
      this.index = indexOccurrences(this.occurrences);
    }
    const f = this.filters;
    const now = new Date();
    // In the list, what already ended is hidden unless asked for; grids show whole periods.
    const notBefore = (this.currentView === 'list' || this.compact()) && !this.showPast ? now : null;
    const searchKey = [this.index, f.text, f.types, f.tags, notBefore ? Math.floor(now.getTime() / 60_000) : 0];
    if (!deepEqual(searchKey, this.searchKey)) {
      this.searchKey = searchKey;
      this.searched = searchAgenda(this.index, { text: f.text, types: f.types, tags: f.tags, notBefore });
    }
  }

  private urlOf(event: CivicEvent): string {
    return elementPageUrl(this.linkBase, event);
  }

  /** What the current view shows (for JSON-LD and the .ics of the list). */
  private visibleOccurrences(): Occurrence[] {
    const matches = this.searched.matches;
    if (this.compact()) return matches.slice(0, Math.floor(this.max));
    if (this.currentView === 'list') return matches.slice((this.listPage() - 1) * LIST_PAGE, this.listPage() * LIST_PAGE);
    return matches;
  }

  private listPage(): number {
    const pages = Math.max(1, Math.ceil(this.searched.matches.length / LIST_PAGE));
    return Math.min(Math.max(1, this.filters.page), pages);
  }

  // ---------------------------------------------------------------- handlers

  private viewChanged(): void {
    this.filters.page = 1;
    this.filters.write(true);
    const { first, last } = this.period();
    this.periodAnnouncement = periodTitle(this.localize.t, this.currentView, this.anchor ?? this.today(), this.period());
    emit(this, 'cc-view-change', { view: this.currentView, from: first, to: last });
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
    this.anchor = this.currentView === 'list' ? this.fromDay() : this.today();
    this.focusDay = this.currentView === 'month' ? this.today() : null;
    this.viewChanged();
  }

  private moveFocusDay(day: DayKey): void {
    const anchor = this.anchor ?? this.today();
    this.focusDay = day;
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
    if (item) this.selectOccurrence(event, item);
  }

  private selectOccurrence(event: Event, item: Occurrence): void {
    this.selection.activate(event, item);
    // The detail offers "add to my calendar": load that code now, while the dialog opens.
    if (this.selection.open && !this.noIcs) void this.loadExporter();
  }

  private async loadExporter(): Promise<Exporter> {
    this.exporter ??= await import('./agenda-export.js');
    return this.exporter;
  }

  private async downloadIcs(items: readonly Occurrence[], fileName: string): Promise<void> {
    const exporter = await this.loadExporter();
    exporter.downloadIcs(items, fileName, { now: new Date(), urlOf: (event) => this.urlOf(event), calendarName: this.localize.t.agenda.label });
  }

  // ---------------------------------------------------------------- render

  private get labels(): LabelContext {
    return { t: this.localize.t, viewerZone: this.viewerZone };
  }

  private get handlers(): ItemHandlers {
    return { labels: this.labels, urlOf: (item) => this.urlOf(item.event), select: (e, item) => this.selectOccurrence(e, item), keydown: (e, item) => this.selection.keydown(e, item) };
  }

  override render(): TemplateResult {
    const t = this.localize.t;
    const phase = this.results.phase;
    const events = this.results.value;
    const compact = this.compact();
    const failed = phase === 'failed' || phase === 'config';
    return html`<section part="base" class="base view-${compact ? 'compact' : this.currentView}" aria-label=${t.agenda.label}>
      ${compact ? nothing : this.renderToolbar()}
      ${compact || this.noFilters || !events || failed ? nothing : this.renderFilters()}
      ${failed
        ? renderErrorState(t, this.results.error, `${normalizeLinkBase(this.linkBase)}/#agenda`, () => this.results.retry())
        : html`<div class="results" aria-busy=${phase === 'loading' ? 'true' : 'false'}>
            <p part="status" class="status" role="status">${this.statusText(events, phase === 'loading')}</p>
            ${events ? this.renderBody() : nothing}
          </div>`}
      ${this.selection.open ? this.renderDetail(this.selection.open) : nothing}
    </section>`;
  }

  private statusText(events: CivicEvent[] | null, loading: boolean): string {
    const c = this.localize.t.common;
    if (!events || loading) return this.results.slow ? c.loadingSlow : c.loading;
    const count = this.compact() ? Math.min(this.searched.matches.length, Math.floor(this.max)) : this.searched.matches.length;
    const text = this.localize.t.agenda.results(count);
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
      <p part="title" class="period">${periodTitle(this.localize.t, view, this.anchor ?? this.today(), this.period())}</p>
      <div class="views" role="group" aria-label=${a.viewLabel}>
        ${VIEWS.map((each) => html`<button type="button" class="button" aria-pressed=${each === view ? 'true' : 'false'} @click=${() => this.setView(each)}>${a.views[each]}</button>`)}
      </div>
    </div>`;
  }

  private renderFilters(): TemplateResult {
    const t = this.localize.t;
    const f = this.filters;
    const result = this.searched.result;
    const chip = (facet: 'types' | 'tags', key: string, label: string, count: number) => ({ key, label, count, pressed: f[facet].includes(key), name: t.common.chipLabel(label, count), onToggle: () => f.toggle(facet, key) });
    const typeKeys = result ? topValues(this.index, result, 'types', Infinity).map((value) => value.key) : [];
    for (const type of f.types) if (!typeKeys.includes(type)) typeKeys.push(type);
    const types = typeKeys.map((type) => chip('types', type, typeLabel(t, type), result ? facetCount(this.index, result, 'types', type) : 0));
    const tags = [
      ...f.tags.map((key) => chip('tags', key, facetLabel(this.index, 'tags', key), this.searched.matches.length)),
      ...(result ? topValues(this.index, result, 'tags', MAX_TAG_CHIPS, f.tags).map((tag) => chip('tags', tag.key, tag.label, tag.count)) : []),
    ];
    return html`<div class="controls">
      ${renderSearchField({ label: t.agenda.searchLabel, value: f.text, onInput: (value) => f.input(value), onSubmit: () => f.submit() })}
      <div part="facets" class="facets" role="group" aria-label=${t.common.filtersLabel}>
        ${types.length > 1 || f.types.length > 0 ? renderFacetGroup(t.agenda.typeFacet, types) : nothing}
        ${tags.length > 0 ? renderFacetGroup(t.agenda.tagFacet, tags) : nothing}
        ${this.currentView === 'list' ? html`<label class="toggle"><input type="checkbox" .checked=${this.showPast} @change=${this.handlePastToggle} /> ${t.agenda.showPast}</label>` : nothing}
      </div>
      ${renderActiveFilters(t, f.activeFilters((type) => typeLabel(t, type), t.common.textFilter), () => f.clearAll())}
    </div>`;
  }

  private handlePastToggle(event: Event): void {
    this.showPast = (event.target as HTMLInputElement).checked;
    this.filters.page = 1;
    this.filters.write(true);
  }

  private renderBody(): TemplateResult {
    if (this.searched.matches.length === 0 && this.undated.length === 0 && this.currentView === 'list') {
      return renderEmpty(this.localize.t, this.filters.active, { empty: this.localize.t.agenda.empty, emptyScope: this.localize.t.agenda.emptyWindow }, () => this.filters.clearAll());
    }
    if (this.compact()) return this.renderCompact();
    const h = this.handlers;
    const t = this.localize.t;
    const anchor = this.anchor ?? this.today();
    const today = this.today();
    const level = headingLevel(this.headingLevel);
    if (this.currentView === 'month') {
      const days = monthGridDays(anchor);
      const month = anchor.slice(0, 7);
      const focusDay = this.focusDay && days.includes(this.focusDay) ? this.focusDay : today.slice(0, 7) === month ? today : startOfMonth(anchor);
      const title = periodTitle(t, 'month', anchor, this.period());
      return html`${renderMonth(h, { t, days, cells: byDay(this.searched.matches, days), month, today, focusDay, title, level, onKeydown: this.grid.handleKeydown, onCellClick: (e, day, items) => this.handleCellClick(e, day, items), onMore: (day) => this.showDayInList(day) })}${this.renderIcsAll()}`;
    }
    if (this.currentView === 'week') {
      const days = Array.from({ length: 7 }, (_, index) => addDays(startOfWeek(anchor), index));
      return html`${renderWeek(h, t, days, byDay(this.searched.matches, days), today, level)}${this.renderIcsAll()}`;
    }
    return this.renderList(level);
  }

  private renderList(level: number): TemplateResult {
    const matches = this.searched.matches;
    const page = this.listPage();
    const pages = Math.max(1, Math.ceil(matches.length / LIST_PAGE));
    // Events already running are listed under the first day shown: the period's first day, or today when past events are hidden.
    const periodStart = this.period().first;
    const firstShown = !this.showPast && this.today() > periodStart ? this.today() : periodStart;
    const groups = new Map<DayKey, Occurrence[]>();
    for (const item of matches.slice((page - 1) * LIST_PAGE, page * LIST_PAGE)) {
      const day = listDay(item, firstShown);
      groups.set(day, [...(groups.get(day) ?? []), item]);
    }
    const heading = (text: string) => html`<div part="day" class="day" role="heading" aria-level=${level}>${text}</div>`;
    const unknown = this.localize.t.unknownDate;
    return html`<div part="list" class="list">
        ${repeat([...groups.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1)), ([day]) => day, ([day, items]) => html`<section class="day-group">${heading(dayLabel(this.localize.t, day))}${renderItems(this.handlers, items, day)}</section>`)}
        ${page === pages && this.undated.length > 0
          ? html`<section class="day-group undated">${heading(unknown.charAt(0).toUpperCase() + unknown.slice(1))}<ul class="items">${repeat(this.undated.slice(0, LIST_PAGE), (event) => event.id, (event) => this.renderUndated(event))}</ul></section>`
          : nothing}
      </div>
      ${pages > 1 ? renderPager(this.localize.t, page, pages, (next) => this.filters.setPage(next)) : nothing}
      ${this.renderIcsAll()}`;
  }

  /** An event with unusable dates: shown at the end of the list rather than silently dropped. */
  private renderUndated(event: CivicEvent): TemplateResult {
    return html`<li part="item" class="item"><p part="item-title" class="title"><a href=${this.urlOf(event)} dir="auto">${event.name}</a></p><p class="meta"><span class="badge">${typeLabel(this.localize.t, typeOf(event))}</span> <span dir="auto">${event.address?.locality ?? ''}</span></p></li>`;
  }

  private renderCompact(): TemplateResult {
    const base = normalizeLinkBase(this.linkBase);
    const more = this.moreHref || (this.organization ? `${base}/#@${encodeURIComponent(this.organization)}` : `${base}/#agenda`);
    return html`${renderItems(this.handlers, this.searched.matches.slice(0, Math.floor(this.max)), null, 'items compact')}<p class="more"><a href=${more}>${this.localize.t.agenda.seeAll}</a></p>`;
  }

  private renderIcsAll(): TemplateResult | typeof nothing {
    const items = this.searched.matches;
    if (this.noIcs || items.length === 0) return nothing;
    return html`<p class="ics-all"><button type="button" part="ics" class="button" @click=${() => this.downloadIcs(items, 'agenda.ics')}>${this.localize.t.agenda.downloadAllIcs(items.length)}</button></p>`;
  }

  private renderDetail(item: Occurrence): TemplateResult {
    const t = this.localize.t;
    const c = t.common;
    const a = t.agenda;
    const event = item.event;
    const url = this.urlOf(event);
    const organizer = event.organizer;
    const organizerUrl = organizer?.id || organizer?.slug ? elementPageUrl(this.linkBase, { slug: organizer.slug, id: organizer.id ?? '', collection: (organizer.collection ?? 'organizations') as 'organizations' }) : null;
    const exporter = this.exporter;
    const details = [event.shortDescription, url].filter(Boolean).join('\n\n');
    const newWindow = html`<span class="visually-hidden"> ${c.opensInNewWindow}</span>`;
    return renderDetailDialog(this.selection.detail, {
      title: event.name,
      closeLabel: c.close,
      loadingLabel: c.descriptionLoading,
      errorLabel: c.descriptionError,
      head: html`<p class="meta"><span class="badge">${typeLabel(t, typeOf(event))}</span></p>
        <p class="when-detail">${dayLabel(t, item.firstDay)} · ${whenLabel(this.labels, item, null)}</p>
        ${renderDetailImage(event.images.medium, '', false, () => undefined)}
        ${event.shortDescription ? html`<p class="lead"><bdi>${event.shortDescription}</bdi></p>` : nothing}`,
      body: html`${renderAddress(a.place, event.address)}
        ${organizer?.name ? html`<h3>${a.organizer}</h3><p>${organizerUrl ? html`<a href=${organizerUrl} dir="auto">${organizer.name}</a>` : html`<bdi>${organizer.name}</bdi>`}</p>` : nothing}
        ${this.noIcs
          ? nothing
          : html`<h3>${a.addToCalendar}</h3>
              <ul class="plain calendar-links">
                <li><button type="button" class="link-button" @click=${() => this.downloadIcs([item], exporter?.icsFileName(event.name) ?? 'evenement.ics')}>${a.downloadIcs}</button></li>
                ${exporter
                  ? html`<li><a href=${exporter.googleCalendarUrl(item, details)} target="_blank" rel="noopener noreferrer">${a.google}${newWindow}</a></li>
                      <li><a href=${exporter.outlookCalendarUrl(item, details)} target="_blank" rel="noopener noreferrer">${a.outlook}${newWindow}</a></li>`
                  : nothing}
              </ul>`}
        ${renderTagList(c.tags, event.tags)}`,
      footer: renderDetailFooter(t, url, event.name),
    });
  }
}
