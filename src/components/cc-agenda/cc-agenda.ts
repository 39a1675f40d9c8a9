import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
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
  type CivicEvent,
  type ConfigProblem,
  type Scope,
} from '../../api/index.js';
import { facetLabel, topValues } from '../../shared/facets.js';
import { COMMON_PROPERTIES, initCommonAttributes, type CommonAttributes } from '../../shared/common-attributes.js';
import { FilterController } from '../../shared/filter-controller.js';
import { viewerTimeZone } from '../../lib/format.js';
import { LocaleController } from '../../shared/i18n/locale-controller.js';
import { ResultsController } from '../../shared/results-controller.js';
import { RovingFocusController } from '../../shared/roving-focus-controller.js';
import { SelectionController } from '../../shared/selection-controller.js';
import { baseStyles } from '../../shared/styles.js';
import { headingLevel, renderEmpty, renderFilterPanel, renderSkipLink, renderSkipTarget } from '../../shared/templates.js';
import { focusResults, renderErrorState, renderPager, renderStaleNotice } from '../../shared/ui.js';
import { uiStyles } from '../../shared/ui.styles.js';
import { addDays, monthGridDays, startOfMonth, startOfWeek, type DayKey } from '../../lib/zoned-time.js';
import { periodTitle, typeLabel, type LabelContext } from './agenda-format.js';
import { JsonLdController, eventJsonLd } from './agenda-jsonld.js';
import { AgendaMatches, byDay, dateGridMove, type AgendaView, type Occurrence } from './agenda-model.js';
import { AgendaNavigation } from './agenda-navigation.js';
import { renderEventDetail, renderItems, renderList, renderMonth, renderToolbar, renderWeek, type Exporter, type ItemHandlers } from './agenda-views.js';
import { agendaStyles } from './cc-agenda.styles.js';

export type { AgendaView } from './agenda-model.js';
type Args = readonly [apiBase: string, organization: string, scope: Scope | null, start: string, end: string, eventType: string];

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
 * @fires cc-error - Loading failed, or the configuration is invalid (nothing is then requested): `{error}` (an `ApiError` with a `kind`).
 * @fires cc-select - The user picked an event: `{item, kind, url}`. Cancelable: `preventDefault()` keeps the detail dialog closed.
 * @fires cc-filter-change - The user changed the search (once typing pauses), a chip, or cleared the filters: `{query, types, tags}`.
 * @fires cc-view-change - The user changed the view or the period: `{view, from, to}` (days, `YYYY-MM-DD`).
 *
 * @slot - Fallback content (e.g. a link to the agenda on Communecter), shown before the element upgrades and in the error state.
 *
 * @csspart base - The outer wrapper.
 * @csspart toolbar - Navigation and view switcher.
 * @csspart title - The period shown.
 * @csspart search-input - The search field.
 * @csspart filters-toggle - The button that unfolds the filters on narrow containers ("Filtres (2)").
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
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class CcAgenda extends LitElement {
  static override properties = COMMON_PROPERTIES;
  static override styles = [baseStyles, uiStyles, agendaStyles];

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
  /**
   * The visitor's time zone: times in other zones are labelled (tests pin it).
   * @internal
   */
  @property({ attribute: false }) viewerZone = viewerTimeZone();

  @state() private showPast = false;
  /** "Page 2 sur 3" in the status line after the visitor changed page (cleared by any other change). */
  @state() private pageAnnouncement = '';
  /** The .ics and web-calendar code, loaded on first use. */
  @state() private exporter: Exporter | null = null;

  private readonly found = new AgendaMatches();
  private readonly localize = new LocaleController(this);
  private readonly nav: AgendaNavigation = new AgendaNavigation(
    this,
    () => ({ view: this.view, from: this.from, to: this.to, timeZone: this.timeZone, viewerZone: this.viewerZone, compact: this.compact() }),
    () => periodTitle(this.localize.t, this.nav.view, this.nav.current(), this.nav.period()),
    () => {
      this.filters.page = 1;
      this.pageAnnouncement = '';
      this.filters.write(true);
    },
  );
  private readonly filters = new FilterController(this, {
    syncUrl: () => this.syncUrl,
    namespace: () => this.id || 'cc-agenda',
    tagLabel: (key) => facetLabel(this.found.index, 'tags', key),
    extraState: () => ({ ...this.nav.urlState(), past: this.showPast ? '1' : '' }),
    restoreExtra: (state, initial) => {
      this.nav.restore(state, initial);
      this.showPast = state.past === '1';
    },
    onChange: (change) => {
      if (change !== 'page') this.pageAnnouncement = '';
    },
  });
  private readonly results = new ResultsController<Args, CivicEvent[]>(this, {
    client: () => clientFor(this.apiBase),
    problems: () => this.problems(),
    args: () => {
      const window = this.nav.window(1);
      const types = this.serverEventTypes();
      const organization = this.organization.trim();
      // One organisation's events come at once, whatever the period: navigating never reloads them.
      return organization ? [this.apiBase, organization, null, '', '', ''] : [this.apiBase, '', checkScope(this).scope, window.start.toISOString(), window.end.toISOString(), types.length === 1 ? types[0]! : ''];
    },
    load: ([, organization, scope, start, end, eventType], { client, signal }) =>
      organization ? fetchOrganizationEvents(client, organization, { signal }) : fetchEventsInWindow(client, { scope: scope ?? {}, start: new Date(start), end: new Date(end), ...(eventType ? { eventType } : {}) }, { signal }),
    isEmpty: (events) => events.length === 0,
    onLoaded: (events) => this.recompute(events),
    counts: () => ({ count: this.found.searched.matches.length, total: this.found.occurrences.length }),
  });
  private readonly selection = new SelectionController<Occurrence, CivicEvent>(this, {
    itemOf: (item) => item.event,
    kindOf: () => 'event',
    urlOf: (item) => this.urlOf(item.event),
    linkBase: () => this.linkBase,
  });
  private readonly grid = new RovingFocusController<DayKey>(this, {
    current: () => this.nav.focusDay ?? this.nav.current(),
    move: dateGridMove,
    onMove: (day) => this.nav.focus(day),
    onActivate: (day) => {
      this.nav.select(day);
      (this.renderRoot.querySelector('.day-panel [role="heading"]') as HTMLElement | null)?.focus();
    },
    focusTarget: () => this.renderRoot.querySelector('[role="gridcell"][tabindex="0"]'),
  });

  constructor() {
    super();
    initCommonAttributes(this);
    new JsonLdController(this, () => (this.noJsonld ? [] : eventJsonLd(this.visibleOccurrences().slice(0, JSONLD_MAX), (event) => this.urlOf(event))), 'ccAgenda');
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    // The first render waits for the page's language table (English is loaded on demand).
    const wait = this.localize.beforeFirstUpdate();
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const moved = this.nav.fromAttributes({ view: changed.has('view'), from: changed.has('from') || changed.has('timeZone') }, !this.hasUpdated && this.filters.restored);
    if (moved) this.filters.page = 1;
    this.recompute();
  }

  // ---------------------------------------------------------------- data

  private compact(): boolean {
    return Number.isFinite(this.max) && this.max > 0;
  }

  private problems(): ConfigProblem[] {
    const bases = [...checkBaseUrl('api-base', this.apiBase), ...checkBaseUrl('link-base', this.linkBase), ...this.nav.problems(this.localize.locale)];
    // One organisation's agenda ignores the place and network scope.
    return [...bases, ...(this.organization.trim() ? checkElementRef('organization', this.organization).problems : checkScope(this).problems)];
  }

  private serverEventTypes(): string[] {
    return parseList(this.eventTypes).filter((type) => (EVENT_TYPES as readonly string[]).includes(type));
  }

  private recompute(loaded?: CivicEvent[]): void {
    const f = this.filters;
    // In the list, what already ended is hidden unless asked for; grids show whole periods.
    const notBefore = (this.nav.view === 'list' || this.compact()) && !this.showPast ? new Date() : null;
    this.found.update(loaded ?? this.results.value ?? [], this.nav.window(), this.nav.zone(), this.serverEventTypes(), { text: f.text, types: f.types, tags: f.tags, notBefore });
  }

  private urlOf(event: CivicEvent): string {
    return elementPageUrl(this.linkBase, event);
  }

  /** What the current view shows (for JSON-LD and the .ics of the list). */
  private visibleOccurrences(): Occurrence[] {
    const matches = this.found.searched.matches;
    if (this.compact()) return matches.slice(0, Math.floor(this.max));
    if (this.nav.view === 'list') return matches.slice((this.listPage() - 1) * LIST_PAGE, this.listPage() * LIST_PAGE);
    return matches;
  }

  private listPage(): number {
    return Math.min(Math.max(1, this.filters.page), Math.max(1, Math.ceil(this.found.searched.matches.length / LIST_PAGE)));
  }

  // ---------------------------------------------------------------- handlers

  private selectOccurrence(event: Event, item: Occurrence): void {
    this.selection.activate(event, item);
    // The detail offers "add to my calendar": load that code now, while the dialog opens.
    if (this.selection.open && !this.noIcs) void this.loadExporter();
  }

  private async loadExporter(): Promise<Exporter> {
    this.exporter ??= await import('./agenda-export.js');
    return this.exporter;
  }

  private async downloadIcs(items: readonly Occurrence[], fileName: (exporter: Exporter, calendarName: string) => string): Promise<void> {
    const exporter = await this.loadExporter();
    const calendarName = exporter.calendarName(this.localize.t.agenda.label, this, this.results.value ?? []);
    exporter.downloadIcs(items, fileName(exporter, calendarName), { now: new Date(), urlOf: (event) => this.urlOf(event), calendarName, until: this.nav.window().end });
  }

  private goToPage(page: number, pages: number): void {
    this.filters.setPage(page);
    this.pageAnnouncement = this.localize.t.common.pageOf(page, pages);
    void this.updateComplete.then(() => focusResults(this.renderRoot));
  }

  private handlePastToggle(event: Event): void {
    this.showPast = (event.target as HTMLInputElement).checked;
    this.filters.setPage(1);
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
    return html`<section part="base" class="base view-${compact ? 'compact' : this.nav.view}" aria-label=${t.agenda.label}>
      ${renderSkipLink(t.agenda.skip, this)}
      ${compact || phase === 'config'
        ? nothing
        : renderToolbar({ t, view: this.nav.view, title: periodTitle(t, this.nav.view, this.nav.current(), this.nav.period()), onShift: (d) => this.nav.shift(d), onToday: () => this.nav.goToToday(), onView: (v) => this.nav.setView(v) })}
      ${compact || this.noFilters || !events || failed ? nothing : this.renderFilters()}
      ${failed
        ? renderErrorState(t, this.results.error, `${normalizeLinkBase(this.linkBase)}/#agenda`, () => this.results.retry())
        : html`${renderStaleNotice(t, this.results.stale, () => this.results.retry())}<div class="results" aria-busy=${phase === 'loading' ? 'true' : 'false'}>
            <p part="status" class="status" role="status">${this.statusText(events, phase === 'loading')}</p>
            ${events ? this.renderBody() : nothing}
          </div>`}
      ${this.selection.open ? this.renderDetail(this.selection.open) : nothing}
      ${renderSkipTarget()}
    </section>`;
  }

  private statusText(events: CivicEvent[] | null, loading: boolean): string {
    const c = this.localize.t.common;
    if (!events || loading) return this.results.slow ? c.loadingSlow : c.loading;
    const count = this.found.shownCount(this.nav.view === 'list', this.compact() ? Math.floor(this.max) : null, LIST_PAGE);
    return [this.compact() ? '' : this.nav.announcement, this.localize.t.agenda.results(count), this.pageAnnouncement].filter(Boolean).join(' — ');
  }

  private renderFilters(): TemplateResult {
    const t = this.localize.t;
    const f = this.filters;
    const result = this.found.searched.result;
    const types = result ? topValues(this.found.index, result, 'types', Infinity) : [];
    for (const type of f.types) if (!types.some((value) => value.key === type)) types.push({ key: type, label: type, count: 0 });
    const tags = [...f.tags.map((key) => ({ key, label: facetLabel(this.found.index, 'tags', key), count: this.found.searched.matches.length })), ...(result ? topValues(this.found.index, result, 'tags', MAX_TAG_CHIPS, f.tags) : [])];
    return renderFilterPanel({
      t,
      filters: f,
      search: { label: t.agenda.searchLabel, placeholder: t.agenda.searchPlaceholder },
      facets: [
        { facet: 'types', legend: t.agenda.typeFacet, values: types.length > 1 || f.types.length > 0 ? types.map((value) => ({ ...value, label: typeLabel(t, value.key) })) : [] },
        { facet: 'tags', legend: t.agenda.tagFacet, values: tags },
      ],
      typeLabel: (type) => typeLabel(t, type),
      extra: this.nav.view === 'list' ? html`<label class="toggle"><input type="checkbox" .checked=${this.showPast} @change=${this.handlePastToggle} /> ${t.agenda.showPast}</label>` : nothing,
    });
  }

  private renderBody(): TemplateResult {
    if (this.found.searched.matches.length === 0 && this.found.undated.length === 0 && this.nav.view === 'list') {
      return renderEmpty(this.localize.t, this.filters.active, { empty: this.localize.t.agenda.empty, emptyScope: this.localize.t.agenda.emptyWindow }, () => this.filters.clearAll());
    }
    if (this.compact()) return this.renderCompact();
    const h = this.handlers;
    const t = this.localize.t;
    const anchor = this.nav.current();
    const today = this.nav.today();
    const level = headingLevel(this.headingLevel);
    if (this.nav.view === 'month') {
      const days = monthGridDays(anchor);
      const month = anchor.slice(0, 7);
      const focusDay = this.nav.focusDay && days.includes(this.nav.focusDay) ? this.nav.focusDay : today.slice(0, 7) === month ? today : startOfMonth(anchor);
      const title = periodTitle(t, 'month', anchor, this.nav.period());
      return html`${renderMonth(h, { t, days, cells: byDay(this.found.searched.matches, days), month, today, focusDay, title, level, onKeydown: this.grid.handleKeydown, onDay: (day) => this.nav.select(day), onMore: (day) => this.nav.showDayInList(day) })}${this.renderIcsAll()}`;
    }
    if (this.nav.view === 'week') {
      const days = Array.from({ length: 7 }, (_, index) => addDays(startOfWeek(anchor), index));
      return html`${renderWeek(h, t, days, byDay(this.found.searched.matches, days), today, level)}${this.renderIcsAll()}`;
    }
    return this.renderList(level);
  }

  private renderList(level: number): TemplateResult {
    const matches = this.found.searched.matches;
    const page = this.listPage();
    const pages = Math.max(1, Math.ceil(matches.length / LIST_PAGE));
    // Events already running are listed under the first day shown: the period's first day, or today when past events are hidden.
    const periodStart = this.nav.period().first;
    const firstShownDay = !this.showPast && this.nav.today() > periodStart ? this.nav.today() : periodStart;
    const undated = page === pages ? this.found.undated.slice(0, LIST_PAGE) : [];
    return html`${renderList(this.handlers, { t: this.localize.t, items: matches.slice((page - 1) * LIST_PAGE, page * LIST_PAGE), firstShownDay, undated, level, eventUrl: (event) => this.urlOf(event) })}
      ${pages > 1 ? renderPager(this.localize.t, page, pages, (next) => this.goToPage(next, pages)) : nothing}
      ${this.renderIcsAll()}`;
  }

  private renderCompact(): TemplateResult {
    const base = normalizeLinkBase(this.linkBase);
    const more = this.moreHref || (this.organization ? `${base}/#@${encodeURIComponent(this.organization)}` : `${base}/#agenda`);
    return html`${renderItems(this.handlers, this.found.searched.matches.slice(0, Math.floor(this.max)), null, 'items compact')}<p class="more"><a href=${more}>${this.localize.t.agenda.seeAll}</a></p>`;
  }

  private renderIcsAll(): TemplateResult | typeof nothing {
    const items = this.found.searched.matches;
    if (this.noIcs || items.length === 0) return nothing;
    return html`<p class="ics-all"><button type="button" part="ics" class="button" @click=${() => this.downloadIcs(items, (exporter, name) => exporter.icsFileName(name))}>${this.localize.t.agenda.downloadAllIcs(items.length)}</button></p>`;
  }

  private renderDetail(item: Occurrence): TemplateResult {
    const event = item.event;
    const organizer = event.organizer;
    const organizerUrl = organizer?.id || organizer?.slug ? elementPageUrl(this.linkBase, { slug: organizer.slug, id: organizer.id ?? '', collection: (organizer.collection ?? 'organizations') as 'organizations' }) : null;
    return renderEventDetail(this.selection.detail, item, {
      t: this.localize.t,
      labels: this.labels,
      url: this.urlOf(event),
      organizerUrl,
      exporter: this.exporter,
      noIcs: this.noIcs,
      periodEnd: this.nav.window().end,
      // A weekly event's file is its series over the period: every occurrence of it the agenda shows.
      onDownload: () => void this.downloadIcs(item.recurring ? [item, ...this.found.searched.matches.filter((each) => each.event === event && each !== item)] : [item], (exporter) => exporter.icsFileName(event.name)),
    });
  }
}

// The common attributes' types: COMMON_PROPERTIES declares them at run time (see common-attributes.ts).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface CcAgenda extends CommonAttributes {}
