/**
 * Layouts that follow the element's own width (container queries), measured in the browser at the
 * widths visitors meet: 360 px (a phone, a sidebar column) and 1280 px (a desktop page).
 */
import { expect, fixtureCleanup, fixtureSync, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { resetClientState } from '../../src/api/index.js';
import '../../src/components/cc-agenda/cc-agenda.define.js';
import '../../src/components/cc-directory/cc-directory.define.js';
import { expectAccessible, recordEvents, sandboxUrl, settled } from '../helpers.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean> };

async function mountAt(width: number, tag: 'cc-directory' | 'cc-agenda', attributes: Record<string, string>, lang = 'fr'): Promise<Widget> {
  const el = document.createElement(tag) as Widget;
  for (const [name, value] of Object.entries({ 'api-base': sandboxUrl(), ...attributes })) el.setAttribute(name, value);
  recordEvents(el);
  fixtureSync<HTMLDivElement>(html`<div lang=${lang} style=${`width:${width}px`}></div>`).append(el);
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
      await expectAccessible(el);
    });

    it(`<${tag}> at 1280 px: the filters stay open and the button is not there`, async () => {
      const el = await mountAt(1280, tag, scope);
      const root = el.shadowRoot!;
      expect(shown(root.querySelector('[part~="filters-toggle"]'))).to.equal(false);
      expect(shown(root.querySelector('[part~="facets"]'))).to.equal(true);
    });
  }

  it('says the same in English: "Filters (1)", "Skip the directory"', async () => {
    const el = await mountAt(360, 'cc-directory', { insee: '97413' }, 'en');
    const root = el.shadowRoot!;
    const toggle = root.querySelector<HTMLButtonElement>('[part~="filters-toggle"]')!;
    expect(toggle.textContent!.trim()).to.equal('Filters');
    toggle.click();
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('[part~="facets"] .chip')!.click();
    await el.updateComplete;
    expect(toggle.textContent!.trim()).to.equal('Filters (1)');
    expect(root.querySelector('.skip-link')!.textContent).to.equal('Skip the directory');
  });

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

  const agendaScope = { insee: '97411', from: '2026-12-01', 'time-zone': 'Indian/Reunion' };

  it('<cc-agenda max="3"> (a sidebar) says the date of each event first', async () => {
    const el = await mountAt(360, 'cc-agenda', { insee: '97411', max: '3', 'time-zone': 'Indian/Reunion' });
    const times = [...el.shadowRoot!.querySelectorAll('[part~="item-time"]')].map((node) => node.textContent!);
    expect(times).to.have.length(3);
    for (const text of times) expect(text).to.match(/^((lun|mar|mer|jeu|ven|sam|dim)\. \d{1,2} \S+|du \d{1,2}( \S+)? au \d{1,2} \S+) · /u);
  });

  it('<cc-agenda view="month"> at 360 px: day numbers and counts, no titles cut to letters, the day’s events in full below', async () => {
    const el = await mountAt(360, 'cc-agenda', { ...agendaScope, view: 'month' });
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('.chip-event')].filter(shown)).to.have.length(0);
    const counted = [...root.querySelectorAll<HTMLElement>('[role="gridcell"][data-count]')];
    expect(counted.length).to.be.greaterThan(0);
    const cell = counted.find((each) => Number(each.dataset.count) <= 10)!;
    // The count is drawn from data-count by CSS (browsers differ in how they report the computed content).
    const after = getComputedStyle(cell, '::after');
    expect(after.content).to.not.equal('none');
    expect(after.display).to.not.equal('none');
    cell.click();
    await el.updateComplete;
    const titles = [...root.querySelectorAll<HTMLElement>('.day-panel [part~="item-title"]')];
    expect(titles.length).to.equal(Number(cell.dataset.count));
    for (const title of titles) expect(title.scrollWidth, title.textContent!).to.be.at.most(title.clientWidth + 1);
    await expectAccessible(el);
  });

  it('<cc-agenda view="month"> at 1280 px: no event title in the grid is narrower than its first word', async () => {
    const el = await mountAt(1280, 'cc-agenda', { ...agendaScope, view: 'month' });
    const chips = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.chip-event')].filter(shown);
    expect(chips.length).to.be.greaterThan(0);
    const context = document.createElement('canvas').getContext('2d')!;
    for (const chip of chips) {
      const style = getComputedStyle(chip);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const firstWord = chip.textContent!.trim().split(/\s+/)[0]!;
      const room = chip.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      expect(room, chip.textContent!).to.be.at.least(Math.ceil(context.measureText(firstWord).width) - 1);
    }
  });

  it('<cc-agenda view="week">: seven columns at 1280 px, one day under the other at 360 px; an empty day says so', async () => {
    const wide = await mountAt(1280, 'cc-agenda', { ...agendaScope, view: 'week' });
    const days = [...wide.shadowRoot!.querySelectorAll<HTMLElement>('.week-day')];
    expect(days).to.have.length(7);
    expect(new Set(days.map((day) => Math.round(day.getBoundingClientRect().top))).size).to.equal(1);
    fixtureCleanup();
    const narrow = await mountAt(360, 'cc-agenda', { ...agendaScope, view: 'week' });
    const stacked = [...narrow.shadowRoot!.querySelectorAll<HTMLElement>('.week-day')];
    for (let index = 1; index < stacked.length; index++) {
      expect(stacked[index]!.getBoundingClientRect().top).to.be.at.least(stacked[index - 1]!.getBoundingClientRect().bottom - 1);
    }
    const empty = stacked.find((day) => !day.querySelector('[part~="item"]'));
    if (empty) expect(empty.querySelector('.muted')!.textContent).to.equal('Aucun événement ce jour-là.');
    expect(narrow.shadowRoot!.textContent).not.to.include('—\n');
  });

  for (const tag of ['cc-directory', 'cc-agenda'] as const) {
    it(`<${tag}>: a skip link comes first and leads past the element`, async () => {
      const wrapper = fixtureSync<HTMLDivElement>(html`<div lang="fr" style="width:1280px"><button id="before">avant</button><span id="slot"></span><button id="after">après</button></div>`);
      const el = document.createElement(tag) as Widget;
      for (const [name, value] of Object.entries({ 'api-base': sandboxUrl(), insee: '97413', 'time-zone': 'Indian/Reunion' })) el.setAttribute(name, value);
      recordEvents(el);
      wrapper.querySelector('#slot')!.append(el);
      await settled(el);
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      const skip = el.shadowRoot!.activeElement as HTMLElement;
      expect(skip.textContent).to.equal(tag === 'cc-directory' ? 'Passer l’annuaire' : 'Passer l’agenda');
      expect(skip.getBoundingClientRect().width).to.be.greaterThan(1);
      expect(skip.tagName).to.equal('BUTTON');
      // Enter and Space activate a native button; the activation is what the element answers. (Firefox
      // driven by the test runner sometimes drops those keys when many windows are open.)
      skip.click();
      expect(document.activeElement!.id).to.equal('after');
    });
  }

  it('<cc-agenda view="month">: the grid is reached in 15 Tab presses or fewer from the element’s start', async () => {
    const wrapper = fixtureSync<HTMLDivElement>(html`<div lang="fr" style="width:1280px"><button id="before">avant</button><span id="slot"></span></div>`);
    const el = document.createElement('cc-agenda') as Widget;
    for (const [name, value] of Object.entries({ 'api-base': sandboxUrl(), ...agendaScope, view: 'month' })) el.setAttribute(name, value);
    recordEvents(el);
    wrapper.querySelector('#slot')!.append(el);
    await settled(el);
    expect(el.shadowRoot!.querySelectorAll('.facet .chip').length, 'many chips on show').to.be.greaterThan(8);
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    let presses = 0;
    while (presses < 40 && el.shadowRoot!.activeElement?.getAttribute('role') !== 'gridcell') {
      await sendKeys({ press: 'Tab' });
      presses++;
    }
    expect(el.shadowRoot!.activeElement?.getAttribute('role')).to.equal('gridcell');
    expect(presses).to.be.at.most(15);
  });
});
