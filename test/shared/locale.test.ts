import { expect, fixtureSync, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LocaleController, pickLocale, resolveLocale, toSupportedLocale } from '../../src/shared/i18n/locale-controller.js';
import { en } from '../../src/shared/i18n/en.js';
import { fr } from '../../src/shared/i18n/fr.js';
import { dateTimeFormat, formatDate, timeZoneLongName } from '../../src/lib/format.js';

class LocaleProbe extends LitElement {
  readonly localize = new LocaleController(this);
  override render() {
    return html`<span>${this.localize.t.common.retry}</span>`;
  }
}
customElements.define('cc-locale-probe', LocaleProbe);

describe('locale controller', () => {
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
    await new Promise((resolve) => setTimeout(resolve, 0));
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('Try again');
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

  it('has the same keys in every table', () => {
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
