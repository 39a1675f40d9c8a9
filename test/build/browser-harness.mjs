// Plumbing for the Node tests of the built package (test/build/*.test.mjs): Debian's Chromium through
// puppeteer-core (the benchmarks' launcher: only loopback is reachable), a small static server for pages on
// an origin of their own, free ports, and what a visitor sees of a widget (read through its shadow root).
/* global document, customElements, getComputedStyle -- read inside page.evaluate(), in the browser */
import { existsSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../bench/lib.mjs';
import { FIREFOX_LOOPBACK_ONLY_PREFS } from '../firefox-prefs.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Fails with the command to run when the build is missing (npm test builds before these tests). */
export function requireBuild() {
  for (const file of ['dist/cc-widgets.js', 'dist/cc-widgets.iife.js', 'dist/integrity.json', 'custom-elements.json']) {
    if (!existsSync(`${ROOT}${file}`)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test builds before test/build/).`);
  }
}

export { launchChromium };

/** Debian's Firefox ESR through puppeteer-core (WebDriver BiDi), with only loopback reachable (as in wtr). */
export async function launchFirefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    headless: true,
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: FIREFOX_LOOPBACK_ONLY_PREFS,
  });
}

/** The two test browsers, by name. */
export const BROWSERS = { chromium: launchChromium, firefox: launchFirefox };

/** A TCP port free on 127.0.0.1 right now (for servers that cannot listen on port 0, such as nginx). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Serves fixed pages: `routes` maps a path to `{ body, type?, headers? }` or to a function of the request
 * returning one.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>} url is `http://127.0.0.1:<port>`
 */
export async function servePages(routes) {
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://pages.invalid').pathname;
    const route = typeof routes[path] === 'function' ? routes[path](request) : routes[path];
    if (!route && path === '/favicon.ico') return response.writeHead(204).end(); // asked by the browser, not by the page
    if (!route) {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      return response.end(`Not found: ${path}`);
    }
    response.writeHead(200, { 'Content-Type': route.type ?? 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...route.headers });
    response.end(route.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/**
 * What a visitor sees of the widget matched by `selector`: whether it is upgraded and busy, its entries'
 * titles, its status line, its error message, and whether its fallback link (light DOM) is on screen.
 */
export function widgetView(page, selector) {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    if (!element) return null;
    const root = element.shadowRoot;
    const visible = (node) => Boolean(node && node.getClientRects().length > 0 && getComputedStyle(node).visibility !== 'hidden');
    const text = (node) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const fallback = element.querySelector('a');
    return {
      defined: Boolean(customElements.get(element.localName)),
      busy: root?.querySelector('[aria-busy="true"]') !== null && root !== null,
      titles: [...(root?.querySelectorAll('[part~="item-title"]') ?? [])].map(text),
      status: text(root?.querySelector('[part~="status"]')),
      error: text(root?.querySelector('[part~="error"]')),
      fallbackVisible: visible(fallback),
      fallbackText: text(fallback),
    };
  }, selector);
}

/** Waits until the widget shows entries (`loaded`) or its error state (`error`); returns what it shows. */
export async function waitForWidget(page, selector, state, timeout = 10_000) {
  try {
    await page.waitForFunction(
      (selector, state) => {
        const root = document.querySelector(selector)?.shadowRoot;
        if (!root) return false;
        return state === 'error' ? root.querySelector('[part~="error"]') !== null : root.querySelectorAll('[part~="item-title"]').length > 0;
      },
      { timeout, polling: 50 },
      selector,
      state,
    );
  } catch (error) {
    throw new Error(`${selector} did not reach the ${state} state within ${timeout} ms; it shows ${JSON.stringify(await widgetView(page, selector))}`, { cause: error });
  }
  return widgetView(page, selector);
}

/**
 * The directory's entries once every request of the page is answered: its first page paints before the whole
 * scope arrives and re-sorts it, so a view read earlier depends on timing.
 */
export async function settledTitles(page, selector = 'cc-directory') {
  await waitForWidget(page, selector, 'loaded');
  await page.waitForNetworkIdle({ idleTime: 150, timeout: 10_000 });
  return (await widgetView(page, selector)).titles;
}
