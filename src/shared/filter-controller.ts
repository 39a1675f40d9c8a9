/**
 * The visitor's filters of a list-like widget: search text (debounced), selected types and
 * keywords, sort and page; their URL form for `sync-url` (with the element's own extra keys); and
 * `cc-filter-change`, fired for the visitor's changes only, never for attributes or the URL.
 *
 * One behaviour for every element: removing the text chip clears the text only; the page is in
 * the URL; typing replaces the history entry while a chip, a sort or a page adds one, so the back
 * button steps through choices, not keystrokes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { foldForSearch, parseList } from '../lib/text.js';
import { emit } from './events.js';
import type { ActiveFilter } from './ui.js';
import { UrlSyncController } from './url-state.js';

export type FacetName = 'types' | 'tags';
export type FilterChange = 'text' | 'facets' | 'sort' | 'page' | 'url';

export interface FilterOptions {
  /** The element's `sync-url` value (null: off) and its key prefix. */
  readonly syncUrl: () => string | null;
  readonly namespace: () => string;
  /** Keeps only the types the element offers (URL values are visitor input). */
  readonly validType?: (type: string) => boolean;
  readonly sorts?: readonly string[];
  /** The sort the attributes ask for. */
  readonly defaultSort?: () => string;
  /** The label of a folded keyword, for `cc-filter-change`. */
  readonly tagLabel: (key: string) => string;
  /** The element's own URL keys (e.g. the agenda's view and day), written beside the filters. */
  readonly extraState?: () => Readonly<Record<string, string>>;
  /** Applies the element's own keys read from the URL. */
  readonly restoreExtra?: (state: Readonly<Record<string, string>>, initial: boolean) => void;
  /** After every change, whoever made it. */
  readonly onChange?: (change: FilterChange) => void;
  readonly debounceMs?: number;
}

export class FilterController implements ReactiveController {
  /** What the search field holds. */
  text = '';
  /** The text once typing paused (what the server and listeners hear). */
  committedText = '';
  types: readonly string[] = [];
  tags: readonly string[] = [];
  sort = '';
  page = 1;
  /** Whether the visitor unfolded the filters (on narrow containers they are folded behind a button). */
  expanded = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: FilterOptions;
  private readonly url: UrlSyncController;

  constructor(host: ReactiveControllerHost & HTMLElement, options: FilterOptions) {
    this.host = host;
    this.options = options;
    this.sort = options.defaultSort?.() ?? '';
    this.url = new UrlSyncController(host, { mode: options.syncUrl, namespace: options.namespace, restore: (state, initial) => this.restore(state, initial) });
    host.addController(this);
  }

  /** Whether the URL held a state when the element connected (it then wins over the attributes). */
  get restored(): boolean {
    return this.url.restored;
  }

  /** How many types and keywords are chosen (the text shows in its own field). */
  get chosenCount(): number {
    return this.types.length + this.tags.length;
  }

  /** Folds or unfolds the filters (narrow containers only show the button). */
  toggleExpanded(): void {
    this.expanded = !this.expanded;
    this.host.requestUpdate();
  }

  /** Whether any text, type or keyword narrows the results. */
  get active(): boolean {
    return this.text.trim() !== '' || this.types.length > 0 || this.tags.length > 0;
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** The `query` and `sort` attributes set the starting point (unless the URL did on connection). */
  fromAttributes(changed: { query?: string; sort?: string }, first: boolean): void {
    if (first && this.restored) return;
    if (changed.query !== undefined) {
      this.text = changed.query;
      this.committedText = changed.query.trim();
      this.page = 1;
    }
    if (changed.sort !== undefined) this.sort = this.validSort(changed.sort);
  }

  input(value: string): void {
    this.text = value;
    this.page = 1;
    this.changed('text', false);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.committedText = this.text.trim();
      this.host.requestUpdate();
      this.emitChange();
    }, this.options.debounceMs ?? 300);
  }

  /** Enter in the search field: no need to wait for the pause. */
  submit(): void {
    clearTimeout(this.timer);
    this.committedText = this.text.trim();
    this.page = 1;
    this.changed('text', true);
    this.emitChange();
  }

  toggle(facet: FacetName, key: string): void {
    const list = this[facet];
    this[facet] = list.includes(key) ? list.filter((each) => each !== key) : [...list, key];
    this.page = 1;
    this.changed('facets', true);
    this.emitChange();
  }

  clearText(): void {
    clearTimeout(this.timer);
    this.text = '';
    this.committedText = '';
    this.page = 1;
    this.changed('text', true);
    this.emitChange();
  }

  clearAll(): void {
    clearTimeout(this.timer);
    this.text = '';
    this.committedText = '';
    this.types = [];
    this.tags = [];
    this.page = 1;
    this.changed('facets', true);
    this.emitChange();
    ((this.host.shadowRoot ?? this.host).querySelector('input[type=search]') as HTMLInputElement | null)?.focus();
  }

  setSort(value: string): void {
    this.sort = this.validSort(value);
    this.page = 1;
    this.changed('sort', true);
  }

  setPage(page: number): void {
    this.page = Math.max(1, Math.floor(page));
    this.changed('page', true);
  }

  /** The active filters as removable chips; the text chip clears the text only. */
  activeFilters(typeLabel: (type: string) => string, textLabel: (text: string) => string): ActiveFilter[] {
    const text = this.text.trim();
    return [
      ...(text ? [{ label: textLabel(text), onRemove: () => this.clearText() }] : []),
      ...this.types.map((type) => ({ label: typeLabel(type), onRemove: () => this.toggle('types', type) })),
      ...this.tags.map((key) => ({ label: `#${this.options.tagLabel(key)}`, onRemove: () => this.toggle('tags', key) })),
    ];
  }

  /** Writes the state into the URL (the element calls it when its own keys change). */
  write(push: boolean): void {
    const defaultSort = this.options.defaultSort?.() ?? '';
    this.url.write(
      {
        ...this.options.extraState?.(),
        q: this.text,
        types: this.types.join(','),
        tags: this.tags.join(','),
        sort: this.sort === defaultSort ? '' : this.sort,
        page: this.page > 1 ? String(this.page) : '',
      },
      push,
    );
  }

  private validSort(value: string): string {
    const sorts = this.options.sorts ?? [];
    return sorts.includes(value) ? value : (sorts[0] ?? '');
  }

  private changed(change: FilterChange, push: boolean): void {
    this.write(push);
    this.host.requestUpdate();
    this.options.onChange?.(change);
  }

  private emitChange(): void {
    emit(this.host, 'cc-filter-change', { query: this.text, types: [...this.types], tags: this.tags.map((key) => this.options.tagLabel(key)) });
  }

  /** A state from the URL: on connection it wins over the attributes; on back/forward it replaces the visitor's choices. */
  private restore(state: Readonly<Record<string, string>>, initial: boolean): void {
    if (!initial || state.q !== undefined) {
      this.text = state.q ?? '';
      this.committedText = this.text.trim();
    }
    const validType = this.options.validType ?? (() => true);
    this.types = parseList(state.types).filter(validType);
    this.tags = parseList(state.tags).map(foldForSearch);
    this.sort = state.sort !== undefined && (this.options.sorts ?? []).includes(state.sort) ? state.sort : this.validSort(this.options.defaultSort?.() ?? '');
    const page = Number(state.page);
    this.page = Number.isInteger(page) && page > 0 ? page : 1;
    this.options.restoreExtra?.(state, initial);
    this.host.requestUpdate();
    this.options.onChange?.('url');
  }
}
