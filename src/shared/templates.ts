/**
 * Templates for what every element shows of a platform item (address, contacts, keywords, image,
 * the detail's footer) and of its own controls (search field, facet group, empty state), so the
 * directory's cards, the agenda's details, the map's popups and the marketplace's cards say the same
 * things the same way. Platform text is always isolated (`<bdi>`, `dir="auto"`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Address, Phone, SocialLink } from '../api/types.js';
import { isolate } from '../lib/text.js';
import { displayHost, toMailtoHref } from '../lib/url.js';
import type { FacetValue } from './facets.js';
import type { FacetName, FilterController } from './filter-controller.js';
import type { Translation } from './i18n/types.js';
import { rovingGroupKeydown } from './roving-focus-controller.js';
import { renderActiveFilters, renderChip, type ActiveFilter, type ChipOptions } from './ui.js';

/** A heading level attribute (2–6), whatever was written. */
export function headingLevel(value: unknown, fallback = 3): number {
  return Math.min(6, Math.max(2, Math.floor(Number(value)) || fallback));
}

/** Street, then postal code and locality: the lines an address is written on. */
export function addressLines(address: Address | null): string[] {
  if (!address) return [];
  return [address.street, [address.postalCode, address.locality].filter(Boolean).join(' ')].filter((line): line is string => Boolean(line));
}

/** A titled address block; nothing without an address. */
export function renderAddress(heading: string, address: Address | null): TemplateResult | typeof nothing {
  const lines = addressLines(address);
  if (lines.length === 0) return nothing;
  return html`<h3>${heading}</h3><address>${lines.map((line, i) => html`${i > 0 ? html`<br />` : nothing}<bdi>${line}</bdi>`)}</address>`;
}

export interface ContactFields {
  readonly website?: string | null;
  readonly email?: string | null;
  readonly phones?: readonly Phone[];
  readonly social?: readonly SocialLink[];
}

const EXTERNAL = 'noopener noreferrer nofollow ugc';

/** The contact and social blocks of a detail; nothing for what the item does not have. */
export function renderContacts(t: Translation, item: ContactFields): TemplateResult {
  const c = t.common;
  const mailto = item.email ? toMailtoHref(item.email) : null;
  const phones = item.phones ?? [];
  const social = item.social ?? [];
  const newWindow = html`<span class="visually-hidden"> ${c.opensInNewWindow}</span>`;
  return html`${item.website || mailto || phones.length > 0
    ? html`<h3>${c.contacts}</h3>
        <ul class="plain">
          ${item.website ? html`<li>${c.website} : <a href=${item.website} rel=${EXTERNAL} target="_blank">${displayHost(item.website)}${newWindow}</a></li>` : nothing}
          ${mailto ? html`<li>${c.email} : <a href=${mailto}><bdi>${item.email}</bdi></a></li>` : nothing}
          ${phones.map((phone) => html`<li>${t.phoneKinds[phone.kind]} : ${phone.href ? html`<a href=${phone.href}>${phone.number}</a>` : phone.number}</li>`)}
        </ul>`
    : nothing}
  ${social.length > 0
    ? html`<h3>${c.social}</h3>
        <ul class="plain">
          ${social.map((link) => html`<li><a href=${link.url} rel=${EXTERNAL} target="_blank">${link.network}${newWindow}</a></li>`)}
        </ul>`
    : nothing}`;
}

/** The first contacts of a card, as compact links (website host, e-mail, phone). */
export function cardContacts(item: ContactFields): { href: string; text: string }[] {
  const mailto = item.email ? toMailtoHref(item.email) : null;
  const phone = item.phones?.[0];
  return [
    item.website ? { href: item.website, text: displayHost(item.website) } : null,
    mailto && item.email ? { href: mailto, text: item.email } : null,
    phone?.href ? { href: phone.href, text: phone.number } : null,
  ].filter((contact): contact is { href: string; text: string } => contact !== null);
}

export function renderContactLink(contact: { href: string; text: string } | undefined): TemplateResult | typeof nothing {
  return contact ? html`<a href=${contact.href} rel=${EXTERNAL} dir="auto">${contact.text}</a>` : nothing;
}

/** A titled keyword list; nothing without keywords. */
export function renderTagList(heading: string, tags: readonly string[]): TemplateResult | typeof nothing {
  if (tags.length === 0) return nothing;
  return html`<h3>${heading}</h3><ul class="tags">${tags.map((tag) => html`<li><bdi>#${tag}</bdi></li>`)}</ul>`;
}

/** A detail's image; nothing when there is none or it failed to load. */
export function renderDetailImage(src: string | null, alt: string, failed: boolean, onError: () => void): TemplateResult | typeof nothing {
  if (!src || failed) return nothing;
  return html`<img class="detail-image" src=${src} alt=${alt} width="160" height="160" @error=${onError} />`;
}

/** "Voir « … » sur Communecter" (new window) and the data's source. */
export function renderDetailFooter(t: Translation, url: string, name: string): TemplateResult {
  const c = t.common;
  return html`<p class="dialog-footer">
      <a class="button" href=${url} target="_blank" rel="noopener">${c.seeOnCommunecterNamed(isolate(name))}<span class="visually-hidden"> ${c.opensInNewWindow}</span></a>
    </p>
    <p class="muted source">${c.sourceAttribution}</p>`;
}

export interface SearchFieldOptions {
  readonly label: string;
  readonly placeholder?: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly onSubmit: () => void;
}

/** The search form: a labelled search field; Enter submits at once. */
export function renderSearchField(options: SearchFieldOptions): TemplateResult {
  return html`<form part="search" class="search" role="search" @submit=${(event: Event) => {
      event.preventDefault();
      options.onSubmit();
    }}>
    <label for="search">${options.label}</label>
    <input id="search" part="search-input" type="search" autocomplete="off" spellcheck="false" placeholder=${options.placeholder ?? ''} .value=${options.value} @input=${(event: Event) => options.onInput((event.target as HTMLInputElement).value)} />
  </form>`;
}

/**
 * One facet: a legend and its chips, as one tab stop (the chosen chip, else the first) with arrow
 * keys inside, so that reaching what follows never takes a Tab per chip.
 */
export function renderFacetGroup(legend: string, chips: readonly ChipOptions[]): TemplateResult {
  const stop = Math.max(0, chips.findIndex((chip) => chip.pressed));
  return html`<fieldset class="facet"><legend>${legend}</legend><div class="chips" role="toolbar" @keydown=${rovingGroupKeydown}>${chips.map((chip, index) => renderChip(chip, index === stop))}</div></fieldset>`;
}

/**
 * "Passer l'annuaire": the first thing a keyboard reaches in an element, shown when focused; it
 * moves the focus to what follows the element on the page.
 */
export function renderSkipLink(label: string, host: HTMLElement): TemplateResult {
  // A button, not an in-page link: a fragment would change the host page's address (and its sync-url state).
  return html`<button type="button" class="link-button skip-link" @click=${() => skipPast(host)}>${label}</button>`;
}

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, iframe, [tabindex]';

/**
 * Focuses what follows `host` in the page: the first tabbable element after it, else the element's
 * own end. (Focusing an unfocusable spot at the end of a shadow root is not enough: browsers then
 * start the next Tab from the shadow root's beginning.)
 */
function skipPast(host: HTMLElement): void {
  for (const candidate of document.querySelectorAll<HTMLElement>(TABBABLE)) {
    if (!(host.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING) || host.contains(candidate)) continue;
    if (candidate.tabIndex < 0 || candidate.checkVisibility?.() === false) continue;
    candidate.focus();
    if (document.activeElement === candidate) return;
  }
  host.shadowRoot?.querySelector<HTMLElement>('.skip-target')?.focus();
}

export function renderSkipTarget(): TemplateResult {
  return html`<span class="skip-target" tabindex="-1"></span>`;
}

/** The empty state: nothing matches the filters (with a way back), or nothing is in the scope. */
export function renderEmpty(t: Translation, filtered: boolean, texts: { empty: string; emptyScope: string }, onClearAll: () => void): TemplateResult {
  return html`<div part="empty" class="empty">
    <p>${filtered ? texts.empty : texts.emptyScope}</p>
    ${filtered ? html`<button type="button" class="button" @click=${onClearAll}>${t.common.clearAll}</button>` : nothing}
  </div>`;
}

export interface FilterPanelOptions {
  readonly t: Translation;
  readonly filters: FilterController;
  readonly search: { readonly label: string; readonly placeholder?: string } | null;
  /** Legends and values of the facets shown (a facet with nothing to choose is left out). */
  readonly facets: readonly { readonly facet: FacetName; readonly legend: string; readonly values: readonly FacetValue[] }[];
  /** The label of an active type filter. */
  readonly typeLabel: (type: string) => string;
  /** What follows the facets inside their group (e.g. a toggle). */
  readonly extra?: TemplateResult | typeof nothing;
  /** What follows the active filters (e.g. the sort menu). */
  readonly after?: TemplateResult | typeof nothing;
  /** The element's own filters beyond text, types and keywords (the marketplace's sections, prices…): their chips, how many are chosen, and clearing them with the others. */
  readonly own?: { readonly active: readonly ActiveFilter[]; readonly chosen: number; readonly clear: () => void };
}

/** Search field, facet groups with counts, the active filters, in one block. */
export function renderFilterPanel(o: FilterPanelOptions): TemplateResult {
  const f = o.filters;
  const c = o.t.common;
  const chip = (facet: FacetName, value: FacetValue): ChipOptions => ({
    key: value.key,
    label: value.label,
    count: value.count,
    pressed: f[facet].includes(value.key),
    name: c.chipLabel(isolate(value.label), value.count),
    onToggle: () => f.toggle(facet, value.key),
  });
  const groups = o.facets.filter((group) => group.values.length > 0);
  // On a narrow container (CSS container query in ui.styles.ts) the facets fold behind one button
  // that says how many are chosen, so the results come first; wide containers keep them open.
  // Written without whitespace between parts: each run of it is a DOM node, and elements keep a node budget.
  const toggle = html`<button type="button" part="filters-toggle" class="button filters-toggle" aria-expanded=${f.expanded ? 'true' : 'false'} aria-controls="facets" @click=${() => f.toggleExpanded()}>${c.filtersToggle(f.chosenCount + (o.own?.chosen ?? 0))}</button>`;
  const facets = html`<div part="facets" id="facets" class=${f.expanded ? 'facets open' : 'facets'} role="group" aria-label=${c.filtersLabel}>${groups.map((group) => renderFacetGroup(group.legend, group.values.map((value) => chip(group.facet, value))))}${o.extra ?? nothing}</div>`;
  return html`<div class="controls">${o.search ? renderSearchField({ ...o.search, value: f.text, onInput: (value) => f.input(value), onSubmit: () => f.submit() }) : nothing}${groups.length > 0 || o.extra ? html`${toggle}${facets}` : nothing}${renderActiveFilters(o.t, [...f.activeFilters(o.typeLabel, c.textFilter), ...(o.own?.active ?? [])], () => {
    o.own?.clear();
    f.clearAll();
  })}${o.after ?? nothing}</div>`;
}
