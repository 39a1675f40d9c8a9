/**
 * Loads the map's lazy chunk (Leaflet, supercluster, the map code). The ES build resolves this
 * `import()` to `chunks/cc-map-engine.js`; the classic-script build replaces this module with
 * engine-loader.iife.ts, which imports the same chunk from the script's own URL.
 * `engineLoader.load` is replaceable by tests (a failing load shows the list alone).
 */
export const engineLoader = {
  load: (): Promise<typeof import('./map-engine.js')> => import('./map-engine.js'),
  /** How many times the chunk was asked for (tests: a page without a map never asks). */
  requests: 0,
};
