/**
 * Scopes that fail closed, for every element: a scope attribute whose every value is invalid (a
 * typo) must never widen the query to the whole platform. The element sends no request, says which
 * attribute and value are wrong in the page's language, offers no "Réessayer" (it cannot help), and
 * warns the webmaster once in the console. Valid values beside invalid ones are used, with a warning.
 */
import { expect, fixtureCleanup, fixtureSync, html } from '@open-wc/testing';
import { resetClientState } from '../../src/api/index.js';
import '../../src/components/cc-agenda/cc-agenda.define.js';
import '../../src/components/cc-directory/cc-directory.define.js';
import '../../src/components/cc-map/cc-map.define.js';
import { expectAccessible, recordEvents, sandboxUrl, settled } from '../helpers.js';

type Tag = 'cc-directory' | 'cc-agenda' | 'cc-map';

/** Mounts `tag` with `attributes`, recording every fetch and console.warn from before it connects. */
async function mountWatched(tag: Tag, attributes: Record<string, string>, lang = 'fr') {
  const fetches: string[] = [];
  const warnings: string[] = [];
  const originalFetch = window.fetch;
  const originalWarn = console.warn;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    fetches.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return originalFetch.call(window, input, init);
  };
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  const el = document.createElement(tag) as HTMLElement & { updateComplete: Promise<boolean> };
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const events = recordEvents(el);
  fixtureSync<HTMLDivElement>(html`<div lang=${lang}></div>`).append(el);
  const restore = () => {
    window.fetch = originalFetch;
    console.warn = originalWarn;
  };
  return { el, events, fetches, warnings, restore };
}

const alert = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLElement>('[role="alert"]');

// One row per scope attribute (and the base URLs), for each element that has it.
const cases: [Tag, string, string][] = [
  ['cc-directory', 'insee', '9741'],
  ['cc-directory', 'postal-code', '9'],
  ['cc-directory', 'city', 'saint-leu'],
  ['cc-directory', 'zone', 'Réunion'],
  ['cc-directory', 'country', 'France'],
  ['cc-directory', 'source-key', 'tiers lieux'],
  ['cc-directory', 'api-base', 'javascript:alert(1)'],
  ['cc-directory', 'link-base', 'ftp://example.org'],
  ['cc-agenda', 'insee', '974II'],
  ['cc-agenda', 'postal-code', '9 7 4'],
  ['cc-agenda', 'city', '5880b3cf'],
  ['cc-agenda', 'zone', '58be4af494ef47df1d0ddbc'],
  ['cc-agenda', 'country', 'REU'],
  ['cc-agenda', 'source-key', 'a/b'],
  ['cc-agenda', 'organization', '../../x'],
  ['cc-agenda', 'api-base', 'data:text/html,x'],
  ['cc-agenda', 'link-base', 'javascript:void(0)'],
  ['cc-map', 'insee', '97 413'],
  ['cc-map', 'postal-code', 'Saint-Leu'],
  ['cc-map', 'zone', 'Hauts-de-France'],
  ['cc-map', 'source-key', 'tiers/lieux'],
  ['cc-map', 'api-base', 'javascript:alert(1)'],
];

describe('scopes that fail closed', () => {
  beforeEach(() => resetClientState());
  afterEach(() => fixtureCleanup());

  for (const [tag, attribute, value] of cases) {
    it(`<${tag} ${attribute}="${value}">: no request, a message naming it, no retry, one warning`, async () => {
      const base: Record<string, string> = attribute === 'api-base' ? {} : { 'api-base': sandboxUrl() };
      const watched = await mountWatched(tag, { ...base, [attribute]: value });
      try {
        const error = await settled(watched.el, 'cc-error');
        expect(error.detail.error.kind).to.equal('config');
        expect(error.detail.error.attribute).to.equal(attribute);
        const box = alert(watched.el)!;
        expect(box.textContent).to.include('Ce widget est mal configuré');
        // The value is isolated (FSI … PDI) inside the sentence, so a right-to-left one cannot reorder it.
        expect(box.textContent).to.include(`La valeur « \u2068${value}\u2069 » de l’attribut ${attribute} n’est pas valide.`);
        expect([...box.querySelectorAll('button')].map((button) => button.textContent)).to.deep.equal([]);
        // Nothing else on screen pretends to work: no search field, no status saying "loading".
        expect(watched.el.shadowRoot!.querySelector('[aria-busy="true"]')).to.equal(null);
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(watched.fetches, 'requests sent').to.deep.equal([]);
        expect(watched.warnings.filter((line) => line.includes(`${attribute}="${value}"`))).to.have.length(1);
        await expectAccessible(watched.el);
      } finally {
        watched.restore();
      }
    });
  }

  it('says so in English on an English page', async () => {
    const watched = await mountWatched('cc-directory', { 'api-base': sandboxUrl(), insee: '9741' }, 'en');
    try {
      await settled(watched.el, 'cc-error');
      expect(alert(watched.el)!.textContent).to.include('The value “\u20689741\u2069” of the insee attribute is not valid.');
      expect(watched.fetches).to.deep.equal([]);
    } finally {
      watched.restore();
    }
  });

  it('uses the valid values beside invalid ones, and warns once about the others', async () => {
    const watched = await mountWatched('cc-directory', { 'api-base': sandboxUrl(), insee: '97411, 9741' });
    try {
      await settled(watched.el);
      expect(alert(watched.el)).to.equal(null);
      expect(watched.fetches.length).to.be.greaterThan(0);
      expect(watched.warnings.filter((line) => line.includes('9741"'))).to.have.length(1);
      expect(watched.warnings.join('\n')).not.to.include('97411"');
      // A re-render with the same attributes warns no more.
      (watched.el as unknown as { pageSize: number }).pageSize = 6;
      await watched.el.updateComplete;
      expect(watched.warnings.filter((line) => line.includes('9741"'))).to.have.length(1);
    } finally {
      watched.restore();
    }
  });

  it('loads at once when the typo is corrected', async () => {
    const watched = await mountWatched('cc-directory', { 'api-base': sandboxUrl(), insee: '9741' });
    try {
      await settled(watched.el, 'cc-error');
      watched.el.setAttribute('insee', '97411');
      const load = await settled(watched.el);
      expect(load.detail.count).to.be.greaterThan(0);
      expect(alert(watched.el)).to.equal(null);
    } finally {
      watched.restore();
    }
  });
});

// Presentation attributes fall back to a default, and say which: one warning naming the attribute,
// the value and what is used instead; the element still loads.
const fallbacks: [Tag, string, string, string][] = [
  ['cc-agenda', 'from', 'banana', 'today ('],
  ['cc-agenda', 'view', 'calendar', '"list"'],
  ['cc-agenda', 'time-zone', 'Mars/Olympus', 'the visitor\'s zone "'],
  ['cc-agenda', 'max', 'abc', 'no limit'],
  ['cc-agenda', 'lang', 'xx', '"fr"'],
  ['cc-directory', 'page-size', '-5', '1'],
  ['cc-directory', 'lang', 'xx', '"fr"'],
  ['cc-directory', 'types', 'bogus', '"organizations"'],
  ['cc-map', 'types', 'bogus', '"organizations,projects,poi"'],
  ['cc-map', 'center', 'banana', 'the places\' extent'],
  ['cc-map', 'list', 'left', '"below"'],
  ['cc-map', 'zoom', '99', 'the places\' extent'],
];

describe('attributes that fall back', () => {
  beforeEach(() => resetClientState());
  afterEach(() => fixtureCleanup());

  for (const [tag, attribute, value, fallback] of fallbacks) {
    it(`<${tag} ${attribute}="${value}">: one warning naming it and the value used (${fallback}…), and the element loads`, async () => {
      const watched = await mountWatched(tag, { 'api-base': sandboxUrl(), insee: '97413', [attribute]: value });
      try {
        await settled(watched.el);
        expect(alert(watched.el)).to.equal(null);
        const lines = watched.warnings.filter((line) => line.includes(`${attribute}="${value}"`));
        expect(lines, watched.warnings.join('\n')).to.have.length(1);
        expect(lines[0]).to.include(`is not valid: ${fallback}`);
        expect(lines[0]).to.include('is used instead');
        expect(watched.warnings, 'no other warning').to.have.length(1);
        // A re-render warns no more.
        watched.el.setAttribute('heading-level', '4');
        await watched.el.updateComplete;
        expect(watched.warnings).to.have.length(1);
      } finally {
        watched.restore();
      }
    });
  }

  it('valid values warn nothing', async () => {
    const watched = await mountWatched('cc-agenda', { 'api-base': sandboxUrl(), insee: '97413', from: '-7d', view: 'month', 'time-zone': 'Indian/Reunion', max: '5', lang: 'en-GB' });
    try {
      await settled(watched.el);
      expect(watched.warnings).to.deep.equal([]);
    } finally {
      watched.restore();
    }
  });
});
