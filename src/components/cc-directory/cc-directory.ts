import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { deepEquals as deepEqual } from '@lit/task/deep-equals.js';
import {
  COLLECTIONS,
  DEFAULT_API_BASE,
  DEFAULT_LINK_BASE,
  ORGANIZATION_TYPES,
  checkBaseUrl,
  checkScope,
  clientFor,
  elementPageUrl,
  loadScope,
  normalizeLinkBase,
  parseList,
  plainExcerpt,
  type CommunecterElement,
  type ConfigProblem,
  type Counts,
  type Scope,
  type ScopeSet,
  type ServerFilters,
  type SearchQuery,
  type SearchType,
} from '../../api/index.js';
import { facetCount, facetLabel, topValues, type FacetValue } from '../../shared/facets.js';
import { FilterController } from '../../shared/filter-controller.js';
import { LocaleController } from '../../shared/i18n/locale-controller.js';
import { ResultsController, type LoadContext } from '../../shared/results-controller.js';
import { SelectionController } from '../../shared/selection-controller.js';
import { baseStyles } from '../../shared/styles.js';
import {
  cardContacts,
  headingLevel,
  renderAddress,
  renderContactLink,
  renderContacts,
  renderDetailFooter,
  renderDetailImage,
  renderEmpty,
  renderFacetGroup,
  renderSearchField,
  renderTagList,
} from '../../shared/templates.js';
import { renderActiveFilters, renderDetailDialog, renderErrorState, renderPager } from '../../shared/ui.js';
import { uiStyles } from '../../shared/ui.styles.js';
import { truncateGraphemes } from '../../lib/text.js';
import { directoryStyles } from './cc-directory.styles.js';
import { SORTS, buildIndex, searchDirectory, type DirectoryIndex, type DirectorySearch, type DirectorySort } from './directory-model.js';

/**
 * Up to this many results the whole set is loaded once and searched in the browser; above it, text,
 * facets, sort and pages go to the server (see `loadScope`).
 */
export const LOCAL_LIMIT = 10_000;
const MAX_PAGE_SIZE = 24;
const MAX_TAG_CHIPS = 12;
const ANNOUNCE_DELAY_MS = 600;

const DEFAULT_TYPES: readonly SearchType[] = ['organizations'];
const ALLOWED_TYPES: readonly string[] = [...ORGANIZATION_TYPES, 'organizations', 'projects', 'poi'];
const isAllowedType = (type: string): type is SearchType => ALLOWED_TYPES.includes(type);

interface ResultSet {
  readonly mode: ScopeSet['mode'];
  readonly index: DirectoryIndex;
  readonly total: number | null;
  readonly counts: Counts;
}

type Args = readonly [apiBase: string, scope: Scope, types: SearchType[], server: ServerFilters];
type Status = { count: number; total: number | null; page?: { page: number; pages: number } };

/**
 * A searchable directory of the local actors of a commune, a network or a territory, read from
 * Communecter: search as you type, type and keyword facets with counts, sort, pages, and an
 * accessible detail dialog.
 *
 * @summary Directory of Communecter organisations, projects and places.
 *
 * @fires cc-load - Results were loaded and shown: `{count, total}`.
 * @fires cc-error - Loading failed: `{error}` (an `ApiError`).
 * @fires cc-select - The user picked an entry: `{item, kind, url}`. Cancelable: `preventDefault()` keeps the detail dialog closed so the host can handle it.
 * @fires cc-filter-change - The user changed the search, types or keywords: `{query, types, tags}`.
 *
 * @slot - Fallback content (e.g. a link to the directory on Communecter), shown before the element upgrades and in the error state.
 *
 * @csspart base - The outer wrapper.
 * @csspart search - The search form.
 * @csspart search-input - The search field.
 * @csspart facets - The facet groups.
 * @csspart chip - A facet or active-filter button.
 * @csspart active-filters - The row of active filters.
 * @csspart status - The results count line.
 * @csspart list - The results list.
 * @csspart item - One entry.
 * @csspart item-image - An entry's image box.
 * @csspart item-title - An entry's name.
 * @csspart item-badge - An entry's type badge.
 * @csspart item-tags - An entry's keywords.
 * @csspart pager - The pagination.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart dialog - The detail dialog.
 *
 * @cssprop --cc-directory-card-min-width - Smallest card width in the cards layout (default 260px).
 * @cssprop --cc-directory-card-background - Card background (default: the surface colour).
 * @cssprop --cc-directory-image-size - Image box size in the list layout (default 64px).
 * @cssprop --cc-directory-badge-background - Type badge background (default: the alternate surface).
 * @cssprop --cc-directory-chip-selected-background - Background of a selected chip (default: the accent).
 */
export class CcDirectory extends LitElement {
  static override styles = [baseStyles, uiStyles, directoryStyles];

  /** Platform origin or same-origin proxy the data is read from. */
  @property({ attribute: 'api-base' }) apiBase = DEFAULT_API_BASE;
  /** Origin of the "see on Communecter" links (a costum domain works). */
  @property({ attribute: 'link-base' }) linkBase = DEFAULT_LINK_BASE;
  /** Network scope: comma list of source keys. */
  @property({ attribute: 'source-key' }) sourceKey = '';
  /** Communecter city ids (comma list). */
  @property() city = '';
  /** Postal codes or prefixes (comma list). */
  @property({ attribute: 'postal-code' }) postalCode = '';
  /** INSEE commune codes (comma list). */
  @property() insee = '';
  /** Region (level3) or département (level4) zone ids (comma list). */
  @property() zone = '';
  /** ISO 3166-1 alpha-2 country codes (comma list). */
  @property() country = '';
  /** Keywords that scope the directory (comma list). */
  @property() tags = '';
  /** Whether entries need any (`any`) or all (`all`) of `tags`. */
  @property({ attribute: 'tags-mode' }) tagsMode: 'any' | 'all' = 'any';
  /** Comma list of NGO, LocalBusiness, Group, GovernmentOrganization, Cooperative, projects, poi; default: all organisations. */
  @property() types = '';
  /** Initial search text. */
  @property() query = '';
  /** Order of the entries. */
  @property() sort: DirectorySort = 'name';
  /** Entries per page (1–24). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 12;
  /** Cards in a grid, or a compact list. */
  @property() layout: 'cards' | 'list' = 'cards';
  /** Mirror the filters in the page URL: `query` (default) or `hash`; namespaced by the element id. */
  @property({ attribute: 'sync-url' }) syncUrl: string | null = null;
  /** Hide the search field. */
  @property({ type: Boolean, attribute: 'no-search' }) noSearch = false;
  /** Hide the facets. */
  @property({ type: Boolean, attribute: 'no-facets' }) noFacets = false;
  /** Heading level of the entries' names (2–6), to fit the host page outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;
  /** Largest result set searched in the browser; above it the server filters (property only). */
  @property({ attribute: false }) localLimit = LOCAL_LIMIT;

  /** What the status region says; updated once typing pauses, so screen readers are not flooded. */
  @state() private announced: Status | null = null;
  @state() private failedImages: ReadonlySet<string> = new Set();

  /** The scope proved too large to hold: text, facets, sort and page go to the server. */
  private serverMode = false;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private searched: DirectorySearch | null = null;
  private searchedKey: readonly unknown[] = [];

  private readonly localize = new LocaleController(this);
  private readonly filters = new FilterController(this, {
    syncUrl: () => this.syncUrl,
    namespace: () => this.id || 'cc-directory',
    validType: isAllowedType,
    sorts: SORTS,
    defaultSort: () => this.sort,
    tagLabel: (key) => this.tagLabel(key),
    onChange: (change) => (change === 'page' ? undefined : this.scheduleAnnouncement()),
  });
  private readonly results = new ResultsController<Args, ResultSet>(this, {
    client: () => clientFor(this.apiBase),
    problems: () => this.problems(),
    args: () => [this.apiBase, checkScope(this).scope, this.scopeTypes(), this.serverFilters()],
    // Text, chips, sort and page only matter to the server for sets too large to hold; otherwise
    // they filter the loaded set and must not send a request.
    argsEqual: (a, b) => a[0] === b[0] && deepEqual([a[1], a[2]], [b[1], b[2]]) && (!this.serverMode || deepEqual(a[3], b[3])),
    load: (args, context) => this.load(args[2], args[1], context),
    isEmpty: (set) => set.index.facets.items.length === 0 && set.mode === 'local' && !this.filters.active,
    counts: (set) => ({ count: this.matchCount(set), total: set.total }),
    onLoaded: (set) => {
      this.searchedKey = [];
      this.announced = this.statusFor(set);
    },
  });
  private readonly selection = new SelectionController<CommunecterElement, CommunecterElement>(this, {
    itemOf: (item) => item,
    kindOf: (item) => item.kind,
    urlOf: (item) => elementPageUrl(this.linkBase, item),
    linkBase: () => this.linkBase,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const first = !this.hasUpdated;
    this.filters.fromAttributes({ query: changed.has('query') ? this.query : undefined, sort: changed.has('sort') ? this.sort : undefined }, first);
    const scopeChanged = (['apiBase', 'sourceKey', 'city', 'postalCode', 'insee', 'zone', 'country', 'tags', 'tagsMode', 'types'] as const).some((name) => changed.has(name));
    if (scopeChanged && !first) {
      // A new scope may be small enough to hold again.
      this.serverMode = false;
      this.filters.page = 1;
    }
  }

  // ---------------------------------------------------------------- data

  private problems(): ConfigProblem[] {
    return [...checkBaseUrl('api-base', this.apiBase), ...checkBaseUrl('link-base', this.linkBase), ...checkScope(this).problems];
  }

  private scopeTypes(): SearchType[] {
    const types = parseList(this.types).filter(isAllowedType);
    return types.length > 0 ? types : [...DEFAULT_TYPES];
  }

  /** Type keys the facet offers: the sub-types of organisations, and the other collections asked. */
  private facetTypes(): SearchType[] {
    return [...new Set(this.scopeTypes().flatMap((type): SearchType[] => (type === 'organizations' ? [...ORGANIZATION_TYPES] : [type])))];
  }

  private pageSizeValue(): number {
    const size = Math.floor(Number(this.pageSize));
    return Number.isFinite(size) ? Math.min(MAX_PAGE_SIZE, Math.max(1, size)) : 12;
  }

  private serverFilters(): ServerFilters {
    const f = this.filters;
    return { text: f.committedText, types: f.types.filter(isAllowedType), tags: f.tags, page: f.page, sortBy: f.sort === 'name' ? { name: 1 } : { updated: -1 } };
  }

  private async load(types: SearchType[], scope: Scope, context: LoadContext<ResultSet>): Promise<ResultSet> {
    const base: SearchQuery = { ...scope, types, count: true, countTypes: this.facetTypes() };
    const toSet = (set: ScopeSet): ResultSet => ({ mode: set.mode, index: buildIndex(set.items), total: set.total, counts: set.counts });
    const set = await loadScope(context.client, base, {
      signal: context.signal,
      pageSize: this.pageSizeValue(),
      localLimit: this.localLimit,
      serverMode: this.serverMode,
      server: this.serverFilters(),
      onPreview: (preview) => context.preview(toSet(preview)),
    });
    if (set.mode === 'server') this.serverMode = true;
    return toSet(set);
  }

  /** The visible matches and facet counts, recomputed only when the set or the filters changed. */
  private search(set: ResultSet): DirectorySearch {
    const f = this.filters;
    const server = set.mode === 'server';
    // The server already applied text, types, keywords and page: show its page, count its keywords.
    const filter = server ? { text: '', types: [], tags: [] } : { text: f.text, types: f.types, tags: f.tags };
    const key = [set, filter.text, filter.types, filter.tags, f.sort];
    if (!this.searched || !deepEqual(key, this.searchedKey)) {
      this.searched = searchDirectory(set.index, filter, f.sort as DirectorySort);
      this.searchedKey = key;
    }
    return this.searched;
  }

  private matchCount(set: ResultSet): number {
    return set.mode === 'server' ? (set.total ?? set.index.facets.items.length) : this.search(set).matches.length;
  }

  private pageCount(set: ResultSet): number {
    return Math.max(1, Math.ceil(this.matchCount(set) / this.pageSizeValue()));
  }

  private typeCount(set: ResultSet, type: string): number {
    return set.mode === 'server' ? (set.counts[type as keyof Counts] ?? 0) : facetCount(set.index.facets, this.search(set).result, 'types', type);
  }

  private tagChips(set: ResultSet): FacetValue[] {
    const selected = this.filters.tags.map((key) => ({ key, label: this.tagLabel(key), count: this.matchCount(set) }));
    return [...selected, ...topValues(set.index.facets, this.search(set).result, 'tags', MAX_TAG_CHIPS, this.filters.tags)];
  }

  // ---------------------------------------------------------------- status

  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    // The count is announced once typing pauses, not at every keystroke.
    this.announceTimer = setTimeout(() => {
      const set = this.results.value;
      if (set) this.announced = this.statusFor(set);
    }, ANNOUNCE_DELAY_MS);
  }

  /** The numbers the status line reports for a set under the current filters. */
  private statusFor(set: ResultSet): Status {
    if (set.mode === 'server') return { count: this.matchCount(set), total: null };
    const count = this.matchCount(set);
    const all = set.index.facets.items.length;
    return { count, total: count === all ? null : all };
  }

  private statusText(status: Status): string {
    const text = this.localize.t.directory.results(status.count, status.total);
    return status.page ? `${text} — ${this.localize.t.common.pageOf(status.page.page, status.page.pages)}` : text;
  }

  private goToPage(page: number, pages: number): void {
    const next = Math.min(pages, Math.max(1, page));
    if (next === this.filters.page) return;
    this.filters.setPage(next);
    const set = this.results.value;
    if (set) this.announced = { ...this.statusFor(set), page: { page: next, pages } };
    // Focus stays on the pager button the user pressed (it is never disabled, only aria-disabled).
    this.renderRoot.querySelector('[part~="list"]')?.scrollIntoView?.({ block: 'nearest' });
  }

  private handleImageError(id: string): void {
    this.failedImages = new Set([...this.failedImages, id]);
  }

  // ---------------------------------------------------------------- labels

  private tagLabel(key: string): string {
    const set = this.results.value;
    return set ? facetLabel(set.index.facets, 'tags', key) : key;
  }

  private typeLabel(type: string, plural = false): string {
    const t = this.localize.t;
    if ((ORGANIZATION_TYPES as readonly string[]).includes(type)) {
      return (plural ? t.organizationTypesPlural : t.organizationTypes)[type as keyof typeof t.organizationTypes];
    }
    if ((COLLECTIONS as readonly string[]).includes(type)) return (plural ? t.collectionsPlural : t.collections)[type as keyof typeof t.collections];
    return type;
  }

  private itemTypeLabel(item: CommunecterElement): string {
    return this.typeLabel(item.kind === 'organization' && item.organizationType ? item.organizationType : item.collection);
  }

  // ---------------------------------------------------------------- render

  override render(): TemplateResult {
    const t = this.localize.t;
    const phase = this.results.phase;
    const set = this.results.value;
    const failed = phase === 'failed' || phase === 'config';
    return html`
      <section part="base" class="base layout-${this.layout === 'list' ? 'list' : 'cards'}" aria-label=${t.directory.label}>
        ${this.noSearch && this.noFacets ? nothing : this.renderControls(set)}
        ${failed ? renderErrorState(t, this.results.error, `${normalizeLinkBase(this.linkBase)}/#search`, () => this.results.retry()) : nothing}
        <div class="results" aria-busy=${phase === 'loading' ? 'true' : 'false'}>
          <p part="status" class="status" role="status">${this.renderStatus(set, phase === 'loading', failed)}</p>
          ${set && !failed ? this.renderResults(set) : phase === 'loading' ? this.renderSkeleton() : nothing}
        </div>
        ${this.selection.open ? this.renderDetail(this.selection.open) : nothing}
      </section>
    `;
  }

  private renderStatus(set: ResultSet | null, loading: boolean, failed: boolean): string {
    const c = this.localize.t.common;
    if (failed) return '';
    if (!set || (loading && !this.results.isPreview)) return loading ? (this.results.slow ? c.loadingSlow : c.loading) : '';
    if (this.results.isPreview) return `${this.statusText(this.statusFor(set))} — ${this.localize.t.directory.loadingAll}`;
    return this.statusText(this.announced ?? this.statusFor(set));
  }

  private renderControls(set: ResultSet | null): TemplateResult {
    const t = this.localize.t;
    const d = t.directory;
    const f = this.filters;
    return html`
      <div class="controls">
        ${this.noSearch
          ? nothing
          : renderSearchField({ label: d.searchLabel, placeholder: d.searchPlaceholder, value: f.text, onInput: (value) => f.input(value), onSubmit: () => f.submit() })}
        ${this.noFacets || !set ? nothing : this.renderFacets(set)}
        ${renderActiveFilters(t, f.activeFilters((type) => this.typeLabel(type, true), t.common.textFilter), () => f.clearAll())}
        <div class="sort">
          <label for="sort">${d.sortLabel}</label>
          <select id="sort" .value=${f.sort} @change=${(event: Event) => f.setSort((event.target as HTMLSelectElement).value)}>
            ${SORTS.map((sort) => html`<option value=${sort} ?selected=${f.sort === sort}>${sort === 'name' ? d.sortName : d.sortRecent}</option>`)}
          </select>
        </div>
      </div>
    `;
  }

  private renderFacets(set: ResultSet): TemplateResult {
    const t = this.localize.t;
    const f = this.filters;
    const chip = (facet: 'types' | 'tags', key: string, label: string, count: number) => ({
      key,
      label,
      count,
      pressed: f[facet].includes(key),
      name: t.common.chipLabel(label, count),
      onToggle: () => f.toggle(facet, key),
    });
    const types = this.facetTypes().filter((type) => this.typeCount(set, type) > 0 || f.types.includes(type));
    const tags = this.tagChips(set);
    return html`
      <div part="facets" class="facets" role="group" aria-label=${t.common.filtersLabel}>
        ${types.length > 1 || f.types.length > 0 ? renderFacetGroup(t.directory.typeFacet, types.map((type) => chip('types', type, this.typeLabel(type, true), this.typeCount(set, type)))) : nothing}
        ${tags.length > 0 && set.index.facets.items.length > 0 ? renderFacetGroup(t.directory.tagFacet, tags.map((tag) => chip('tags', tag.key, tag.label, tag.count))) : nothing}
      </div>
    `;
  }

  private renderResults(set: ResultSet): TemplateResult {
    const pages = this.pageCount(set);
    const page = Math.min(this.filters.page, pages);
    const size = this.pageSizeValue();
    const matches = this.search(set).matches;
    const visible = set.mode === 'server' ? matches.slice(0, size) : matches.slice((page - 1) * size, page * size);
    if (visible.length === 0) return renderEmpty(this.localize.t, this.filters.active, this.localize.t.directory, () => this.filters.clearAll());
    return html`
      <ul part="list" class="list">
        ${repeat(visible, (item) => `${item.collection}:${item.id}`, (item) => this.renderItem(item))}
      </ul>
      ${pages > 1 ? renderPager(this.localize.t, page, pages, (next) => this.goToPage(next, pages)) : nothing}
    `;
  }

  private renderItem(item: CommunecterElement): TemplateResult {
    const d = this.localize.t.directory;
    const url = elementPageUrl(this.linkBase, item);
    const image = this.layout === 'list' ? item.images.thumb : item.images.medium;
    const excerpt = item.shortDescription ?? (item.description ? plainExcerpt(item.description.source) : '');
    const tags = item.tags.length > 0 ? item.tags.slice(0, 4).map((tag) => `#${tag}`).join(' ') + (item.tags.length > 4 ? ` ${d.moreTags(item.tags.length - 4)}` : '') : '';
    const contacts = cardContacts(item);
    // Written on few lines, with hidden elements instead of conditional templates, on purpose:
    // every whitespace run, binding marker and nested template adds DOM nodes, and the element
    // promises to stay under 1,400 of them. `dir="auto"` isolates platform text like <bdi> does.
    return html`<li part="item" class="item"><div part="item-image" class="media">${image && !this.failedImages.has(item.id)
      ? html`<img src=${image} alt=${d.logoOf(item.name)} loading="lazy" decoding="async" width="64" height="64" @error=${() => this.handleImageError(item.id)}>`
      : html`<span class="placeholder" aria-hidden="true">${[...item.name][0]?.toUpperCase() ?? '?'}</span>`}</div><div class="body"><div part="item-title" class="title" role="heading" aria-level=${headingLevel(this.headingLevel)}><a href=${url} dir="auto" @click=${(event: Event) => this.selection.activate(event, item)} @keydown=${(event: KeyboardEvent) => this.selection.keydown(event, item)}>${item.name}</a></div><p class="meta"><span part="item-badge" class="badge">${this.itemTypeLabel(item)}</span> <span class="locality" dir="auto">${item.address?.locality ?? ''}</span></p><p class="excerpt" dir="auto" ?hidden=${!excerpt}>${excerpt ? truncateGraphemes(excerpt, 160) : ''}</p><p part="item-tags" class="tags" dir="auto" ?hidden=${!tags}>${tags}</p><p class="contacts" ?hidden=${contacts.length === 0}>${renderContactLink(contacts[0])}${renderContactLink(contacts[1])}${renderContactLink(contacts[2])}</p></div></li>`;
  }

  private renderSkeleton(): TemplateResult {
    return html`<ul class="list skeleton" aria-hidden="true">
      ${[0, 1, 2].map(() => html`<li class="item"><div class="media"></div><div class="body"><div class="bar"></div><div class="bar short"></div></div></li>`)}
    </ul>`;
  }

  private renderDetail(item: CommunecterElement): TemplateResult {
    const t = this.localize.t;
    const c = t.common;
    const d = t.directory;
    return renderDetailDialog(this.selection.detail, {
      title: item.name,
      closeLabel: c.close,
      loadingLabel: c.descriptionLoading,
      errorLabel: c.descriptionError,
      head: html`<p class="meta"><span class="badge">${this.itemTypeLabel(item)}</span>${item.kind === 'organization' && item.memberCount ? html` ${d.members(item.memberCount)}` : nothing}</p>
        ${renderDetailImage(item.images.medium, d.logoOf(item.name), this.failedImages.has(item.id), () => this.handleImageError(item.id))}
        ${item.shortDescription ? html`<p class="lead"><bdi>${item.shortDescription}</bdi></p>` : nothing}`,
      body: html`${renderAddress(c.address, item.address)} ${renderContacts(t, item)} ${renderTagList(c.tags, item.tags)}`,
      footer: renderDetailFooter(t, elementPageUrl(this.linkBase, item), item.name),
    });
  }
}
