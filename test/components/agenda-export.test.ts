/**
 * The agenda's calendar export: weekly events as one VEVENT with an RRULE (read back and expanded by
 * ical.js, a real iCalendar parser, across daylight-saving changes), the calendar's name, the web
 * calendars' links, and the detail's start and end. Times are pinned as in cc-agenda.test.ts.
 */
import { expect, fixtureCleanup, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import { normalizeElement, resetClientState, type CivicEvent } from '../../src/api/index.js';
import '../../src/components/cc-agenda/cc-agenda.define.js';
import type { CcAgenda } from '../../src/components/cc-agenda/cc-agenda.js';
import { buildIcs, calendarName, googleCalendarUrl, outlookCalendarUrl } from '../../src/components/cc-agenda/agenda-export.js';
import { dayLabel, periodTitle, spanLabel } from '../../src/components/cc-agenda/agenda-format.js';
import { occurrencesInWindow, windowOf, type Occurrence, type Window } from '../../src/components/cc-agenda/agenda-model.js';
import { en } from '../../src/shared/i18n/en.js';
import { fr } from '../../src/shared/i18n/fr.js';
import { eventRecord, recordEvents, settled, withNow } from '../helpers.js';

const STUB_BASE = 'https://stub.agenda-export.test';
const NOW = new Date('2026-09-30T10:00:00Z');
const urlOf = (event: CivicEvent) => `https://www.communecter.org/#@${event.slug ?? event.id}`;

const record = eventRecord;

function weekly(id: string, slots: Record<string, [string, string][]>, zone: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const openingHours = Object.entries(slots).map(([dayOfWeek, hours]) => ({ dayOfWeek, hours: hours.map(([opens, closes]) => ({ opens, closes })) }));
  return record(id, { name: `Permanence ${id}`, openingHours, timeZone: zone, ...fields });
}

function toEvent(fields: Record<string, unknown>): CivicEvent {
  return normalizeElement(fields, { base: STUB_BASE }) as CivicEvent;
}

/** The agenda's occurrences over the days `first`…`last` of `zone`. */
function shown(records: Record<string, unknown>[], first: string, last: string, zone: string): { items: Occurrence[]; window: Window } {
  const window = windowOf({ first, last }, zone);
  return { items: occurrencesInWindow(records.map(toEvent), window, zone), window };
}

function parse(text: string): { calendar: ICAL.Component; events: ICAL.Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)) };
}

/** Every occurrence ical.js expands from `event` (its RRULE has an UNTIL), as "start/end" in UTC. */
function expand(event: ICAL.Event): string[] {
  const out: string[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next; next = iterator.next()) {
    const details = event.getOccurrenceDetails(next);
    out.push(`${details.startDate.toJSDate().toISOString()}/${details.endDate.toJSDate().toISOString()}`);
    if (out.length > 1000) throw new Error('unbounded series');
  }
  return out;
}


const spans = (items: readonly Occurrence[]) => items.map((item) => `${item.start.toISOString()}/${item.end.toISOString()}`);
const rrule = (event: ICAL.Event) => String(event.component.getFirstPropertyValue('rrule'));
const flat = (text: string) => text.replace(/\s/g, ' ');

describe('agenda export: weekly events as one VEVENT with an RRULE', () => {
  it('Europe/Paris across the October change: one VEVENT whose expansion is exactly what the agenda shows, at the right instants', () => {
    const { items, window } = shown([weekly('paris', { Mo: [['10:00', '11:30']] }, 'Europe/Paris')], '2026-10-01', '2026-11-30', 'Europe/Paris');
    expect(items.length).to.equal(9);
    const ics = buildIcs(items, { now: NOW, urlOf, until: window.end });
    const { calendar, events } = parse(ics);
    expect(events).to.have.length(1);
    const event = events[0]!;
    expect(event.uid).to.equal('paris-10001130@communecter-widgets');
    expect(event.isRecurring()).to.equal(true);
    expect(ics).to.include('\r\nDTSTART;TZID=Europe/Paris:20261005T100000\r\n');
    expect(ics).to.include('\r\nDTEND;TZID=Europe/Paris:20261005T113000\r\n');
    // The end of the period (30 November, midnight in Paris, exclusive), in UTC as RFC 5545 requires.
    expect(rrule(event)).to.equal('FREQ=WEEKLY;BYDAY=MO;UNTIL=20261130T225959Z');
    expect(calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'))).to.deep.equal(['Europe/Paris']);
    const expanded = expand(event);
    expect(expanded).to.deep.equal(spans(items));
    // 10:00 in Paris: 08:00 UTC in summer time, 09:00 UTC after 25 October.
    expect(expanded.slice(2, 5)).to.deep.equal(['2026-10-19T08:00:00.000Z/2026-10-19T09:30:00.000Z', '2026-10-26T09:00:00.000Z/2026-10-26T10:30:00.000Z', '2026-11-02T09:00:00.000Z/2026-11-02T10:30:00.000Z']);
  });

  it('Indian/Reunion (no daylight saving): the same, at +04:00', () => {
    const { items, window } = shown([weekly('run', { We: [['09:00', '12:00']] }, 'Indian/Reunion')], '2026-12-01', '2026-12-31', 'Indian/Reunion');
    const { events } = parse(buildIcs(items, { now: NOW, urlOf, until: window.end }));
    expect(events).to.have.length(1);
    expect(rrule(events[0]!)).to.equal('FREQ=WEEKLY;BYDAY=WE;UNTIL=20261231T195959Z');
    const expanded = expand(events[0]!);
    expect(expanded).to.deep.equal(spans(items));
    expect(expanded).to.deep.equal(['02', '09', '16', '23', '30'].map((day) => `2026-12-${day}T05:00:00.000Z/2026-12-${day}T08:00:00.000Z`));
  });

  it('several slots: days with the same hours share a rule, other hours get their own VEVENT (late March change)', () => {
    const { items, window } = shown([weekly('multi', { Mo: [['09:00', '12:00']], We: [['09:00', '12:00']], Fr: [['14:00', '17:00']] }, 'Europe/Paris')], '2027-03-15', '2027-04-11', 'Europe/Paris');
    const { events } = parse(buildIcs(items, { now: NOW, urlOf, until: window.end }));
    expect(events).to.have.length(2);
    expect(new Set(events.map((event) => event.uid)).size).to.equal(2);
    expect(events.map(rrule)).to.deep.equal(['FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270411T215959Z', 'FREQ=WEEKLY;BYDAY=FR;UNTIL=20270411T215959Z']);
    const expanded = events.flatMap(expand).sort();
    expect(expanded).to.deep.equal(spans(items).sort());
    // Friday 26 March is still winter time (14:00 = 13:00 UTC); Monday 29 March is summer time (09:00 = 07:00 UTC).
    expect(expanded).to.include('2027-03-26T13:00:00.000Z/2027-03-26T16:00:00.000Z');
    expect(expanded).to.include('2027-03-29T07:00:00.000Z/2027-03-29T10:00:00.000Z');
  });

  it('an event with an end of validity stops there (UNTIL at the end of its last day), whatever the period', () => {
    const permanence = weekly('valid', { Tu: [['18:00', '20:00']] }, 'Europe/Paris', { startDate: '2026-10-01T00:00:00+0200', endDate: '2026-11-10T20:00:00+0100' });
    const { items, window } = shown([permanence], '2026-10-01', '2026-12-31', 'Europe/Paris');
    expect(items.map((item) => item.firstDay).at(-1)).to.equal('2026-11-10');
    const { events } = parse(buildIcs(items, { now: NOW, urlOf, until: window.end }));
    expect(rrule(events[0]!)).to.equal('FREQ=WEEKLY;BYDAY=TU;UNTIL=20261110T225959Z');
    expect(expand(events[0]!)).to.deep.equal(spans(items));
    // A shorter period still gets the series up to the end of validity.
    const october = shown([permanence], '2026-10-01', '2026-10-31', 'Europe/Paris');
    const { events: short } = parse(buildIcs(october.items, { now: NOW, urlOf, until: october.window.end }));
    expect(expand(short[0]!)).to.deep.equal(spans(items));
  });

  it('the whole list collapses each weekly event into its VEVENT and keeps one-off events as they were', () => {
    const { items, window } = shown(
      [
        weekly('w', { Mo: [['10:00', '11:00']] }, 'Indian/Reunion'),
        record('once', { name: 'Concert', startDate: '2026-12-10T15:00:00+0000', endDate: '2026-12-10T18:00:00+0000', timeZone: 'Indian/Reunion' }),
      ],
      '2026-12-01',
      '2026-12-31',
      'Indian/Reunion',
    );
    expect(items.length).to.equal(5);
    const ics = buildIcs(items, { now: NOW, urlOf, until: window.end });
    const { events } = parse(ics);
    expect(events.map((event) => event.uid)).to.deep.equal(['w-10001100@communecter-widgets', 'once@communecter-widgets']);
    expect(ics).to.include('\r\nDTSTART:20261210T150000Z\r\n');
    expect(events[1]!.isRecurring()).to.equal(false);
  });
});

describe('agenda export: the calendar name', () => {
  const scope = { organization: '', sourceKey: '', city: '', postalCode: '', insee: '', zone: '', country: '' };
  const events = [
    toEvent(record('a', { organizerObj: { name: 'Ti Jardin', slug: 'tiJardin', type: 'organizations' }, address: { addressLocality: 'Saint-Denis', postalCode: '97400', level4Name: 'La Réunion' } })),
    toEvent(record('b', { address: { addressLocality: 'Saint-Paul', postalCode: '97460', level4Name: 'La Réunion' } })),
  ];

  it('names one organisation’s agenda after it, a place’s after the narrowest place its events share, a network’s after its keys', () => {
    expect(calendarName('Agenda', { ...scope, organization: 'tijardin' }, events)).to.equal('Ti Jardin');
    expect(calendarName('Agenda', { ...scope, organization: 'unknown' }, events)).to.equal('Agenda');
    expect(calendarName('Agenda', { ...scope, insee: '97411' }, events.slice(0, 1))).to.equal('Agenda — Saint-Denis');
    expect(calendarName('Agenda', { ...scope, postalCode: '974' }, events)).to.equal('Agenda — La Réunion');
    expect(calendarName('Agenda', { ...scope, sourceKey: 'tiersLieux, reseauCompost' }, events)).to.equal('Agenda — tiersLieux, reseauCompost');
    expect(calendarName('Agenda', scope, events)).to.equal('Agenda');
  });
});

describe('agenda export: web calendars', () => {
  it('Google gets the weekly rule (recur) in the event’s zone; a one-off event gets none', () => {
    const { items, window } = shown([weekly('g', { Mo: [['10:00', '11:00']], Th: [['10:00', '11:00']] }, 'Europe/Paris'), record('once', { startDate: '2026-10-08T08:00:00+0000' })], '2026-10-01', '2026-10-31', 'Europe/Paris');
    const recurring = new URL(googleCalendarUrl(items.find((item) => item.recurring)!, 'd', window.end));
    expect(recurring.searchParams.get('recur')).to.equal('RRULE:FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20261031T225959Z');
    expect(recurring.searchParams.get('ctz')).to.equal('Europe/Paris');
    expect(recurring.searchParams.get('dates')).to.equal('20261001T080000Z/20261001T090000Z');
    const once = new URL(googleCalendarUrl(items.find((item) => !item.recurring)!, 'd', window.end));
    expect(once.searchParams.has('recur')).to.equal(false);
    // Outlook's compose link takes no recurrence: the occurrence itself.
    expect(new URL(outlookCalendarUrl(items.find((item) => item.recurring)!, 'd')).searchParams.get('startdt')).to.equal('2026-10-01T08:00:00.000Z');
  });
});

describe('agenda dates: "1er" and start–end', () => {
  const context = { t: fr, viewerZone: 'Indian/Reunion' };
  const one = (fields: Record<string, unknown>) => occurrencesInWindow([toEvent(record('x', { timeZone: 'Indian/Reunion', ...fields }))], { start: new Date('2026-11-01T00:00:00Z'), end: new Date('2027-01-31T00:00:00Z') }, 'Indian/Reunion')[0]!;

  it('writes the first of the month "1er" in French (Intl says "1"), not in English', () => {
    expect(dayLabel(fr, '2026-12-01')).to.equal('mardi 1er décembre 2026');
    expect(dayLabel(fr, '2026-12-11')).to.equal('vendredi 11 décembre 2026');
    expect(dayLabel(en, '2026-12-01')).to.equal('Tuesday, 1 December 2026');
    expect(periodTitle(fr, 'list', '2026-12-01', { first: '2026-12-01', last: '2026-12-31' })).to.equal('du 1er décembre 2026 au 31 décembre 2026');
  });

  it('shows start and end: same day, several days, all day, another zone', () => {
    expect(flat(spanLabel(context, one({ startDate: '2026-12-03T05:00:00+0000', endDate: '2026-12-03T08:00:00+0000' })))).to.equal('jeudi 3 décembre 2026 · 09:00 – 12:00');
    expect(flat(spanLabel(context, one({ allDay: true, startDate: '2026-12-19T20:00:00+0000', endDate: '2026-12-22T19:59:00+0000' })))).to.equal('du 20 au 22 déc. 2026');
    expect(flat(spanLabel(context, one({ allDay: true, startDate: '2026-11-29T20:00:00+0000', endDate: '2026-12-01T19:59:00+0000' })))).to.equal('du 30 nov. au 1er déc. 2026');
    expect(flat(spanLabel(context, one({ startDate: '2026-12-20T05:00:00+0000', endDate: '2026-12-22T14:00:00+0000' })))).to.equal('du 20 déc. 2026, 09:00 au 22 déc. 2026, 18:00');
    expect(flat(spanLabel({ ...context, viewerZone: 'Europe/Paris' }, one({ startDate: '2026-12-03T05:00:00+0000', endDate: '2026-12-03T08:00:00+0000' })))).to.equal('jeudi 3 décembre 2026 · 09:00 – 12:00, heure de La Réunion');
  });
});

describe('<cc-agenda> export', () => {
  let restore: () => void = () => undefined;
  beforeEach(() => resetClientState());
  afterEach(() => {
    restore();
    fixtureCleanup();
  });

  function serve(results: Record<string, unknown>): void {
    const original = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.startsWith(STUB_BASE)) return new Response(JSON.stringify({ results }), { headers: { 'Content-Type': 'application/json' } });
      return original.call(window, input, init);
    };
    restore = () => void (window.fetch = original);
  }

  async function mount(attributes: Record<string, string>): Promise<CcAgenda> {
    const el = document.createElement('cc-agenda') as CcAgenda;
    el.viewerZone = 'Indian/Reunion';
    for (const [name, value] of Object.entries({ 'api-base': STUB_BASE, 'time-zone': 'Indian/Reunion', ...attributes })) el.setAttribute(name, value);
    recordEvents(el);
    fixtureSync<HTMLDivElement>(html`<div lang="fr" style="width:960px"></div>`).append(el);
    await settled(el);
    return el;
  }

  /** Clicks `button` and returns the file it downloads. */
  async function download(button: HTMLElement): Promise<{ name: string; text: string }> {
    const blobs: Blob[] = [];
    let name = '';
    const create = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob | MediaSource) => (blobs.push(blob as Blob), 'blob:test');
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      name = this.download;
    };
    try {
      button.click();
      await waitUntil(() => name !== '', 'download');
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
    return { name, text: await blobs[0]!.text() };
  }

  const root = (el: CcAgenda) => el.shadowRoot!;

  it('the list’s .ics is named after the scope and holds each weekly event once, expanding to the occurrences shown', async () => {
    serve({
      w: weekly('w', { We: [['09:00', '12:00']] }, 'Indian/Reunion', { address: { addressLocality: 'Saint-Denis', codeInsee: '97411' } }),
      c: record('c', { name: 'Concert maloya', startDate: '2026-12-10T15:00:00+0000', endDate: '2026-12-10T18:00:00+0000', timeZone: 'Indian/Reunion' }),
    });
    await withNow('2026-12-01T00:00:00Z', async () => {
      const el = await mount({ insee: '97411', from: '2026-12-01', to: '2026-12-31' });
      expect([...root(el).querySelectorAll('[part~="item"]')].filter((item) => item.textContent!.includes('Permanence'))).to.have.length(5);
      const file = await download(root(el).querySelector<HTMLButtonElement>('[part~="ics"]')!);
      expect(file.name).to.equal('agenda-saint-denis.ics');
      const { calendar, events } = parse(file.text);
      expect(calendar.getFirstPropertyValue('x-wr-calname')).to.equal('Agenda — Saint-Denis');
      expect(events.map((event) => event.summary)).to.deep.equal(['Permanence w', 'Concert maloya']);
      expect(expand(events[0]!).map((span) => span.slice(0, 24))).to.deep.equal(['02', '09', '16', '23', '30'].map((day) => `2026-12-${day}T05:00:00.000Z`));
    });
  });

  it('the detail shows start and end; a weekly event’s links and file carry its rule, and Outlook says it adds one date', async () => {
    serve({
      w: weekly('w', { We: [['09:00', '12:00']] }, 'Indian/Reunion'),
      a: record('a', { name: 'Atelier compost', startDate: '2026-12-03T06:00:00+0000', endDate: '2026-12-03T08:00:00+0000', timeZone: 'Indian/Reunion' }),
    });
    await withNow('2026-12-01T00:00:00Z', async () => {
      const el = await mount({ from: '2026-12-01', to: '2026-12-31' });
      const open = async (name: string, index = 0) => {
        [...root(el).querySelectorAll<HTMLAnchorElement>('[part~="item-title"] a')].filter((a) => a.textContent === name)[index]!.click();
        await el.updateComplete;
        return root(el).querySelector('dialog')!;
      };
      let dialog = await open('Atelier compost');
      expect(flat(dialog.querySelector('.when-detail')!.textContent!)).to.equal('jeudi 3 décembre 2026 · 10:00 – 12:00');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;

      dialog = await open('Permanence w', 1);
      expect(flat(dialog.querySelector('.when-detail')!.textContent!)).to.equal('mercredi 9 décembre 2026 · 09:00 – 12:00 · chaque semaine');
      await waitUntil(() => dialog.querySelectorAll('.calendar-links a').length === 2, 'calendar links');
      const [google, outlook] = [...dialog.querySelectorAll<HTMLAnchorElement>('.calendar-links a')];
      expect(new URL(google!.href).searchParams.get('recur')).to.equal('RRULE:FREQ=WEEKLY;BYDAY=WE;UNTIL=20261231T195959Z');
      expect(outlook!.textContent).to.include('Outlook (cette date seulement)');
      expect(new URL(outlook!.href).searchParams.get('startdt')).to.equal('2026-12-09T05:00:00.000Z');
      const file = await download([...dialog.querySelectorAll<HTMLButtonElement>('.calendar-links button')][0]!);
      const { events } = parse(file.text);
      expect(events).to.have.length(1);
      expect(expand(events[0]!).map((span) => span.slice(0, 10))).to.deep.equal(['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23', '2026-12-30']);
    });
  });
});
