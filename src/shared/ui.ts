/**
 * UI pieces every list-like widget shares: filter chips and the active-filters row, the error state,
 * and the detail dialog (a native modal <dialog>: focus trapped by the browser, Esc closes, focus
 * returned to what opened it). Their styles are in `ui.styles.ts`.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ApiError } from '../api/errors.js';
import type { ElementBase } from '../api/types.js';
import type { Translation } from './i18n/types.js';
import { renderRichText } from './sanitize.js';
import { formatDate } from '../lib/format.js';
import { isolate, truncateGraphemes } from '../lib/text.js';

export interface ChipOptions {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  readonly pressed: boolean;
  /** Accessible name, e.g. "Associations, 12 résultats". */
  readonly name: string;
  readonly onToggle: () => void;
}

/**
 * A toggle chip of a facet group. `dir="auto"` isolates labels written in another direction.
 * `tabStop`: whether it is the group's one tab stop (roving tabindex, see renderFacetGroup).
 */
export function renderChip(chip: ChipOptions, tabStop = true): TemplateResult {
  return html`<button type="button" part="chip" class="chip" dir="auto" tabindex=${tabStop ? '0' : '-1'} data-key=${chip.key} aria-pressed=${chip.pressed ? 'true' : 'false'} aria-label=${chip.name} @click=${chip.onToggle}>${chip.label} <span class="count" aria-hidden="true">${chip.count}</span></button>`;
}

export interface ActiveFilter {
  readonly label: string;
  readonly onRemove: () => void;
}

/** The row of active filters, each removable, and "clear all". Nothing when no filter is active. */
export function renderActiveFilters(t: Translation, filters: readonly ActiveFilter[], onClearAll: () => void): TemplateResult | typeof nothing {
  if (filters.length === 0) return nothing;
  const d = t.common;
  return html`<div part="active-filters" class="active-filters">
    <span class="active-label">${d.activeFilters}</span>
    <ul class="chips">
      ${filters.map(
        (filter) =>
          html`<li><button type="button" part="chip" class="chip removable" aria-label=${d.removeFilter(isolate(filter.label))} @click=${filter.onRemove}><bdi>${truncateGraphemes(filter.label, 40)}</bdi> <span aria-hidden="true">×</span></button></li>`,
      )}
    </ul>
    <button type="button" class="link-button" @click=${onClearAll}>${d.clearAll}</button>
  </div>`;
}

/**
 * Previous / "Page 2 sur 5" / next. The buttons are aria-disabled, never disabled, so the focus
 * stays on the one the user pressed even at the last page.
 */
export function renderPager(t: Translation, page: number, pages: number, onPage: (page: number) => void): TemplateResult {
  const d = t.common;
  return html`<nav part="pager" class="pager" aria-label=${d.pagerLabel}>
    <button type="button" class="button" aria-disabled=${page <= 1 ? 'true' : 'false'} @click=${() => page > 1 && onPage(page - 1)}>
      <span aria-hidden="true">‹</span> ${d.previous}
    </button>
    <span class="page-of">${d.pageOf(page, pages)}</span>
    <button type="button" class="button" aria-disabled=${page >= pages ? 'true' : 'false'} @click=${() => page < pages && onPage(page + 1)}>
      ${d.next} <span aria-hidden="true">›</span>
    </button>
  </nav>`;
}

/**
 * After a page change: focus goes to the results' status line (which says "Page 2 sur 9") and the
 * page scrolls it into view, at once when the visitor prefers reduced motion. Otherwise a visitor
 * who pressed "Suivante" would stay at the bottom of the list, at the end of page 2.
 */
export function focusResults(root: ParentNode): void {
  const status = root.querySelector<HTMLElement>('[part~="status"]');
  if (!status) return;
  status.tabIndex = -1;
  status.focus({ preventScroll: true });
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  status.scrollIntoView?.({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
}

/** "45 s", "2 min": a wait, rounded up. */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

/** When a retry makes sense: the server's own wait, and the shorter one applied when it was capped. */
function waitText(c: Translation['common'], error: ApiError): string {
  if (!error.retryAfterMs) return '';
  if (error.retryCappedMs !== null) return c.retryCapped(formatWait(error.retryAfterMs), formatWait(error.retryCappedMs));
  return c.retryIn(formatWait(error.retryAfterMs));
}

/**
 * The error state: what went wrong in the visitor's words, one retry button, and one way out: the
 * webmaster's fallback content (the element's children) when there is some, else a link to the
 * platform. A configuration error names the attribute and value at fault and offers no retry (it
 * cannot help).
 */
export function renderErrorState(t: Translation, error: unknown, fallbackHref: string, onRetry: () => void): TemplateResult {
  const c = t.common;
  const kind = error instanceof ApiError ? error.kind : 'bad-shape';
  if (kind === 'config') {
    const { attribute, value } = error as ApiError;
    return html`<div part="error" class="error config" role="alert">
      <p class="error-title">${c.configTitle}</p>
      <p>${attribute !== null && value !== null ? html`<bdi>${c.configAttribute(attribute, isolate(value))}</bdi>` : c.errors.config}</p>
      <p class="error-actions"><slot><a href=${fallbackHref}>${c.seeOnCommunecter}</a></slot></p>
    </div>`;
  }
  const wait = error instanceof ApiError ? waitText(c, error) : '';
  return html`<div part="error" class="error" role="alert">
    <p class="error-title">${c.errorTitle}</p>
    <p>${c.errors[kind]}${wait ? ` ${wait}` : ''}</p>
    <p class="error-actions">
      <button type="button" class="button" @click=${onRetry}>${c.retry}</button>
      <slot><a href=${fallbackHref}>${c.seeOnCommunecter}</a></slot>
    </p>
  </div>`;
}

/**
 * The last good data is shown although its refresh failed: say from when, and offer to try again.
 * A status (polite), not an alert: the visitor still has the data.
 */
export function renderStaleNotice(t: Translation, stale: { readonly at: Date; readonly otherView: boolean } | null, onRetry: () => void): TemplateResult | typeof nothing {
  if (!stale) return nothing;
  const when = formatDate(t.intlLocale, stale.at, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }) ?? '';
  return html`<p part="stale" class="stale" role="status">${(stale.otherView ? t.common.staleOtherView : t.common.staleNotice)(when)} <button type="button" class="button" @click=${onRetry}>${t.common.retry}</button></p>`;
}

export type DescriptionState = DocumentFragment | 'loading' | 'error' | null;

/**
 * The detail dialog's state for one host: which item is open, its sanitised description (loaded
 * lazily), and the element to give focus back to. The host renders `renderDetailDialog` when
 * `item` is set; the controller opens it as a modal once rendered.
 */
export class DetailController<T extends Pick<ElementBase, 'description'>> implements ReactiveController {
  item: T | null = null;
  description: DescriptionState = null;
  private opener: HTMLElement | null = null;
  private pendingOpen = false;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly linkBase: () => string;

  constructor(host: ReactiveControllerHost & HTMLElement, linkBase: () => string) {
    this.host = host;
    this.linkBase = linkBase;
    host.addController(this);
  }

  open(item: T, opener: HTMLElement | null): void {
    this.item = item;
    this.opener = opener;
    this.pendingOpen = true;
    this.description = item.description ? 'loading' : null;
    if (item.description) {
      renderRichText(item.description, { linkBase: this.linkBase(), headingLevel: 3 }).then(
        (fragment) => {
          if (this.item !== item) return;
          this.description = fragment;
          this.host.requestUpdate();
        },
        () => {
          if (this.item !== item) return;
          this.description = 'error';
          this.host.requestUpdate();
        },
      );
    }
    this.host.requestUpdate();
  }

  /** Closes the dialog (its close event then clears the state). */
  close(): void {
    this.dialog()?.close();
  }

  /** The dialog's `close` event: clear, and give focus back where it was. */
  readonly handleClose = (): void => {
    // The close event is queued: when another item was opened meanwhile (a host script's select()
    // right after close()), this event belongs to the closed one and must not close the new one.
    if (this.pendingOpen || this.dialog()?.open) return;
    this.item = null;
    this.description = null;
    const opener = this.opener;
    this.opener = null;
    this.host.requestUpdate();
    // Not every browser restores focus when a modal dialog closes.
    if (opener?.isConnected) opener.focus();
  };

  hostUpdated(): void {
    if (!this.pendingOpen) return;
    const dialog = this.dialog();
    if (!dialog) return;
    this.pendingOpen = false;
    if (!dialog.open) dialog.showModal();
    (dialog.querySelector('.detail-title') as HTMLElement | null)?.focus();
  }

  hostDisconnected(): void {
    this.item = null;
    this.opener = null;
  }

  private dialog(): HTMLDialogElement | null {
    return (this.host.shadowRoot ?? this.host).querySelector('dialog.dialog');
  }
}

export interface DetailDialogParts {
  readonly title: string;
  readonly closeLabel: string;
  readonly loadingLabel: string;
  readonly errorLabel: string;
  /** What comes between the title and the description (badges, dates, image). */
  readonly head?: TemplateResult | typeof nothing;
  /** What comes after the description (address, contacts, tags). */
  readonly body?: TemplateResult | typeof nothing;
  readonly footer?: TemplateResult | typeof nothing;
}

export function renderDetailDialog<T extends Pick<ElementBase, 'description'>>(detail: DetailController<T>, parts: DetailDialogParts): TemplateResult {
  const description = detail.description;
  return html`<dialog part="dialog" class="dialog" aria-labelledby="detail-title" @close=${detail.handleClose}>
    <div class="dialog-header">
      <h2 id="detail-title" class="detail-title" tabindex="-1"><bdi>${parts.title}</bdi></h2>
      <button type="button" class="close" aria-label=${parts.closeLabel} @click=${() => detail.close()}>×</button>
    </div>
    ${parts.head ?? nothing}
    ${description === 'loading'
      ? html`<p class="muted description-loading">${parts.loadingLabel}</p>`
      : description === 'error'
        ? html`<p class="muted">${parts.errorLabel}</p>`
        : description
          ? html`<div class="description">${description.cloneNode(true)}</div>`
          : nothing}
    ${parts.body ?? nothing} ${parts.footer ?? nothing}
  </dialog>`;
}
