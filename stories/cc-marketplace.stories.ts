// <cc-marketplace> stories, one per state, on the local sandbox (stories/sandbox.ts): a commune's board,
// an association's own board, the kinds one by one, and the loading, empty, error and configuration states
// through the sandbox's fault injection.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/cc-marketplace/cc-marketplace.define.js';
import type { CcMarketplace } from '../src/components/cc-marketplace/cc-marketplace.js';
import { sandboxBase } from './sandbox.js';

/** The element's own properties: types and controls come from the class and the manifest. */
type Args = Pick<CcMarketplace, 'insee' | 'organization' | 'kinds' | 'section' | 'category' | 'layout' | 'pageSize' | 'staleAfter' | 'showContact' | 'noFilters'>;

const market = (args: Args) => html`<cc-marketplace
  api-base=${sandboxBase()}
  insee=${args.insee}
  organization=${args.organization}
  kinds=${args.kinds}
  section=${args.section}
  category=${args.category}
  layout=${args.layout}
  page-size=${args.pageSize}
  stale-after=${args.staleAfter}
  ?show-contact=${args.showContact}
  ?no-filters=${args.noFilters}
></cc-marketplace>`;

const meta: Meta<Args> = {
  title: 'Elements/cc-marketplace',
  component: 'cc-marketplace',
  args: { insee: '97419', organization: '', kinds: '', section: '', category: '', layout: 'cards', pageSize: 12, staleAfter: 90, showContact: false, noFilters: false },
  render: market,
};
export default meta;

type Story = StoryObj<Args>;

/** The mutual-aid board, ads and jobs of a commune (Sainte-Rose, La Réunion, INSEE 97419). */
export const Default: Story = {};

/** An association's own board: what it needs, what it lends (the sandbox's "Les Ateliers Bibasse"). */
export const AssociationBoard: Story = { args: { insee: '', organization: 'lesAteliersBibasse', layout: 'list' } };

/** Mutual aid only: needs and offers. */
export const MutualAid: Story = { args: { kinds: 'ressources' } };

/** Jobs only, with their sectors. */
export const Jobs: Story = { args: { insee: '', kinds: 'jobs', pageSize: 6 } };

/** In English: the language comes from the closest `lang` attribute. */
export const English: Story = { render: (args) => html`<div lang="en">${market(args)}</div>` };

/** With `show-contact`: organisations' contacts behind a button in the detail; private persons' never. */
export const ShowContact: Story = { args: { showContact: true } };

/** While the answer is on its way (the sandbox never answers here). */
export const Loading: Story = {
  render: () => html`<cc-marketplace api-base=${`${sandboxBase()}/__fault/story-market-loading/hang`} insee="97419"></cc-marketplace>`,
};

/** Nothing in scope. */
export const Empty: Story = { args: { insee: '', organization: '' }, render: () => html`<cc-marketplace api-base=${sandboxBase()} source-key="no-such-network"></cc-marketplace>` };

/** The server fails: an alert, a retry, and the page's own fallback link. */
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<cc-marketplace api-base=${`${sandboxBase()}/__fault/story-market-error/503`} insee="97419">
    <a href="https://www.communecter.org/#annonces">Voir les annonces sur Communecter</a>
  </cc-marketplace>`,
};

/** A typo in `section`: nothing is requested (it must not widen to every section), the attribute is named. */
export const ConfigurationError: Story = {
  name: 'Configuration error',
  render: () => html`<cc-marketplace api-base=${sandboxBase()} insee="97419" section="besion"></cc-marketplace>`,
};

/** A phone-sized container: cards become rows. */
export const Narrow: Story = { render: (args) => html`<div style="max-width: 360px">${market(args)}</div>` };

/** Tokens set by the host page, then a host stylesheet that tries to break it. */
export const Themed: Story = {
  render: (args) => html`<div style="--cc-color-accent:#1d6f5f;--cc-radius:0;--cc-marketplace-stale-background:#ffe1e1;--cc-marketplace-price-color:#1d6f5f">${market(args)}</div>`,
};

export const HostileHostCss: Story = {
  render: (args) => html`<style>
      .hostile-market * { box-sizing: content-box !important; letter-spacing: 0.2em; }
      .hostile-market { font: 9px/4 monospace; color: #eee; background: #111; }
    </style>
    <div class="hostile-market">${market(args)}</div>`,
};
