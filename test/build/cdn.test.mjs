// The built files as a CDN serves them (issue 11, part 2): a page on one origin loads the widgets from
// another, the way a town hall's page loads them from cdn.jsdelivr.net, with Subresource Integrity. The demo
// server (origin A, http://localhost:…) serves dist/ with `Access-Control-Allow-Origin: *` and the sandbox;
// the pages are on origin B (http://127.0.0.1:…). Needs `npm run build` (npm test builds first).
/* global document, getComputedStyle -- read inside page.evaluate(), in the browser */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDemoServer } from '../../demo/server.mjs';
import { integrityOf } from '../../scripts/integrity.mjs';
import { BROWSERS, ROOT, requireBuild, servePages, waitForWidget, widgetView } from './browser-harness.mjs';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
let integrity;
let demo;
let pages;

/** A page of origin B with one directory reading the sandbox of origin A, and the given script tag. */
const pageWith = (script) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>CDN</title>${script}</head><body>
<cc-directory api-base="${demo.url}" insee="97413" page-size="4"><a href="https://www.communecter.org/#search">Voir les acteurs de Saint-Leu sur Communecter</a></cc-directory>
</body></html>`;

before(async () => {
  requireBuild();
  integrity = JSON.parse(readFileSync(join(ROOT, 'dist', 'integrity.json'), 'utf8'));
  demo = await startDemoServer({ port: 0, sandbox: { now: '2026-12-01T00:00:00Z' } });
  const dist = `${demo.url}/dist`;
  const wrong = `sha384-${Buffer.alloc(48, 7).toString('base64')}`;
  pages = await servePages({
    '/module.html': { body: pageWith(`<script type="module" src="${dist}/cc-widgets.js" integrity="${integrity['cc-widgets.js']}" crossorigin="anonymous"></script>`) },
    '/element.html': { body: pageWith(`<script type="module" src="${dist}/cc-directory.js" integrity="${integrity['cc-directory.js']}" crossorigin="anonymous"></script>`) },
    '/classic.html': { body: pageWith(`<script src="${dist}/cc-widgets.iife.js" integrity="${integrity['cc-widgets.iife.js']}" crossorigin="anonymous"></script>`) },
    // The README's Content-Security-Policy for a page that loads the widgets from a CDN and reads the platform
    // directly: no inline script or style, no eval, nothing but the CDN's scripts and the platform's data.
    '/csp.html': {
      body: pageWith(`<script type="module" src="${dist}/cc-widgets.js" integrity="${integrity['cc-widgets.js']}" crossorigin="anonymous"></script>`),
      headers: { 'Content-Security-Policy': `default-src 'none'; script-src ${demo.url}; connect-src ${demo.url}; img-src ${demo.url} https:; style-src 'none'; base-uri 'none'; form-action 'none'` },
    },
    '/tampered.html': { body: pageWith(`<script src="${dist}/cc-widgets.iife.js" integrity="${wrong}" crossorigin="anonymous"></script>`) },
  });
});

after(async () => {
  await pages?.close();
  await demo?.close();
});

/** Opens a page of origin B; returns what it fetched and the errors it raised. */
async function open(browser, name) {
  const page = await browser.newPage();
  const requests = [];
  const consoleErrors = [];
  page.on('request', (request) => requests.push(request.url()));
  // Images of the seeded data on real hosts cannot load here (only loopback is reachable), and the browser's
  // own favicon request is not the page's: neither is an error of ours.
  const record = (text) => !/ERR_NAME_NOT_RESOLVED|ERR_PROXY|NS_ERROR|\/favicon\.ico/.test(text) && consoleErrors.push(text);
  page.on('console', (message) => message.type() === 'error' && record(message.text()));
  page.on('pageerror', (error) => record(error.message));
  await page.goto(`${pages.url}/${name}.html`);
  return { page, requests, consoleErrors };
}

describe('files a CDN can serve', () => {
  it('dist/integrity.json holds the sha384 of every script of dist/, and each matches its file', () => {
    assert.deepEqual(integrity, integrityOf(ROOT), 'integrity.json is the hashes of the files as built');
    for (const entry of ['cc-widgets.js', 'cc-widgets.iife.js', 'classes.js', ...Object.keys(pkg.exports).filter((key) => /^\.\/cc-.*\.js$/.test(key)).map((key) => key.slice(2))]) {
      assert.match(integrity[entry] ?? '', /^sha384-[A-Za-z0-9+/]{64}$/, entry);
    }
    assert.ok(Object.keys(integrity).some((file) => file.startsWith('chunks/')), 'the chunks too');
  });

  it('the demo server sends Access-Control-Allow-Origin: * on /dist/', async () => {
    for (const file of ['cc-widgets.js', 'cc-widgets.iife.js', 'integrity.json', Object.keys(integrity).find((name) => name.startsWith('chunks/'))]) {
      const response = await fetch(`${demo.url}/dist/${file}`, { headers: { Origin: pages.url } });
      assert.equal(response.status, 200, file);
      assert.equal(response.headers.get('access-control-allow-origin'), '*', file);
      await response.arrayBuffer();
    }
  });

  for (const [browserName, launch] of Object.entries(BROWSERS)) {
    describe(browserName, () => {
      let browser;
      before(async () => {
        browser = await launch();
      });
      after(() => browser?.close());

      for (const name of ['module', 'element', 'classic']) {
        it(`${name}: a page of another origin loads the widgets with integrity, and they read the sandbox`, async () => {
          const { page, requests, consoleErrors } = await open(browser, name);
          try {
            const view = await waitForWidget(page, 'cc-directory', 'loaded');
            assert.equal(view.titles.length, 4, 'four entries are shown');
            assert.match(view.status, /\d/, 'with a count');
            assert.ok(!view.fallbackVisible, 'the fallback link is hidden once the widget works');
            const scripts = requests.filter((url) => url.endsWith('.js'));
            assert.ok(scripts.every((url) => url.startsWith(`${demo.url}/dist/`)), `every script comes from origin A's /dist/: ${scripts.join(', ')}`);
            if (name !== 'classic') {
              // The chunks resolve relative to the entry: the entry's folder on the CDN, never the page's origin.
              assert.ok(scripts.some((url) => url.startsWith(`${demo.url}/dist/chunks/`)), 'chunks are fetched from dist/chunks/ of the same origin');
            } else {
              assert.deepEqual(scripts, [`${demo.url}/dist/cc-widgets.iife.js`], 'the classic script is one file');
            }
            const own = requests.filter((url) => url.startsWith(pages.url) && !url.endsWith(`/${name}.html`) && !url.endsWith('/favicon.ico'));
            assert.deepEqual(own, [], 'nothing else is asked of the page\'s own origin');
            assert.deepEqual(consoleErrors, []);
          } finally {
            await page.close();
          }
        });
      }

      it('works under a strict Content-Security-Policy (no inline script or style, no eval)', async () => {
        const { page, consoleErrors } = await open(browser, 'csp');
        try {
          const view = await waitForWidget(page, 'cc-directory', 'loaded');
          assert.equal(view.titles.length, 4);
          // Its styles apply (an element is display: inline until its own :host rule says otherwise).
          assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('cc-directory')).display), 'block');
          assert.deepEqual(consoleErrors, [], 'no policy violation');
        } finally {
          await page.close();
        }
      });

      it('a script whose integrity does not match is refused: the fallback link stays', async () => {
        const { page, consoleErrors } = await open(browser, 'tampered');
        try {
          await page.waitForFunction(() => document.readyState === 'complete');
          const view = await widgetView(page, 'cc-directory');
          assert.equal(view.defined, false, 'the element is never defined');
          assert.ok(view.fallbackVisible, 'the fallback link is on screen');
          assert.match(view.fallbackText, /Voir les acteurs de Saint-Leu sur Communecter/);
          assert.ok(consoleErrors.some((text) => /integrity/i.test(text)), `the browser says why: ${consoleErrors.join(' | ')}`);
        } finally {
          await page.close();
        }
      });
    });
  }
});
