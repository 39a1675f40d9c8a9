/**
 * <cc-directory>: what a visitor sees and does, against the sandbox (the platform's stand-in) or,
 * for exact hostile payloads, a stubbed search answer.
 */
import { expect, fixtureCleanup, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { resetClientState } from '../../src/api/index.js';
import '../../src/components/cc-directory/cc-directory.define.js';
import { CcDirectory } from '../../src/components/cc-directory/cc-directory.js';
import { defineElement } from '../../src/shared/define.js';
import { expectAccessible, faultBase, recordEvents, sandboxLog, sandboxUrl, settled } from '../helpers.js';

declare global {
  interface Window {
    ccCanary?: (label: string) => void;
  }
}

type Attributes = Record<string, string | boolean>;

interface Mounted {
  el: CcDirectory;
  events: CustomEvent[];
}

/** Creates the element with attributes and listeners in place before it connects. */
async function mount(attributes: Attributes, options: { lang?: string; children?: string; width?: string } = {}): Promise<Mounted> {
  const el = document.createElement('cc-directory') as CcDirectory;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  if (options.children) el.innerHTML = options.children;
  const events = recordEvents(el);
  const wrapper = fixtureSync<HTMLDivElement>(html`<div lang=${options.lang ?? 'fr'} style=${`width:${options.width ?? '960px'}`}></div>`);
  wrapper.append(el);
  return { el, events };
}

/** Search requests the sandbox received under a fault key (images share the api-base and are left out). */
async function searches(key: string): Promise<number> {
  return (await sandboxLog(key)).filter((request) => request.path.includes('/search/')).length;
}

function shadow(el: CcDirectory): ShadowRoot {
  return el.shadowRoot!;
}

function items(el: CcDirectory): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>('[part~="item"]')];
}

function names(el: CcDirectory): string[] {
  return items(el).map((item) => item.querySelector('[part~="item-title"]')!.textContent!.trim());
}

function statusText(el: CcDirectory): string {
  return shadow(el).querySelector('[role="status"]')!.textContent!.trim();
}

async function type(el: CcDirectory, text: string): Promise<void> {
  const input = shadow(el).querySelector<HTMLInputElement>('input[type="search"]')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

function chip(el: CcDirectory, key: string): HTMLButtonElement {
  const button = shadow(el).querySelector<HTMLButtonElement>(`.facets [data-key="${key}"]`);
  if (!button) throw new Error(`no chip ${key}`);
  return button;
}

function countNodes(root: Node): number {
  let count = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  while (walker.nextNode()) count++;
  return count;
}

const STUB_BASE = 'https://stub.communecter.test';

/** Answers the search route with `results` for requests to STUB_BASE; everything else passes. */
function stubSearch(answer: (body: URLSearchParams) => unknown): () => void {
  const original = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(STUB_BASE)) {
      const body = new URLSearchParams(typeof init?.body === 'string' ? init.body : '');
      return new Response(JSON.stringify(answer(body)), { headers: { 'Content-Type': 'application/json' } });
    }
    return original.call(window, input, init);
  };
  return () => {
    window.fetch = original;
  };
}

function org(id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: `Association ${id}`,
    type: 'organizations',
    typeOrga: 'NGO',
    address: { addressLocality: 'Le Port', postalCode: '97420', codeInsee: '97407' },
    updated: 1_700_000_000,
    ...fields,
  };
}

describe('<cc-directory>', () => {
  beforeEach(() => resetClientState());
  afterEach(() => fixtureCleanup());

  it('is defined, and a second define (the bundle loaded twice) does not throw', () => {
    expect(customElements.get('cc-directory')).to.equal(CcDirectory);
    expect(() => defineElement('cc-directory', class extends HTMLElement {})).not.to.throw();
    expect(customElements.get('cc-directory')).to.equal(CcDirectory);
  });

  describe('loading the actors of a commune from the sandbox', () => {
    it('lists them as a real list with headings and links, announces the total and fires cc-load', async () => {
      const { el, events } = await mount({ 'api-base': sandboxUrl(), insee: '97413', 'page-size': '10' });
      const load = await settled(el);
      const list = shadow(el).querySelector('[part~="list"]')!;
      expect(list.tagName).to.equal('UL');
      expect(items(el).length).to.be.within(1, 10);
      expect(items(el).every((item) => item.tagName === 'LI')).to.equal(true);
      const title = items(el)[0]!.querySelector('[part~="item-title"]')!;
      expect(title.getAttribute('role')).to.equal('heading');
      expect(title.getAttribute('aria-level')).to.equal('3');
      expect(title.querySelector('a')!.getAttribute('href')).to.match(/^https:\/\/www\.communecter\.org\/#(@|page\.type\.)/);
      expect(statusText(el)).to.match(/^\d+ acteurs?/);
      expect(load.detail.count).to.be.a('number');
      expect(load.detail.count).to.be.at.least(items(el).length);
      expect(events.filter((event) => event.type === 'cc-error')).to.have.length(0);
      expect(shadow(el).querySelector('.results')!.getAttribute('aria-busy')).to.equal('false');
      await expectAccessible(el);
    });

    it('shows every entry with its type badge and locality, and only safe contacts', async () => {
      const { el } = await mount({ 'api-base': sandboxUrl(), insee: '97413', 'page-size': '40' });
      await settled(el);
      for (const item of items(el)) {
        expect(item.querySelector('[part~="item-badge"]')!.textContent!.trim()).to.not.equal('');
        for (const link of item.querySelectorAll('a')) expect(link.getAttribute('href')).to.match(/^(https?:|mailto:|tel:)/);
        const img = item.querySelector('img');
        if (img) {
          expect(img.getAttribute('loading')).to.equal('lazy');
          expect(img.getAttribute('alt')).to.match(/^Logo de /);
          expect(img.getAttribute('width')).to.equal('64');
        }
      }
    });

    it('is accessible while loading', async () => {
      const { base } = faultBase('slow:1500');
      const { el } = await mount({ 'api-base': base, insee: '97413' });
      await el.updateComplete;
      expect(shadow(el).querySelector('.results')!.getAttribute('aria-busy')).to.equal('true');
      expect(statusText(el)).to.equal('Chargement…');
      await expectAccessible(el);
    });

    it('shows an announced empty state when the scope has nobody, and is accessible', async () => {
      const { el } = await mount({ 'api-base': sandboxUrl(), 'source-key': 'no-such-network' });
      const load = await settled(el);
      expect(load.detail.count).to.equal(0);
      expect(shadow(el).querySelector('[part~="empty"]')!.textContent).to.include('Aucun acteur');
      expect(statusText(el)).to.equal('0 acteur');
      await expectAccessible(el);
    });
  });

  describe('errors', () => {
    it('shows role=alert with a retry button and the light-DOM fallback; fires cc-error; retry recovers', async () => {
      const { base } = faultBase('500,500,500,ok');
      const { el, events } = await mount(
        { 'api-base': base, insee: '97413' },
        { children: '<a href="https://www.communecter.org/#search">Voir l’annuaire sur Communecter</a>' },
      );
      const failure = await settled(el, 'cc-error');
      expect(failure.detail.error.kind).to.equal('http');
      const alert = shadow(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.include('Les données de Communecter n’ont pas pu être chargées.');
      const slot = alert.querySelector('slot')!;
      expect(slot.assignedElements().map((node) => node.textContent)).to.deep.equal(['Voir l’annuaire sur Communecter']);
      // One message, one "Réessayer", one way out (the page's own link replaces the default one), and
      // no search field or sort menu that cannot work.
      expect([...alert.querySelectorAll('button')].map((button) => button.textContent!.trim())).to.deep.equal(['Réessayer']);
      expect(slot.assignedElements({ flatten: true }).filter((node) => node.matches('a')).length + [...alert.querySelectorAll('a')].filter((link) => link.checkVisibility()).length).to.equal(1);
      expect(shadow(el).querySelector('input[type="search"], select')).to.equal(null);
      await expectAccessible(el);
      const retry = [...alert.querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Réessayer')!;
      retry.click();
      await settled(el);
      expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
      expect(items(el).length).to.be.greaterThan(0);
      expect(shadow(el).querySelector('input[type="search"]')).to.exist;
      expect(events.map((event) => event.type)).to.deep.equal(['cc-error', 'cc-load']);
    });

    it('a null body under a 200 shows the error, and "Réessayer" sends a request and shows the data', async () => {
      const { base, key } = faultBase('nulljson,ok');
      const { el } = await mount({ 'api-base': base, insee: '97413' });
      const failure = await settled(el, 'cc-error');
      expect(failure.detail.error.kind).to.equal('bad-shape');
      const sent = await searches(key);
      const alert = shadow(el).querySelector('[role="alert"]')!;
      [...alert.querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Réessayer')!.click();
      await settled(el);
      expect(await searches(key)).to.be.greaterThan(sent);
      expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
      expect(items(el).length).to.be.greaterThan(0);
    });

    it('a retry never answers from the memory cache', async () => {
      const { base, key } = faultBase('ok');
      const { el } = await mount({ 'api-base': base, insee: '97413' });
      await settled(el);
      const before = await searches(key);
      expect(before).to.be.greaterThan(0);
      (el as unknown as { results: { retry(): void } }).results.retry();
      await settled(el);
      expect(await searches(key)).to.be.greaterThan(before);
    });

    it('announces the server’s Retry-After, and says when the widgets wait less (the cap)', async () => {
      const { base } = faultBase('429:120');
      const { el } = await mount({ 'api-base': base, insee: '97413' });
      await settled(el, 'cc-error');
      const text = shadow(el).querySelector('[role="alert"]')!.textContent!.replace(/\s+/g, ' ');
      expect(text).to.include('Le serveur demande d’attendre 2 min ; nouvel essai possible dans 1 min.');
      expect(text).not.to.include('60 s');
      fixtureCleanup();
      resetClientState();
      const { base: shorter } = faultBase('503:45');
      const { el: other } = await mount({ 'api-base': shorter, insee: '97413' });
      await settled(other, 'cc-error');
      expect(shadow(other).querySelector('[role="alert"]')!.textContent).to.include('Nouvel essai possible dans 45 s.');
    });

    it('says the server answered a page instead of data (HTML under a 200)', async () => {
      const { base } = faultBase('html');
      const { el } = await mount({ 'api-base': base, insee: '97413' });
      await settled(el, 'cc-error');
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.include('page au lieu des données');
      expect(shadow(el).querySelector('[role="alert"]')!.innerHTML).to.not.include('<html');
    });

    it('never lets a stale answer overwrite a newer one', async () => {
      const { base: slow } = faultBase('slow:700');
      const { el } = await mount({ 'api-base': slow, insee: '97413' });
      await el.updateComplete;
      el.setAttribute('api-base', sandboxUrl());
      el.setAttribute('insee', '97411');
      await settled(el);
      await new Promise((resolve) => setTimeout(resolve, 900));
      await el.updateComplete;
      const localities = items(el).map((item) => item.querySelector('.locality')?.textContent);
      expect(localities.length).to.be.greaterThan(0);
      expect(localities.every((locality) => locality === 'Saint-Denis')).to.equal(true);
    });

    it('compares its scope by value: the same scope written anew sends no request; another one does', async () => {
      const { base, key } = faultBase('ok');
      const { el } = await mount({ 'api-base': base, insee: '97413' });
      await settled(el);
      const searches = async () => (await sandboxLog(key)).filter((request) => request.path.includes('/co2/search/')).length;
      const sent = await searches();
      expect(sent).to.equal(2);
      // Spaces, a repeated code and a reordered attribute write the same scope.
      el.setAttribute('insee', ' 97413 , 97413');
      el.setAttribute('tags-mode', 'any');
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await searches()).to.equal(sent);
      el.setAttribute('insee', '97411');
      await settled(el);
      expect(await searches()).to.be.greaterThan(sent);
    });

    it('aborts its load when removed and loads again when re-attached, with no error', async () => {
      const { base } = faultBase('slow:400');
      const { el, events } = await mount({ 'api-base': base, insee: '97413' });
      await el.updateComplete;
      const parent = el.parentElement!;
      el.remove();
      await new Promise((resolve) => setTimeout(resolve, 50));
      parent.append(el);
      await settled(el);
      expect(events.filter((event) => event.type === 'cc-error')).to.have.length(0);
      expect(items(el).length).to.be.greaterThan(0);
    });
  });

  describe('searching and filtering', () => {
    let restore: () => void;
    const requests: URLSearchParams[] = [];
    const results = {
      a: org('a', { name: 'Repair Café du Port', tags: ['repaircafe', 'réemploi'], typeOrga: 'NGO', updated: 1_700_000_300 }),
      b: org('b', { name: 'Épicerie Vrac Saint-Leu', tags: ['vrac', 'zéro déchet'], typeOrga: 'LocalBusiness', updated: 1_700_000_100 }),
      c: org('c', { name: 'Mairie de Saint-Leu', tags: ['mairie'], typeOrga: 'GovernmentOrganization', updated: 1_700_000_200 }),
      d: org('d', { name: 'Atelier vélo solidaire', tags: ['vélo', 'réemploi'], typeOrga: 'NGO', updated: 1_700_000_400 }),
      e: org('e', { name: 'Coopérative des Hauts', tags: ['vrac'], typeOrga: 'Cooperative', updated: 1_700_000_050 }),
    };
    beforeEach(() => {
      requests.length = 0;
      restore = stubSearch((body) => {
        requests.push(body);
        return { results, count: { organizations: 5, NGO: 2, LocalBusiness: 1, GovernmentOrganization: 1, Cooperative: 1, Group: 0 } };
      });
    });
    afterEach(() => restore());

    it('sorts by name by default, by recent update on request', async () => {
      const { el } = await mount({ 'api-base': STUB_BASE, insee: '97413' });
      await settled(el);
      expect(names(el)).to.deep.equal(['Atelier vélo solidaire', 'Coopérative des Hauts', 'Épicerie Vrac Saint-Leu', 'Mairie de Saint-Leu', 'Repair Café du Port']);
      const select = shadow(el).querySelector('select')!;
      select.value = 'recent';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(names(el)[0]).to.equal('Atelier vélo solidaire');
      expect(names(el)[1]).to.equal('Repair Café du Port');
    });

    it('filters as you type, accent- and case-insensitively, without asking the server again', async () => {
      const { el, events } = await mount({ 'api-base': STUB_BASE, insee: '97413' });
      await settled(el);
      const before = requests.length;
      await type(el, 'epicerie');
      expect(names(el)).to.deep.equal(['Épicerie Vrac Saint-Leu']);
      await type(el, 'saint leu');
      expect(names(el)).to.deep.equal(['Épicerie Vrac Saint-Leu', 'Mairie de Saint-Leu']);
      expect(requests.length).to.equal(before);
      const change = await oneEvent(el, 'cc-filter-change');
      expect(change.detail).to.deep.equal({ query: 'saint leu', types: [], tags: [] });
      expect(events.filter((event) => event.type === 'cc-filter-change')).to.have.length(1);
      await type(el, 'zzzz');
      expect(shadow(el).querySelector('[part~="empty"]')!.textContent).to.include('Aucun acteur ne correspond');
      await expectAccessible(el);
    });

    it('offers type and keyword facets with counts; active filters are visible and clearable', async () => {
      const { el } = await mount({ 'api-base': STUB_BASE, insee: '97413' });
      await settled(el);
      const ngo = chip(el, 'NGO');
      expect(ngo.getAttribute('aria-pressed')).to.equal('false');
      expect(ngo.getAttribute('aria-label')).to.equal('\u2068Associations\u2069, 2 résultats');
      expect(shadow(el).querySelector('.facets [data-key="Group"]')).to.equal(null);
      ngo.click();
      await el.updateComplete;
      expect(chip(el, 'NGO').getAttribute('aria-pressed')).to.equal('true');
      expect(names(el)).to.deep.equal(['Atelier vélo solidaire', 'Repair Café du Port']);
      const reemploi = chip(el, 'reemploi');
      expect(reemploi.getAttribute('aria-label')).to.equal('\u2068réemploi\u2069, 2 résultats');
      chip(el, 'velo').click();
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Atelier vélo solidaire']);
      const active = shadow(el).querySelector('[part~="active-filters"]')!;
      const removers = [...active.querySelectorAll('button.removable')].map((button) => button.getAttribute('aria-label'));
      expect(removers).to.deep.equal(['Retirer le filtre \u2068Associations\u2069', 'Retirer le filtre \u2068#vélo\u2069']);
      const clear = [...active.querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Tout effacer')!;
      clear.click();
      await el.updateComplete;
      expect(items(el)).to.have.length(5);
      expect(shadow(el).querySelector('[part~="active-filters"]')).to.equal(null);
      expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('input[type="search"]'));
    });

    it('fires cc-filter-change for the user’s chips, never for a programmatic change', async () => {
      const { el, events } = await mount({ 'api-base': STUB_BASE, insee: '97413' });
      await settled(el);
      el.query = 'vrac';
      el.setAttribute('types', 'NGO,LocalBusiness');
      el.sort = 'recent';
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(events.filter((event) => event.type === 'cc-filter-change' || event.type === 'cc-select')).to.have.length(0);
      expect(shadow(el).querySelector<HTMLInputElement>('input[type="search"]')!.value).to.equal('vrac');
      chip(el, 'vrac').click();
      const changes = events.filter((event) => event.type === 'cc-filter-change');
      expect(changes).to.have.length(1);
      expect(changes[0]!.detail).to.deep.equal({ query: 'vrac', types: [], tags: ['vrac'] });
    });

    it('pages the results; after a page change the focus is on the status line, which says the page, in view', async () => {
      const { el } = await mount({ 'api-base': STUB_BASE, insee: '97413', 'page-size': '2' });
      await settled(el);
      expect(names(el)).to.have.length(2);
      const pager = shadow(el).querySelector('[part~="pager"]')!;
      expect(pager.tagName).to.equal('NAV');
      expect(pager.textContent).to.include('Page 1 sur 3');
      const [previous, next] = [...pager.querySelectorAll('button')];
      expect(previous!.getAttribute('aria-disabled')).to.equal('true');
      next!.focus();
      next!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(shadow(el).querySelector('[part~="pager"]')!.textContent).to.include('Page 2 sur 3');
      expect(names(el)).to.deep.equal(['Épicerie Vrac Saint-Leu', 'Mairie de Saint-Leu']);
      const status = shadow(el).querySelector<HTMLElement>('[part~="status"]')!;
      expect(shadow(el).activeElement).to.equal(status);
      expect(status.textContent).to.include('Page 2 sur 3');
      const top = status.getBoundingClientRect().top;
      expect(top).to.be.within(-1, window.innerHeight);
      next!.click();
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Repair Café du Port']);
      expect(next!.getAttribute('aria-disabled')).to.equal('true');
      await type(el, 'a');
      expect(shadow(el).querySelector('[part~="pager"]')!.textContent).to.include('Page 1 sur');
    });

    it('cc-select on click opens the detail dialog; preventDefault keeps it closed', async () => {
      const { el, events } = await mount({ 'api-base': STUB_BASE, insee: '97413' });
      await settled(el);
      const link = items(el)[0]!.querySelector<HTMLAnchorElement>('[part~="item-title"] a')!;
      el.addEventListener('cc-select', (event) => event.preventDefault(), { once: true });
      link.click();
      await el.updateComplete;
      const selected = events.filter((event) => event.type === 'cc-select');
      expect(selected).to.have.length(1);
      expect(selected[0]!.detail.kind).to.equal('organization');
      expect(selected[0]!.detail.url).to.equal(link.href);
      expect(selected[0]!.cancelable).to.equal(true);
      expect(shadow(el).querySelector('dialog')).to.equal(null);
      link.click();
      await el.updateComplete;
      expect(shadow(el).querySelector('dialog')!.open).to.equal(true);
    });

    it('keyboard: Enter and Space select; the dialog takes focus, Esc closes it and focus returns', async () => {
      const { el, events } = await mount({ 'api-base': STUB_BASE, insee: '97413' });
      await settled(el);
      const link = items(el)[1]!.querySelector<HTMLAnchorElement>('[part~="item-title"] a')!;
      link.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      let dialog = shadow(el).querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      expect(shadow(el).activeElement?.id).to.equal('detail-title');
      expect(dialog.getAttribute('aria-labelledby')).to.equal('detail-title');
      await expectAccessible(el);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(shadow(el).querySelector('dialog')).to.equal(null);
      expect(shadow(el).activeElement).to.equal(link);
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      dialog = shadow(el).querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      dialog.querySelector<HTMLButtonElement>('button.close')!.click();
      await el.updateComplete;
      expect(events.filter((event) => event.type === 'cc-select')).to.have.length(2);
      expect(shadow(el).activeElement).to.equal(link);
    });

    it('renders in English when the page says so', async () => {
      const { el } = await mount({ 'api-base': STUB_BASE, insee: '97413' }, { lang: 'en' });
      await settled(el);
      expect(statusText(el)).to.equal('5 actors');
      expect(shadow(el).querySelector('label[for="search"]')!.textContent).to.equal('Search for an actor');
      expect(chip(el, 'NGO').getAttribute('aria-label')).to.equal('\u2068Associations\u2069, 2 results');
      expect(shadow(el).querySelector('.badge')!.textContent).to.be.oneOf(['Association', 'Business', 'Public body', 'Cooperative']);
    });

    it('no-search and no-facets hide the controls', async () => {
      const { el } = await mount({ 'api-base': STUB_BASE, insee: '97413', 'no-search': true, 'no-facets': true });
      await settled(el);
      expect(shadow(el).querySelector('input[type="search"]')).to.equal(null);
      expect(shadow(el).querySelector('[part~="facets"]')).to.equal(null);
      expect(items(el)).to.have.length(5);
    });
  });

  describe('sync-url', () => {
    const start = location.href;
    afterEach(() => history.replaceState(null, '', start));

    it('mirrors the filters in the URL, restores them, and follows the back button', async () => {
      const { el } = await mount({ 'api-base': sandboxUrl(), insee: '97413', id: 'annuaire', 'sync-url': true });
      await settled(el);
      await type(el, 'asso');
      expect(new URL(location.href).searchParams.get('annuaire.q')).to.equal('asso');
      const firstChip = shadow(el).querySelector<HTMLButtonElement>('.facets button')!;
      const key = firstChip.dataset.key!;
      firstChip.click();
      await el.updateComplete;
      const params = new URL(location.href).searchParams;
      expect([params.get('annuaire.types'), params.get('annuaire.tags')]).to.include(key);
      history.back();
      await oneEvent(window, 'popstate');
      await el.updateComplete;
      expect(shadow(el).querySelector<HTMLInputElement>('input[type="search"]')!.value).to.equal('asso');
      expect(shadow(el).querySelector('[aria-pressed="true"]')).to.equal(null);

      fixtureCleanup();
      const { el: restored } = await mount({ 'api-base': sandboxUrl(), insee: '97413', id: 'annuaire', 'sync-url': true });
      await settled(restored);
      expect(shadow(restored).querySelector<HTMLInputElement>('input[type="search"]')!.value).to.equal('asso');
    });

    it('can use the hash instead of the query', async () => {
      const { el } = await mount({ 'api-base': sandboxUrl(), insee: '97413', id: 'dir2', 'sync-url': 'hash' });
      await settled(el);
      await type(el, 'vrac');
      expect(location.hash).to.include('dir2.q=vrac');
      expect(new URL(location.href).searchParams.has('dir2.q')).to.equal(false);
    });
  });

  describe('real 2026 records (contract 15b)', () => {
    it('lists a network whose records come in the 2026 form: none dropped, untyped ones as organisations with no chip of their own', async () => {
      // Half of this sandbox network is stored as a 2026 fields[] export returned it: raw sub-type in
      // `type`, or no `type` at all, string coordinates, several addresses in `url`, legacy addresses.
      const { el } = await mount({ 'api-base': sandboxUrl(), 'source-key': 'LaReunionDesTiersLieux', 'page-size': '24' });
      const load = await settled(el);
      // What the platform itself returns for this scope: every record of it is listed. (Its count may
      // include disabled organisations, as the 2018 code does, so the records are counted instead.)
      const answer = await fetch(`${sandboxUrl()}/co2/search/globalautocomplete`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'searchType[]=organizations&sourceKey[]=LaReunionDesTiersLieux&indexStep=1000',
      });
      const platformCount = Object.keys(((await answer.json()) as { results: object }).results).length;
      expect(platformCount).to.be.greaterThan(24);
      expect(load.detail.total).to.equal(platformCount);
      expect(load.detail.count).to.equal(platformCount);
      expect(statusText(el)).to.equal(`${load.detail.count} acteurs`);
      const typeChips = [...shadow(el).querySelectorAll<HTMLButtonElement>('.facets fieldset:first-of-type .chip')];
      const keys = typeChips.map((chip) => chip.dataset.key);
      expect(keys.every((key) => ['NGO', 'LocalBusiness', 'Group', 'GovernmentOrganization', 'Cooperative'].includes(key!)), keys.join()).to.equal(true);
      const chipTotal = typeChips.reduce((sum, chip) => sum + Number(chip.querySelector('.count')!.textContent), 0);
      // Records without a sub-type are counted in the total, under no sub-type chip.
      expect(chipTotal).to.be.lessThan(load.detail.count);
      const badges: string[] = [];
      for (let page = 1; ; page++) {
        badges.push(...items(el).map((item) => item.querySelector('[part~="item-badge"]')!.textContent!));
        const next = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part~="pager"] button')].at(-1);
        if (!next || next.getAttribute('aria-disabled') === 'true') break;
        next.click();
        await el.updateComplete;
      }
      expect(badges).to.have.length(load.detail.count);
      expect(badges.filter((badge) => badge === 'Organisation').length).to.equal(load.detail.count - chipTotal);
      await expectAccessible(el);
    });
  });

  describe('large sets', () => {
    it('above the local limit the server filters: text and pages become requests', async () => {
      const requests: URLSearchParams[] = [];
      const restore = stubSearch((body) => {
        requests.push(body);
        const start = Number(body.get('indexMin') ?? 0);
        const step = Number(body.get('indexStep') ?? 30);
        const results: Record<string, unknown> = {};
        for (let i = start; i < start + step; i++) results[`o${i}`] = org(`o${i}`, { name: `${body.get('name') ?? 'Org'} ${String(i).padStart(3, '0')}` });
        return { results, count: { organizations: 120, NGO: 120 } };
      });
      try {
        const el = document.createElement('cc-directory') as CcDirectory;
        recordEvents(el);
        el.localLimit = 50;
        el.setAttribute('api-base', STUB_BASE);
        el.setAttribute('page-size', '10');
        const wrapper = fixtureSync<HTMLDivElement>(html`<div lang="fr"></div>`);
        wrapper.append(el);
        // The first answer says 120 > 50: the element switches to server mode for the rest.
        await settled(el);
        expect(statusText(el)).to.equal('120 acteurs');
        expect(items(el)).to.have.length(10);
        const pager = shadow(el).querySelector('[part~="pager"]')!;
        expect(pager.textContent).to.include('Page 1 sur 12');
        await type(el, 'vrac');
        await settled(el);
        const last = requests[requests.length - 1]!;
        expect(last.get('name')).to.equal('vrac');
        expect(last.get('indexMin')).to.equal('0');
        expect(names(el)[0]).to.match(/^vrac /);
        shadow(el).querySelectorAll<HTMLButtonElement>('[part~="pager"] button')[1]!.click();
        await settled(el);
        expect(requests[requests.length - 1]!.get('indexMin')).to.equal('10');
        expect(requests.every((request) => Number(request.get('indexStep')) <= 10)).to.equal(true);
      } finally {
        restore();
      }
    });
    it('a server page is a page: 2,000 rows for indexStep=10 show 10 entries and stay under 1,400 DOM nodes', async () => {
      const steps: string[] = [];
      const restore = stubSearch((body) => {
        steps.push(body.get('indexStep') ?? '');
        // The platform may ignore indexStep: whatever is asked, 2,000 rows come back.
        const start = Number(body.get('indexMin') ?? 0);
        const results: Record<string, unknown> = {};
        for (let i = start; i < start + 2000; i++) {
          results[`p${i}`] = org(`p${i}`, { name: `Acteur ${i}`, tags: ['alpha', `t${i % 40}`], shortDescription: 'Une description courte. '.repeat(6) });
        }
        return { results, count: { organizations: 13_860, NGO: 13_860 } };
      });
      try {
        for (const pageSize of ['10', null]) {
          const el = document.createElement('cc-directory') as CcDirectory;
          recordEvents(el);
          el.localLimit = 50;
          el.setAttribute('api-base', STUB_BASE);
          if (pageSize) el.setAttribute('page-size', pageSize);
          const wrapper = fixtureSync<HTMLDivElement>(html`<div lang="fr"></div>`);
          wrapper.append(el);
          await settled(el);
          const size = Number(steps[steps.length - 1]);
          expect(size).to.be.greaterThan(0);
          expect(items(el).length).to.be.at.most(size);
          expect(items(el).length).to.be.greaterThan(0);
          expect(countNodes(shadow(el))).to.be.at.most(1400);
          // The next page too.
          shadow(el).querySelectorAll<HTMLButtonElement>('[part~="pager"] button')[1]!.click();
          await settled(el);
          expect(items(el).length).to.be.at.most(size);
          expect(countNodes(shadow(el))).to.be.at.most(1400);
          fixtureCleanup();
          resetClientState();
        }
        expect(steps.every((step) => Number(step) <= 24)).to.equal(true);
      } finally {
        restore();
      }
    });
  });

  describe('layout, theming and hostile host pages', () => {
    it('never has more than 1,400 DOM nodes, whatever the result count', async () => {
      const results: Record<string, unknown> = {};
      for (let i = 0; i < 3000; i++) {
        results[`n${i}`] = org(`n${i}`, {
          name: `Acteur ${i} avec un nom assez long pour remplir la carte`,
          tags: ['alpha', 'beta', 'gamma', 'delta', 'epsilon', `t${i % 40}`],
          shortDescription: 'Une description courte. '.repeat(10),
          description: '## Titre\n' + 'Paragraphe. '.repeat(200),
          url: 'https://example.org',
          email: 'contact@example.org',
          telephone: { fixe: ['0262 00 00 00'] },
          profilMediumImageUrl: '/upload/communecter/organizations/x/medium/logo.png',
        });
      }
      const restore = stubSearch(() => ({ results, count: { organizations: 3000 } }));
      try {
        const { el } = await mount({ 'api-base': STUB_BASE, 'page-size': '40' });
        await settled(el);
        expect(items(el)).to.have.length(24);
        const nodes = countNodes(shadow(el));
        expect(nodes).to.be.at.most(1400);
        // The same holds with a detail dialog open.
        items(el)[0]!.querySelector<HTMLAnchorElement>('a')!.click();
        await el.updateComplete;
        expect(countNodes(shadow(el))).to.be.at.most(1400);
      } finally {
        restore();
      }
    });

    it('reflows at 320 px without horizontal scrolling', async () => {
      const { el } = await mount({ 'api-base': sandboxUrl(), insee: '97413' }, { width: '320px' });
      await settled(el);
      const base = shadow(el).querySelector<HTMLElement>('[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
    });

    it('stays readable with text at 200 % (RGAA 10.4): no horizontal scrolling, no clipped entry', async () => {
      const { el } = await mount({ 'api-base': sandboxUrl(), insee: '97413' }, { width: '640px' });
      el.style.setProperty('--cc-font-size', '32px');
      await settled(el);
      const base = shadow(el).querySelector<HTMLElement>('[part~="base"]')!;
      expect(parseFloat(getComputedStyle(base).fontSize)).to.equal(32);
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      for (const title of shadow(el).querySelectorAll<HTMLElement>('[part~="item-title"]')) {
        expect(title.scrollWidth, title.textContent ?? '').to.be.at.most(title.clientWidth + 1);
      }
    });

    it('keeps its layout and contrast in a page with hostile CSS', async () => {
      const style = document.createElement('style');
      style.textContent = '*{box-sizing:content-box} img{max-width:100%} html{font-size:10px} body{line-height:3;color:#fff}';
      document.head.append(style);
      try {
        const { el } = await mount({ 'api-base': sandboxUrl(), insee: '97413', layout: 'list' });
        await settled(el);
        const title = shadow(el).querySelector<HTMLElement>('[part~="item-title"]')!;
        const computed = getComputedStyle(title);
        expect(computed.color).to.not.equal('rgb(255, 255, 255)');
        expect(parseFloat(computed.lineHeight)).to.be.below(parseFloat(computed.fontSize) * 2);
        expect(parseFloat(getComputedStyle(shadow(el).querySelector('[part~="base"]')!).fontSize)).to.equal(16);
        const media = shadow(el).querySelector<HTMLElement>('.media:not([hidden])')!;
        expect(media.getBoundingClientRect().width).to.equal(64);
        expect(getComputedStyle(media).boxSizing).to.equal('border-box');
        for (const target of shadow(el).querySelectorAll<HTMLElement>('button, .chip')) {
          const box = target.getBoundingClientRect();
          if (box.width > 0) expect(Math.min(box.width, box.height), target.textContent ?? '').to.be.at.least(24);
        }
      } finally {
        style.remove();
      }
    });

    it('reads the global and component tokens from the host page', async () => {
      const style = document.createElement('style');
      style.textContent = ':root{--cc-color-accent: rgb(200, 0, 100); --cc-directory-card-background: rgb(1, 2, 3)}';
      document.head.append(style);
      try {
        const { el } = await mount({ 'api-base': sandboxUrl(), insee: '97413' });
        await settled(el);
        expect(getComputedStyle(items(el)[0]!).backgroundColor).to.equal('rgb(1, 2, 3)');
        expect(getComputedStyle(shadow(el).querySelector('.chip')!).borderColor).to.not.equal('');
        const button = shadow(el).querySelector<HTMLElement>('.link-button, .button');
        if (button) expect(getComputedStyle(button).color).to.equal('rgb(200, 0, 100)');
      } finally {
        style.remove();
      }
    });

    it('drops the box of a broken image, as for an entry without one (no empty grey box)', async () => {
      // A loopback address nothing listens on: the load fails at once, without any DNS lookup.
      const restore = stubSearch(() => ({ results: { x: org('x', { profilMediumImageUrl: 'http://127.0.0.1:9/none.png' }) } }));
      try {
        const { el } = await mount({ 'api-base': STUB_BASE });
        await settled(el);
        expect(items(el)[0]!.querySelector('img')).to.exist;
        // The error event may already have fired: poll for its outcome instead of waiting for it.
        for (let i = 0; i < 100 && items(el)[0]!.querySelector('img'); i++) {
          await new Promise((resolve) => setTimeout(resolve, 30));
          await el.updateComplete;
        }
        expect(items(el)[0]!.querySelector('img')).to.equal(null);
        const box = items(el)[0]!.querySelector<HTMLElement>('[part~="item-image"]')!;
        expect(box.hidden).to.equal(true);
        expect(box.getBoundingClientRect().height).to.equal(0);
      } finally {
        restore();
      }
    });
  });

  describe('bad input rendered through the element (hostile-inputs.md §3)', () => {
    let restore: () => void;
    const canary: string[] = [];
    const hostile: Record<string, unknown> = {
      r1: org('r1', { name: "<img src=x onerror=ccCanary('r1')>" }),
      r2: org('r2', { name: "</script><script>ccCanary('r2')</script>" }),
      r3: org('r3', { name: 'Row 3', description: "<img src=x onerror=ccCanary('r3')>texte", descriptionHTML: true }),
      r4: org('r4', { name: 'Row 4', description: '<a href="javascript:ccCanary(4)">x</a>', descriptionHTML: true }),
      r6: org('r6', { name: 'Row 6', url: 'javascript:ccCanary(6)' }),
      r7: org('r7', { name: 'Row 7', url: 'data:text/html,<script>ccCanary(7)</script>', email: 'javascript:ccCanary(7)' }),
      r8: org('r8', { name: 'Row 8', url: 'www.mairie.fr' }),
      r9: org('r9', { name: 'Row 9', url: 'https://cоmmunecter.org/' }),
      r10: org('r10', { name: 'Row 10', description: '<div style="position:fixed;inset:0">x</div><form action="https://evil.example"><input type=password></form>', descriptionHTML: true }),
      r14: org('r14', { name: 'Row 14', description: '<noscript><p title="</noscript><img src=x onerror=ccCanary(14)>">', descriptionHTML: true }),
      r16: org('r16', { name: 'Row 16', description: '[clic](javascript:ccCanary(16))' }),
      r17: org('r17', { name: { _$litType$: 1, strings: ["<img src=x onerror=ccCanary('r17')>"], values: [] } }),
      r18: org('r18', { name: 42 }),
      r26a: org('r26', { name: 'Row 26' }),
      r31: org('r31', { name: 'W'.repeat(5000) }),
      r32: org('r32', { name: 'مركز ثقافي \u202Eevil' }),
      r33: org('r33', { name: '👩🏽‍🚒 e\u0301 \uD800' }),
      r34: org('r34', { name: 'Row 34', tags: ['\u200B', '\u0000', 'vrac', 'vr\u200Bac', ' VRAC '] }),
      r35: org('r35', { name: 'Row 35', profilMediumImageUrl: '/upload/communecter/organizations/null/logo.png' }),
    };
    beforeEach(() => {
      canary.length = 0;
      window.ccCanary = (label: string) => canary.push(label);
      restore = stubSearch(() => ({ results: [...Object.values(hostile), org('r26', { name: 'Row 26 again' })] }));
    });
    afterEach(() => {
      restore();
      expect(canary, 'no payload ran').to.deep.equal([]);
      delete window.ccCanary;
    });

    function assertInert(root: ParentNode): void {
      for (const element of root.querySelectorAll('*')) {
        for (const attribute of element.getAttributeNames()) expect(attribute, element.tagName).not.to.match(/^on/i);
        for (const name of ['href', 'src']) {
          const value = element.getAttribute(name);
          if (value !== null) expect(value, `${element.tagName}[${name}]`).to.match(/^(https?:|mailto:|tel:)/);
        }
      }
      expect(root.querySelector('script, iframe, object, embed, form:not([part~="search"]), input[type="password"]')).to.equal(null);
    }

    it('isolates a right-to-left name with an unterminated override wherever it sits in the element’s own words', async () => {
      const { el } = await mount({ 'api-base': STUB_BASE, 'page-size': '40', sort: 'recent' });
      await settled(el);
      const name = 'مركز ثقافي \u202Eevil';
      const entry = items(el).find((item) => item.querySelector('[part~="item-title"]')!.textContent === name)!;
      // In content, the element isolates it (dir="auto" / <bdi>); in attribute values and sentences, FSI … PDI.
      expect(entry.querySelector('[part~="item-title"] a')!.getAttribute('dir')).to.equal('auto');
      entry.querySelector<HTMLAnchorElement>('[part~="item-title"] a')!.click();
      await el.updateComplete;
      const footer = shadow(el).querySelector('dialog .dialog-footer a')!;
      expect(footer.textContent!.trim()).to.match(new RegExp(`^Voir « \u2068${name}\u2069 » sur Communecter`));
      const image = shadow(el).querySelector('dialog img');
      if (image) expect(image.getAttribute('alt')).to.equal(`Logo de \u2068${name}\u2069`);
    });

    it('shows hostile names as text, refuses unsafe links, skips impersonated templates, merges duplicates', async () => {
      const { el } = await mount({ 'api-base': STUB_BASE, 'page-size': '40', sort: 'recent' });
      await settled(el);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assertInert(shadow(el));
      const shown = names(el);
      expect(shown).to.include("<img src=x onerror=ccCanary('r1')>");
      expect(shown).to.include("</script><script>ccCanary('r2')</script>");
      expect(shown).to.include('42');
      expect(shown.filter((name) => name.startsWith('Row 26'))).to.deep.equal(['Row 26']);
      expect(items(el)).to.have.length(Object.keys(hostile).length - 1);
      const card = (name: string) => items(el).find((item) => item.querySelector('[part~="item-title"]')!.textContent!.trim() === name)!;
      expect(card('Row 6').querySelector('.contacts a')).to.equal(null);
      expect(card('Row 7').querySelector('.contacts a')).to.equal(null);
      expect(card('Row 8').querySelector<HTMLAnchorElement>('.contacts a')!.href).to.equal('https://www.mairie.fr/');
      expect(card('Row 9').querySelector('.contacts a')!.textContent).to.include('xn--cmmunecter-evi.org');
      expect(card('Row 9').querySelector('.contacts a')!.getAttribute('rel')).to.include('noopener');
      expect(card('Row 34').querySelector('[part~="item-tags"]')!.textContent).to.equal('#\u2068vrac\u2069');
      expect(card('Row 35').querySelector('img')).to.equal(null);
      const rtl = items(el).find((item) => item.textContent!.includes('مركز'))!;
      expect(rtl.querySelector('[part~="item-title"] a')!.getAttribute('dir')).to.equal('auto');
      const long = items(el).find((item) => item.textContent!.includes('WWWW'))!;
      expect(long.querySelector('[part~="item-title"]')!.textContent!.trim().length).to.be.at.most(300);
      const base = shadow(el).querySelector<HTMLElement>('[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      expect(shown.some((name) => name.includes('\uFFFD'))).to.equal(true);
    });

    it('renders every hostile record of the sandbox, and each detail, without running a script', async () => {
      restore();
      const calls: string[] = [];
      const saved = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };
      window.alert = (message?: unknown) => void calls.push(`alert ${String(message)}`);
      window.confirm = (message?: string) => (calls.push(`confirm ${message}`), false);
      window.prompt = (message?: string) => (calls.push(`prompt ${message}`), null);
      try {
        const { el } = await mount({ 'api-base': sandboxUrl(), 'source-key': 'hostile', types: 'organizations,projects,poi', 'page-size': '24' });
        await settled(el);
        const total = Number(/\d+/.exec(statusText(el))?.[0]);
        expect(total).to.be.greaterThan(10);
        for (let page = 0; page < 10; page++) {
          for (const item of items(el)) {
            item.querySelector<HTMLAnchorElement>('[part~="item-title"] a')!.click();
            await el.updateComplete;
            const dialog = shadow(el).querySelector('dialog')!;
            for (let i = 0; i < 50 && dialog.querySelector('.description-loading'); i++) {
              await new Promise((resolve) => setTimeout(resolve, 20));
              await el.updateComplete;
            }
            assertInert(dialog);
            dialog.close();
            await el.updateComplete;
          }
          assertInert(shadow(el));
          const next = shadow(el).querySelectorAll<HTMLButtonElement>('[part~="pager"] button')[1];
          if (!next || next.getAttribute('aria-disabled') === 'true') break;
          next.click();
          await el.updateComplete;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(calls, 'no dialog box opened by a payload').to.deep.equal([]);
      } finally {
        Object.assign(window, saved);
        restore = () => undefined;
      }
    });

    it('sanitises descriptions in the detail dialog (rows 3, 4, 10, 14, 16)', async () => {
      const { el } = await mount({ 'api-base': STUB_BASE, 'page-size': '40' });
      await settled(el);
      for (const name of ['Row 3', 'Row 4', 'Row 10', 'Row 14', 'Row 16']) {
        const link = items(el).find((item) => item.querySelector('[part~="item-title"]')!.textContent!.trim() === name)!.querySelector<HTMLAnchorElement>('a')!;
        link.click();
        await el.updateComplete;
        const dialog = shadow(el).querySelector('dialog')!;
        for (let i = 0; i < 20 && !dialog.querySelector('.description'); i++) {
          await new Promise((resolve) => setTimeout(resolve, 25));
          await el.updateComplete;
        }
        expect(dialog.querySelector('.description'), name).to.exist;
        await new Promise((resolve) => setTimeout(resolve, 30));
        assertInert(dialog);
        dialog.close();
        await el.updateComplete;
      }
    });
  });

  describe('keyboard walk-through', () => {
    it('reaches search, facets, sort, every entry and the pager in order with Tab', async () => {
      const restore = stubSearch(() => ({
        results: Object.fromEntries(['a', 'b', 'c'].map((id, i) => [id, org(id, { name: `Acteur ${id}`, tags: ['x'], typeOrga: i === 0 ? 'NGO' : 'Group' })])),
      }));
      try {
        const { el } = await mount({ 'api-base': STUB_BASE, 'page-size': '2' });
        await settled(el);
        shadow(el).querySelector<HTMLInputElement>('input[type="search"]')!.focus();
        const visited: string[] = [];
        for (let i = 0; i < 12; i++) {
          const active = shadow(el).activeElement as HTMLElement | null;
          if (!active) break;
          visited.push(active.tagName === 'A' ? `a:${active.textContent!.trim()}` : active.tagName === 'BUTTON' ? `button:${active.textContent!.replace(/\s+/g, ' ').trim()}` : active.tagName.toLowerCase());
          await sendKeys({ press: 'Tab' });
        }
        expect(visited[0]).to.equal('input');
        expect(visited).to.include('select');
        expect(visited).to.include('a:Acteur a');
        expect(visited).to.include('a:Acteur b');
        expect(visited.indexOf('a:Acteur a')).to.be.greaterThan(visited.indexOf('select'));
        expect(visited.some((entry) => entry.startsWith('button:Suivante'))).to.equal(true);
        // A chip group is one tab stop; arrow keys move inside it.
        const typeStops = visited.filter((entry) => entry.startsWith('button:Groupes') || entry.startsWith('button:Associations'));
        expect(typeStops).to.have.length(1);
        const stop = [...shadow(el).querySelectorAll<HTMLButtonElement>('.facet .chip')].find((chip) => chip.textContent!.startsWith(typeStops[0]!.slice(7, 12)))!;
        stop.focus();
        await sendKeys({ press: 'ArrowRight' });
        expect((shadow(el).activeElement as HTMLElement).textContent!.startsWith(typeStops[0]!.slice(7, 12))).to.equal(false);
        expect(shadow(el).activeElement!.getAttribute('tabindex')).to.equal('0');
        expect(stop.getAttribute('tabindex')).to.equal('-1');
      } finally {
        restore();
      }
    });
  });
});
