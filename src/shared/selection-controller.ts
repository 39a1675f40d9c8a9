/**
 * Picking an item of a list, a grid, a map: a click, Enter (native on links) or Space activates it;
 * clicks with a modifier or another button (new tab, new window, download) are the browser's
 * business and never a selection. Each selection fires the cancelable `cc-select`; unless a listener
 * prevents it, the shared detail dialog opens on the item and gives focus back to the opener when
 * it closes.
 */
import type { ReactiveControllerHost } from 'lit';
import type { ElementBase } from '../api/types.js';
import { emit } from './events.js';
import { DetailController } from './ui.js';

export interface SelectionOptions<S, T> {
  /** The platform item behind a selection (an occurrence's event, a marker's place…). */
  readonly itemOf: (selection: S) => T;
  readonly kindOf: (selection: S) => string;
  /** Where the default action goes (the item's page on the platform). */
  readonly urlOf: (selection: S) => string;
  readonly linkBase: () => string;
}

export class SelectionController<S, T extends Pick<ElementBase, 'description'>> {
  /** What is selected while the dialog is open. */
  selected: S | null = null;
  readonly detail: DetailController<T>;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: SelectionOptions<S, T>;

  constructor(host: ReactiveControllerHost & HTMLElement, options: SelectionOptions<S, T>) {
    this.host = host;
    this.options = options;
    this.detail = new DetailController<T>(host, options.linkBase);
  }

  /** The selection whose dialog is open, or null. */
  get open(): S | null {
    return this.detail.item ? this.selected : null;
  }

  /** A click (or Space) on an item's link or control. */
  activate(event: Event, selection: S): void {
    const mouse = event as MouseEvent;
    // New tab, new window, download: the browser's business, not a selection.
    if (mouse.button > 0 || mouse.ctrlKey || mouse.metaKey || mouse.shiftKey || mouse.altKey) return;
    event.preventDefault();
    this.select(selection, (event.currentTarget as HTMLElement | null) ?? null);
  }

  /** Links answer Enter natively; Space selects too, as on a button. */
  keydown(event: KeyboardEvent, selection: S): void {
    if (event.key === ' ') this.activate(event, selection);
  }

  /** Selects without a pointer (host scripts, map markers): same event, same dialog. */
  select(selection: S, opener: HTMLElement | null): boolean {
    const item = this.options.itemOf(selection);
    const allowed = emit(this.host, 'cc-select', { item, kind: this.options.kindOf(selection), url: this.options.urlOf(selection) }, { cancelable: true });
    if (!allowed) return false;
    this.selected = selection;
    this.detail.open(item, opener);
    return true;
  }
}
