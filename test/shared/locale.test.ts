import { expect, fixtureSync, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LocaleController, pickLocale, resolveLocale, toSupportedLocale } from '../../src/shared/i18n/locale-controller.js';
import { fr } from '../../src/shared/i18n/fr.js';
import type { Translation } from '../../src/shared/i18n/types.js';
import { dateTimeFormat, formatDate, timeZoneLongName } from '../../src/lib/format.js';

type ControllerModule = typeof import('../../src/shared/i18n/locale-controller.js');
interface Probe extends LitElement {
  readonly localize: LocaleController;
}

class LocaleProbe extends LitElement {
  readonly localize = new LocaleController(this);
  protected override scheduleUpdate(): void | Promise<unknown> {
    const wait = this.localize.beforeFirstUpdate();
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }
  override render() {
    return html`<span>${this.localize.t.common.retry}</span>`;
  }
}
customElements.define('cc-locale-probe', LocaleProbe);

/**
 * A second, separate instance of the controller module (own table cache, request counter and loaders),
 * so a test sees the English table load from scratch even when another test already loaded it; and a
 * probe element that uses it.
 */
let instances = 0;
async function freshController(): Promise<{ module: ControllerModule; tag: string }> {
  instances++;
  const url = new URL(`../../src/shared/i18n/locale-controller.ts?instance=${instances}`, import.meta.url).href;
  const module = (await import(/* @vite-ignore */ url)) as ControllerModule;
  const tag = `cc-locale-probe-${instances}`;
  customElements.define(
    tag,
    class extends LitElement {
      readonly localize = new module.LocaleController(this);
      // As every element does: the first render waits for the page's language table.
      protected override scheduleUpdate(): void | Promise<unknown> {
        const wait = this.localize.beforeFirstUpdate();
        return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
      }
      override render() {
        return html`<span>${this.localize.t.common.retry}</span>`;
      }
    },
  );
  return { module, tag };
}

function mountIn(lang: string | null, tag: string): Probe {
  const wrapper = fixtureSync<HTMLDivElement>(html`<div></div>`);
  if (lang !== null) wrapper.setAttribute('lang', lang);
  const probe = document.createElement(tag) as Probe;
  wrapper.append(probe);
  return probe;
}

const text = (probe: Probe) => probe.shadowRoot?.textContent ?? '';
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const englishTableRequests = () => performance.getEntriesByType('resource').filter((entry) => /\/i18n\/en\.[jt]s/.test(entry.name));

/** A loader the test resolves or rejects when it wants. */
function controllable(): { loader: () => Promise<Translation>; resolve: () => Promise<void>; reject: () => void } {
  let settle!: (ok: boolean) => void;
  const gate = new Promise<boolean>((resolve) => (settle = resolve));
  return {
    loader: async () => {
      if (!(await gate)) throw new Error('offline');
      return (await import('../../src/shared/i18n/en.js')).en;
    },
    resolve: async () => {
      settle(true);
      await gate;
    },
    reject: () => settle(false),
  };
}

describe('locale controller', () => {
  // First in this file on purpose: no test before it has loaded the English table into this page.
  it('a French page never requests the English table', async () => {
    const { module, tag } = await freshController();
    const probes = [mountIn('fr', tag), mountIn(null, tag), mountIn('de', tag), mountIn('fr-CA', tag)];
    await Promise.all(probes.map((probe) => probe.updateComplete));
    await tick();
    expect(probes.map(text)).to.deep.equal(['Réessayer', 'Réessayer', 'Réessayer', 'Réessayer']);
    expect(probes.every((probe) => probe.localize.ready)).to.equal(true);
    expect(module.localeTestHooks.requests.en).to.equal(0);
    expect(englishTableRequests(), 'no request for the English table in this page').to.deep.equal([]);
  });

  it('an English page gets English text once its table has loaded, fetched once for every element', async () => {
    const { module, tag } = await freshController();
    // The module's own loader (a dynamic import of the chunk), held until the test has looked meanwhile.
    const realLoader = module.localeTestHooks.loaders.en;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    module.localeTestHooks.loaders.en = () => held.then(realLoader);
    const probe = mountIn('en-GB', tag);
    expect(probe.localize.locale).to.equal('en');
    expect(probe.localize.ready, 'the table is not there yet').to.equal(false);
    await tick();
    expect(text(probe), 'nothing rendered in the wrong language meanwhile').to.equal('');
    release();
    await probe.updateComplete;
    expect(probe.localize.ready).to.equal(true);
    expect(text(probe)).to.equal('Try again');

    const second = mountIn('en', tag);
    expect(second.localize.ready, 'a later element has it at once').to.equal(true);
    await second.updateComplete;
    expect(text(second)).to.equal('Try again');
    expect(module.localeTestHooks.requests.en).to.equal(1);
    expect(englishTableRequests().length).to.be.greaterThan(0);
  });

  it('reads the closest [lang], across shadow roots', async () => {
    const wrapper = fixtureSync<HTMLDivElement>(html`<div lang="en-GB"><cc-locale-probe></cc-locale-probe></div>`);
    const probe = wrapper.querySelector('cc-locale-probe') as LocaleProbe;
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Try again');

    const host = fixtureSync<HTMLDivElement>(html`<div lang="en"></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    root.append(inner);
    expect(resolveLocale(inner)).to.equal('en');
  });

  it('re-renders when a lang attribute changes', async () => {
    const wrapper = fixtureSync<HTMLDivElement>(html`<div lang="fr"><cc-locale-probe></cc-locale-probe></div>`);
    const probe = wrapper.querySelector('cc-locale-probe') as LocaleProbe;
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Réessayer');
    wrapper.setAttribute('lang', 'en');
    await tick();
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Try again');
  });

  it('a lang switched at run time keeps the words on screen until the new table is in, then switches both ways', async () => {
    const { module, tag } = await freshController();
    const table = controllable();
    module.localeTestHooks.loaders.en = table.loader;
    const probe = mountIn('fr', tag);
    await probe.updateComplete;
    expect(text(probe)).to.equal('Réessayer');

    probe.parentElement!.setAttribute('lang', 'en');
    await tick();
    await probe.updateComplete;
    expect(probe.localize.locale).to.equal('en');
    expect(probe.localize.ready).to.equal(false);
    expect(text(probe), 'no blank, no half-switched text while loading').to.equal('Réessayer');

    await table.resolve();
    await tick();
    await probe.updateComplete;
    expect(text(probe)).to.equal('Try again');

    probe.parentElement!.setAttribute('lang', 'fr');
    await tick();
    expect(probe.localize.ready, 'French is always there').to.equal(true);
    await probe.updateComplete;
    expect(text(probe)).to.equal('Réessayer');
    expect(module.localeTestHooks.requests.en).to.equal(1);
  });

  it('a first render goes ahead in French when the table fails, or is too slow, and switches when it comes', async () => {
    const { module, tag } = await freshController();
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const failing = controllable();
      module.localeTestHooks.loaders.en = failing.loader;
      const probe = mountIn('en', tag);
      failing.reject();
      await probe.updateComplete;
      expect(text(probe)).to.equal('Réessayer');
      expect(probe.localize.ready).to.equal(false);
      expect(warnings).to.have.length(1);

      module.localeTestHooks.waitMs = 30;
      const slow = controllable();
      module.localeTestHooks.loaders.en = slow.loader;
      const late = mountIn('en', tag);
      await late.updateComplete;
      expect(text(late), 'rendered after the wait, in French').to.equal('Réessayer');
      await slow.resolve();
      await tick();
      await late.updateComplete;
      expect(text(late)).to.equal('Try again');
      await probe.updateComplete;
      expect(text(probe), 'the element whose load failed switches too').to.equal('Try again');
      expect(module.localeTestHooks.requests.en, 'a failed table is requested again').to.equal(2);
    } finally {
      console.warn = warn;
    }
  });

  it('falls back to French when nothing names a language we have', () => {
    expect(pickLocale(['de', 'br', 'de-DE', null, undefined])).to.equal('fr');
    expect(pickLocale(['de', null, 'en-US'])).to.equal('en');
    expect(pickLocale([])).to.equal('fr');
  });

  it('maps tags to supported locales', () => {
    expect(toSupportedLocale('fr-FR')).to.equal('fr');
    expect(toSupportedLocale('EN_us')).to.equal('en');
    expect(toSupportedLocale('de')).to.equal(null);
    expect(toSupportedLocale('')).to.equal(null);
  });

  it('has the same keys in every table', async () => {
    const { en } = await import('../../src/shared/i18n/en.js');
    const keys = (table: object) => JSON.stringify(Object.keys(table).sort());
    expect(keys(en)).to.equal(keys(fr));
    for (const group of ['common', 'directory', 'agenda', 'organizationTypes', 'organizationTypesPlural', 'collections', 'collectionsPlural', 'eventTypes', 'phoneKinds'] as const) {
      expect(keys(en[group]), group).to.equal(keys(fr[group]));
    }
    expect(keys(en.common.errors)).to.equal(keys(fr.common.errors));
  });
});

describe('Intl formatting', () => {
  it('caches formatters per locale and options', () => {
    expect(dateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' })).to.equal(dateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' }));
  });

  it('formats in an explicit zone: 14:00 UTC is 18:00 in La Réunion', () => {
    const instant = new Date('2026-12-15T14:00:00Z');
    expect(formatDate('fr-FR', instant, { timeZone: 'Indian/Reunion', hour: '2-digit', minute: '2-digit' })).to.equal('18:00');
    expect(timeZoneLongName('fr-FR', 'Indian/Reunion', instant)).to.equal('heure de La Réunion');
  });
});

describe('plurals and waits', () => {
  it('counts follow the CLDR plural rules of each language', async () => {
    // Imported here, last: the tests above check that a French page never loads the English table.
    const { en } = await import('../../src/shared/i18n/en.js');
    expect([0, 1, 2, 1_000_000].map((count) => fr.agenda.results(count))).to.deep.equal(['0 événement', '1 événement', '2 événements', '1\u202f000\u202f000 événements']);
    expect([0, 1, 2].map((count) => en.agenda.results(count))).to.deep.equal(['0 events', '1 event', '2 events']);
    expect([1, 9].map((count) => fr.agenda.downloadAllIcs(count))).to.deep.equal(['Télécharger cet événement (.ics)', 'Télécharger ces 9 événements (.ics)']);
    expect([1, 9].map((count) => en.agenda.downloadAllIcs(count))).to.deep.equal(['Download this event (.ics)', 'Download these 9 events (.ics)']);
    expect([0, 1, 3].map((count) => fr.directory.results(count, null))).to.deep.equal(['0 acteur', '1 acteur', '3 acteurs']);
  });
});
