// The snippet builder (demo/builder.html, issue 11 part 5) in Chromium and Firefox, on the demo server and its
// sandbox: choose a widget and a commune by name (keyboard in Chromium), see the preview load that commune,
// take the classic snippet with integrity, copy it, paste it into a blank page of another origin and see the
// same entries; the page in English; hostile text stays text; axe (WCAG 2.x A/AA) finds nothing in each state.
/* global document, window -- read inside page.evaluate(), in the browser */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDemoServer } from '../../demo/server.mjs';
import { BROWSERS, ROOT, requireBuild, servePages, settledTitles } from './browser-harness.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const integrity = JSON.parse(readFileSync(join(ROOT, 'dist', 'integrity.json'), 'utf8'));
let demo;
let pasted;
let snippetText = '';

before(async () => {
  requireBuild();
  demo = await startDemoServer({ port: 0, sandbox: { now: '2026-12-01T00:00:00Z' } });
  pasted = await servePages({ '/pasted.html': () => ({ body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Collé</title></head><body>${snippetText}</body></html>` }) });
});

after(async () => {
  await pasted?.close();
  await demo?.close();
});

/** Every WCAG 2.x A and AA rule of axe, and its default best practices, over the whole page (shadow roots included). */
async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const rules = window.axe.getRules().filter(({ tags }) => tags.some((tag) => /^wcag2\d*a{1,2}$/.test(tag)) || (tags.includes('best-practice') && !tags.includes('experimental')));
    const { violations } = await window.axe.run(document, { runOnly: { type: 'rule', values: rules.map((rule) => rule.ruleId) }, resultTypes: ['violations'] });
    return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html.slice(0, 120)).join(' | ')}`);
  });
}

const text = (page, selector) => page.$eval(selector, (node) => (node.value ?? node.textContent).trim());

for (const [browserName, launch] of Object.entries(BROWSERS)) {
  describe(`the snippet builder (${browserName})`, () => {
    let browser;
    let page;
    before(async () => {
      browser = await launch();
      page = await browser.newPage();
      await page.goto(`${demo.url}/builder.html`);
      await page.waitForSelector('body[data-ready]');
    });
    after(() => browser?.close());

    it('lists the elements of the manifest; the page is accessible', async () => {
      const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
      const tags = manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => d.tagName).sort();
      assert.deepEqual(await page.$$eval('#widget option', (options) => options.map((option) => option.value)), tags);
      assert.deepEqual(await axeViolations(page), []);
    });

    it('finds a commune by name, and the preview shows that commune', async () => {
      await page.select('#widget', 'cc-directory');
      await page.focus('#city-name');
      await page.keyboard.type('saint-leu');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#city-results:not([hidden]) input[value="97413"]');
      assert.equal(await text(page, '#city-status'), '1 commune trouvée.');
      if (browserName === 'chromium') {
        await page.focus('#commune-0');
        await page.keyboard.press('Space');
      } else {
        await page.click('#commune-0');
      }
      await page.waitForFunction(() => document.querySelector('#preview cc-directory')?.getAttribute('insee') === '97413');
      assert.match(await text(page, '#city-status'), /Saint-Leu choisie : insee="97413"/);
      assert.equal(await text(page, '#field-insee'), '97413');
      const titles = await settledTitles(page, '#preview cc-directory');
      assert.ok(titles.length > 0, 'the preview lists Saint-Leu\'s entries');
      assert.deepEqual(await axeViolations(page), []);
    });

    it('gives the classic snippet with integrity and the fallback link, copies it, and it works pasted on another origin', async () => {
      await page.select('#source', 'self');
      await page.select('#variant', 'classic');
      await page.type('#field-page-size', '5');
      snippetText = await text(page, '#snippet');
      assert.ok(snippetText.includes(`<script src="${demo.url}/dist/cc-widgets.iife.js" integrity="${integrity['cc-widgets.iife.js']}" crossorigin="anonymous" defer></script>`), snippetText);
      assert.match(snippetText, /<cc-directory api-base="[^"]+" insee="97413" page-size="5">\n {2}<a href="https:\/\/www\.communecter\.org\/#search">Voir les acteurs sur Communecter<\/a>\n<\/cc-directory>/);
      if (browserName === 'chromium') {
        await browser.defaultBrowserContext().overridePermissions(demo.url, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
      }
      await page.click('#copy');
      await page.waitForFunction(() => document.querySelector('#copy-status').textContent !== '');
      if (browserName === 'chromium') {
        assert.equal(await text(page, '#copy-status'), 'Code copié dans le presse-papiers.');
        assert.equal((await page.evaluate(() => navigator.clipboard.readText())).trim(), snippetText);
      } else {
        assert.match(await text(page, '#copy-status'), /Code (copié|sélectionné)/);
      }
      await page.waitForFunction(() => document.querySelector('#preview cc-directory')?.getAttribute('page-size') === '5'); // rebuilt after a pause
      const preview = await settledTitles(page, '#preview cc-directory');
      const blank = await browser.newPage();
      try {
        await blank.goto(`${pasted.url}/pasted.html`);
        assert.deepEqual(await settledTitles(blank, 'cc-directory'), preview, 'the same entries as the preview');
        assert.equal(preview.length, 5);
      } finally {
        await blank.close();
      }
    });

    it('writes hostile text as text in the snippet', async () => {
      await page.type('#field-tags', '"><script>window.owned = 1</script>');
      const snippet = await text(page, '#snippet');
      assert.ok(snippet.includes('tags="&quot;&gt;&lt;script&gt;window.owned = 1&lt;/script&gt;"'), snippet);
      assert.ok(!snippet.includes('<script>window'), 'no script tag of the visitor\'s making');
      await page.$eval('#field-tags', (input) => {
        input.value = '';
        input.dispatchEvent(new Event('input'));
      });
    });

    it('speaks English', async () => {
      await page.select('#ui-lang', 'en');
      assert.equal(await text(page, 'h1'), 'Build your widget');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      assert.match(await text(page, '#snippet'), /See the local actors on Communecter/);
      assert.match(await text(page, 'label[for="field-insee"]'), /^INSEE codes of communes/);
      await page.waitForFunction(() => document.querySelector('#preview cc-directory')?.shadowRoot?.querySelector('[part~="item-title"]'));
      assert.deepEqual(await axeViolations(page), []);
    });
  });
}
