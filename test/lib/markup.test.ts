/**
 * `withoutInlineCode`: what the browser's own parser reads in its output has no event-handler or
 * style attribute and no style or script element, whatever the hostile markup (property test), and
 * ordinary markup goes through unchanged.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { withoutInlineCode } from '../../src/lib/markup.js';

/** Elements and attributes the page's CSP would report, as the browser's HTML parser reads `html`. */
function reportable(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const found: string[] = [];
  for (const element of doc.querySelectorAll('*')) {
    if (['style', 'script'].includes(element.localName)) found.push(`<${element.localName}>`);
    for (const attribute of element.getAttributeNames()) {
      if (attribute === 'style' || attribute.startsWith('on')) found.push(`${element.localName}[${attribute}]`);
    }
  }
  return found;
}

const pieces = fc.constantFrom(
  '<', '>', '/', '=', '"', "'", ' ', '\n', '\t', '\f', 'p', 'a', 'img', 'svg', 'style', 'STYLE', 'script', 'sCrIpT',
  'onclick', 'onerror', 'ONLOAD', 'on', 'style=', 'href', 'title', 'x', '<!--', '-->', '</', '</style>', '</script>',
  '<p ', '<a href=', '<img src=x ', '<svg><style>', '<math>', '<![CDATA[', ']]>', '<textarea>', '</textarea>', '`', '&quot;',
);

describe('withoutInlineCode', () => {
  it('leaves nothing a CSP would report, whatever the markup (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const html = parts.join('');
        expect(reportable(withoutInlineCode(html)), html).to.deep.equal([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('removes the classics of hostile descriptions', () => {
    const hostile = [
      '<img src=x onerror=alert(1)>',
      '<p style="position:fixed;inset:0">overlay</p>',
      '<p/onclick="alert(1)">a</p>',
      '<a href="#"onmouseover=alert(1)>a</a>',
      '<svg><style>*{display:none}</style></svg>',
      '<STYLE>body{}</STYLE>after',
      '<script>alert(1)</script>after',
      '<div =onclick=x onfocus = "y" autofocus>z</div>',
      '<p title="a>b" onclick=\'c\'>d</p>',
      '<p onclick=x',
    ];
    for (const html of hostile) expect(reportable(withoutInlineCode(html)), html).to.deep.equal([]);
    expect(withoutInlineCode('<STYLE>body{}</STYLE>after')).to.equal('after');
  });

  it('keeps ordinary markup as it was', () => {
    const ordinary = '<p>Bonjour <strong>à tous</strong>, <a href="https://example.org/?a=1&amp;b=2" title=\'lien\'>voir</a>.</p><ul><li>un</li></ul><br>x < y > z';
    expect(withoutInlineCode(ordinary)).to.equal(ordinary);
    expect(withoutInlineCode('<p class=a lang="fr">x</p>')).to.equal('<p class=a lang="fr">x</p>');
  });
});
