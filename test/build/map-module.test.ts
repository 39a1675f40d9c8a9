// <cc-map> from the ES build (dist/cc-map.js, the entry the benchmark drives): the map chunk and the
// clustering worker are built chunks, the worker starts from the bundle's own URL.
import { expect } from '@open-wc/testing';
import { sandboxUrl } from '../helpers.js';

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
      const map = document.createElement('cc-map');
      map.setAttribute('api-base', sandboxUrl());
      map.setAttribute('postal-code', '974');
      map.setAttribute('tiles', 'none');
      map.setAttribute('list', 'below');
      map.style.cssText = 'display:block;width:800px';
      document.body.append(map);
      const load = await new Promise<CustomEvent>((resolve) => map.addEventListener('cc-load', (event) => resolve(event as CustomEvent), { once: true }));
      expect(load.detail.count).to.be.greaterThan(0);
      expect(started).to.have.length(1);
      expect(started[0]).to.match(/\/dist\/chunks\/cc-map-worker\.js$/);
      expect(map.shadowRoot!.querySelectorAll('[part~="cluster"], [part~="marker"]').length).to.be.greaterThan(0);
      expect(map.shadowRoot!.querySelectorAll('*').length).to.be.at.most(1400);
      map.remove();
    } finally {
      window.Worker = RealWorker;
    }
  });
});
