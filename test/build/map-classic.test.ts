// <cc-map> from the classic-script build (dist/cc-widgets.iife.js): the script cannot split into chunks,
// so its map imports the ES build's map chunk (Leaflet, supercluster) from the script's own URL, and
// only when a map is shown. This file's page loads nothing else.
import { expect } from '@open-wc/testing';
import { appendAndLoad, loadScript, sandboxUrl } from '../helpers.js';

const mapResources = (): string[] => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => /cc-map-engine|cc-map-worker|cluster-index|leaflet/.test(name));

describe('<cc-map> in the classic-script build', () => {
  it('loads the map chunk from the script\'s URL only once a map is on the page, and draws', async () => {
    await loadScript('/dist/cc-widgets.iife.js');
    const directory = appendAndLoad('cc-directory', { 'api-base': sandboxUrl(), insee: '97413' });
    await directory.loaded;
    expect(mapResources(), 'a page without a map never downloads Leaflet').to.deep.equal([]);

    const map = appendAndLoad('cc-map', { 'api-base': sandboxUrl(), insee: '97413', tiles: 'none' }, 'display:block;width:800px');
    const detail = await map.loaded;
    expect(detail.located).to.be.greaterThan(0);
    expect(mapResources().some((name) => name.includes('/dist/chunks/cc-map-engine.js'))).to.equal(true);
    expect(map.el.shadowRoot!.querySelectorAll('[part~="cluster"], [part~="marker"]').length).to.be.greaterThan(0);
    expect((window as unknown as { L?: unknown }).L).to.equal(undefined);
    directory.el.remove();
    map.el.remove();
  });
});
