// <cc-directory> stories: one per state. They read the local sandbox (see stories/sandbox.ts); the
// loading and error states use the sandbox's fault injection, never production data.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/cc-directory/cc-directory.define.js';
import type { CcDirectory } from '../src/components/cc-directory/cc-directory.js';
import { sandboxBase } from './sandbox.js';

/** The args are the element's own properties: their types, and the controls, come from the class and its manifest. */
type Args = Pick<CcDirectory, 'insee' | 'sourceKey' | 'types' | 'tags' | 'layout' | 'pageSize' | 'sort' | 'noSearch' | 'noFacets'>;

const meta: Meta<Args> = {
  title: 'Elements/cc-directory',
  component: 'cc-directory',
  args: { insee: '97413', sourceKey: '', types: '', tags: '', layout: 'cards', pageSize: 12, sort: 'name', noSearch: false, noFacets: false },
  render: (args) => html`<cc-directory
    api-base=${sandboxBase()}
    insee=${args.insee}
    source-key=${args.sourceKey}
    types=${args.types}
    tags=${args.tags}
    layout=${args.layout}
    page-size=${args.pageSize}
    sort=${args.sort}
    ?no-search=${args.noSearch}
    ?no-facets=${args.noFacets}
  ></cc-directory>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The actors of a commune (Saint-Leu, La Réunion, INSEE 97413). */
export const Default: Story = {};

/** In French, whatever the browser's language: the page (or an ancestor) says `lang="fr"`. */
export const French: Story = {
  render: (args) => html`<div lang="fr">${meta.render!(args, {} as never)}</div>`,
};

/** The same in English: the language comes from the closest `lang` attribute. */
export const English: Story = {
  render: (args) => html`<div lang="en">${meta.render!(args, {} as never)}</div>`,
};

/** A network of zero-waste shops as a compact list. */
export const NetworkList: Story = { args: { insee: '', sourceKey: 'reseauvracidf', layout: 'list', sort: 'recent' } };

/** While the answer is on its way (the sandbox never answers here). */
export const Loading: Story = {
  render: () => html`<cc-directory api-base=${`${sandboxBase()}/__fault/story-loading/hang`} insee="97413"></cc-directory>`,
};

/** Nothing in scope. */
export const Empty: Story = { args: { insee: '', sourceKey: 'no-such-network' } };

/** The server fails: an alert with a retry button, and the fallback link the page provided. */
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<cc-directory api-base=${`${sandboxBase()}/__fault/story-error/500`} insee="97413">
    <a href="https://www.communecter.org/#search">Voir l’annuaire sur Communecter</a>
  </cc-directory>`,
};

/** A typo in the scope: nothing is requested (a wrong scope must never list the whole platform), the attribute is named. */
export const ConfigurationError: Story = {
  name: 'Configuration error',
  render: () => html`<cc-directory api-base=${sandboxBase()} insee="9741"></cc-directory>`,
};

/** A phone or a sidebar: the filters fold behind one button, cards become rows. */
export const Narrow: Story = {
  render: (args) => html`<div style="width:360px">${meta.render!(args, {} as never)}</div>`,
};

/** Global and component tokens set by the host page. */
export const Themed: Story = {
  render: (args) => html`<div
    style="--cc-color-accent:#7b2d8b;--cc-color-on-accent:#fff;--cc-color-surface:#fffaf3;--cc-color-surface-alt:#f3e9dc;--cc-radius:2px;--cc-font-family:Georgia,serif;--cc-directory-card-background:#fff;"
  >
    ${meta.render!(args, {} as never)}
  </div>`,
};

/** Inside a page whose stylesheet is hostile: layout, sizes and contrast hold. */
export const HostileHostCss: Story = {
  render: (args) => html`<style>
      .hostile * { box-sizing: content-box; }
      .hostile img { max-width: 100%; }
      .hostile { font-size: 10px; line-height: 3; color: #fff; background: #223; padding: 8px; }
    </style>
    <div class="hostile">${meta.render!(args, {} as never)}</div>`,
};
