/**
 * How the directory shows an entry: its card (or list row), and its detail dialog. Pure functions
 * of the entry and the element's settings.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { elementPageUrl, plainExcerpt, type CommunecterElement } from '../../api/index.js';
import { isolate, truncateGraphemes } from '../../lib/text.js';
import type { Translation } from '../../shared/i18n/types.js';
import { cardContacts, renderAddress, renderContactLink, renderContacts, renderDetailFooter, renderDetailImage, renderTagList } from '../../shared/templates.js';
import { renderDetailDialog, type DetailController } from '../../shared/ui.js';

export interface EntryContext {
  readonly t: Translation;
  readonly linkBase: string;
  readonly layout: 'cards' | 'list';
  readonly headingLevel: number;
  /** Entries whose image failed to load: shown without an image box. */
  readonly failedImages: ReadonlySet<string>;
  readonly typeLabel: (item: CommunecterElement) => string;
  readonly onImageError: (id: string) => void;
  readonly select: (event: Event, item: CommunecterElement) => void;
  readonly keydown: (event: KeyboardEvent, item: CommunecterElement) => void;
}

/** One entry: image (or initial), linked name, type and locality, excerpt, keywords, first contacts. */
export function renderEntry(c: EntryContext, item: CommunecterElement): TemplateResult {
  const d = c.t.directory;
  const image = c.layout === 'list' ? item.images.thumb : item.images.medium;
  const excerpt = item.shortDescription ?? (item.description ? plainExcerpt(item.description.source) : '');
  const tags = item.tags.length > 0 ? item.tags.slice(0, 4).map((tag) => `#${isolate(tag)}`).join(' ') + (item.tags.length > 4 ? ` ${d.moreTags(item.tags.length - 4)}` : '') : '';
  const contacts = cardContacts(item);
  // Written on few lines, with hidden elements instead of conditional templates, on purpose: every
  // whitespace run, binding marker and nested template adds DOM nodes, and the element promises to
  // stay under 1,400 of them. `dir="auto"` isolates platform text like <bdi> does.
  // No image (a quarter of real records), or one that failed to load: no empty box, the text takes the room.
  const shown = image && !c.failedImages.has(item.id) ? image : null;
  return html`<li part="item" class=${shown ? 'item' : 'item no-image'}><div part="item-image" class="media" ?hidden=${!shown}>${shown
    ? html`<img src=${shown} alt=${d.logoOf(isolate(item.name))} loading="lazy" decoding="async" width="64" height="64" @error=${() => c.onImageError(item.id)}>`
    : nothing}</div><div class="body"><div part="item-title" class="title" role="heading" aria-level=${c.headingLevel}><a href=${elementPageUrl(c.linkBase, item)} dir="auto" @click=${(event: Event) => c.select(event, item)} @keydown=${(event: KeyboardEvent) => c.keydown(event, item)}>${item.name}</a></div><p class="meta"><span part="item-badge" class="badge">${c.typeLabel(item)}</span> <span class="locality" dir="auto">${item.address?.locality ?? ''}</span></p><p class="excerpt" dir="auto" ?hidden=${!excerpt}>${excerpt ? truncateGraphemes(excerpt, 160) : ''}</p><p part="item-tags" class="tags" dir="auto" ?hidden=${!tags}>${tags}</p><p class="contacts" ?hidden=${contacts.length === 0}>${renderContactLink(contacts[0])}${renderContactLink(contacts[1])}${renderContactLink(contacts[2])}</p></div></li>`;
}

/** Three grey cards while the first answer is awaited. */
export function renderSkeleton(): TemplateResult {
  return html`<ul class="list skeleton" aria-hidden="true">
    ${[0, 1, 2].map(() => html`<li class="item"><div class="media"></div><div class="body"><div class="bar"></div><div class="bar short"></div></div></li>`)}
  </ul>`;
}

/** The detail dialog of an entry: type and members, image, lead, address, contacts, keywords. */
export function renderEntryDetail(c: EntryContext, detail: DetailController<CommunecterElement>, item: CommunecterElement): TemplateResult {
  const common = c.t.common;
  const d = c.t.directory;
  return renderDetailDialog(detail, {
    title: item.name,
    closeLabel: common.close,
    loadingLabel: common.descriptionLoading,
    errorLabel: common.descriptionError,
    head: html`<p class="meta"><span class="badge">${c.typeLabel(item)}</span>${item.kind === 'organization' && item.memberCount ? html` ${d.members(item.memberCount)}` : nothing}</p>
      ${renderDetailImage(item.images.medium, d.logoOf(isolate(item.name)), c.failedImages.has(item.id), () => c.onImageError(item.id))}
      ${item.shortDescription ? html`<p class="lead"><bdi>${item.shortDescription}</bdi></p>` : nothing}`,
    body: html`${renderAddress(common.address, item.address)} ${renderContacts(c.t, item)} ${renderTagList(common.tags, item.tags)}`,
    footer: renderDetailFooter(c.t, elementPageUrl(c.linkBase, item), item.name),
  });
}
