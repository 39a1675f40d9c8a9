/**
 * The last good data survives a failure (issue "hard to break", item 1): a failed refresh keeps what
 * was shown with a dated notice, answers kept in the browser stand in when the platform cannot be
 * reached, `no-store` turns that off, a blocked storage is no error, and a page restored from the
 * back/forward cache reloads quietly. Faults come from the sandbox's fault scripts: the n-th request
 * under a key plays the n-th step, so one address first answers and then fails.
 */
import { expect, fixtureCleanup, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { resetClientState } from '../../src/api/index.js';
import '../../src/components/cc-agenda/cc-agenda.define.js';
import '../../src/components/cc-directory/cc-directory.define.js';
import '../../src/components/cc-map/cc-map.define.js';
import '../../src/components/cc-marketplace/cc-marketplace.define.js';
import { countFetches, expectAccessible, faultBase, recordEvents, sandboxLog, settled } from '../helpers.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean> };

const STORE = 'communecter-widgets:answers:v1';

async function keptAnswers(): Promise<number> {
  return (await (await caches.open(STORE)).keys()).length;
}

/** Forgets the page's memory (a new visit) but not what the browser kept. */
function newVisit(): void {
  resetClientState({ keepStored: true });
}

async function mount(tag: string, attributes: Record<string, string>, lang = 'fr'): Promise<Widget> {
  const el = document.createElement(tag) as Widget;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  recordEvents(el);
  fixtureSync<HTMLDivElement>(html`<div lang=${lang} style="width: 900px"></div>`).append(el);
  return el;
}

const directoryScope = { insee: '97413', 'page-size': '6' };
const titles = (el: Widget) => [...el.shadowRoot!.querySelectorAll('[part~="item-title"]')].map((node) => node.textContent!.trim());
const notice = (el: Widget) => el.shadowRoot!.querySelector<HTMLElement>('[part~="stale"]');

describe('the last good data survives a failure', () => {
  beforeEach(async () => {
    resetClientState();
    await caches.delete(STORE);
  });
  afterEach(() => fixtureCleanup());

  it('a visitor whose network fails sees the data kept from the last visit, with its date, and can try again', async () => {
    // Two answers for the first visit (the first page and counts, then the whole commune), then errors.
    const { base, key } = faultBase('ok,ok,500');
    const first = await mount('cc-directory', { 'api-base': base, ...directoryScope });
    await settled(first);
    const shown = titles(first);
    expect(shown).to.have.length(6);
    expect((await sandboxLog(key)).filter((request) => request.path.startsWith('/co2/'))).to.have.length(2);
    await waitUntil(async () => (await keptAnswers()) >= 1, 'the answers are kept');
    fixtureCleanup();

    newVisit();
    const second = await mount('cc-directory', { 'api-base': base, ...directoryScope });
    const loaded = await settled(second);
    expect(loaded.detail.staleSince).to.be.a('string');
    expect(titles(second)).to.deep.equal(shown);
    const band = notice(second)!;
    expect(band.getAttribute('role')).to.equal('status');
    expect(band.textContent).to.match(/^Données du \d{1,2} \S+ à \d\d:\d\d : la mise à jour a échoué\. Réessayer$/u);
    expect(second.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
    await expectAccessible(second);

    // "Réessayer" always sends a request (the server still fails: the kept data stays).
    const before = (await sandboxLog(key)).length;
    band.querySelector('button')!.click();
    await waitUntil(async () => (await sandboxLog(key)).length > before, 'Réessayer sends a request');
    await waitUntil(() => notice(second) !== null && second.shadowRoot!.querySelector('[aria-busy="true"]') === null, 'the retry ends', { timeout: 8000 });
    expect(titles(second)).to.deep.equal(shown);
  });

  it('offline (fetch throws a TypeError): the kept data with its date, not an error box', async () => {
    const { base } = faultBase('ok');
    await settled(await mount('cc-directory', { 'api-base': base, ...directoryScope }));
    const shown = titles(document.querySelector('cc-directory') as Widget);
    await waitUntil(async () => (await keptAnswers()) >= 1);
    fixtureCleanup();
    newVisit();
    const online = window.fetch;
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    try {
      const el = await mount('cc-directory', { 'api-base': base, ...directoryScope });
      await settled(el);
      expect(titles(el)).to.deep.equal(shown);
      expect(notice(el)!.textContent).to.contain('la mise à jour a échoué');
    } finally {
      window.fetch = online;
    }
  });

  it('a kept answer that is not JSON, or not the platform’s shape (another script wrote it), is never shown', async () => {
    const { base } = faultBase('ok,ok,500');
    await settled(await mount('cc-directory', { 'api-base': base, ...directoryScope }));
    await waitUntil(async () => (await keptAnswers()) >= 2);
    fixtureCleanup();
    // Rewrite every kept answer: the first as garbage, the others as JSON of the wrong shape.
    const store = await caches.open(STORE);
    const keys = await store.keys();
    for (const [index, request] of keys.entries()) {
      const kept = await store.match(request);
      const headers = new Headers(kept!.headers);
      await store.put(request, new Response(index === 0 ? '<html>not json' : '{"results": "<img src=x onerror=alert(1)>"}', { headers }));
    }
    newVisit();
    const el = await mount('cc-directory', { 'api-base': base, ...directoryScope });
    await settled(el, 'cc-error');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="error"]')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('img[src="x"]')).to.equal(null);
  });

  it('the marketplace (raw answers carry posters’ contacts) and the map (up to 150 pages) keep nothing in the browser', async () => {
    const market = await mount('cc-marketplace', { 'api-base': faultBase('ok').base, insee: '97411' });
    await settled(market);
    const map = await mount('cc-map', { 'api-base': faultBase('ok').base, insee: '97413', tiles: 'none' });
    await settled(map);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await keptAnswers()).to.equal(0);
  });

  it('says it in English', async () => {
    const { base } = faultBase('ok,ok,500');
    await settled(await mount('cc-directory', { 'api-base': base, ...directoryScope }, 'en'));
    await waitUntil(async () => (await keptAnswers()) >= 1);
    fixtureCleanup();
    newVisit();
    const el = await mount('cc-directory', { 'api-base': base, ...directoryScope }, 'en');
    await settled(el);
    expect(notice(el)!.textContent).to.match(/^Data from \d{1,2} \S+ at \d\d:\d\d: the update failed\. Try again$/u);
  });

  it('a failed refresh keeps what was shown (the agenda’s next month) instead of an empty error box', async () => {
    // Two answers for the month shown, then errors.
    const { base, key } = faultBase('ok,ok,500');
    const el = await mount('cc-agenda', { 'api-base': base, insee: '97411', view: 'month', from: '2026-12-01', 'time-zone': 'Indian/Reunion' });
    await settled(el);
    const root = el.shadowRoot!;
    const eventsShown = () => [...root.querySelectorAll('[part~="item-title"], .chip-event')].length;
    const before = eventsShown();
    expect(before).to.be.greaterThan(0);
    const errors: Event[] = [];
    el.addEventListener('cc-error', (event) => errors.push(event));
    root.querySelector<HTMLButtonElement>('[part~="toolbar"] button[aria-label="Mois suivant"]')!.click();
    await waitUntil(() => errors.length === 1, 'the next month fails', { timeout: 8000 });
    await el.updateComplete;
    expect((await sandboxLog(key)).length).to.be.greaterThan(1);
    expect(root.querySelector('[part~="error"]')).to.equal(null);
    // What is shown was loaded for December: the notice says so, not just "old data".
    expect(notice(el)!.textContent).to.match(/^Le chargement a échoué : ce sont les données reçues le \d{1,2} \S+ à \d\d:\d\d pour l’affichage précédent\. Réessayer$/u);
    // December's events stay; the January grid shows those of its first and last days that it covers.
    expect(eventsShown()).to.be.greaterThan(0);
    await expectAccessible(el);
  });

  it('no-store keeps nothing in the browser: the next failing visit shows the error', async () => {
    const { base } = faultBase('ok,ok,500');
    await settled(await mount('cc-directory', { 'api-base': base, 'no-store': '', ...directoryScope }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await keptAnswers()).to.equal(0);
    fixtureCleanup();
    newVisit();
    const el = await mount('cc-directory', { 'api-base': base, 'no-store': '', ...directoryScope });
    await settled(el, 'cc-error');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="error"]')).to.not.equal(null);
    expect(notice(el)).to.equal(null);
  });

  it('a blocked storage (private browsing, SecurityError) means no kept data, never an error', async () => {
    const open = CacheStorage.prototype.open;
    CacheStorage.prototype.open = () => Promise.reject(new DOMException('blocked', 'SecurityError'));
    resetClientState();
    try {
      const el = await mount('cc-directory', { 'api-base': faultBase('ok').base, ...directoryScope });
      await settled(el);
      expect(titles(el)).to.have.length(6);
      expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
    } finally {
      CacheStorage.prototype.open = open;
      resetClientState();
    }
  });

  it('the network coming back (online) or the visitor coming back to the tab retries a failed load, once', async () => {
    // Fails three times (the first load and its two retries), then answers.
    const { base, key } = faultBase('500,500,500,ok');
    const el = await mount('cc-directory', { 'api-base': base, ...directoryScope });
    await settled(el, 'cc-error');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="error"]')).to.not.equal(null);
    window.dispatchEvent(new Event('online'));
    await settled(el);
    expect(titles(el)).to.have.length(6);
    // A loaded element ignores the hints: no request.
    const before = (await sandboxLog(key)).filter((request) => request.path.startsWith('/co2/')).length;
    window.dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await sandboxLog(key)).filter((request) => request.path.startsWith('/co2/'))).to.have.length(before);
  });

  it('a page restored from the back/forward cache reloads quietly: a request is sent, the data stays', async () => {
    const { base } = faultBase('ok');
    const el = await mount('cc-directory', { 'api-base': base, ...directoryScope });
    await settled(el);
    const shown = titles(el);
    const { calls } = await countFetches(async () => {
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(shown);
      await settled(el);
    });
    expect(calls.length).to.be.greaterThan(0);
    expect(titles(el)).to.deep.equal(shown);
    expect(notice(el)).to.equal(null);
  });
});
