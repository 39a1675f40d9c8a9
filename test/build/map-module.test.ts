// <cc-map> from the ES build (dist/cc-map.js, the entry the benchmark drives): the map chunk and the
// clustering worker are built chunks, the worker starts from the bundle's own URL.
import { expect } from '@open-wc/testing';
import { appendAndLoad, sandboxUrl } from '../helpers.js';

describe('<cc-map> in the ES build', () => {
  it('registers from dist/cc-map.js, clusters in the built worker and draws', async () => {
    const RealWorker = window.Worker;
    const started: string[] = [];
    window.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        started.push(String(url));
      }
    } as typeof Worker;
    try {
      await import('/dist/cc-map.js' as string);
      const map = appendAndLoad('cc-map', { 'api-base': sandboxUrl(), 'postal-code': '974', tiles: 'none', list: 'below' }, 'display:block;width:800px');
      const detail = await map.loaded;
      expect(detail.count).to.be.greaterThan(0);
      expect(started).to.have.length(1);
      expect(started[0]).to.match(/\/dist\/chunks\/cc-map-worker\.js$/);
      expect(map.el.shadowRoot!.querySelectorAll('[part~="cluster"], [part~="marker"]').length).to.be.greaterThan(0);
      expect(map.el.shadowRoot!.querySelectorAll('*').length).to.be.at.most(1400);
      map.el.remove();
    } finally {
      window.Worker = RealWorker;
    }
  });
});
