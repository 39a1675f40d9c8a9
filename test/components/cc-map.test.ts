/**
 * <cc-map>: what a visitor sees and does, against the sandbox (tiles="none": tests never reach a tile
 * server), and for exact payloads (positions, hostile records) a stubbed search answer.
 */
import { expect, fixtureCleanup, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { resetClientState } from '../../src/api/index.js';
import '../../src/components/cc-map/cc-map.define.js';
import { CcMap } from '../../src/components/cc-map/cc-map.js';
import { engineLoader } from '../../src/components/cc-map/engine-loader.js';
import { defineElement } from '../../src/shared/define.js';
import { expectAccessible, faultBase, recordEvents, sandboxLog, sandboxUrl, settled } from '../helpers.js';

type Attributes = Record<string, string | boolean>;

async function mount(attributes: Attributes, options: { lang?: string; width?: string } = {}): Promise<{ el: CcMap; events: CustomEvent[] }> {
  const el = document.createElement('cc-map') as CcMap;
  // Tests never reach a tile server: no tiles unless a test asks for the sandbox's.
  Object.entries<string | boolean>({ tiles: 'none', ...attributes })
    .filter(([, value]) => value !== false)
    .forEach(([name, value]) => el.setAttribute(name, typeof value === 'string' ? value : ''));
  const events = recordEvents(el);
  fixtureSync<HTMLDivElement>(html`<div lang=${options.lang ?? 'fr'} style=${`width:${options.width ?? '900px'}`}></div>`).append(el);
  return { el, events };
}

const root = (el: CcMap): ShadowRoot => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: CcMap, selector: string): T[] => [...root(el).querySelectorAll<T>(selector)];
const statusText = (el: CcMap): string => root(el).querySelector('[part~="status"]')!.textContent!.trim();
const layerButtons = (el: CcMap): HTMLButtonElement[] => q<HTMLButtonElement>(el, '[part~="cluster"], [part~="marker"]');
/** An accessible name without the isolation marks around platform text (FSI … PDI). */
const nameOf = (element: Element): string => (element.getAttribute('aria-label') ?? '').replace(/[\u2066-\u2069]/g, '');

/** A search answer built from raw records (the normaliser reads them as the platform writes them). */
function stubSearch(records: Record<string, Record<string, unknown>>): () => void {
  const original = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes('/co2/search/globalautocomplete')) {
      const body = String(init?.body ?? '');
      const first = !/indexMin=[1-9]/.test(body);
      return new Response(JSON.stringify({ results: first ? records : [], count: { organizations: Object.keys(records).length } }), { headers: { 'Content-Type': 'application/json' } });
    }
    return original.call(window, input, init);
  };
  return () => (window.fetch = original);
}

function org(id: string, name: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { _id: { $id: id }, name, collection: 'organizations', type: 'NGO', slug: `s${id}`, address: { addressLocality: 'Saint-Leu', postalCode: '97436', addressCountry: 'RE' }, ...fields };
}

describe('<cc-map>', () => {
  afterEach(() => fixtureCleanup());

  it('is defined, and a second define does not throw', () => {
    expect(customElements.get('cc-map')).to.equal(CcMap);
    expect(() => defineElement('cc-map', CcMap)).not.to.throw();
  });

  it('loads the scope, draws clusters and markers, and fires cc-load {count, total, located} once', async () => {
    const { el, events } = await mount({ 'api-base': sandboxUrl(), 'postal-code': '974' });
    expect(root(el).querySelector('[part~="base"]')).to.exist;
    const load = await settled(el);
    expect(load.detail.count).to.be.greaterThan(0);
    expect(load.detail.located).to.be.at.most(load.detail.count);
    expect(layerButtons(el).length).to.be.greaterThan(0);
    const cluster = q(el, '[part~="cluster"]')[0];
    if (cluster) expect(cluster.getAttribute('aria-label')).to.match(/^Groupe de \d+ lieux : \d+ /);
    expect(statusText(el)).to.match(/lieux? dans cette zone|Aucun lieu/);
    expect(events.filter((event) => event.type === 'cc-load')).to.have.length(1);
    expect(root(el).querySelectorAll('*').length).to.be.at.most(1400);
    await expectAccessible(el);
  });

  it('asks the search route in pages with fields[] limited to what the map shows', async () => {
    const { base, key } = faultBase('ok');
    const { el } = await mount({ 'api-base': base, 'postal-code': '974' });
    await settled(el);
    const searches = (await sandboxLog(key)).filter((request) => request.path.includes('/search/'));
    expect(searches.length).to.be.greaterThan(0);
    const body = decodeURIComponent(searches[0]!.body ?? '');
    expect(body).to.include('fields[]=geo');
    expect(body).to.include('fields[]=name');
    expect(body).not.to.include('fields[]=description');
    expect(body).to.include('indexStep=1000');
    expect(body.match(/searchType\[\]=/g)).to.have.length(1);
    expect(body).to.include('countType[]=poi');
  });

  it('places without a usable position are listed, marked and counted, never drawn', async () => {
    const restore = stubSearch({
      a1: org('a1', 'Placée', { geo: { '@type': 'GeoCoordinates', latitude: '-21.1700000', longitude: '55.2880000' } }),
      a2: org('a2', 'Virgule', { geo: { latitude: '-21,18', longitude: '55,29' } }),
      a3: org('a3', 'GeoJSON', { geoPosition: { type: 'Point', coordinates: ['55.30', '-21.19'] } }),
      a4: org('a4', 'Zéro', { geo: { latitude: '0', longitude: '0' } }),
      a5: org('a5', 'Hors limites', { geo: { latitude: '123', longitude: '55' } }),
      a6: org('a6', 'Sans geo'),
    });
    try {
      const { el } = await mount({ 'api-base': 'https://platform.example', insee: '97413' });
      const load = await settled(el);
      expect(load.detail).to.deep.include({ count: 6, located: 3 });
      const drawn = layerButtons(el).reduce((sum, button) => sum + (button.matches('[part~="cluster"]') ? Number(button.textContent) : 1), 0);
      expect(drawn).to.equal(3);
      const text = root(el).querySelector('.list-box')!.textContent!;
      expect(text).to.include('3 lieux sans position sur la carte');
      for (const name of ['Zéro', 'Hors limites', 'Sans geo']) expect(text).to.include(name);
      expect(q(el, '.unlocated').length).to.equal(3);
      await expectAccessible(el);
    } finally {
      restore();
    }
  });
});

/** Five places around Saint-Leu: two at the same spot (a cluster that never splits), two 150 m apart, one alone. */
const PLACES = {
  a1: org('a1', 'Même lieu A', { geo: { latitude: '-21.0000', longitude: '55.2000' } }),
  a2: org('a2', 'Même lieu B', { type: 'LocalBusiness', geo: { latitude: '-21.0000', longitude: '55.2000' } }),
  b1: org('b1', 'Voisin 1', { geo: { latitude: '-21.3000', longitude: '55.5000' } }),
  b2: org('b2', 'Voisin 2', { type: 'Cooperative', geo: { latitude: '-21.3012', longitude: '55.5012' } }),
  c1: org('c1', 'Seul', { geo: { latitude: '-21.1000', longitude: '55.8000' } }),
};

describe('<cc-map> keyboard, popups and events', () => {
  let restore: () => void = () => undefined;
  beforeEach(() => {
    resetClientState();
    restore = stubSearch(PLACES);
  });
  afterEach(() => {
    restore();
    fixtureCleanup();
  });

  async function ready(attributes: Attributes = {}, options: { lang?: string; width?: string } = {}): Promise<{ el: CcMap; events: CustomEvent[] }> {
    const mounted = await mount({ 'api-base': 'https://platform.example', insee: '97413', ...attributes }, options);
    await settled(mounted.el);
    return mounted;
  }

  const active = (el: CcMap): Element | null => root(el).activeElement;

  it('the markers layer is one tab stop; arrows move to the nearest marker in that direction', async () => {
    const { el } = await ready();
    const buttons = layerButtons(el);
    expect(buttons.length).to.be.greaterThan(1);
    expect(buttons.filter((button) => button.tabIndex === 0)).to.have.length(1);
    const start = buttons.find((button) => button.tabIndex === 0)!;
    start.focus();
    const seen = new Set([start.dataset['key']]);
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowDown']) {
      await sendKeys({ press: key });
      await el.updateComplete;
      expect(active(el)?.matches('[part~="cluster"], [part~="marker"]')).to.equal(true);
      seen.add((active(el) as HTMLElement).dataset['key']);
    }
    expect(seen.size).to.be.greaterThan(1);
    expect(layerButtons(el).filter((button) => button.tabIndex === 0)).to.have.length(1);
  });

  it('a marker opens its popup (focus inside), Escape closes it and gives focus back to the marker', async () => {
    const { el, events } = await ready();
    const marker = layerButtons(el).find((button) => nameOf(button).startsWith('Seul'))!;
    expect(nameOf(marker)).to.equal('Seul, Association');
    marker.focus();
    marker.click();
    await el.updateComplete;
    await el.updateComplete;
    const popup = root(el).querySelector('[part~="popup"]')!;
    expect(popup).to.exist;
    expect(popup.textContent).to.include('Seul');
    expect(popup.textContent).to.include('Plus d’infos');
    expect(active(el)?.classList.contains('popup-title')).to.equal(true);
    expect(events.filter((event) => event.type === 'cc-select')).to.have.length(1);
    expect(marker.getAttribute('aria-pressed')).to.equal('true');
    expect(root(el).querySelector('.entry.selected')?.textContent).to.include('Seul');
    await expectAccessible(el);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await el.updateComplete;
    expect(root(el).querySelector('[part~="popup"]')).to.equal(null);
    expect((active(el) as HTMLElement | null)?.dataset['key']).to.equal('organizations:c1');
  });

  it('"Plus d’infos" opens the shared detail dialog', async () => {
    const { el } = await ready();
    layerButtons(el).find((button) => nameOf(button).startsWith('Seul'))!.click();
    await el.updateComplete;
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('[part~="popup"] .button')!.click();
    await el.updateComplete;
    const dialog = root(el).querySelector<HTMLDialogElement>('dialog[part~="dialog"]')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.include('Seul');
    await expectAccessible(el);
  });

  it('cc-select can be cancelled: no popup opens', async () => {
    const { el } = await ready();
    el.addEventListener('cc-select', (event) => event.preventDefault());
    layerButtons(el).find((button) => nameOf(button).startsWith('Seul'))!.click();
    await el.updateComplete;
    expect(root(el).querySelector('[part~="popup"]')).to.equal(null);
  });

  it('a cluster names what it holds; activating it zooms to where it splits (cc-view-change), or lists its places at the deepest zoom', async () => {
    const { el } = await ready();
    const clusters = q<HTMLButtonElement>(el, '[part~="cluster"]');
    const same = clusters.find((button) => button.getAttribute('aria-label')!.includes('1 association, 1 entreprise'))!;
    expect(same.getAttribute('aria-label')).to.equal('Groupe de 2 lieux : 1 association, 1 entreprise');
    expect(same.textContent!.trim()).to.equal('2');
    const neighbours = clusters.find((button) => button.getAttribute('aria-label')!.includes('coopérative'))!;
    neighbours.focus();
    // A native button: Enter and Space are the browser's; Firefox's sendKeys Enter is unreliable (common rules).
    neighbours.click();
    const change = await settled(el, 'cc-view-change');
    expect(change.detail.view).to.equal('map');
    expect(change.detail.zoom).to.be.greaterThan(12);
    expect(change.detail.bounds).to.have.length(4);
    expect(layerButtons(el).filter((button) => button.matches('[part~="marker"]')).length).to.be.at.least(2);
    expect(active(el)?.matches('[part~="cluster"], [part~="marker"]')).to.equal(true);
    // The two places at one spot never split: their cluster lists them.
    el.focusItem('a1');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('.popup-close')!.click();
    await el.updateComplete;
    const deep = q<HTMLButtonElement>(el, '[part~="cluster"]').find((button) => button.getAttribute('aria-label')!.startsWith('Groupe de 2'))!;
    deep.click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await el.updateComplete;
    const popup = root(el).querySelector('[part~="popup"]')!;
    expect(popup.textContent).to.include('Les 2 lieux de ce groupe');
    expect(popup.textContent).to.include('Même lieu A');
    await expectAccessible(el);
  });

  it('zoom and pan buttons move the map without a drag; the live region says how many places are in view', async () => {
    const { el, events } = await ready();
    const zoomIn = root(el).querySelector<HTMLButtonElement>('[part~="zoom-in"]')!;
    expect(zoomIn.getAttribute('aria-label')).to.equal('Zoomer');
    zoomIn.click();
    await new Promise((resolve) => setTimeout(resolve, 700));
    await el.updateComplete;
    expect(events.filter((event) => event.type === 'cc-view-change')).to.have.length(1);
    expect(statusText(el)).to.match(/^(\d+ lieux? dans cette zone|Aucun lieu dans cette zone)$/);
    root(el).querySelector<HTMLButtonElement>('[aria-label="Déplacer la carte vers l’est"]')!.click();
    root(el).querySelector<HTMLButtonElement>('[part~="zoom-out"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(events.filter((event) => event.type === 'cc-view-change').length).to.be.at.least(2);
    for (const button of q<HTMLButtonElement>(el, '.control')) {
      const box = button.getBoundingClientRect();
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(24);
    }
  });

  it('a list entry selects its marker and brings it into view; no event for property changes', async () => {
    const { el, events } = await ready();
    const before = events.length;
    el.setAttribute('list', 'side');
    await el.updateComplete;
    expect(events.length).to.equal(before);
    const entry = q<HTMLButtonElement>(el, '.entry-name').find((button) => button.textContent === 'Voisin 1')!;
    entry.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(root(el).querySelector('[part~="popup"]')!.textContent).to.include('Voisin 1');
    expect(events.filter((event) => event.type === 'cc-select').pop()!.detail.item.id).to.equal('b1');
  });

  it('fitAll() and focusItem() drive the map from a host script; selected opens a popup on load', async () => {
    const { el } = await ready({ selected: 'c1' });
    expect(root(el).querySelector('[part~="popup"]')!.textContent).to.include('Seul');
    el.focusItem('b2');
    await el.updateComplete;
    expect(root(el).querySelector('[part~="popup"]')!.textContent).to.include('Voisin 2');
    el.fitAll();
    await el.updateComplete;
    expect(el.items).to.have.length(5);
  });

  it('type filter chips re-cluster and fire cc-filter-change', async () => {
    const { el, events } = await ready();
    const chip = q<HTMLButtonElement>(el, '[part~="chip"]').find((button) => button.textContent!.includes('Coopératives'))!;
    chip.click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await el.updateComplete;
    expect(events.filter((event) => event.type === 'cc-filter-change').pop()!.detail.types).to.deep.equal(['Cooperative']);
    expect(layerButtons(el).map(nameOf)).to.deep.equal(['Voisin 2, Coopérative']);
    await expectAccessible(el);
  });

  it('on a narrow container the list is behind a Carte/Liste switch', async () => {
    const { el } = await ready({}, { width: '360px' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    const [mapButton, listButton] = q<HTMLButtonElement>(el, '.view-switch button');
    expect(mapButton!.getAttribute('aria-pressed')).to.equal('true');
    expect(root(el).querySelector<HTMLElement>('.list-box')!.hidden).to.equal(true);
    listButton!.click();
    await el.updateComplete;
    expect(root(el).querySelector<HTMLElement>('.list-box')!.hidden).to.equal(false);
    expect(root(el).querySelector<HTMLElement>('.map-box')!.hidden).to.equal(true);
    await expectAccessible(el);
  });

  it('speaks English on an English page', async () => {
    const { el } = await ready({}, { lang: 'en' });
    expect(root(el).querySelector('[part~="zoom-in"]')!.getAttribute('aria-label')).to.equal('Zoom in');
    expect(q(el, '[part~="cluster"]')[0]!.getAttribute('aria-label')).to.match(/^Group of 2 places: /);
    await expectAccessible(el);
  });

  it('clusters on the main thread when no worker can start, and in a worker otherwise', async () => {
    const RealWorker = window.Worker;
    let started = 0;
    window.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        started++;
      }
    } as typeof Worker;
    try {
      const { el } = await ready();
      expect(started).to.equal(1);
      expect(layerButtons(el).length).to.be.greaterThan(1);
      window.Worker = function () {
        throw new DOMException('blocked by CSP', 'SecurityError');
      } as unknown as typeof Worker;
      const { el: fallback } = await ready();
      expect(layerButtons(fallback).map((button) => button.getAttribute('aria-label'))).to.deep.equal(layerButtons(el).map((button) => button.getAttribute('aria-label')));
    } finally {
      window.Worker = RealWorker;
    }
  });
});

describe('<cc-map> states', () => {
  afterEach(() => fixtureCleanup());

  it('loading: the status says so and the region is busy; the map box keeps its height', async () => {
    const { base } = faultBase('slow:800');
    const { el } = await mount({ 'api-base': base, insee: '97413' });
    await el.updateComplete;
    expect(statusText(el)).to.equal('Chargement…');
    expect(root(el).querySelector<HTMLElement>('[part~="map"]')!.getBoundingClientRect().height).to.be.greaterThan(200);
    await expectAccessible(el);
    await settled(el);
  });

  it('empty scope: says nothing is listed here', async () => {
    const { el } = await mount({ 'api-base': sandboxUrl(), 'source-key': 'no-such-network' });
    await settled(el);
    expect(root(el).querySelector('[part~="empty"]')!.textContent).to.include('Aucun lieu n’est encore référencé ici.');
    await expectAccessible(el);
  });

  it('error: a message, a retry, the fallback link', async () => {
    const { base } = faultBase('500,500,500,500');
    const { el } = await mount({ 'api-base': base, insee: '97413' });
    await settled(el, 'cc-error');
    expect(root(el).querySelector('[part~="error"]')!.textContent).to.include('Réessayer');
    await expectAccessible(el);
  });

  it('tiles refused (a blocked or failing tile server): a notice, the places still drawn and listed, the attribution visible', async () => {
    const key = `tiles${Date.now().toString(36)}`;
    const tiles = `${sandboxUrl()}/__fault/${key}/500/tiles/{z}/{x}/{y}.svg`;
    const { el } = await mount({ 'api-base': sandboxUrl(), insee: '97413', tiles, 'tiles-attribution': 'Tuiles de test' });
    await settled(el);
    await waitUntil(() => root(el).querySelector('[part~="tiles-notice"]') !== null, 'the notice shows', { timeout: 5000 });
    const notice = root(el).querySelector('[part~="tiles-notice"]')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent).to.equal('Le fond de carte n’a pas pu être chargé : les lieux restent placés et listés.');
    expect(layerButtons(el).length).to.be.greaterThan(0);
    expect(q(el, '[part~="item"]').length).to.be.greaterThan(0);
    const attribution = root(el).querySelector<HTMLElement>('[part~="attribution"]')!;
    expect(attribution.textContent).to.include('Tuiles de test');
    expect(attribution.getBoundingClientRect().height).to.be.greaterThan(0);
    expect((await sandboxLog(key)).length).to.be.greaterThan(0);
    await expectAccessible(el);
  });

  it('a tiles template without tiles-attribution is a configuration error: nothing is requested', async () => {
    const calls: string[] = [];
    const warnings: string[] = [];
    const { fetch: original, warn } = { fetch: window.fetch, warn: console.warn };
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => (calls.push(String(input)), original(input, init));
    console.warn = (message: string) => void warnings.push(message);
    try {
      const { el } = await mount({ 'api-base': sandboxUrl(), insee: '97413', tiles: 'https://tiles.example/{z}/{x}/{y}.png' });
      await settled(el, 'cc-error');
      expect(root(el).querySelector('[part~="error"]')!.textContent).to.include('tiles-attribution');
      expect(calls).to.deep.equal([]);
      expect(warnings).to.have.length(1);
      await expectAccessible(el);
    } finally {
      window.fetch = original;
      console.warn = warn;
    }
  });

  it('hostile records (source-key="hostile") through popups and list entries: nothing runs', async () => {
    const calls: string[] = [];
    const saved = { alert: window.alert, ccCanary: (window as unknown as { ccCanary?: unknown }).ccCanary };
    window.alert = (message?: unknown) => void calls.push(String(message));
    (window as unknown as { ccCanary: (label: string) => void }).ccCanary = (label: string) => void calls.push(label);
    try {
      const { el } = await mount({ 'api-base': sandboxUrl(), 'source-key': 'hostile', types: 'organizations,projects,events,poi', list: 'side' });
      await settled(el);
      expect(el.items.length).to.be.greaterThan(10);
      const check = (): void => {
        for (const element of root(el).querySelectorAll('*')) {
          for (const attribute of element.getAttributeNames()) expect(attribute).not.to.match(/^on/i);
          const href = element.getAttribute('href');
          if (href !== null) expect(href).to.match(/^https?:/);
        }
      };
      for (const item of el.items) {
        el.focusItem(item.id);
        await el.updateComplete;
        check();
      }
      for (let page = 0; page < 4; page++) {
        check();
        const next = root(el).querySelector<HTMLButtonElement>('[part~="pager"] button:last-of-type');
        if (!next || next.disabled) break;
        next.click();
        await el.updateComplete;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(calls).to.deep.equal([]);
    } finally {
      window.alert = saved.alert;
      (window as unknown as { ccCanary?: unknown }).ccCanary = saved.ccCanary;
    }
  });

  it('shows the list alone when the map cannot load', async () => {
    const load = engineLoader.load;
    engineLoader.load = () => Promise.reject(new Error('blocked'));
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const { el } = await mount({ 'api-base': sandboxUrl(), insee: '97413' });
      await settled(el);
      expect(root(el).querySelector('.notice')!.textContent).to.include('la liste des lieux reste disponible');
      expect(q(el, '[part~="item"]').length).to.be.greaterThan(0);
      await expectAccessible(el);
    } finally {
      engineLoader.load = load;
      console.warn = warn;
    }
  });

  it('two maps on one page are independent', async () => {
    const { el: first } = await mount({ 'api-base': sandboxUrl(), insee: '97413' });
    const { el: second } = await mount({ 'api-base': sandboxUrl(), insee: '97411' });
    await Promise.all([settled(first), settled(second)]);
    root(first).querySelector<HTMLButtonElement>('[part~="zoom-in"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(first.items.map((item) => item.id)).not.to.deep.equal(second.items.map((item) => item.id));
    expect(root(first).querySelector('.leaflet-container')).to.exist;
    expect(root(second).querySelector('.leaflet-container')).to.exist;
  });
});

describe('<cc-map> while pages arrive', () => {
  afterEach(() => fixtureCleanup());

  it('says its progress ("720 lieux sur 1 020") and draws clusters from the first pages, before cc-load', async () => {
    const { base } = faultBase('slow:300');
    const { el, events } = await mount({ 'api-base': base, 'source-key': 'carte-1000', types: 'organizations,projects,events,poi' });
    let sawProgress = false;
    let drewEarly = false;
    const statuses = new Set<string>();
    while (!events.some((event) => event.type === 'cc-load' || event.type === 'cc-error')) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const status = statusText(el);
      statuses.add(status);
      if (/^[\d\u202f\u00a0 ]+ lieux sur 1\u202f\d{3}$/.test(status)) sawProgress = true;
      if (sawProgress && layerButtons(el).length > 0) drewEarly = true;
    }
    expect(sawProgress, [...statuses].join(' | ')).to.equal(true);
    expect(drewEarly).to.equal(true);
    const load = await settled(el);
    expect(load.detail.total).to.equal(load.detail.count);
    expect(load.detail.located).to.be.at.least(1000);
    expect(root(el).querySelectorAll('*').length).to.be.at.most(1400);
  });
});
