/**
 * <cc-agenda>: what a visitor sees and does. Times are pinned: the element gets an explicit
 * `time-zone`, the visitor's zone is set through `viewerZone`, and "now" is frozen where it matters.
 */
import { expect, fixtureCleanup, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import { resetClientState } from '../../src/api/index.js';
import '../../src/components/cc-agenda/cc-agenda.define.js';
import { CcAgenda } from '../../src/components/cc-agenda/cc-agenda.js';
import { buildIcs, escapeIcsText, foldIcsLine } from '../../src/components/cc-agenda/agenda-export.js';
import { scriptSafeJson } from '../../src/components/cc-agenda/agenda-jsonld.js';
import { occurrencesInWindow } from '../../src/components/cc-agenda/agenda-model.js';
import { normalizeElement, type CivicEvent } from '../../src/api/index.js';
import { defineElement } from '../../src/shared/define.js';
import { eventRecord, expectAccessible, faultBase, recordEvents, sandboxUrl, settled, withNow } from '../helpers.js';

declare global {
  interface Window {
    ccCanary?: (label: string) => void;
  }
}

const STUB_BASE = 'https://stub.agenda.test';

async function mount(attributes: Record<string, string | boolean>, options: { lang?: string; width?: string; viewerZone?: string } = {}): Promise<{ el: CcAgenda; events: CustomEvent[] }> {
  const el = document.createElement('cc-agenda') as CcAgenda;
  el.viewerZone = options.viewerZone ?? 'Europe/Paris';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  const events = recordEvents(el);
  const wrapper = fixtureSync<HTMLDivElement>(html`<div lang=${options.lang ?? 'fr'} style=${`width:${options.width ?? '960px'}`}></div>`);
  wrapper.append(el);
  return { el, events };
}

const root = (el: CcAgenda) => el.shadowRoot!;
const items = (el: CcAgenda) => [...root(el).querySelectorAll<HTMLElement>('[part~="item"]')];
const titles = (el: CcAgenda) => items(el).map((item) => item.querySelector('[part~="item-title"]')!.textContent!.trim());
const statusText = (el: CcAgenda) => root(el).querySelector('[role="status"]')!.textContent!.trim();

/** Serves `results` for the search route of STUB_BASE (every search: the element filters by window itself). */
function stubEvents(results: Record<string, unknown>): { restore: () => void; bodies: URLSearchParams[] } {
  const original = window.fetch;
  const bodies: URLSearchParams[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(STUB_BASE)) {
      bodies.push(new URLSearchParams(typeof init?.body === 'string' ? init.body : ''));
      return new Response(JSON.stringify({ results }), { headers: { 'Content-Type': 'application/json' } });
    }
    return original.call(window, input, init);
  };
  return { restore: () => void (window.fetch = original), bodies };
}

const event = eventRecord;


function parseIcs(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return component.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

describe('<cc-agenda>', () => {
  beforeEach(() => resetClientState());
  afterEach(() => fixtureCleanup());

  it('is defined, and a second define does not throw', () => {
    expect(customElements.get('cc-agenda')).to.equal(CcAgenda);
    expect(() => defineElement('cc-agenda', class extends HTMLElement {})).not.to.throw();
  });

  describe('dates, exactly', () => {
    let stub: ReturnType<typeof stubEvents>;
    afterEach(() => stub.restore());

    it('shows 2026-12-15T14:00:00+0000 in Indian/Reunion as 18:00, labelled with its zone', async () => {
      stub = stubEvents({ a: event('a', { name: 'Atelier vélo', startDate: '2026-12-15T14:00:00+0000', endDate: '2026-12-15T16:00:00+0000', timeZone: 'Indian/Reunion' }) });
      await withNow('2026-12-01T08:00:00Z', async () => {
        const { el } = await mount({ 'api-base': STUB_BASE, from: '2026-12-01', to: '2026-12-31', 'time-zone': 'Indian/Reunion' });
        await settled(el);
        expect(titles(el)).to.deep.equal(['Atelier vélo']);
        expect(items(el)[0]!.querySelector('[part~="item-time"]')!.textContent).to.equal('18:00, heure de La Réunion');
        expect(root(el).querySelector('[part~="day"]')!.textContent).to.equal('mardi 15 décembre 2026');
        expect(statusText(el)).to.equal('1 événement');
      });
    });

    it('drops no label when the event is in the visitor’s own zone', async () => {
      stub = stubEvents({ a: event('a', { startDate: '2026-12-15T14:00:00+0000', timeZone: 'Indian/Reunion' }) });
      await withNow('2026-12-01T08:00:00Z', async () => {
        const { el } = await mount({ 'api-base': STUB_BASE, from: '2026-12-01', to: '2026-12-31' }, { viewerZone: 'Indian/Reunion' });
        await settled(el);
        expect(items(el)[0]!.querySelector('[part~="item-time"]')!.textContent).to.equal('18:00');
      });
    });

    it('asks the server with the window start only, so events that straddle a bound are not lost', async () => {
      stub = stubEvents({});
      await withNow('2026-12-01T08:00:00Z', async () => {
        const { el } = await mount({ 'api-base': STUB_BASE, insee: '97411', from: '2026-12-10', to: '2026-12-20', 'time-zone': 'Europe/Paris' });
        await settled(el);
      });
      const dated = stub.bodies.find((body) => body.has('startDate'))!;
      expect(dated.get('searchType[]')).to.equal('events');
      expect(dated.has('endDate')).to.equal(false);
      // 2026-12-10 00:00 in Paris, less one day of margin for events in other zones.
      expect(dated.get('startDate')).to.equal(String(Date.UTC(2026, 11, 8, 23) / 1000));
      expect(dated.get('locality[97411codeInsee][id]')).to.equal('97411');
      const recurring = stub.bodies.find((body) => body.has('filters[openingHours][$exists]'))!;
      expect(recurring.has('startDate')).to.equal(false);
    });

    it('lists a multi-day event that started yesterday under today, as "day 2 of 3"', async () => {
      stub = stubEvents({
        f: event('f', { name: 'Festival des Hauts', startDate: '2026-12-01T06:00:00+0000', endDate: '2026-12-03T18:00:00+0000', timeZone: 'Indian/Reunion' }),
      });
      await withNow('2026-12-02T05:00:00Z', async () => {
        const { el } = await mount({ 'api-base': STUB_BASE, from: 'today', to: '+7d', 'time-zone': 'Indian/Reunion' });
        await settled(el);
        expect(titles(el)).to.deep.equal(['Festival des Hauts']);
        expect(root(el).querySelector('[part~="day"]')!.textContent).to.equal('mercredi 2 décembre 2026');
        expect(items(el)[0]!.querySelector('[part~="item-time"]')!.textContent).to.equal('du 1er décembre au 3 décembre · jour 2 sur 3');
      });
    });

    it('shows all-day events without a time, and expands weekly slots into occurrences', async () => {
      stub = stubEvents({
        d: event('d', { name: 'Marché forain', allDay: true, startDate: '2026-12-12T00:00:00+0000', endDate: '2026-12-12T23:59:00+0000', timeZone: 'UTC' }),
        w: event('w', {
          name: 'Permanence',
          startDateSort: '2026-11-01T00:00:00+0000',
          openingHours: [{ dayOfWeek: 'We', hours: [{ opens: '09:00', closes: '12:00' }] }],
          timeZone: 'Indian/Reunion',
        }),
      });
      await withNow('2026-12-01T08:00:00Z', async () => {
        const { el } = await mount({ 'api-base': STUB_BASE, from: '2026-12-01', to: '2026-12-20', 'time-zone': 'Indian/Reunion' }, { viewerZone: 'Indian/Reunion' });
        await settled(el);
        const rows = items(el).map((item) => `${item.querySelector('[part~="item-title"]')!.textContent}|${item.querySelector('[part~="item-time"]')!.textContent}`);
        expect(rows).to.deep.equal([
          'Permanence|09:00 · chaque semaine',
          'Permanence|09:00 · chaque semaine',
          'Marché forain|toute la journée',
          'Permanence|09:00 · chaque semaine',
        ]);
        const days = [...root(el).querySelectorAll('[part~="day"]')].map((day) => day.textContent);
        expect(days).to.deep.equal(['mercredi 2 décembre 2026', 'mercredi 9 décembre 2026', 'samedi 12 décembre 2026', 'mercredi 16 décembre 2026']);
      });
    });

    it('handles the daylight-saving change of Europe/Paris', () => {
      const base = { base: STUB_BASE };
      const autumn = normalizeElement(event('x', { startDate: '2026-10-25T00:30:00+0000', endDate: '2026-10-25T01:30:00+0000', timeZone: 'Europe/Paris' }), base) as CivicEvent;
      const weekly = normalizeElement(event('y', { startDateSort: '2026-10-01T00:00:00+0000', openingHours: [{ dayOfWeek: 'Mo', hours: [{ opens: '10:00', closes: '11:00' }] }], timeZone: 'Europe/Paris' }), base) as CivicEvent;
      const occurrences = occurrencesInWindow([autumn, weekly], { start: new Date('2026-10-18T00:00:00Z'), end: new Date('2026-11-03T00:00:00Z') }, 'Europe/Paris');
      const weekly10h = occurrences.filter((item) => item.recurring).map((item) => item.start.toISOString());
      // 10:00 in Paris is 08:00 UTC in summer time and 09:00 UTC after the change.
      expect(weekly10h).to.deep.equal(['2026-10-19T08:00:00.000Z', '2026-10-26T09:00:00.000Z', '2026-11-02T09:00:00.000Z']);
      const single = occurrences.find((item) => !item.recurring)!;
      expect(single.firstDay).to.equal('2026-10-25');
    });

    it('rows 27–30: odd dates never break the agenda; unusable ones are listed as "date inconnue"', async () => {
      stub = stubEvents({
        r27: event('r27', { name: 'Espace sans zone', startDate: '2026-12-05 10:00:00' }),
        r28a: event('r28a', { name: 'Trente février', startDate: '2026-02-30' }),
        r28b: event('r28b', { name: 'Pas une date', startDate: 'foo', endDate: '' }),
        r29: event('r29', { name: 'Fin avant début', startDate: '2026-12-06T10:00:00+0000', endDate: '2026-12-05T10:00:00+0000' }),
        r30a: event('r30a', { name: 'En secondes', startDate: 1796724000 }),
        r30b: event('r30b', { name: 'En millisecondes', startDate: 1796810400000 }),
        r30c: event('r30c', { name: 'Objet Mongo', startDate: { sec: 1796896800, usec: 0 } }),
      });
      await withNow('2026-12-01T08:00:00Z', async () => {
        const { el } = await mount({ 'api-base': STUB_BASE, from: '2026-12-01', to: '2026-12-31', 'time-zone': 'UTC' }, { viewerZone: 'UTC' });
        await settled(el);
        expect(root(el).textContent).not.to.include('Invalid Date');
        expect(root(el).textContent).not.to.include('NaN');
        const shown = titles(el);
        expect(shown.slice(0, 5)).to.deep.equal(['Espace sans zone', 'Fin avant début', 'En secondes', 'En millisecondes', 'Objet Mongo']);
        const undated = root(el).querySelector('.undated')!;
        expect(undated.querySelector('[part~="day"]')!.textContent).to.equal('Date inconnue');
        expect([...undated.querySelectorAll('[part~="item-title"]')].map((node) => node.textContent)).to.deep.equal(['Trente février', 'Pas une date']);
        expect(items(el).find((item) => item.textContent!.includes('Espace sans zone'))!.querySelector('[part~="item-time"]')!.textContent).to.equal('10:00');
      });
    });
  });
});

describe('<cc-agenda> views, filters, detail and export', () => {
  let stub: ReturnType<typeof stubEvents>;
  const december = {
    a: event('a', { name: 'Atelier compost', typeEvent: 'workshop', tags: ['compost', 'jardin'], startDate: '2026-12-03T06:00:00+0000', endDate: '2026-12-03T08:00:00+0000', timeZone: 'Indian/Reunion', slug: 'atelierCompost', organizerObj: { name: 'Ti Jardin', slug: 'tiJardin', type: 'organizations' } }),
    b: event('b', { name: 'Concert maloya', typeEvent: 'concert', tags: ['musique'], startDate: '2026-12-10T15:00:00+0000', endDate: '2026-12-10T18:00:00+0000', timeZone: 'Indian/Reunion' }),
    c: event('c', { name: 'Marché de Noël', typeEvent: 'market', tags: ['noel'], startDate: '2026-12-19T04:00:00+0000', endDate: '2026-12-19T12:00:00+0000', timeZone: 'Indian/Reunion' }),
    d: event('d', { name: 'Atelier vélo', typeEvent: 'workshop', tags: ['vélo'], startDate: '2026-12-19T06:00:00+0000', endDate: '2026-12-19T08:00:00+0000', timeZone: 'Indian/Reunion' }),
  };
  const now = '2026-12-01T05:00:00Z';
  beforeEach(() => {
    resetClientState();
    stub = stubEvents(december);
  });
  afterEach(() => {
    stub.restore();
    fixtureCleanup();
  });

  const agenda = (extra: Record<string, string | boolean> = {}, options = {}) =>
    mount({ 'api-base': STUB_BASE, from: '2026-12-01', to: '2026-12-31', 'time-zone': 'Indian/Reunion', ...extra }, { viewerZone: 'Indian/Reunion', ...options });

  it('list view: days as headings, events as a real list, accessible', async () => {
    await withNow(now, async () => {
      const { el, events } = await agenda();
      const load = await settled(el);
      expect(load.detail).to.deep.equal({ count: 4, total: 4 });
      expect(titles(el)).to.deep.equal(['Atelier compost', 'Concert maloya', 'Marché de Noël', 'Atelier vélo']);
      const days = [...root(el).querySelectorAll('[part~="day"]')];
      expect(days.map((day) => day.getAttribute('role'))).to.deep.equal(['heading', 'heading', 'heading']);
      expect(items(el)[0]!.parentElement!.tagName).to.equal('UL');
      expect(events.filter((e) => e.type === 'cc-filter-change' || e.type === 'cc-view-change')).to.have.length(0);
      await expectAccessible(el);
    });
  });

  it('filters by event type, keyword and text, with counts; active filters clear', async () => {
    await withNow(now, async () => {
      const { el, events } = await agenda();
      await settled(el);
      const workshop = root(el).querySelector<HTMLButtonElement>('.facets [data-key="workshop"]')!;
      expect(workshop.getAttribute('aria-label')).to.equal('\u2068Atelier\u2069, 2 résultats');
      workshop.click();
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Atelier compost', 'Atelier vélo']);
      expect(events.filter((e) => e.type === 'cc-filter-change').map((e) => e.detail)).to.deep.equal([{ query: '', types: ['workshop'], tags: [] }]);
      root(el).querySelector<HTMLButtonElement>('.facets [data-key="compost"]')!.click();
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Atelier compost']);
      const clear = [...root(el).querySelectorAll<HTMLButtonElement>('[part~="active-filters"] button')].find((b) => b.textContent!.trim() === 'Tout effacer')!;
      clear.click();
      await el.updateComplete;
      const input = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
      input.value = 'maloya';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Concert maloya']);
      input.value = 'rien de tel';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(root(el).querySelector('[part~="empty"]')!.textContent).to.include('Aucun événement ne correspond');
      await expectAccessible(el);
    });
  });

  it('month view: an ARIA date grid walked with the keyboard; the month change is announced', async () => {
    await withNow(now, async () => {
      const { el, events } = await agenda({ view: 'month', from: '2026-12-01' });
      await settled(el);
      const grid = root(el).querySelector('[role="grid"]')!;
      expect(grid.querySelectorAll('[role="row"]')).to.have.length(7);
      expect(grid.querySelectorAll('[role="gridcell"]')).to.have.length(42);
      const focusable = () => root(el).querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]')!;
      expect(focusable().dataset.day).to.equal('2026-12-01');
      const dec19 = root(el).querySelector('[data-day="2026-12-19"]')!;
      // Named by its content, which begins with the visible day number (WCAG 2.5.3).
      expect(dec19.hasAttribute('aria-label')).to.equal(false);
      expect(`${dec19.querySelector('.num')!.textContent}${dec19.querySelector('.visually-hidden')!.textContent}`).to.equal('19 décembre 2026, samedi, 2 événements');
      expect(dec19.querySelectorAll('.chip-event:not([hidden])')).to.have.length(2);
      focusable().focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(root(el).activeElement?.getAttribute('data-day')).to.equal('2026-12-02');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(root(el).activeElement?.getAttribute('data-day')).to.equal('2026-12-09');
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(root(el).activeElement?.getAttribute('data-day')).to.equal('2026-12-13');
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(root(el).activeElement?.getAttribute('data-day')).to.equal('2026-12-07');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(root(el).activeElement?.getAttribute('data-day')).to.equal('2026-12-26');
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      const panel = root(el).querySelector('.day-panel')!;
      expect(panel.querySelector('[role="heading"]')!.textContent).to.equal('Événements du samedi 19 décembre 2026');
      expect([...panel.querySelectorAll('[part~="item-title"]')].map((node) => node.textContent)).to.deep.equal(['Marché de Noël', 'Atelier vélo']);
      await sendKeys({ press: 'PageDown' });
      await settled(el);
      await el.updateComplete;
      expect(root(el).activeElement?.getAttribute('data-day')).to.equal('2027-01-19');
      expect(statusText(el)).to.match(/^janvier 2027 — /);
      expect(root(el).querySelector('[part~="title"]')!.textContent).to.equal('janvier 2027');
      const change = events.filter((e) => e.type === 'cc-view-change').pop()!;
      expect(change.detail).to.deep.equal({ view: 'month', from: '2026-12-28', to: '2027-02-07' });
      await expectAccessible(el);
    });
  });

  it('week view and navigation: previous, today, next', async () => {
    await withNow(now, async () => {
      const { el } = await agenda({ view: 'week', from: '2026-12-14' });
      await settled(el);
      const headings = [...root(el).querySelectorAll('.week [role="heading"]')].map((node) => node.textContent);
      expect(headings).to.have.length(7);
      expect(headings[0]).to.equal('lundi 14 décembre');
      expect(titles(el)).to.deep.equal(['Marché de Noël', 'Atelier vélo']);
      const [previous, today, next] = [...root(el).querySelectorAll<HTMLButtonElement>('.nav button')];
      expect(previous!.getAttribute('aria-label')).to.equal('Semaine précédente');
      previous!.click();
      await settled(el);
      expect(titles(el)).to.deep.equal(['Concert maloya']);
      next!.click();
      next!.click();
      await settled(el);
      await el.updateComplete;
      expect(root(el).querySelector('[part~="title"]')!.textContent).to.equal('Semaine du 21 décembre 2026');
      today!.click();
      await settled(el);
      expect(root(el).querySelector('[part~="title"]')!.textContent).to.equal('Semaine du 30 novembre 2026');
      await expectAccessible(el);
    });
  });

  it('switches views with pressed buttons', async () => {
    await withNow(now, async () => {
      const { el, events } = await agenda();
      await settled(el);
      const buttons = [...root(el).querySelectorAll<HTMLButtonElement>('.views button')];
      expect(buttons.map((b) => [b.textContent, b.getAttribute('aria-pressed')])).to.deep.equal([['Liste', 'true'], ['Mois', 'false'], ['Semaine', 'false']]);
      buttons[1]!.click();
      await settled(el);
      expect(root(el).querySelector('[role="grid"]')).to.exist;
      expect(events.filter((e) => e.type === 'cc-view-change')).to.have.length(1);
    });
  });

  it('detail: a dialog with the date, place, organiser, description and "add to my calendar"', async () => {
    await withNow(now, async () => {
      const { el, events } = await agenda();
      await settled(el);
      const link = items(el)[0]!.querySelector<HTMLAnchorElement>('[part~="item-title"] a')!;
      expect(link.getAttribute('href')).to.equal('https://www.communecter.org/#@atelierCompost');
      link.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const dialog = root(el).querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      expect(root(el).activeElement?.id).to.equal('detail-title');
      expect(events.filter((e) => e.type === 'cc-select')[0]!.detail.kind).to.equal('event');
      expect(dialog.querySelector('.when-detail')!.textContent!.replace(/\s/g, ' ')).to.equal('jeudi 3 décembre 2026 · 10:00 – 12:00');
      expect(dialog.textContent).to.include('Organisé par');
      expect(dialog.querySelector<HTMLAnchorElement>('a[href*="tiJardin"]')).to.exist;
      // The web-calendar links come with the export code, loaded when a detail first opens.
      await waitUntil(() => [...dialog.querySelectorAll('a')].some((a) => a.textContent!.startsWith('Google')), 'calendar links');
      const google = [...dialog.querySelectorAll<HTMLAnchorElement>('a')].find((a) => a.textContent!.startsWith('Google'))!;
      const googleUrl = new URL(google.href);
      expect(googleUrl.hostname).to.equal('calendar.google.com');
      expect(googleUrl.searchParams.get('dates')).to.equal('20261203T060000Z/20261203T080000Z');
      expect(googleUrl.searchParams.get('text')).to.equal('Atelier compost');
      const outlook = [...dialog.querySelectorAll<HTMLAnchorElement>('a')].find((a) => a.textContent!.startsWith('Outlook'))!;
      expect(new URL(outlook.href).searchParams.get('startdt')).to.equal('2026-12-03T06:00:00.000Z');
      await expectAccessible(el);

      const blobs: Blob[] = [];
      const create = URL.createObjectURL;
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        blobs.push(blob as Blob);
        return 'blob:test';
      };
      const click = HTMLAnchorElement.prototype.click;
      let downloaded = '';
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        downloaded = this.download;
      };
      try {
        [...dialog.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('.ics'))!.click();
        await waitUntil(() => downloaded !== '', 'download');
      } finally {
        URL.createObjectURL = create;
        HTMLAnchorElement.prototype.click = click;
      }
      expect(downloaded).to.equal('atelier-compost.ics');
      const parsed = parseIcs(await blobs[0]!.text());
      expect(parsed).to.have.length(1);
      expect(parsed[0]!.summary).to.equal('Atelier compost');
      expect(parsed[0]!.startDate.toJSDate().toISOString()).to.equal('2026-12-03T06:00:00.000Z');

      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(root(el).querySelector('dialog')).to.equal(null);
      expect(root(el).activeElement).to.equal(link);
    });
  });

  it('downloads the filtered list as one .ics', async () => {
    await withNow(now, async () => {
      const { el } = await agenda();
      await settled(el);
      root(el).querySelector<HTMLButtonElement>('.facets [data-key="workshop"]')!.click();
      await el.updateComplete;
      const blobs: Blob[] = [];
      const create = URL.createObjectURL;
      const click = HTMLAnchorElement.prototype.click;
      URL.createObjectURL = (blob: Blob | MediaSource) => (blobs.push(blob as Blob), 'blob:test');
      HTMLAnchorElement.prototype.click = () => undefined;
      try {
        const button = root(el).querySelector<HTMLButtonElement>('[part~="ics"]')!;
        expect(button.textContent).to.equal('Télécharger ces 2 événements (.ics)');
        button.click();
        await waitUntil(() => blobs.length > 0, 'download');
      } finally {
        URL.createObjectURL = create;
        HTMLAnchorElement.prototype.click = click;
      }
      expect(parseIcs(await blobs[0]!.text()).map((entry) => entry.summary)).to.deep.equal(['Atelier compost', 'Atelier vélo']);
    });
  });

  it('preventDefault on cc-select keeps the dialog closed', async () => {
    await withNow(now, async () => {
      const { el } = await agenda();
      await settled(el);
      el.addEventListener('cc-select', (e) => e.preventDefault(), { once: true });
      items(el)[0]!.querySelector<HTMLAnchorElement>('a')!.click();
      await el.updateComplete;
      expect(root(el).querySelector('dialog')).to.equal(null);
    });
  });

  it('writes schema.org JSON-LD for the shown events into the page, and removes it with no-jsonld', async () => {
    await withNow(now, async () => {
      const { el } = await agenda();
      await settled(el);
      const script = el.querySelector('script[type="application/ld+json"]')!;
      expect(script).to.exist;
      const data = JSON.parse(script.textContent!) as { '@type': string; name: string; startDate: string; location: { address: { addressLocality: string } } }[];
      expect(data.map((entry) => entry.name)).to.deep.equal(['Atelier compost', 'Concert maloya', 'Marché de Noël', 'Atelier vélo']);
      expect(data[0]!['@type']).to.equal('Event');
      expect(data[0]!.startDate).to.equal('2026-12-03T06:00:00.000Z');
      expect(data[0]!.location.address.addressLocality).to.equal('Saint-Denis');
      root(el).querySelector<HTMLButtonElement>('.facets [data-key="concert"]')!.click();
      await el.updateComplete;
      expect(JSON.parse(el.querySelector('script[type="application/ld+json"]')!.textContent!)).to.have.length(1);
      el.noJsonld = true;
      await el.updateComplete;
      expect(el.querySelector('script[type="application/ld+json"]')).to.equal(null);
    });
  });

  it('compact mode: the next N events and a link to the whole agenda', async () => {
    await withNow(now, async () => {
      const { el } = await mount({ 'api-base': STUB_BASE, max: '2', 'time-zone': 'Indian/Reunion', 'more-href': 'https://asso.example/agenda' }, { viewerZone: 'Indian/Reunion' });
      await settled(el);
      expect(titles(el)).to.deep.equal(['Atelier compost', 'Concert maloya']);
      expect(root(el).querySelector('.toolbar')).to.equal(null);
      expect(root(el).querySelector<HTMLAnchorElement>('.more a')!.href).to.equal('https://asso.example/agenda');
      expect(statusText(el)).to.equal('2 événements');
      await expectAccessible(el);
    });
  });

  it('hides what already ended in the list, and shows it with the past-events toggle', async () => {
    await withNow('2026-12-12T00:00:00Z', async () => {
      const { el } = await agenda();
      await settled(el);
      expect(titles(el)).to.deep.equal(['Marché de Noël', 'Atelier vélo']);
      const toggle = root(el).querySelector<HTMLInputElement>('.toggle input')!;
      expect(toggle.closest('label')!.textContent!.trim()).to.equal('Afficher les événements passés');
      toggle.click();
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Atelier compost', 'Concert maloya', 'Marché de Noël', 'Atelier vélo']);
    });
  });

  it('sync-url: the view, the month and the filters follow the address and the back button', async () => {
    const start = location.href;
    try {
      await withNow(now, async () => {
        const { el } = await agenda({ id: 'agenda', 'sync-url': true });
        await settled(el);
        root(el).querySelectorAll<HTMLButtonElement>('.views button')[1]!.click();
        await settled(el);
        expect(new URL(location.href).searchParams.get('agenda.view')).to.equal('month');
        root(el).querySelectorAll<HTMLButtonElement>('.nav button')[2]!.click();
        await settled(el);
        expect(new URL(location.href).searchParams.get('agenda.day')).to.equal('2027-01-01');
        history.back();
        await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
        await el.updateComplete;
        expect(root(el).querySelector('[part~="title"]')!.textContent).to.equal('décembre 2026');
        fixtureCleanup();
        const { el: again } = await agenda({ id: 'agenda', 'sync-url': true });
        await settled(again);
        expect(root(again).querySelector('[role="grid"]')).to.exist;
      });
    } finally {
      history.replaceState(null, '', start);
    }
  });

  it('the text chip clears the text only; other filters stay (one behaviour with the directory)', async () => {
    await withNow(now, async () => {
      const { el } = await agenda();
      await settled(el);
      root(el).querySelector<HTMLButtonElement>('.facets [data-key="workshop"]')!.click();
      const input = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
      expect(input.placeholder).to.equal('Titre, lieu, organisateur, mot-clé…');
      input.value = 'vélo';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Atelier vélo']);
      const chips = [...root(el).querySelectorAll<HTMLButtonElement>('[part~="active-filters"] .chip')];
      expect(chips.map((chip) => chip.getAttribute('aria-label'))).to.deep.equal(['Retirer le filtre \u2068« vélo »\u2069', 'Retirer le filtre \u2068Atelier\u2069']);
      chips[0]!.click();
      await el.updateComplete;
      expect(input.value).to.equal('');
      expect(titles(el)).to.deep.equal(['Atelier compost', 'Atelier vélo']);
      expect(root(el).querySelector('.facets [data-key="workshop"]')!.getAttribute('aria-pressed')).to.equal('true');
    });
  });

  it('sync-url: the list page is in the address, and comes back with it', async () => {
    const many = Object.fromEntries(
      Array.from({ length: 30 }, (_, index) => {
        const day = String(2 + (index % 25)).padStart(2, '0');
        return [`m${index}`, event(`m${index}`, { name: `Atelier ${String(index).padStart(2, '0')}`, startDate: `2026-12-${day}T06:00:00+0000`, endDate: `2026-12-${day}T07:00:00+0000` })];
      }),
    );
    stub.restore();
    stub = stubEvents(many);
    const start = location.href;
    try {
      await withNow(now, async () => {
        const { el } = await agenda({ id: 'pages', 'sync-url': true });
        await settled(el);
        expect(items(el)).to.have.length(25);
        [...root(el).querySelectorAll<HTMLButtonElement>('[part~="pager"] button')].at(-1)!.click();
        await el.updateComplete;
        expect(new URL(location.href).searchParams.get('pages.page')).to.equal('2');
        expect(items(el)).to.have.length(5);
        // The visitor lands on the status line, which says the page, not at the bottom of page 2.
        await el.updateComplete;
        expect(root(el).activeElement).to.equal(root(el).querySelector('[part~="status"]'));
        expect(statusText(el)).to.match(/ — Page 2 sur 2$/);
        fixtureCleanup();
        const { el: again } = await agenda({ id: 'pages', 'sync-url': true });
        await settled(again);
        expect(root(again).querySelector('[part~="pager"] .page-of')!.textContent).to.equal('Page 2 sur 2');
        expect(items(again)).to.have.length(5);
      });
    } finally {
      history.replaceState(null, '', start);
    }
  });

  it('speaks English when the page does', async () => {
    await withNow(now, async () => {
      const { el } = await agenda({}, { lang: 'en' });
      await settled(el);
      expect(statusText(el)).to.equal('4 events');
      expect(root(el).querySelector('[part~="day"]')!.textContent).to.equal('Thursday, 3 December 2026');
      expect(root(el).querySelector<HTMLButtonElement>('.facets [data-key="concert"]')!.textContent!.trim()).to.match(/^Concert/);
    });
  });

  it('a programmatic change of view or period fires no user event', async () => {
    await withNow(now, async () => {
      const { el, events } = await agenda();
      await settled(el);
      el.view = 'month';
      el.from = '2027-01-01';
      await settled(el);
      expect(events.filter((e) => ['cc-view-change', 'cc-filter-change', 'cc-select'].includes(e.type))).to.have.length(0);
      expect(root(el).querySelector('[part~="title"]')!.textContent).to.equal('janvier 2027');
    });
  });

  it('never has more than 1,400 DOM nodes with 2,000 events, in the list and the month', async () => {
    stub.restore();
    const many: Record<string, unknown> = {};
    for (let i = 0; i < 2000; i++) {
      const day = 1 + (i % 31);
      many[`e${i}`] = event(`e${i}`, { name: `Événement numéro ${i}`, typeEvent: i % 2 ? 'workshop' : 'concert', tags: [`t${i % 17}`], startDate: `2026-12-${String(day).padStart(2, '0')}T${String(6 + (i % 10)).padStart(2, '0')}:00:00+0000`, timeZone: 'Indian/Reunion' });
    }
    stub = stubEvents(many);
    await withNow(now, async () => {
      const count = (node: Node) => {
        let n = 0;
        const walker = document.createTreeWalker(node, NodeFilter.SHOW_ALL);
        while (walker.nextNode()) n++;
        return n;
      };
      const { el } = await agenda();
      await settled(el);
      expect(statusText(el)).to.match(/^2\s000 événements$/u);
      expect(count(root(el))).to.be.at.most(1400);
      el.view = 'month';
      await el.updateComplete;
      expect(root(el).querySelectorAll('[role="gridcell"]')).to.have.length(42);
      expect(count(root(el))).to.be.at.most(1400);
    });
  });

  it('reflows at 320 px and keeps its layout in a page with hostile CSS', async () => {
    const style = document.createElement('style');
    style.textContent = '*{box-sizing:content-box} img{max-width:100%} html{font-size:10px} body{line-height:3;color:#fff}';
    document.head.append(style);
    try {
      await withNow(now, async () => {
        const { el } = await agenda({}, { width: '320px' });
        await settled(el);
        const base = root(el).querySelector<HTMLElement>('[part~="base"]')!;
        expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
        const title = root(el).querySelector<HTMLElement>('[part~="item-title"]')!;
        expect(getComputedStyle(title).color).to.not.equal('rgb(255, 255, 255)');
        expect(parseFloat(getComputedStyle(base).fontSize)).to.equal(16);
        for (const target of root(el).querySelectorAll<HTMLElement>('button')) {
          const box = target.getBoundingClientRect();
          if (box.width > 0) expect(Math.min(box.width, box.height), target.textContent ?? '').to.be.at.least(24);
        }
      });
    } finally {
      style.remove();
    }
  });

  it('keyboard walk-through of the list: toolbar, filters, events, then the .ics button', async () => {
    await withNow(now, async () => {
      const { el } = await agenda();
      await settled(el);
      root(el).querySelector<HTMLButtonElement>('.nav button')!.focus();
      const seen: string[] = [];
      for (let i = 0; i < 40; i++) {
        const active = root(el).activeElement as HTMLElement | null;
        if (!active) break;
        seen.push(active.tagName === 'A' ? `a:${active.textContent}` : active.tagName === 'BUTTON' ? `button:${(active.getAttribute('aria-label') ?? active.textContent ?? '').trim()}` : active.tagName.toLowerCase());
        await sendKeys({ press: 'Tab' });
      }
      expect(seen[0]).to.equal('button:Période précédente');
      expect(seen).to.include('input');
      expect(seen).to.include('a:Atelier compost');
      expect(seen.indexOf('a:Atelier compost')).to.be.greaterThan(seen.indexOf('input'));
      expect(seen.some((entry) => entry.startsWith('button:Télécharger'))).to.equal(true);
    });
  });
});

describe('<cc-agenda> against the sandbox', () => {
  beforeEach(() => resetClientState());
  afterEach(() => fixtureCleanup());

  it('loads the events of a commune, with loading and loaded states accessible', async () => {
    const { el } = await mount({ 'api-base': sandboxUrl(), insee: '97411', from: '2026-12-01', to: '2026-12-31', 'time-zone': 'Indian/Reunion', 'no-jsonld': true });
    await el.updateComplete;
    expect(root(el).querySelector('.results')!.getAttribute('aria-busy')).to.equal('true');
    expect(statusText(el)).to.equal('Chargement…');
    await expectAccessible(el);
    const load = await settled(el);
    expect(load.detail.count).to.be.greaterThan(0);
    expect(items(el).length).to.be.greaterThan(0);
    await expectAccessible(el);
  });

  it('expands the 2026 agenda rows (no dates, seven-slot openingHours, PHP DateTime sort key) like any weekly event', async () => {
    // Past occurrences are hidden in the list: the clock is set before the first one, whatever the day the tests run.
    await withNow('2026-12-01T05:00:00Z', async () => {
      // "Apéro des voisins" (97406) is stored as the 2026 agenda answers it: no startDate/endDate,
      // ["", "", {dayOfWeek: "We", hours: [18:00–21:00]}, "", "", "", ""], recurrency: true.
      const { el } = await mount({ 'api-base': sandboxUrl(), insee: '97406', from: '2026-12-01', to: '2026-12-31', 'time-zone': 'Indian/Reunion', 'no-jsonld': true }, { viewerZone: 'Indian/Reunion' });
      await settled(el);
      const apero = () =>
        items(el)
          .filter((item) => item.querySelector('[part~="item-title"]')!.textContent === 'Apéro des voisins')
          .map((item) => `${item.closest('.day-group')!.querySelector('[part~="day"]')!.textContent} ${item.querySelector('[part~="item-time"]')!.textContent}`);
      const seen: string[] = [];
      for (;;) {
        seen.push(...apero());
        const next = [...root(el).querySelectorAll<HTMLButtonElement>('[part~="pager"] button')].at(-1);
        if (!next || next.getAttribute('aria-disabled') === 'true') break;
        next.click();
        await el.updateComplete;
      }
      expect(seen).to.deep.equal(
        ['mercredi 2 décembre 2026', 'mercredi 9 décembre 2026', 'mercredi 16 décembre 2026', 'mercredi 23 décembre 2026', 'mercredi 30 décembre 2026'].map(
          (day) => `${day} 18:00 · chaque semaine`,
        ),
      );
    });
  });

  it('loads one organisation’s events from its slug', async () => {
    const probe = await fetch(`${sandboxUrl()}/co2/search/globalautocomplete`, {
      method: 'POST',
      body: new URLSearchParams({ 'searchType[]': 'events', indexStep: '50', startDate: String(Date.UTC(2026, 11, 1) / 1000) }),
    });
    const results = Object.values(((await probe.json()) as { results: Record<string, { organizerObj?: { slug?: string; type?: string } }> }).results);
    const slug = results.map((record) => record.organizerObj).find((organizer) => organizer?.slug && organizer.type === 'organizations')!.slug!;
    const { el } = await mount({ 'api-base': sandboxUrl(), organization: slug, from: '2026-09-01', to: '2027-08-31', 'time-zone': 'Indian/Reunion' });
    const load = await settled(el);
    expect(load.detail.total).to.be.greaterThan(0);
  });

  it('organisation mode: the status counts what the list shows (undated events too), with plural rules', async () => {
    const map: Record<string, unknown> = { d1: event('d1', { name: 'Seul daté', startDate: '2026-12-05T10:00:00+0000', endDate: '2026-12-05T12:00:00+0000' }) };
    for (let i = 0; i < 8; i++) map[`u${i}`] = event(`u${i}`, { name: `Sans date ${i}`, startDate: 'foo' });
    const original = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.startsWith(STUB_BASE)) return new Response(JSON.stringify(map), { headers: { 'Content-Type': 'application/json' } });
      return original.call(window, input, init);
    };
    try {
      await withNow('2026-12-01T08:00:00Z', async () => {
        const { el } = await mount({ 'api-base': STUB_BASE, organization: '0123456789abcdef01234567', from: '2026-12-01', to: '2026-12-31', 'time-zone': 'UTC' }, { viewerZone: 'UTC' });
        await settled(el);
        expect(items(el)).to.have.length(9);
        expect(statusText(el)).to.equal('9 événements');
        // Only the dated one can go into a calendar file, and the button says so in the singular.
        expect(root(el).querySelector('[part~="ics"]')!.textContent!.trim()).to.equal('Télécharger cet événement (.ics)');
      });
    } finally {
      window.fetch = original;
    }
  });

  it('shows an alert with a retry button when the server fails, and an empty state when nothing is on', async () => {
    const { base } = faultBase('500');
    const { el } = await mount({ 'api-base': base, insee: '97411' });
    const failure = await settled(el, 'cc-error');
    expect(failure.detail.error.kind).to.equal('http');
    expect(root(el).querySelector('[role="alert"] button')!.textContent).to.equal('Réessayer');
    await expectAccessible(el);
    fixtureCleanup();
    const { el: empty } = await mount({ 'api-base': sandboxUrl(), 'source-key': 'no-such-network', from: '2026-12-01', to: '2026-12-31' });
    await settled(empty);
    expect(root(empty).querySelector('[part~="empty"]')!.textContent).to.include('Aucun événement sur cette période');
    await expectAccessible(empty);
  });

  it('renders the sandbox’s hostile events without running anything (rows 1–36 through the element)', async () => {
    const calls: string[] = [];
    const saved = { alert: window.alert, ccCanary: window.ccCanary };
    window.alert = (message?: unknown) => void calls.push(String(message));
    window.ccCanary = (label: string) => void calls.push(label);
    try {
      const { el } = await mount({ 'api-base': sandboxUrl(), 'source-key': 'hostile', from: '2020-01-01', to: '2030-12-31', 'time-zone': 'Indian/Reunion' });
      await settled(el);
      const shown = root(el).textContent ?? '';
      expect(shown).not.to.include('Invalid Date');
      expect(shown).not.to.include('NaN');
      for (const element of root(el).querySelectorAll('*')) {
        for (const attribute of element.getAttributeNames()) expect(attribute).not.to.match(/^on/i);
        const href = element.getAttribute('href');
        if (href !== null) expect(href).to.match(/^(https?:|mailto:|tel:)/);
      }
      const script = el.querySelector('script[type="application/ld+json"]');
      if (script) expect(script.textContent).not.to.include('<');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(calls).to.deep.equal([]);
    } finally {
      window.alert = saved.alert;
      window.ccCanary = saved.ccCanary;
    }
  });
});

describe('iCalendar export', () => {
  const context = { base: STUB_BASE };
  function occurrences(records: Record<string, unknown>[]) {
    const events = records.map((record) => normalizeElement(record, context) as CivicEvent);
    return occurrencesInWindow(events, { start: new Date('2026-12-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') }, 'Indian/Reunion');
  }

  it('escapes TEXT values and folds lines at 75 octets without splitting characters', () => {
    expect(escapeIcsText('a,b;c\\d\ne\r\nf')).to.equal('a\\,b\\;c\\\\d\\ne\\nf');
    const folded = foldIcsLine(`SUMMARY:${'é'.repeat(60)}`);
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
    expect(folded.split('\r\n').slice(1).every((line) => line.startsWith(' '))).to.equal(true);
    expect(folded.replace(/\r\n /g, '')).to.equal(`SUMMARY:${'é'.repeat(60)}`);
  });

  it('writes RFC 5545 that a real parser reads back: UTC times, DATE all-day, stable UIDs, CRLF', () => {
    const items = occurrences([
      event('5c0f1e2d3c4b5a6978877665', {
        name: 'Repair café; bricolage, réparation\\ "fête"',
        shortDescription: 'Ligne 1\nLigne 2',
        startDate: '2026-12-15T14:00:00+0000',
        endDate: '2026-12-15T16:00:00+0000',
        timeZone: 'Indian/Reunion',
        slug: 'repairCafe',
        tags: ['réemploi', 'vélo'],
      }),
      event('allday1', { name: 'Marché', allDay: true, startDate: '2026-12-19T20:00:00+0000', endDate: '2026-12-20T19:59:00+0000', timeZone: 'Indian/Reunion' }),
      event('weekly1', { name: 'Permanence', startDateSort: '2026-12-01T00:00:00+0000', openingHours: [{ dayOfWeek: 'Mo', hours: [{ opens: '09:00', closes: '10:00' }] }], timeZone: 'Indian/Reunion' }),
    ]);
    const ics = buildIcs(items, { now: new Date('2026-11-30T10:00:00Z'), urlOf: (item) => `https://www.communecter.org/#@${item.slug ?? item.id}` });
    expect(ics.endsWith('\r\n')).to.equal(true);
    expect(ics.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    const parsed = parseIcs(ics);
    const repair = parsed.find((entry) => entry.uid === '5c0f1e2d3c4b5a6978877665@communecter-widgets')!;
    expect(repair.summary).to.equal('Repair café; bricolage, réparation\\ "fête"');
    // The short description is one line (newlines folded by the normaliser); parts are separated by blank lines.
    expect(repair.description).to.equal('Ligne 1 Ligne 2\n\nhttps://www.communecter.org/#@repairCafe');
    expect(repair.startDate.toJSDate().toISOString()).to.equal('2026-12-15T14:00:00.000Z');
    expect(repair.endDate.toJSDate().toISOString()).to.equal('2026-12-15T16:00:00.000Z');
    expect(repair.location).to.equal('97400 Saint-Denis');
    expect(String(repair.component.getFirstPropertyValue('dtstamp'))).to.equal('2026-11-30T10:00:00Z');
    const market = parsed.find((entry) => entry.summary === 'Marché')!;
    expect(market.startDate.isDate).to.equal(true);
    expect(market.startDate.toString()).to.equal('2026-12-20');
    expect(market.endDate.toString()).to.equal('2026-12-21');
    const weekly = parsed.filter((entry) => entry.summary === 'Permanence');
    // One VEVENT with an RRULE (agenda-export.test.ts expands it).
    expect(weekly.length).to.equal(1);
    expect(weekly[0]!.startDate.toJSDate().toISOString()).to.equal('2026-12-07T05:00:00.000Z');
  });

  it('builds JSON-LD that cannot close its script element', () => {
    const json = scriptSafeJson({ name: '</script><script>ccCanary(1)</script>', line: '\u2028' });
    expect(json).not.to.include('<');
    expect(json).not.to.include('\u2028');
    expect(JSON.parse(json).name).to.equal('</script><script>ccCanary(1)</script>');
  });
});
