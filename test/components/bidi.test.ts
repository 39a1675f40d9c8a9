/**
 * Text direction everywhere (issue "hard to break", item 6): every hostile record of the sandbox goes
 * through each element, list and detail, and no platform string leaves a directional override or
 * embedding open beside the widget's own words (in text, or in accessible names and titles).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import { resetClientState } from '../../src/api/index.js';
import '../../src/components/cc-agenda/cc-agenda.define.js';
import '../../src/components/cc-directory/cc-directory.define.js';
import '../../src/components/cc-map/cc-map.define.js';
import '../../src/components/cc-marketplace/cc-marketplace.define.js';
import { isolate } from '../../src/lib/text.js';
import { bidiLeaks, leavesBidiOpen, recordEvents, sandboxUrl, settled } from '../helpers.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean> };

async function openEachDetail(el: Widget, check: (where: string) => void): Promise<number> {
  const links = () => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~="item-title"] a')];
  const count = links().length;
  for (let index = 0; index < count; index++) {
    links()[index]!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('dialog')?.open === true && !/Chargement/.test(el.shadowRoot!.querySelector('dialog')!.textContent!), `detail ${index}`, { timeout: 4000 });
    check(`detail ${index}`);
    el.shadowRoot!.querySelector<HTMLButtonElement>('dialog .close')!.click();
    await waitUntil(() => !el.shadowRoot!.querySelector('dialog'), `detail ${index} closes`);
  }
  return count;
}

describe('text direction of platform strings', () => {
  beforeEach(() => resetClientState());

  it('isolate() keeps any string, stray closers included, from running over the words around it (fast-check)', () => {
    const controls = fc.constantFrom('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', 'a', 'ب', ' ');
    fc.assert(fc.property(fc.array(controls, { maxLength: 30 }), (parts) => {
      expect(leavesBidiOpen(`Voir « ${isolate(parts.join(''))} » sur Communecter`)).to.equal(false);
    }), { numRuns: 2000 });
    // The case that escaped: a stray PDI closed the widget's isolate early, and the override ran on.
    expect(leavesBidiOpen(`Voir « ${isolate('x\u2069\u202Ey')} » sur Communecter`)).to.equal(false);
  });

  for (const [tag, attributes] of [
    ['cc-directory', { 'source-key': 'hostile', types: 'organizations,projects,poi', 'page-size': '24' }],
    ['cc-agenda', { 'source-key': 'hostile', view: 'list', from: '2026-01-01', to: '2027-12-31' }],
    ['cc-marketplace', { 'source-key': 'hostile', 'page-size': '24' }],
  ] as const) {
    it(`<${tag}>: every hostile record, in the list and in its detail, leaves the widget's words in order`, async () => {
      const el = await fixture<Widget>(html`<div lang="fr"></div>`).then((box) => {
        const widget = document.createElement(tag) as Widget;
        widget.setAttribute('api-base', sandboxUrl());
        for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, value);
        recordEvents(widget);
        box.append(widget);
        return widget;
      });
      await settled(el);
      const leaks: string[] = [];
      const check = (where: string) => leaks.push(...bidiLeaks(el.shadowRoot!).map((leak) => `${where}: ${leak}`));
      check('list');
      expect(await openEachDetail(el, check)).to.be.greaterThan(0);
      expect(leaks).to.deep.equal([]);
    });
  }

  it('<cc-map>: every hostile place, in the list of places, on the map and in its popup, leaves the widget’s words in order', async () => {
    const box = await fixture<HTMLElement>(html`<div lang="fr" style="width: 900px"></div>`);
    const el = document.createElement('cc-map') as Widget;
    for (const [name, value] of Object.entries({ 'api-base': sandboxUrl(), 'source-key': 'hostile', tiles: 'none', list: 'below' })) el.setAttribute(name, value);
    recordEvents(el);
    box.append(el);
    await settled(el);
    const root = el.shadowRoot!;
    const leaks: string[] = bidiLeaks(root).map((leak) => `map: ${leak}`);
    const entries = () => [...root.querySelectorAll<HTMLButtonElement>('[part~="item"] .entry-name')];
    expect(entries().length).to.be.greaterThan(3);
    for (let index = 0; index < entries().length; index++) {
      entries()[index]!.click();
      await el.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      leaks.push(...bidiLeaks(root).map((leak) => `entry ${index}: ${leak}`));
    }
    expect(leaks).to.deep.equal([]);
  });
});
