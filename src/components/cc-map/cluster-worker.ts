/**
 * The map's clustering worker (a module worker started from the bundle's own URL, see map-engine.ts):
 * it builds and queries the supercluster index so a scope of 100,000 places never blocks the page.
 */
import { workerHandler, type WorkerRequest } from './cluster-index.js';

const handle = workerHandler();

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const { id } = event.data;
  handle(event.data).then(
    (result) => self.postMessage({ id, result }),
    (error: unknown) => self.postMessage({ id, error: String(error) }),
  );
});
