// <cc-map> from the classic-script build (dist/cc-widgets.iife.js): the script cannot split into chunks,
// so its map imports the ES build's map chunk (Leaflet, supercluster) from the script's own URL, and
// only when a map is shown. This file's page loads nothing else.
import { expect } from '@open-wc/testing';
import { sandboxUrl } from '../helpers.js';

const mapResources = (): string[] => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => /cc-map-engine|cc-map-worker|cluster-index|leaflet/.test(name));

describe('<cc-map> in the classic-script build', () => {
  it('loads the map chunk from the script\'s URL only once a map is on the page, and draws', async () => {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/dist/cc-widgets.iife.js';
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('could not load the classic script'));
      document.head.append(script);
    });
    const directory = document.createElement('cc-directory');
    directory.setAttribute('api-base', sandboxUrl());
    directory.setAttribute('insee', '97413');
    document.body.append(directory);
    await new Promise((resolve) => directory.addEventListener('cc-load', resolve, { once: true }));
    expect(mapResources(), 'a page without a map never downloads Leaflet').to.deep.equal([]);

    const map = document.createElement('cc-map');
    map.setAttribute('api-base', sandboxUrl());
    map.setAttribute('insee', '97413');
    map.setAttribute('tiles', 'none');
    map.style.width = '800px';
    document.body.append(map);
    const load = await new Promise<CustomEvent>((resolve) => map.addEventListener('cc-load', (event) => resolve(event as CustomEvent), { once: true }));
    expect(load.detail.located).to.be.greaterThan(0);
    expect(mapResources().some((name) => name.includes('/dist/chunks/cc-map-engine.js'))).to.equal(true);
    expect(map.shadowRoot!.querySelectorAll('[part~="cluster"], [part~="marker"]').length).to.be.greaterThan(0);
    expect((window as unknown as { L?: unknown }).L).to.equal(undefined);
    directory.remove();
    map.remove();
  });
});
