// <cc-map> stories: one per state. They read the local sandbox (see stories/sandbox.ts), its stand-in
// tiles or none; the loading and error states use the sandbox's fault injection, never production data
// or a tile server on the internet.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/cc-map/cc-map.define.js';
import type { CcMap } from '../src/components/cc-map/cc-map.js';
import { sandboxBase } from './sandbox.js';

type Args = Pick<CcMap, 'insee' | 'sourceKey' | 'types' | 'list' | 'noFilters' | 'locate'>;

const tiles = (): string => `${sandboxBase()}/tiles/{z}/{x}/{y}.svg`;
const ATTRIBUTION = 'Natural Earth (domaine public), tuiles de démonstration du bac à sable';

const meta: Meta<Args> = {
  title: 'Elements/cc-map',
  component: 'cc-map',
  args: { insee: '97413', sourceKey: '', types: 'organizations,poi,events', list: 'below', noFilters: false, locate: false },
  render: (args) => html`<cc-map
    api-base=${sandboxBase()}
    insee=${args.insee}
    source-key=${args.sourceKey}
    types=${args.types}
    list=${args.list}
    tiles=${tiles()}
    tiles-attribution=${ATTRIBUTION}
    ?no-filters=${args.noFilters}
    ?locate=${args.locate}
  ></cc-map>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The places of a commune (Saint-Leu, La Réunion, INSEE 97413) on the sandbox's tiles. */
export const Default: Story = {};

/** The map inside a container: a language, or a width. */
const inside = (attributes: { lang?: string; style?: string }): Story['render'] => (args) => html`<div lang=${attributes.lang ?? 'fr'} style=${attributes.style ?? ''}>${meta.render!(args, {} as never)}</div>`;

/** In French, whatever the browser's language. */
export const French: Story = { render: inside({ lang: 'fr' }) };

/** In English: the language comes from the closest `lang` attribute. */
export const English: Story = { render: inside({ lang: 'en' }) };

/** A regional network beside its list, with the "Près de moi" button. */
export const NetworkSideList: Story = { args: { insee: '', sourceKey: 'carte-10000', types: 'organizations,projects,events,poi', list: 'side', locate: true } };

/** 50,000 places arriving page after page, clustered in a worker. */
export const FiftyThousandPlaces: Story = { args: { insee: '', sourceKey: 'carte-50000', types: 'organizations,projects,events,poi', list: 'side' } };

/** While the answer is on its way (the sandbox never answers here). */
export const Loading: Story = {
  render: () => html`<cc-map api-base=${`${sandboxBase()}/__fault/story-map-loading/hang`} insee="97413" tiles="none"></cc-map>`,
};

/** Nothing in scope. */
export const Empty: Story = { args: { insee: '', sourceKey: 'no-such-network' } };

/** The server fails: an alert with a retry button, and the fallback link the page provided. */
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<cc-map api-base=${`${sandboxBase()}/__fault/story-map-error/500`} insee="97413" tiles="none">
    <a href="https://www.communecter.org/#search">Voir la carte sur Communecter</a>
  </cc-map>`,
};

/** A tiles template without its attribution: nothing is requested, the attribute is named. */
export const ConfigurationError: Story = {
  name: 'Configuration error',
  render: () => html`<cc-map api-base=${sandboxBase()} insee="97413" tiles="https://tuiles.example/{z}/{x}/{y}.png"></cc-map>`,
};

/** A phone or a sidebar: the list is behind a Carte/Liste switch. */
export const Narrow: Story = { render: inside({ style: 'width:360px' }) };

/** Without tiles: the clusters on a plain background (tests use this). */
export const NoTiles: Story = {
  render: () => html`<cc-map api-base=${sandboxBase()} insee="97413" tiles="none"></cc-map>`,
};

/** Global and component tokens set by the host page. */
export const Themed: Story = {
  render: (args) => html`<div style="--cc-color-accent:#7b2d8b;--cc-radius:2px;--cc-font-family:Georgia,serif;--cc-map-height:420px;--cc-map-cluster-size:48px;--cc-map-tiles-background:#f3e9dc;">
    ${meta.render!(args, {} as never)}
  </div>`,
};

/** Inside a scrolling container of the host page: the popups and the map stay inside it. */
export const InsideScrollingContainer: Story = {
  render: (args) => html`<div style="height:420px;overflow:auto;border:1px solid #ccc;padding:8px">
    <p style="height:300px">Le contenu de la page avant la carte…</p>
    ${meta.render!(args, {} as never)}
  </div>`,
};
