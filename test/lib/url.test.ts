import { expect } from '@open-wc/testing';
import { displayHost, toImageSrc, toMailtoHref, toSafeUrl, toTelHref } from '../../src/lib/url.js';

describe('URL safety', () => {
  it('keeps http, https, mailto and tel', () => {
    expect(toSafeUrl('https://mairie-saint-leu.re/agenda?x=1#y')).to.equal('https://mairie-saint-leu.re/agenda?x=1#y');
    expect(toSafeUrl('HTTP://Example.org')).to.equal('http://example.org/');
    expect(toSafeUrl('mailto:contact@example.org')).to.equal('mailto:contact@example.org');
    expect(toSafeUrl('tel:+262262000000')).to.equal('tel:+262262000000');
  });

  it('row 6: javascript: in a website field is rejected', () => {
    expect(toSafeUrl('javascript:alert(document.domain)')).to.equal(null);
  });

  it('row 5: scheme tricks are rejected', () => {
    for (const trick of [' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'java&#x09;script:alert(1)', '\u0000javascript:alert(1)', '&#106;avascript:alert(1)', 'jav\nascript:x']) {
      expect(toSafeUrl(trick), JSON.stringify(trick)).to.equal(null);
    }
  });

  it('row 7: data:, vbscript: and file: are rejected', () => {
    for (const url of ['data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'ftp://example.org']) {
      expect(toSafeUrl(url), url).to.equal(null);
    }
  });

  it('row 8: a bare host becomes https, never a path on the platform', () => {
    expect(toSafeUrl('www.mairie.fr')).to.equal('https://www.mairie.fr/');
    expect(toSafeUrl('mairie-saint-leu.re/agenda')).to.equal('https://mairie-saint-leu.re/agenda');
    expect(toSafeUrl('/upload/x.png')).to.equal(null);
    expect(toSafeUrl('just words')).to.equal(null);
  });

  it('row 9: an IDN look-alike is allowed but shown by its punycode host', () => {
    const url = toSafeUrl('https://cоmmunecter.org/');
    expect(url).to.equal('https://xn--cmmunecter-evi.org/');
    expect(displayHost(url!)).to.equal('xn--cmmunecter-evi.org');
    expect(displayHost('https://www.communecter.org/#@x')).to.equal('communecter.org');
  });

  it('refuses credentials in links (https://mairie.fr@evil.example)', () => {
    expect(toSafeUrl('https://mairie.fr@evil.example/')).to.equal(null);
  });

  it('builds mailto: and tel: hrefs only from plausible values', () => {
    expect(toMailtoHref('contact@example.org')).to.equal('mailto:contact@example.org');
    expect(toMailtoHref('not an email')).to.equal(null);
    expect(toMailtoHref('a@b.fr?subject=x')).to.equal(null);
    expect(toTelHref('0262 00 00 00')).to.equal('tel:0262000000');
    expect(toTelHref('+33 (0)1 23 45 67 89')).to.equal('tel:+330123456789');
    expect(toTelHref('appelez-nous')).to.equal(null);
  });

  it('resolves platform image paths against the api-base, path included (proxy mode)', () => {
    expect(toImageSrc('/upload/communecter/poi/1/a.jpg', 'https://example.org/communecter/', 'https:')).to.equal('https://example.org/communecter/upload/communecter/poi/1/a.jpg');
    expect(toImageSrc('https://cdn.example.org/a.jpg', 'https://example.org', 'https:')).to.equal('https://cdn.example.org/a.jpg');
    expect(toImageSrc('logo.png', 'https://example.org', 'https:')).to.equal(null);
  });
});
