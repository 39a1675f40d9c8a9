// Strict host pages (issue "hard to break", item 4): a page with `default-src 'none'; script-src 'self';
// style-src 'self'` and Trusted Types (`require-trusted-types-for 'script'`) runs the built widgets through
// their states (loaded with hostile records, details of hostile descriptions open, empty, error, configuration
// error; the map with Leaflet, its tiles, clusters in a worker, its list; the marketplace and its details) with zero CSP violations, zero reports to its report-uri and zero uncaught errors, in Chromium and
// Firefox. A second page whose `trusted-types` directive leaves out the library's policy still works: no JSON-LD,
// one warning, no uncaught error. Needs `npm run build` (npm test builds first).
/* global document, window -- read inside page.evaluate(), in the browser */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startSandbox } from '../../sandbox/index.mjs';
import { BROWSERS, ROOT, requireBuild } from './browser-harness.mjs';

let sandbox;
let server;
let origin;
const reports = [];

/** The policy the README's CSP section documents, with the api-base and its images allowed. */
function policy(api, policies) {
  return [`default-src 'none'`, `script-src 'self'`, `style-src 'self'`, `connect-src ${api}`, `img-src ${api} data:`,
    `require-trusted-types-for 'script'`, `trusted-types ${policies}`, `report-uri /csp-report`].join('; ');
}

/** Every state of the directory and the agenda in one page; hostile records where there is data. */
function page(api) {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page stricte</title><link rel="icon" href="data:,">
<script type="module" src="/dist/cc-widgets.js"></script></head><body>
<cc-directory id="loaded" api-base="${api}" source-key="hostile" page-size="24"></cc-directory>
<cc-agenda id="agenda" api-base="${api}" source-key="hostile" view="list"></cc-agenda>
<cc-directory id="empty" api-base="${api}" source-key="no-such-network"></cc-directory>
<cc-directory id="error" api-base="${api}/__fault/csp-error/500" insee="97413" no-store><a href="https://www.communecter.org/">Voir sur Communecter</a></cc-directory>
<cc-directory id="config" api-base="${api}" insee="9741"></cc-directory>
<cc-marketplace id="market" api-base="${api}" source-key="hostile"></cc-marketplace>
<cc-map id="map" api-base="${api}" source-key="hostile" list="below" tiles="${api}/tiles/{z}/{x}/{y}.svg" tiles-attribution="Sandbox"></cc-map>
</body></html>`;
}

before(async () => {
  requireBuild();
  sandbox = await startSandbox({ port: 0, now: '2026-12-01T00:00:00Z', hostile: true });
  const pages = {
    '/strict.html': policy(sandbox.url, 'lit-html dompurify communecter-widgets'),
    '/refused.html': policy(sandbox.url, 'lit-html dompurify'),
  };
  server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://pages.invalid').pathname;
    if (path === '/csp-report') {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        reports.push(body);
        response.writeHead(204).end();
      });
      return;
    }
    if (pages[path]) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': pages[path] });
      return response.end(page(sandbox.url));
    }
    const file = normalize(join(ROOT, path));
    if (!path.startsWith('/dist/') || !file.startsWith(join(ROOT, 'dist'))) return response.writeHead(404).end();
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'Content-Type': extname(file) === '.js' ? 'text/javascript' : 'application/json' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});

after(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  await sandbox?.close();
});

async function openPage(browser, name) {
  const tab = await browser.newPage();
  const errors = [];
  // Firefox also reports the page's own CSP messages as page errors: those are counted as violations
  // (securitypolicyviolation events) below, not as errors of the widgets.
  tab.on('pageerror', (error) => !error.message.startsWith('Content-Security-Policy:') && errors.push(error.message));
  await tab.evaluateOnNewDocument(() => {
    window.__warnings = [];
    const warn = console.warn.bind(console);
    console.warn = (...args) => {
      window.__warnings.push(args.map(String).join(' '));
      warn(...args);
    };
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`));
  });
  await tab.goto(`${origin}/${name}.html`);
  const settledStates = () => {
    const root = (id) => document.getElementById(id)?.shadowRoot;
    return root('loaded')?.querySelectorAll('[part~="item-title"]').length > 0
      && root('agenda')?.querySelectorAll('[part~="item-title"]').length > 0
      && root('empty')?.querySelector('[part~="empty"]') !== null
      && root('error')?.querySelector('[part~="error"]') !== null
      && root('config')?.querySelector('[part~="error"]') !== null
      && root('map')?.querySelectorAll('[part~="marker"], [part~="cluster"]').length > 0
      && root('map')?.querySelectorAll('[part~="item"]').length > 0
      && root('market')?.querySelectorAll('[part~="item-title"]').length > 0;
  };
  await tab.waitForFunction(settledStates, { timeout: 20_000, polling: 100 });
  return { tab, errors };
}

/** Opens the detail of every entry of an element, one after the other, waiting for its description. */
async function openEveryDetail(tab, id) {
  const count = await tab.evaluate((id) => document.getElementById(id).shadowRoot.querySelectorAll('[part~="item-title"] a').length, id);
  for (let index = 0; index < count; index++) {
    await tab.evaluate((id, index) => document.getElementById(id).shadowRoot.querySelectorAll('[part~="item-title"] a')[index].click(), id, index);
    try {
      await tab.waitForFunction((id) => {
        const dialog = document.getElementById(id).shadowRoot.querySelector('dialog[open]');
        return dialog && !/Chargement/.test(dialog.textContent);
      }, { timeout: 5000, polling: 50 }, id);
    } catch (error) {
      const shown = await tab.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('dialog')?.textContent, id);
      throw new Error(`the detail ${index} of #${id} did not finish loading: ${shown}`, { cause: error });
    }
    await tab.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('dialog[open]').close(), id);
  }
  return count;
}

for (const [name, launch] of Object.entries(BROWSERS)) {
  describe(`a strict host page (CSP + Trusted Types) in ${name}`, () => {
    let browser;
    before(async () => {
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
    });

    it('every state and every hostile detail: no violation, no report, no uncaught error; JSON-LD written', async () => {
      reports.length = 0;
      const { tab, errors } = await openPage(browser, 'strict');
      assert.ok((await openEveryDetail(tab, 'loaded')) >= 20, 'the hostile records are listed');
      assert.ok((await openEveryDetail(tab, 'agenda')) >= 1);
      assert.ok((await openEveryDetail(tab, 'market')) >= 1);
      const jsonLd = await tab.evaluate(() => document.querySelector('#agenda > script[type="application/ld+json"]')?.textContent ?? '');
      assert.match(jsonLd, /"@type":"Event"/);
      const marketJsonLd = await tab.evaluate(() => document.querySelector('#market > script[type="application/ld+json"]')?.textContent ?? '');
      assert.match(marketJsonLd, /"@type":"(Offer|Demand)"/);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(await tab.evaluate(() => window.__violations), []);
      assert.deepEqual(errors, []);
      assert.deepEqual(reports, []);
      await tab.close();
    });

    it('a page that refuses the library’s policy: the widgets work without JSON-LD, with one warning and no error', async () => {
      const { tab, errors } = await openPage(browser, 'refused');
      await openEveryDetail(tab, 'agenda');
      assert.equal(await tab.evaluate(() => document.querySelectorAll('script[type="application/ld+json"]').length), 0);
      assert.deepEqual(errors, []);
      const warnings = await tab.evaluate(() => window.__warnings);
      assert.equal(warnings.filter((text) => text.startsWith('communecter-widgets:')).length, 1, warnings.join('\n'));
      await tab.close();
    });
  });
}
