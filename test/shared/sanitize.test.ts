/**
 * The description pipeline (Markdown/HTML → marked → strict DOMPurify) against rows 3–16 of the
 * bad-input table. Every payload calls a canary if it ever runs; the output is inserted in the
 * live document so a missed handler would fire.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import { renderRichText } from '../../src/shared/sanitize.js';

declare global {
  interface Window {
    ccCanary?: (label: string) => void;
  }
}

const LINK_BASE = 'https://www.communecter.org';

async function render(source: string, format: 'markdown' | 'html' = 'html'): Promise<HTMLElement> {
  const host = fixtureSync<HTMLDivElement>(html`<div></div>`);
  host.append(await renderRichText({ format, source }, { linkBase: LINK_BASE }));
  // Give event handlers, image loads and timers a chance to fire if anything slipped through.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return host;
}

function assertInert(host: HTMLElement): void {
  for (const element of host.querySelectorAll('*')) {
    for (const attribute of element.getAttributeNames()) {
      expect(attribute, `${element.tagName} ${attribute}`).not.to.match(/^on/i);
      expect(['style', 'id', 'name', 'class', 'srcset', 'action', 'formaction'], element.tagName).not.to.include(attribute);
    }
    for (const name of ['href', 'src', 'xlink:href', 'action']) {
      const value = element.getAttribute(name);
      if (value !== null) expect(value, `${element.tagName}[${name}]`).to.match(/^(https?:|mailto:|tel:)/i);
    }
  }
  expect(host.querySelector('script, style, img, svg, math, form, input, button, iframe, object, embed, video, audio, link, meta, base')).to.equal(null);
}

describe('description pipeline (hostile-inputs.md rows 3–16)', () => {
  let canaryCalls: string[];
  beforeEach(() => {
    canaryCalls = [];
    window.ccCanary = (label) => canaryCalls.push(label);
  });
  afterEach(() => {
    expect(canaryCalls, 'no payload ever ran').to.deep.equal([]);
    delete window.ccCanary;
  });

  it('renders Markdown: headings shifted under the widget heading, lists, safe links', async () => {
    const host = await render('# Titre\n## Qui sommes-nous ?\n- un **tiers-lieu**\n- [site](https://example.org) et [fiche](/#@laFabrique)', 'markdown');
    expect(host.querySelector('h3')?.textContent).to.equal('Titre');
    expect(host.querySelector('h4')?.textContent).to.equal('Qui sommes-nous ?');
    expect(host.querySelectorAll('li')).to.have.length(2);
    const links = [...host.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org', 'https://www.communecter.org/#@laFabrique']);
    expect(links.every((a) => a.rel === 'noopener noreferrer nofollow ugc' && a.target === '_blank')).to.equal(true);
  });

  it('row 3: <img onerror> in a description is removed, the text kept', async () => {
    const host = await render('Avant <img src=x onerror="ccCanary(\'row3\')"> après');
    assertInert(host);
    expect(host.textContent).to.equal('Avant  après');
  });

  it('row 4: a javascript: link keeps its text and loses its href', async () => {
    const host = await render('<a href="javascript:ccCanary(\'row4\')">x</a>');
    assertInert(host);
    expect(host.querySelector('a')?.hasAttribute('href')).to.equal(false);
    expect(host.textContent).to.equal('x');
  });

  it('row 5: scheme tricks in links lose their href', async () => {
    for (const href of [' JaVaScRiPt:ccCanary(1)', 'java&#x09;script:ccCanary(1)', '&#106;avascript:ccCanary(1)', 'jav&#x0A;ascript:ccCanary(1)']) {
      const host = await render(`<a href="${href}">lien</a>`);
      assertInert(host);
      expect(host.querySelector('a')?.hasAttribute('href'), href).to.equal(false);
    }
  });

  it('row 10: style attributes are stripped (no overlay outside the widget)', async () => {
    const host = await render('<div style="position:fixed;inset:0;background:red">cliquez</div>');
    assertInert(host);
    expect(host.textContent).to.equal('cliquez');
  });

  it('row 11: forms, password inputs and buttons are removed', async () => {
    const host = await render('<form action="https://evil.example"><input type="password" name="p"><button>OK</button></form>texte');
    assertInert(host);
    expect(host.textContent).to.include('texte');
  });

  it('row 12: remote images (trackers) are removed before any request', async () => {
    const host = await render('<img src="https://tracker.example/p.gif">suite');
    assertInert(host);
    expect(performance.getEntriesByType('resource').some((entry) => entry.name.includes('tracker.example'))).to.equal(false);
  });

  it('row 13: SVG with an xlink:href javascript link is dropped', async () => {
    const host = await render('<svg><a xlink:href="javascript:ccCanary(13)"><text>x</text></a></svg>ok');
    assertInert(host);
  });

  it('row 14: mXSS payloads are neutralised', async () => {
    const host = await render(
      '<noscript><p title="</noscript><img src=x onerror=ccCanary(14)>"></noscript>' +
        '<math><mtext><table><mglyph><style><img src=x onerror=ccCanary(141)></style></mglyph></table></mtext></math>',
    );
    assertInert(host);
  });

  it('row 15: id and name attributes are removed (no DOM clobbering)', async () => {
    const host = await render('<p id="__proto__" name="getElementById">x</p><a id="ccCanary" name="x">y</a>');
    assertInert(host);
    expect(typeof window.ccCanary).to.equal('function');
  });

  it('row 16: Markdown javascript: links and raw HTML in Markdown are neutralised', async () => {
    const host = await render('[clic](javascript:ccCanary(16)) <img src=x onerror=ccCanary(161)> <script>ccCanary(162)</script>', 'markdown');
    assertInert(host);
    expect(host.textContent).to.include('clic');
  });

  it('keeps legacy HTML structure (paragraphs, emphasis, lists) with entities decoded', async () => {
    const host = await render('<p>Caf&eacute; <b>solidaire</b></p><ul><li>un</li></ul>');
    assertInert(host);
    expect(host.querySelector('p')?.textContent).to.equal('Café solidaire');
    expect(host.querySelector('b')).to.exist;
  });
});
