/**
 * Layouts that follow the element's own width (container queries), measured in the browser at the
 * widths visitors meet: 360 px (a phone, a sidebar column) and 1280 px (a desktop page).
 */
import { expect, fixtureCleanup, fixtureSync, html } from '@open-wc/testing';
import { resetClientState } from '../../src/api/index.js';
import '../../src/components/cc-agenda/cc-agenda.define.js';
import '../../src/components/cc-directory/cc-directory.define.js';
import { recordEvents, sandboxUrl, settled } from '../helpers.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean> };

async function mountAt(width: number, tag: 'cc-directory' | 'cc-agenda', attributes: Record<string, string>): Promise<Widget> {
  const el = document.createElement(tag) as Widget;
  for (const [name, value] of Object.entries({ 'api-base': sandboxUrl(), ...attributes })) el.setAttribute(name, value);
  recordEvents(el);
  fixtureSync<HTMLDivElement>(html`<div lang="fr" style=${`width:${width}px`}></div>`).append(el);
  await settled(el);
  return el;
}

const shown = (node: Element | null) => node !== null && getComputedStyle(node).display !== 'none' && (node as HTMLElement).getBoundingClientRect().height > 0;

describe('layouts that follow the element’s width', () => {
  beforeEach(() => resetClientState());
  afterEach(() => fixtureCleanup());

  for (const tag of ['cc-directory', 'cc-agenda'] as const) {
    const scope: Record<string, string> = tag === 'cc-directory' ? { insee: '97413' } : { insee: '97411', from: '2026-11-01', to: '2027-01-31', 'time-zone': 'Indian/Reunion' };

    it(`<${tag}> at 360 px: the filters fold behind one "Filtres" button, results first; it unfolds them`, async () => {
      const el = await mountAt(360, tag, scope);
      const root = el.shadowRoot!;
      const toggle = root.querySelector<HTMLButtonElement>('[part~="filters-toggle"]')!;
      const facets = root.querySelector('[part~="facets"]')!;
      expect(shown(toggle)).to.equal(true);
      expect(toggle.textContent!.trim()).to.equal('Filtres');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(shown(facets)).to.equal(false);
      // The first result starts less than a screen below the top of the element.
      const first = root.querySelector('[part~="item"]')!;
      expect(first.getBoundingClientRect().top - el.getBoundingClientRect().top).to.be.below(500);
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(shown(facets)).to.equal(true);
      facets.querySelector<HTMLButtonElement>('.chip')!.click();
      await el.updateComplete;
      expect(toggle.textContent!.trim()).to.equal('Filtres (1)');
      await expect(el).to.be.accessible();
    });

    it(`<${tag}> at 1280 px: the filters stay open and the button is not there`, async () => {
      const el = await mountAt(1280, tag, scope);
      const root = el.shadowRoot!;
      expect(shown(root.querySelector('[part~="filters-toggle"]'))).to.equal(false);
      expect(shown(root.querySelector('[part~="facets"]'))).to.equal(true);
    });
  }

  for (const width of [360, 1280]) {
    it(`<cc-directory> at ${width} px: no empty image box; entries without an image are compact`, async () => {
      const el = await mountAt(width, 'cc-directory', { insee: '97413', 'page-size': '9' });
      const items = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"]')];
      expect(items).to.have.length(9);
      const withoutImage = items.filter((item) => !item.querySelector('img'));
      expect(withoutImage.length, 'the sample has entries without an image').to.be.greaterThan(0);
      for (const item of withoutImage) expect(shown(item.querySelector('[part~="item-image"]'))).to.equal(false);
      if (width === 360) {
        // Nine cards took 2,700 px on a phone, most of it grey boxes with one letter.
        const height = items.at(-1)!.getBoundingClientRect().bottom - items[0]!.getBoundingClientRect().top;
        expect(height).to.be.below(2200);
      }
    });
  }
});
