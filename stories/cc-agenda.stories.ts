// <cc-agenda> stories: one per view and state. They read the local sandbox (see stories/sandbox.ts);
// loading and error use the sandbox's fault injection.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/cc-agenda/cc-agenda.define.js';
import type { CcAgenda } from '../src/components/cc-agenda/cc-agenda.js';
import { sandboxBase } from './sandbox.js';

/** The args are the element's own properties: their types, and the controls, come from the class and its manifest. */
type Args = Pick<CcAgenda, 'insee' | 'sourceKey' | 'organization' | 'view' | 'from' | 'to' | 'timeZone' | 'max' | 'noFilters'>;

const meta: Meta<Args> = {
  title: 'Elements/cc-agenda',
  component: 'cc-agenda',
  args: { insee: '97411', sourceKey: '', organization: '', view: 'list', from: 'today', to: '+1m', timeZone: 'Indian/Reunion', max: 0, noFilters: false },
  render: (args) => html`<cc-agenda
    api-base=${sandboxBase()}
    insee=${args.insee}
    source-key=${args.sourceKey}
    organization=${args.organization}
    view=${args.view}
    from=${args.from}
    to=${args.to}
    time-zone=${args.timeZone}
    max=${args.max}
    ?no-filters=${args.noFilters}
  ></cc-agenda>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Saint-Denis (La Réunion), the coming month as a list grouped by day. */
export const List: Story = {};

/** The month grid: arrows, Home/End and Page Up/Down move through the days. */
export const Month: Story = { args: { view: 'month' } };

/** One week. */
export const Week: Story = { args: { view: 'week' } };

/** A sidebar: the next three events of a network and a link to the whole agenda. */
export const NextThree: Story = { args: { insee: '', sourceKey: 'tierslieuxhdf', max: 3, timeZone: 'Europe/Paris' } };

/** In French, whatever the browser says. */
export const French: Story = { render: (args) => html`<div lang="fr">${meta.render!(args, {} as never)}</div>` };

/** In English. */
export const English: Story = { render: (args) => html`<div lang="en">${meta.render!(args, {} as never)}</div>` };

/** While the answer is on its way. */
export const Loading: Story = {
  render: () => html`<cc-agenda api-base=${`${sandboxBase()}/__fault/story-agenda-loading/hang`} insee="97411"></cc-agenda>`,
};

/** Nothing in the period. */
export const Empty: Story = { args: { insee: '', sourceKey: 'no-such-network' } };

/** The server fails: an alert, a retry button and the page's fallback link. */
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<cc-agenda api-base=${`${sandboxBase()}/__fault/story-agenda-error/500`} insee="97411">
    <a href="https://www.communecter.org/#agenda">Voir l’agenda sur Communecter</a>
  </cc-agenda>`,
};

/**
 * The last good data survives a failure: this month loads, every later request fails. Press "Mois
 * suivant": the events stay, with a dated notice and "Réessayer", instead of an empty error box.
 */
export const StaleAfterFailure: Story = {
  name: 'Stale (press "Mois suivant")',
  render: () => html`<cc-agenda api-base=${`${sandboxBase()}/__fault/story-agenda-stale-${Date.now().toString(36)}/ok,ok,500`} insee="97411" view="month"></cc-agenda>`,
};

/** A typo in the scope: nothing is requested, the attribute is named. */
export const ConfigurationError: Story = {
  name: 'Configuration error',
  render: () => html`<cc-agenda api-base=${sandboxBase()} insee="9741"></cc-agenda>`,
};

/** A phone or a sidebar: a month of day numbers and counts, the chosen day's events below. */
export const NarrowMonth: Story = {
  args: { view: 'month' },
  render: (args) => html`<div style="width:360px">${meta.render!(args, {} as never)}</div>`,
};

/** Tokens set by the host page. */
export const Themed: Story = {
  render: (args) => html`<div style="--cc-color-accent:#7b2d8b;--cc-agenda-date-color:#a4481b;--cc-agenda-today-background:#fdf0e6;--cc-font-family:Georgia,serif;">
    ${meta.render!({ ...args, view: 'month' }, {} as never)}
  </div>`,
};

/** A hostile page stylesheet: the agenda keeps its layout and contrast. */
export const HostileHostCss: Story = {
  render: (args) => html`<style>
      .hostile * { box-sizing: content-box; }
      .hostile { font-size: 10px; line-height: 3; color: #fff; background: #223; padding: 8px; }
    </style>
    <div class="hostile">${meta.render!(args, {} as never)}</div>`,
};
