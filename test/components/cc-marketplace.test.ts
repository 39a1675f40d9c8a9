/**
 * <cc-marketplace>: what a visitor sees and does, against the sandbox (real-shaped records) or, for
 * exact and hostile payloads, stubbed answers. Privacy first: no e-mail address or phone number in
 * the element's whole text by default.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { hasContact, resetClientState } from '../../src/api/index.js';
import '../../src/components/cc-marketplace/cc-marketplace.define.js';
import { CcMarketplace } from '../../src/components/cc-marketplace/cc-marketplace.js';
import { defineElement } from '../../src/shared/define.js';
import { expectAccessible, faultBase, recordEvents, sandboxLog, sandboxUrl, settled } from '../helpers.js';

declare global {
  interface Window {
    ccCanary?: (label: string) => void;
  }
}

const STUB = 'https://market.stub.test';
const NOW = new Date('2026-12-01T12:00:00Z');
const DAY = 86_400;
const NOW_SEC = NOW.getTime() / 1000;

/** The element, its attributes set before it connects, inside a `lang` wrapper; `now` pinned. */
async function place(attributes: Record<string, string | boolean>, lang = 'fr'): Promise<{ el: CcMarketplace; events: CustomEvent[] }> {
  const el = Object.assign(document.createElement('cc-marketplace'), { now: NOW });
  Object.entries(attributes).forEach(([name, value]) => value !== false && el.setAttribute(name, value === true ? '' : value));
  const events = recordEvents(el);
  fixtureSync<HTMLElement>(html`<div lang=${lang} style="width: 1000px"></div>`).append(el);
  return { el, events };
}

interface Captured {
  readonly searches: URLSearchParams[];
  readonly gets: string[];
  restore(): void;
}

/** Answers STUB's search with `results` (and getdatadetail with `board`), recording what was asked. */
function stub(results: Record<string, unknown>, board: Record<string, unknown> = {}): Captured {
  const real = window.fetch;
  const captured: Captured = { searches: [], gets: [], restore: () => (window.fetch = real) };
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const href = String(input instanceof Request ? input.url : input);
    if (!href.startsWith(STUB)) return real.call(window, input, init);
    let answer: unknown = { results, count: { classifieds: Object.keys(results).length } };
    if (init?.method === 'POST' || typeof init?.body === 'string') captured.searches.push(new URLSearchParams(String(init?.body ?? '')));
    else {
      captured.gets.push(href.slice(STUB.length));
      answer = href.includes('/slug/getinfo/') ? { result: true, contextId: 'b0000000000000000000000b', contextType: 'organizations' } : board;
    }
    return new Response(JSON.stringify(answer), { headers: { 'Content-Type': 'application/json' } });
  };
  return captured;
}

let serial = 0;
/** A raw record as the search answers it. */
function ad(fields: Record<string, unknown>): [string, Record<string, unknown>] {
  serial += 1;
  const id = `a${String(serial).padStart(23, '0')}`;
  return [id, { _id: { $id: id }, type: 'classifieds', typeClassified: 'ressources', section: 'offer', category: 'material', name: `Annonce ${serial}`, created: NOW_SEC - 3 * DAY, updated: NOW_SEC - 3 * DAY, address: { addressLocality: 'Sainte-Rose', postalCode: '97439', codeInsee: '97419', streetAddress: '12 chemin des Goyaviers' }, ...fields }];
}

const root = (el: CcMarketplace): ShadowRoot => el.shadowRoot!;
const titles = (el: CcMarketplace): string[] => [...root(el).querySelectorAll('[part~="item-title"]')].map((node) => node.textContent!.trim());
const status = (el: CcMarketplace): string => root(el).querySelector('[part~="status"]')!.textContent!.trim();
/** Every text node, hidden or not, through shadow roots (the JSON-LD script is read on its own). */
const text = (node: Node): string =>
  node instanceof HTMLScriptElement ? '' : node instanceof Element || node instanceof ShadowRoot || node instanceof DocumentFragment ? [...node.childNodes].map(text).join(' ') + (node instanceof Element && node.shadowRoot ? text(node.shadowRoot) : '') : node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : '';
const chipOf = (el: CcMarketplace, key: string): HTMLButtonElement => root(el).querySelector<HTMLButtonElement>(`.facets [data-key="${key}"]`)!;

async function openDetail(el: CcMarketplace, index: number): Promise<HTMLDialogElement> {
  root(el).querySelectorAll<HTMLAnchorElement>('[part~="item-title"] a')[index]!.click();
  await el.updateComplete;
  return root(el).querySelector('dialog')!;
}

afterEach(() => resetClientState());

describe('<cc-marketplace>', () => {
  it('is defined, and a second definition does not throw', () => {
    expect(customElements.get('cc-marketplace')).to.equal(CcMarketplace);
    expect(() => defineElement('cc-marketplace', CcMarketplace)).not.to.throw();
  });

  describe('states, in French and English, each accessible', () => {
    it('loading: a busy skeleton', async () => {
      const { el } = await place({ 'api-base': sandboxUrl(), insee: '97419' });
      await el.updateComplete;
      expect(root(el).querySelector('.results')!.getAttribute('aria-busy')).to.equal('true');
      expect(status(el)).to.equal('Chargement…');
      await expectAccessible(el);
      await settled(el);
    });

    for (const lang of ['fr', 'en']) {
      it(`loaded (${lang}): a commune's board from the sandbox, with its filters`, async () => {
        const { el, events } = await place({ 'api-base': sandboxUrl(), insee: '97419' }, lang);
        const load = await settled(el);
        expect(load.detail.count).to.be.greaterThan(5);
        expect(status(el)).to.match(lang === 'fr' ? /^\d+ annonces$/ : /^\d+ ads$/);
        expect(root(el).querySelector('fieldset legend')!.textContent).to.equal(lang === 'fr' ? 'Type' : 'Type');
        expect(root(el).querySelector('[part~="publish"]')!.textContent).to.equal(lang === 'fr' ? 'Publier une annonce' : 'Post an ad');
        expect(events.filter((event) => event.type === 'cc-error')).to.have.length(0);
        await expectAccessible(el);
      });
    }

    it('empty: nothing in the scope', async () => {
      const captured = stub({});
      try {
        const { el } = await place({ 'api-base': STUB, insee: '97419' });
        await settled(el);
        expect(root(el).querySelector('[part~="empty"]')!.textContent).to.contain('Aucune annonce pour le moment.');
        await expectAccessible(el);
      } finally {
        captured.restore();
      }
    });

    it('error: a message, a retry, and the fallback content', async () => {
      const { base } = faultBase('503');
      const { el } = await place({ 'api-base': base, insee: '97419' }, 'en');
      await settled(el, 'cc-error');
      expect(root(el).querySelector('[part~="error"]')!.textContent).to.contain('Try again');
      await expectAccessible(el);
    });

    it('configuration error: names the attribute and sends nothing', async () => {
      const captured = stub({});
      const warn = console.warn;
      console.warn = () => undefined;
      try {
        const { el } = await place({ 'api-base': STUB, section: 'besion' });
        const error = await settled(el, 'cc-error');
        expect(error.detail.error.kind).to.equal('config');
        expect(root(el).querySelector('[part~="error"]')!.textContent).to.contain('section');
        expect(captured.searches).to.have.length(0);
        await expectAccessible(el);
      } finally {
        console.warn = warn;
        captured.restore();
      }
    });
  });

  describe('requests per attribute, and fail closed', () => {
    it('kinds, section, category, price-min, price-max, currency and the scope reach the search', async () => {
      const captured = stub(Object.fromEntries([ad({ section: 'need', category: 'service', price: 20, devise: 'Ğ1' })]));
      try {
        const { el } = await place({ 'api-base': STUB, insee: '97419', kinds: 'ressources', section: 'need', category: 'service', 'price-min': '5', 'price-max': '50', currency: 'Ğ1' });
        await settled(el);
        const body = captured.searches[0]!;
        expect(body.getAll('searchType[]')).to.deep.equal(['classifieds']);
        expect(body.get('searchSType')).to.equal('ressources');
        expect([body.get('section'), body.get('category'), body.get('priceMin'), body.get('priceMax'), body.get('devise')]).to.deep.equal(['need', 'service', '5', '50', 'Ğ1']);
        expect(body.get('locality[97419codeInsee][id]')).to.equal('97419');
        expect(titles(el)).to.have.length(1);
      } finally {
        captured.restore();
      }
    });

    for (const [attribute, value] of [['kinds', 'ressource'], ['section', 'sale'], ['category', 'vehicle'], ['price-min', 'dix'], ['price-max', '-1'], ['currency', 'bitcoin'], ['organization', '../x'], ['insee', '9741']]) {
      it(`${attribute}="${value}": a configuration error, no request`, async () => {
        const captured = stub({});
        const warn = console.warn;
        const warnings: string[] = [];
        console.warn = (message: string) => void warnings.push(message);
        try {
          const { el } = await place({ 'api-base': STUB, [attribute]: value });
          const error = await settled(el, 'cc-error');
          expect(error.detail.error.attribute).to.equal(attribute);
          expect(captured.searches.length + captured.gets.length).to.equal(0);
          expect(warnings).to.deep.equal([`<cc-marketplace> ${attribute}="${value}" is not valid and no other value is: nothing is loaded (a wrong scope must not show the whole platform).`]);
        } finally {
          console.warn = warn;
          captured.restore();
        }
      });
    }

    it('organization: the slug is looked up, then only that board is read (the sandbox association)', async () => {
      const { base, key } = faultBase('ok');
      const { el } = await place({ 'api-base': base, organization: 'lesAteliersBibasse' });
      await settled(el);
      const paths = (await sandboxLog(key)).map((request) => request.path);
      expect(paths.some((path) => path.includes('/slug/getinfo/key/lesAteliersBibasse'))).to.equal(true);
      expect(paths.filter((path) => path.includes('/getdatadetail/'))).to.have.length(3);
      expect(paths.some((path) => path.includes('/search/'))).to.equal(false);
      expect(titles(el).length).to.be.greaterThan(5);
    });
  });

  it('shows a first page at once, then searches the whole scope', async () => {
    const all = Object.fromEntries(Array.from({ length: 30 }, (_, n) => ad({ name: `Objet ${n}` })));
    const ids = Object.keys(all);
    const real = window.fetch;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const steps: string[] = [];
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!String(input).startsWith(STUB)) return real.call(window, input, init);
      const step = new URLSearchParams(String(init?.body)).get('indexStep')!;
      steps.push(step);
      const results = Number(step) <= 24 ? Object.fromEntries(ids.slice(0, 12).map((id) => [id, all[id]])) : all;
      if (Number(step) > 24) await held;
      return new Response(JSON.stringify({ results, count: { classifieds: 30 } }), { headers: { 'Content-Type': 'application/json' } });
    };
    try {
      const { el } = await place({ 'api-base': STUB, insee: '97419' });
      while (titles(el).length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(titles(el)).to.have.length(12);
      expect(status(el)).to.equal('12 annonces — chargement de la suite…');
      release();
      await settled(el);
      expect(status(el)).to.equal('30 annonces');
      expect(steps).to.deep.equal(['12', '3000']);
    } finally {
      window.fetch = real;
    }
  });

  describe('privacy by default', () => {
    const realShaped = () =>
      Object.fromEntries([
        ad({ name: 'Don chatons', contactInfo: '0692 14 01 95', parentType: 'citoyens', parentId: 'c00000000000000000000001', parent: { name: 'Marie Payet' }, description: 'Donne 3 chatons. Appelez le 0692 14 01 95 ou marie.payet@gmail.com' }),
        ad({ name: 'Cherche formateur soudure, tél 06.12.34.56.78', section: 'need', contactInfo: 'mehdi@adncitoyen.fr', parentType: 'organizations', parent: { name: 'ADN Citoyen' }, description: 'Contact : mehdi [at] adncitoyen.fr, +262 692 46 11 43' }),
        ad({ name: 'Poussette', price: 0, devise: '€', contactInfo: '0625..........', description: 'Tél : 0625..........', tags: ['bebe@maison.re'] }),
      ]);

    it('the whole composed text (cards, every detail, JSON-LD) holds no e-mail address or phone number, and no person’s name', async () => {
      const captured = stub(realShaped());
      try {
        const { el } = await place({ 'api-base': STUB, insee: '97419' });
        await settled(el);
        let all = text(el);
        for (let index = 0; index < 3; index++) {
          const dialog = await openDetail(el, index);
          await new Promise((resolve) => setTimeout(resolve, 150));
          await el.updateComplete;
          all += text(dialog);
          dialog.close();
          await el.updateComplete;
        }
        expect(hasContact(all), all).to.equal(false);
        expect(all).not.to.contain('Payet');
        expect(all).not.to.contain('Goyaviers');
        expect(all).to.contain('[contact sur Communecter]');
        expect(all).to.contain('Un particulier');
        const jsonld = el.querySelector('script[type="application/ld+json"]')!.textContent!;
        expect(hasContact(jsonld.replace(/"url":"[^"]*"/g, ''))).to.equal(false);
        expect(jsonld).not.to.contain('Payet');
      } finally {
        captured.restore();
      }
    });

    it('show-contact: an organisation’s contact behind "Afficher le contact"; a person’s never', async () => {
      const captured = stub(realShaped());
      try {
        const { el } = await place({ 'api-base': STUB, insee: '97419', 'show-contact': true });
        await settled(el);
        let dialog = await openDetail(el, 1);
        expect(dialog.textContent).not.to.contain('mehdi@adncitoyen.fr');
        const button = [...dialog.querySelectorAll('button')].find((each) => each.textContent === 'Afficher le contact')!;
        button.click();
        await el.updateComplete;
        expect(dialog.textContent).to.contain('mehdi@adncitoyen.fr');
        dialog.close();
        await el.updateComplete;
        dialog = await openDetail(el, 0);
        expect([...dialog.querySelectorAll('button')].some((each) => each.textContent === 'Afficher le contact')).to.equal(false);
        expect(dialog.textContent).not.to.contain('0692');
      } finally {
        captured.restore();
      }
    });
  });

  it('hostile data never runs and stays text', async () => {
    const calls: string[] = [];
    window.ccCanary = (label) => calls.push(label);
    const captured = stub(
      Object.fromEntries([
        ad({ name: '<img src=x onerror=ccCanary("name")>', category: '<svg onload=ccCanary("cat")>', description: '<img src=x onerror=ccCanary("desc")><a href="javascript:ccCanary(\'href\')">x</a><script>ccCanary("script")</script>', devise: '<b>€</b>', price: 3 }),
      ]),
    );
    try {
      const { el } = await place({ 'api-base': STUB, insee: '97419' });
      await settled(el);
      const dialog = await openDetail(el, 0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(titles(el)[0]).to.equal('<img src=x onerror=ccCanary("name")>');
      expect(dialog.querySelector('a[href^="javascript"], script, img[onerror]')).to.equal(null);
      expect(calls).to.deep.equal([]);
    } finally {
      captured.restore();
      delete window.ccCanary;
    }
  });

  describe('cards and filters', () => {
    it('section badge, "Catégorie › Sous-catégorie", price, commune, relative age, poster and "ancienne"', async () => {
      const captured = stub(
        Object.fromEntries([
          ad({ name: 'Vélo cargo', typeClassified: 'classifieds', section: 'forsale', category: 'vehicules', subtype: 'bikes', price: 1250, devise: '€', parentType: 'organizations', parentId: 'b0000000000000000000000b', parent: { name: 'Repair café' } }),
          ad({ name: 'Vieille annonce', created: NOW_SEC - 200 * DAY, updated: NOW_SEC - 200 * DAY, price: 123457, devise: 'CFP' }),
        ]),
      );
      try {
        const { el } = await place({ 'api-base': STUB, insee: '97419' });
        await settled(el);
        const [first, second] = [...root(el).querySelectorAll<HTMLElement>('[part~="item"]')];
        expect(first!.querySelector('[part~="item-badge"]')!.textContent).to.equal('À vendre');
        expect(first!.querySelector('.path')!.textContent).to.equal('Véhicules › Vélos');
        expect(first!.querySelector('[part~="item-price"]')!.textContent!.replace(/\s/g, ' ')).to.equal('1 250 €');
        expect(first!.querySelector('.where')!.textContent).to.equal('Sainte-Rose · publié il y a 3 jours');
        expect(first!.querySelector('.poster a')!.textContent).to.equal('Repair café');
        expect(first!.querySelector<HTMLElement>('[part~="item-stale"]')!.hidden).to.equal(true);
        expect(second!.querySelector<HTMLElement>('[part~="item-stale"]')!.hidden).to.equal(false);
        expect(second!.querySelector('[part~="item-price"]')!.textContent!.replace(/\s/g, ' ')).to.equal('123 457 FCFP');
        expect(second!.querySelector('.poster')!.textContent).to.equal('Auteur non précisé');
      } finally {
        captured.restore();
      }
    });

    it('chips with counts narrow the list, a category opens its sub-categories, "Tout effacer" clears all', async () => {
      const captured = stub(
        Object.fromEntries([
          ad({ section: 'need', category: 'service', subtype: 'charity' }),
          ad({ section: 'offer', category: 'service', subtype: 'education' }),
          ad({ section: 'offer', category: 'material', subtype: 'furniture' }),
          ad({ typeClassified: 'jobs', section: 'offer', category: 'joboffer', subtype: 'tradeSales' }),
        ]),
      );
      try {
        const { el, events } = await place({ 'api-base': STUB, insee: '97419' });
        await settled(el);
        expect(chipOf(el, 'offer').getAttribute('aria-label')).to.match(/^\u2068Offres\u2069, 3 résultats$/);
        chipOf(el, 'service').click();
        await el.updateComplete;
        expect(titles(el)).to.have.length(2);
        expect(chipOf(el, 'service/education')).to.exist;
        chipOf(el, 'offer').click();
        await el.updateComplete;
        expect(titles(el)).to.have.length(1);
        expect(events.filter((event) => event.type === 'cc-filter-change').at(-1)!.detail.facets.sections).to.deep.equal(['offer']);
        const clear = [...root(el).querySelectorAll<HTMLButtonElement>('[part~="active-filters"] button')].find((button) => button.textContent === 'Tout effacer')!;
        clear.click();
        await el.updateComplete;
        expect(titles(el)).to.have.length(4);
      } finally {
        captured.restore();
      }
    });

    it('a price range keeps the priced items in it', async () => {
      const captured = stub(Object.fromEntries([ad({ price: 5, devise: '€' }), ad({ price: 50, devise: '€' }), ad({})]));
      try {
        const { el } = await place({ 'api-base': STUB, insee: '97419' });
        await settled(el);
        const max = root(el).querySelectorAll<HTMLInputElement>('.price-range input')[1]!;
        max.value = '10';
        max.dispatchEvent(new Event('change'));
        await el.updateComplete;
        expect(titles(el)).to.have.length(1);
        expect(root(el).querySelector('[part~="active-filters"]')!.textContent).to.contain('Jusqu’à 10');
      } finally {
        captured.restore();
      }
    });

    it('needs meet offers: a need’s detail lists the offers of its category and commune', async () => {
      const captured = stub(Object.fromEntries([ad({ name: 'On cherche des chaises', section: 'need' }), ad({ name: 'Nous prêtons des chaises', section: 'offer' }), ad({ name: 'Ailleurs', section: 'offer', address: { addressLocality: 'Saint-Leu', codeInsee: '97413' } })]));
      try {
        const { el } = await place({ 'api-base': STUB, insee: '97419' });
        await settled(el);
        const dialog = await openDetail(el, 0);
        expect(dialog.querySelector('.matches')!.textContent).to.contain('Nous prêtons des chaises');
        expect(dialog.querySelector('.matches')!.textContent).not.to.contain('Ailleurs');
        expect(dialog.textContent).to.contain('Des offres qui pourraient répondre à ce besoin');
        await expectAccessible(el);
      } finally {
        captured.restore();
      }
    });

    it('JSON-LD in the light DOM: Offer, Demand and JobPosting at commune level', async () => {
      const captured = stub(Object.fromEntries([ad({ section: 'offer', price: 3, devise: '€' }), ad({ section: 'need' }), ad({ typeClassified: 'jobs', category: 'joboffer', parentType: 'organizations', parent: { name: 'Mairie' } })]));
      try {
        const { el } = await place({ 'api-base': STUB, insee: '97419' });
        await settled(el);
        const json = JSON.parse(el.querySelector('script[type="application/ld+json"]')!.textContent!) as Record<string, unknown>[];
        expect(json.map((each) => each['@type'])).to.have.members(['Offer', 'Demand', 'JobPosting']);
        expect(json.find((each) => each['@type'] === 'Offer')).to.deep.include({ priceCurrency: 'EUR', businessFunction: 'http://purl.org/goodrelations/v1#Sell' });
        expect(JSON.stringify(json)).not.to.contain('streetAddress');
      } finally {
        captured.restore();
      }
    });

    it('stays under 1,400 DOM nodes with 24 items a page', async () => {
      const captured = stub(Object.fromEntries(Array.from({ length: 200 }, (_, n) => ad({ section: n % 2 ? 'need' : 'offer', category: ['service', 'material', 'competence'][n % 3], price: n, devise: ['€', 'Ğ1', 'CFP'][n % 3] }))));
      try {
        const { el } = await place({ 'api-base': STUB, insee: '97419', 'page-size': '24' });
        await settled(el);
        let nodes = 0;
        const walker = document.createTreeWalker(root(el), NodeFilter.SHOW_ALL);
        while (walker.nextNode()) nodes++;
        expect(titles(el)).to.have.length(24);
        expect(nodes).to.be.at.most(1400);
      } finally {
        captured.restore();
      }
    });
  });

  it('in a 360 px column the filters fold behind "Filtres (n)", the results come first; a skip link leads past it', async () => {
    const captured = stub(Object.fromEntries([ad({ section: 'need' }), ad({ section: 'offer', category: 'service' })]));
    try {
      const el = Object.assign(document.createElement('cc-marketplace'), { now: NOW });
      el.setAttribute('api-base', STUB);
      el.setAttribute('insee', '97419');
      recordEvents(el);
      const page = fixtureSync<HTMLElement>(html`<div lang="fr"><div style="width: 360px" id="column"></div><button id="after">après</button></div>`);
      page.querySelector('#column')!.append(el);
      await settled(el);
      const toggle = root(el).querySelector<HTMLButtonElement>('[part~="filters-toggle"]')!;
      expect(getComputedStyle(toggle).display).not.to.equal('none');
      expect(getComputedStyle(root(el).querySelector('[part~="facets"]')!).display).to.equal('none');
      toggle.click();
      await el.updateComplete;
      chipOf(el, 'need').click();
      await el.updateComplete;
      expect(toggle.textContent!.trim()).to.equal('Filtres (1)');
      await expectAccessible(el);
      const skip = root(el).querySelector<HTMLButtonElement>('.skip-link')!;
      expect(skip.textContent).to.equal('Passer les annonces');
      skip.click();
      expect(document.activeElement!.id).to.equal('after');
    } finally {
      captured.restore();
    }
  });

  it('sync-url: the own filters go to the address and come back from it; publish-href, stale-after', async () => {
    const start = location.href;
    const captured = stub(Object.fromEntries([ad({ section: 'need', created: NOW_SEC - 120 * DAY }), ad({ section: 'offer' })]));
    try {
      const first = await place({ 'api-base': STUB, insee: '97419', id: 'troc', 'sync-url': true, 'publish-href': 'https://asso.example/publier', 'stale-after': '365' });
      await settled(first.el);
      expect(root(first.el).querySelector<HTMLAnchorElement>('[part~="publish"]')!.href).to.equal('https://asso.example/publier');
      expect([...root(first.el).querySelectorAll<HTMLElement>('[part~="item-stale"]')].every((badge) => badge.hidden)).to.equal(true);
      chipOf(first.el, 'need').click();
      await first.el.updateComplete;
      expect(new URL(location.href).searchParams.get('troc.section')).to.equal('need');
      first.el.remove();
      const again = await place({ 'api-base': STUB, insee: '97419', id: 'troc', 'sync-url': true });
      await settled(again.el);
      expect(titles(again.el)).to.have.length(1);
      expect(chipOf(again.el, 'need').getAttribute('aria-pressed')).to.equal('true');
    } finally {
      captured.restore();
      history.replaceState(null, '', start);
    }
  });

  it('cc-select says the kind and the ad’s page; the detail shows its gallery, and preventDefault keeps it closed', async () => {
    const [id, record] = ad({ typeClassified: 'classifieds', section: 'forsale', category: 'home', profilImageUrl: '/upload/communecter/classifieds/x/chaise.jpg', gallery: { d1: { folder: 'classifieds/x', name: 'dos.jpg', moduleId: 'communecter' } } });
    const captured = stub({ [id]: record });
    try {
      const { el, events } = await place({ 'api-base': STUB, insee: '97419' });
      await settled(el);
      const dialog = await openDetail(el, 0);
      const select = events.find((event) => event.type === 'cc-select')!;
      expect(select.detail.kind).to.equal('classifieds');
      expect(select.detail.url).to.equal(`https://www.communecter.org/#page.type.classifieds.id.${id}`);
      expect([...dialog.querySelectorAll<HTMLImageElement>('.gallery img')].map((img) => img.getAttribute('src'))).to.deep.equal([`${STUB}/upload/communecter/classifieds/x/chaise.jpg`, `${STUB}/upload/communecter/classifieds/x/dos.jpg`]);
      expect(dialog.querySelector('.gallery img')!.getAttribute('alt')).to.match(/^Photo : .*\(1\/2\)$/);
      // The dialog's close event comes in a task of its own: wait for it before the next selection.
      const closed = new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
      dialog.close();
      await closed;
      await el.updateComplete;
      el.addEventListener('cc-select', (event) => event.preventDefault());
      await openDetail(el, 0);
      expect(root(el).querySelector('dialog') === null, 'no dialog').to.equal(true);
      expect(events.filter((event) => event.type === 'cc-select')).to.have.length(2);
    } finally {
      captured.restore();
    }
  });

  it('holds in a hostile host page: its own font size, contrast, 24 px targets, and the page tokens it reads', async () => {
    const hostile = document.createElement('style');
    hostile.textContent = '*{box-sizing:content-box;letter-spacing:.3em} html{font-size:9px} body{line-height:4;color:#fff} :root{--cc-marketplace-card-background: rgb(250, 248, 240)}';
    document.head.append(hostile);
    const captured = stub(Object.fromEntries([ad({ section: 'need' }), ad({ section: 'offer', price: 4, devise: '€' })]));
    try {
      const { el } = await place({ 'api-base': STUB, insee: '97419', layout: 'list' });
      await settled(el);
      const title = root(el).querySelector<HTMLElement>('[part~="item-title"]')!;
      expect(getComputedStyle(title).color).not.to.equal('rgb(255, 255, 255)');
      expect(parseFloat(getComputedStyle(root(el).querySelector('[part~="base"]')!).fontSize)).to.equal(16);
      expect(getComputedStyle(root(el).querySelector('[part~="item"]')!).backgroundColor).to.equal('rgb(250, 248, 240)');
      for (const target of root(el).querySelectorAll<HTMLElement>('button, .chip, input')) {
        const box = target.getBoundingClientRect();
        if (box.width > 0) expect(Math.min(box.width, box.height), target.outerHTML.slice(0, 60)).to.be.at.least(24);
      }
      await expectAccessible(el);
    } finally {
      captured.restore();
      hostile.remove();
    }
  });

  it('keyboard walk-through: search, a chip group as one stop, an item; Enter opens, Escape closes and focus returns', async () => {
    const captured = stub(Object.fromEntries([ad({ section: 'need' }), ad({ section: 'offer' })]));
    try {
      const { el } = await place({ 'api-base': STUB, insee: '97419' });
      await settled(el);
      root(el).querySelector<HTMLInputElement>('input[type="search"]')!.focus();
      const visited: string[] = [];
      for (let step = 0; step < 8; step++) {
        const active = root(el).activeElement as HTMLElement | null;
        if (!active) break;
        visited.push(`${active.tagName.toLowerCase()}:${(active.getAttribute('data-key') ?? active.textContent ?? '').trim().slice(0, 20)}`);
        await sendKeys({ press: 'Tab' });
      }
      expect(visited[0]).to.equal('input:');
      expect(visited.filter((entry) => entry === 'button:need' || entry === 'button:offer')).to.have.length(1);
      const link = root(el).querySelector<HTMLAnchorElement>('[part~="item-title"] a')!;
      expect(visited).to.include(`a:${link.textContent!.trim()}`);
      link.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(root(el).querySelector('dialog')!.open).to.equal(true);
      expect(root(el).activeElement!.id).to.equal('detail-title');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(link);
    } finally {
      captured.restore();
    }
  });
});
