/**
 * <cc-map> as a guest: Leaflet is loaded only for a map that is shown (with loading="lazy", once it
 * nears the viewport), and a host page running its own Leaflet (the UMD build on window.L) keeps it.
 * This file's page registers every element (src/index.ts), as the "just works" bundle does.
 */
import { expect, fixtureCleanup, fixtureSync, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CcMap } from '../../src/components/cc-map/cc-map.js';
import { engineLoader } from '../../src/components/cc-map/engine-loader.js';
import { loadScript, recordEvents, sandboxUrl, settled } from '../helpers.js';

const leafletRequests = (): string[] => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => /leaflet|map-engine|supercluster|cluster-index/.test(name));

describe('<cc-map> loads Leaflet only when a map is shown', () => {
  afterEach(() => fixtureCleanup());

  it('a page with other elements and no map never downloads Leaflet', async () => {
    const el = fixtureSync(html`<cc-directory api-base=${sandboxUrl()} insee="97413"></cc-directory>`);
    await new Promise((resolve) => el.addEventListener('cc-load', resolve, { once: true }));
    expect(engineLoader.requests).to.equal(0);
    expect(leafletRequests()).to.deep.equal([]);
  });

  it('loading="lazy": the map\'s code loads when the element nears the viewport', async () => {
    const wrapper = fixtureSync<HTMLDivElement>(html`<div style="padding-top:4000px;width:800px"></div>`);
    const el = document.createElement('cc-map') as CcMap;
    for (const [name, value] of [['api-base', sandboxUrl()], ['insee', '97413'], ['tiles', 'none'], ['loading', 'lazy']]) el.setAttribute(name!, value!);
    recordEvents(el);
    wrapper.append(el);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(engineLoader.requests).to.equal(0);
    expect(leafletRequests()).to.deep.equal([]);
    // The list is there already: the places load whatever the map does.
    expect(el.shadowRoot!.querySelector('[part~="status"]')!.textContent).to.match(/lieux/);
    el.scrollIntoView();
    await settled(el);
    expect(engineLoader.requests).to.equal(1);
    expect(leafletRequests().length).to.be.greaterThan(0);
    expect(el.shadowRoot!.querySelectorAll('[part~="cluster"], [part~="marker"]').length).to.be.greaterThan(0);
    window.scrollTo(0, 0);
  });

  it('neither reads nor writes a global L: a host page\'s own Leaflet keeps working', async () => {
    await loadScript('/node_modules/leaflet/dist/leaflet-src.js');
    const host = window as unknown as { L: { map: (el: HTMLElement) => { setView: (c: [number, number], z: number) => { getZoom: () => number } }; version: string } };
    const hostL = host.L;
    const hostDiv = fixtureSync<HTMLDivElement>(html`<div style="width:300px;height:200px"></div>`);
    const hostMap = hostL.map(hostDiv).setView([48.85, 2.35], 5);
    const el = document.createElement('cc-map') as CcMap;
    for (const [name, value] of [['api-base', sandboxUrl()], ['insee', '97413'], ['tiles', 'none']]) el.setAttribute(name!, value!);
    recordEvents(el);
    fixtureSync<HTMLDivElement>(html`<div style="width:800px"></div>`).append(el);
    await settled(el);
    expect(host.L).to.equal(hostL);
    expect(hostMap.getZoom()).to.equal(5);
    expect(el.shadowRoot!.querySelectorAll('[part~="cluster"], [part~="marker"]').length).to.be.greaterThan(0);
    // Leaflet's stylesheet went into the element's shadow root, nothing into the host document.
    expect(document.adoptedStyleSheets.length).to.equal(0);
    expect([...document.querySelectorAll('style')].some((style) => style.textContent!.includes('.leaflet-pane'))).to.equal(false);
    expect(getComputedStyle(el.shadowRoot!.querySelector('.leaflet-container')!).overflow).to.equal('hidden');
  });
});
