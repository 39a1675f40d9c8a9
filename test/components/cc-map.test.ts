/**
 * <cc-map>: what a visitor sees and does, against the sandbox (tiles="none": tests never reach a tile
 * server), and for exact payloads (positions, hostile records) a stubbed search answer.
 */
import { expect, fixtureCleanup, fixtureSync, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/cc-map/cc-map.define.js';
import { CcMap } from '../../src/components/cc-map/cc-map.js';
import { engineLoader } from '../../src/components/cc-map/engine-loader.js';
import { defineElement } from '../../src/shared/define.js';
import { expectAccessible, faultBase, recordEvents, sandboxLog, sandboxUrl, settled } from '../helpers.js';

type Attributes = Record<string, string | boolean>;

async function mount(attributes: Attributes, options: { lang?: string; width?: string } = {}): Promise<{ el: CcMap; events: CustomEvent[] }> {
  const el = document.createElement('cc-map') as CcMap;
  for (const [name, value] of Object.entries({ tiles: 'none', ...attributes })) {
    if (value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  const events = recordEvents(el);
  const wrapper = fixtureSync<HTMLDivElement>(html`<div lang=${options.lang ?? 'fr'} style=${`width:${options.width ?? '900px'}`}></div>`);
  wrapper.append(el);
  return { el, events };
}

const root = (el: CcMap): ShadowRoot => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: CcMap, selector: string): T[] => [...root(el).querySelectorAll<T>(selector)];
const statusText = (el: CcMap): string => root(el).querySelector('[part~="status"]')!.textContent!.trim();
const layerButtons = (el: CcMap): HTMLButtonElement[] => q<HTMLButtonElement>(el, '[part~="cluster"], [part~="marker"]');

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
    expect(body).to.include('indexStep=2500');
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
