/**
 * A hostile host stylesheet (issue "hard to break", item 5). The host page may change the documented
 * tokens, the parts and the font family, and place the element (its margin, width…); everything that
 * would inherit into the shadow root, and the sizes the layout is built on, stay as the element sets them.
 * Each test measures layout facts of the same element without and then with the hostile sheet.
 */
import { expect, fixtureCleanup, fixtureSync, html, nextFrame } from '@open-wc/testing';
import { resetClientState } from '../../src/api/index.js';
import '../../src/components/cc-agenda/cc-agenda.define.js';
import '../../src/components/cc-directory/cc-directory.define.js';
import '../../src/components/cc-map/cc-map.define.js';
import { recordEvents, sandboxUrl, settled } from '../helpers.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean> };

/** What a careless or hostile site stylesheet does to every element of its page. */
const HOSTILE = `
  * {
    font-size: 30px !important; line-height: 0 !important; letter-spacing: 3px !important;
    word-spacing: 12px; text-indent: 5em; text-shadow: 2px 2px 0 red; font-variant: small-caps;
    font-weight: 900; font-style: italic; font-stretch: condensed; font-feature-settings: "smcp";
    word-break: break-all; hyphens: auto; writing-mode: vertical-rl; direction: rtl; text-align: right;
    text-transform: uppercase; white-space: pre; color: rgb(255, 0, 255) !important; visibility: visible;
    -webkit-text-fill-color: transparent; text-decoration: underline; cursor: wait; tab-size: 20;
    text-orientation: upright; line-break: anywhere; overflow-wrap: normal; text-underline-offset: 10px;
    font-kerning: none; text-rendering: geometricPrecision; list-style: square inside; caret-color: red;
    pointer-events: none; text-wrap: balance; font-synthesis: none; quotes: "«" "»"; font-size-adjust: 0.2;
  }
`;

const PROPERTIES = ['font-size', 'line-height', 'letter-spacing', 'word-spacing', 'text-indent', 'text-shadow',
  'font-variant-caps', 'font-weight', 'font-style', 'font-stretch', 'font-feature-settings', 'word-break', 'hyphens',
  'writing-mode', 'direction', 'text-align', 'text-transform', 'white-space', 'color', '-webkit-text-fill-color',
  'cursor', 'tab-size', 'text-orientation', 'line-break', 'overflow-wrap', 'font-kerning', 'pointer-events',
  'font-synthesis-weight', 'font-size-adjust'];

/** Computed style and rounded box of each node, the box relative to the element's own top-left corner. */
function facts(el: HTMLElement, selectors: string[]): Record<string, unknown> {
  const origin = el.getBoundingClientRect();
  const out: Record<string, unknown> = {};
  for (const selector of selectors) {
    const node = el.shadowRoot!.querySelector(selector);
    expect(node, selector).to.not.equal(null);
    const style = getComputedStyle(node!);
    const box = node!.getBoundingClientRect();
    out[selector] = {
      box: [box.left - origin.left, box.top - origin.top, box.width, box.height].map(Math.round),
      ...Object.fromEntries(PROPERTIES.map((name) => [name, style.getPropertyValue(name)])),
    };
  }
  return out;
}

async function mount(tag: string, attributes: Record<string, string>): Promise<Widget> {
  const el = document.createElement(tag) as Widget;
  for (const [name, value] of Object.entries({ 'api-base': sandboxUrl(), ...attributes })) el.setAttribute(name, value);
  recordEvents(el);
  // The page's own box around the element keeps its width and flow (what the sheet does to the page's
  // layout is the page's business); the sheet reaches the element itself, as \`*\` does.
  fixtureSync<HTMLDivElement>(html`<div style="width: 640px; writing-mode: horizontal-tb !important; direction: ltr !important"></div>`).append(el);
  await settled(el);
  return el;
}

async function withHostileSheet<T>(run: () => T): Promise<T> {
  const style = document.createElement('style');
  style.textContent = HOSTILE;
  document.head.append(style);
  try {
    await nextFrame();
    return run();
  } finally {
    style.remove();
  }
}

describe('a hostile host stylesheet', () => {
  beforeEach(() => resetClientState());
  afterEach(() => fixtureCleanup());

  const cases: { tag: string; attributes: Record<string, string>; selectors: string[] }[] = [
    { tag: 'cc-directory', attributes: { insee: '97413', 'page-size': '4' },
      selectors: ['[part~="search-input"]', '[part~="status"]', '[part~="item"]', '[part~="item-title"] a', '[part~="item-badge"]', '.chip', '[part~="pager"]'] },
    { tag: 'cc-agenda', attributes: { insee: '97411', from: '2026-12-01', to: '2026-12-31', 'time-zone': 'Indian/Reunion' },
      selectors: ['[part~="title"]', '[part~="item"]', '[part~="item-time"]', '[part~="item-title"]', '.chip'] },
    { tag: 'cc-map', attributes: { insee: '97413', tiles: 'none', list: 'below' },
      selectors: ['[part~="map"]', '[part~="zoom-in"]', '[part~="status"]', '[part~="item"]', '[part~="attribution"]', '[part~="chip"]'] },
  ];

  for (const { tag, attributes, selectors } of cases) {
    it(`<${tag}> keeps its sizes, text direction and text styles; its boxes do not move`, async () => {
      const el = await mount(tag, attributes);
      const clean = facts(el, selectors);
      const hostile = await withHostileSheet(() => facts(el, selectors));
      expect(hostile).to.deep.equal(clean);
    });
  }

  it('the host keeps what is documented: tokens, parts, the font family, and the element’s own box', async () => {
    const el = await mount('cc-directory', { insee: '97413', 'page-size': '4' });
    const style = document.createElement('style');
    style.textContent = `
      cc-directory { --cc-font-size: 20px; --cc-color-text: rgb(1, 2, 3); font-family: monospace; margin-inline-start: 7px; }
      cc-directory::part(item-badge) { color: rgb(4, 5, 6); }`;
    document.head.append(style);
    try {
      await nextFrame();
      const title = el.shadowRoot!.querySelector('[part~="item-title"]')!;
      const badge = el.shadowRoot!.querySelector('[part~="item-badge"]')!;
      expect(getComputedStyle(el).fontSize).to.equal('20px');
      expect(getComputedStyle(title).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(title).fontFamily).to.equal('monospace');
      expect(getComputedStyle(badge).color).to.equal('rgb(4, 5, 6)');
      expect(getComputedStyle(el).marginInlineStart).to.equal('7px');
    } finally {
      style.remove();
    }
  });
});
