/**
 * The classic-script build's engine loader (rollup.config.mjs swaps it in for engine-loader.ts): a
 * classic script cannot split into chunks, so it imports the ES build's map chunk from its own URL,
 * captured while the script runs (`document.currentScript` is null later). dist/cc-widgets.iife.js and
 * dist/chunks/ must therefore be served side by side, as npm publishes them.
 */
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src || document.baseURI;
const engineUrl = new URL('chunks/cc-map-engine.js', scriptUrl).href;

export const engineLoader = {
  load: (): Promise<typeof import('./map-engine.js')> => import(/* @vite-ignore */ engineUrl) as Promise<typeof import('./map-engine.js')>,
  requests: 0,
};
