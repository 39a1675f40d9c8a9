/**
 * Property tests (fast-check, 1,000 runs each): every normaliser takes anything without throwing,
 * returns a valid value or null, and is idempotent where applying it to its own output makes sense.
 * A negative control proves the coordinate property can fail.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  readPosition,
  toAddress,
  toCount,
  toDate,
  toDisplayCase,
  toGeoPoint,
  toHttpUrls,
  toId,
  toLatitude,
  toLongitude,
  toPhones,
  toPrice,
  toRichText,
  toSlug,
  toSocialLinks,
  toTags,
  toTimeZone,
  toWeeklySlots,
} from '../../src/api/normalize/primitives.js';
import { normalizeElement, normalizeSearchResponse, ApiError, type CommunecterElement } from '../../src/api/index.js';
import { cleanText, toText, truncateGraphemes } from '../../src/lib/text.js';
import { toImageSrc, toSafeUrl } from '../../src/lib/url.js';

const RUNS = { numRuns: 1000 };
const BASE = 'https://www.communecter.org';

// Values the platform really sends, mixed with anything at all.
const nasty = fc.constantFrom(
  '', ' ', 'null', 'undefined', 'NaN', 'Infinity', '-Infinity', '1e3', '0x10', '48,85', '-20.88', '+55.45', '123', '500',
  'javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:x', '\u0000javascript:x', '&#106;avascript:x',
  'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd', 'www.mairie.fr', 'https://cоmmunecter.org',
  '/upload/communecter/organizations/5a1b/logo.png', '/upload/communecter/null/x.png', 'http://example.org/a.jpg',
  '2026-02-30', '2026-05-17 10:00:00', '2018-12-15T18:00:00+0000', '1747468800', '1747468800000', '__proto__', 'constructor',
  '\u200B', '\uD800', 'e\u0301', '👩🏽‍🚒', 'مركز ثقافي', '\u202Eevil', '<img src=x onerror=alert(1)>', '&amp;&#039;&eacute;',
);
const anyValue = fc.oneof(fc.anything(), nasty, fc.double(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));

function isValidDate(value: unknown): boolean {
  return value instanceof Date && Number.isFinite(value.getTime());
}

function isHttpUrl(value: string): boolean {
  return /^https?:\/\//.test(value) && new URL(value).hostname !== '';
}

describe('normaliser properties (fast-check, 1,000 runs each)', () => {
  it('toText never throws and returns null or clean, bounded, non-empty text', () => {
    fc.assert(
      fc.property(anyValue, fc.integer({ min: 1, max: 300 }), (value, max) => {
        const text = toText(value, { maxLength: max });
        if (text === null) return true;
        return (
          text.length > 0 &&
          text === text.trim() &&
          !/[\u0000-\u0008\u000B-\u001F\u007F\u200B\uFEFF]/.test(text) &&
          [...new Intl.Segmenter().segment(text)].length <= max
        );
      }),
      RUNS,
    );
  });

  it('cleanText is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), nasty), fc.boolean(), (text, multiline) => {
        const once = cleanText(text, { multiline });
        return cleanText(once, { multiline }) === once;
      }),
      RUNS,
    );
  });

  it('truncateGraphemes never splits a grapheme and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), fc.integer({ min: 1, max: 40 }), (text, max) => {
        const out = truncateGraphemes(text, max);
        const graphemes = [...new Intl.Segmenter().segment(out)].map((s) => s.segment);
        const source = [...new Intl.Segmenter().segment(text)].map((s) => s.segment);
        const kept = out.endsWith('…') && out !== text ? graphemes.slice(0, -1) : graphemes;
        return graphemes.length <= max && kept.every((g, i) => g === source[i]) && truncateGraphemes(out, max) === out;
      }),
      RUNS,
    );
  });

  it('coordinates: null or finite and in range, idempotent', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const lat = toLatitude(value);
        const lng = toLongitude(value);
        const latOk = lat === null || (Number.isFinite(lat) && Math.abs(lat) <= 90 && toLatitude(lat) === lat);
        const lngOk = lng === null || (Number.isFinite(lng) && Math.abs(lng) <= 180 && toLongitude(lng) === lng);
        return latOk && lngOk;
      }),
      RUNS,
    );
  });

  it('positions are never (0,0) and always in range', () => {
    fc.assert(
      fc.property(anyValue, anyValue, anyValue, (lat, lng, position) => {
        const point = readPosition({ geo: { latitude: lat, longitude: lng }, geoPosition: { coordinates: position } });
        return point === null || (Math.abs(point.lat) <= 90 && Math.abs(point.lng) <= 180 && !(point.lat === 0 && point.lng === 0));
      }),
      RUNS,
    );
  });

  it('coordinates parse from number or string forms identically, in every geo shape (contract 15b items 2 and 11)', () => {
    // Micro-degrees to 7 decimals, as the platform stores them; strings keep trailing zeros or use a comma.
    const degrees = (limit: number) => fc.integer({ min: -limit * 1e7, max: limit * 1e7 }).map((n) => n / 1e7);
    const written = (value: number) =>
      fc.constantFrom(value, value.toFixed(7), value.toFixed(9), ` ${value.toFixed(7)} `, value.toFixed(7).replace('.', ','), value >= 0 ? `+${value.toFixed(7)}` : value.toFixed(7));
    fc.assert(
      fc.property(
        degrees(90).chain((lat) => degrees(180).chain((lng) => fc.tuple(fc.constant(lat), fc.constant(lng), written(lat), written(lng), fc.integer({ min: 0, max: 4 })))),
        ([lat, lng, latForm, lngForm, shape]) => {
          const geo = [
            { geo: { latitude: latForm, longitude: lngForm } },
            { geo: { type: 'Point', coordinates: [lngForm, latForm] } },
            { geoPosition: { type: 'Point', coordinates: [lngForm, latForm] } },
            { addresses: [{ geoPosition: { type: 'Point', coordinates: [lngForm, latForm] } }] },
            { addresses: [{ geo: { latitude: latForm, longitude: lngForm } }] },
          ][shape]!;
          const element = normalizeElement({ id: 'p1', name: 'Lieu', type: 'poi', ...geo }, { base: BASE });
          const expected = toGeoPoint(lat, lng);
          return JSON.stringify(element?.position ?? null) === JSON.stringify(expected);
        },
      ),
      RUNS,
    );
  });

  it('negative control: a naive Number() coordinate reader fails the same property', () => {
    const naive = (value: unknown) => {
      const number = Number(value);
      return Number.isNaN(number) ? null : number;
    };
    const result = fc.check(
      fc.property(anyValue, (value) => {
        const lat = naive(value);
        return lat === null || (Number.isFinite(lat) && Math.abs(lat) <= 90);
      }),
      RUNS,
    );
    expect(result.failed).to.equal(true);
  });

  it('toDate: null or a valid date, idempotent', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyValue,
          fc.date({ noInvalidDate: false }),
          fc.record({ sec: anyValue, usec: anyValue }),
          // PHP DateTime objects (contract 15b item 13), well-formed or not.
          fc.record(
            {
              date: fc.oneof(anyValue, fc.date({ noInvalidDate: true }).map((date) => date.toISOString().replace('T', ' ').replace('Z', '000'))),
              timezone_type: fc.oneof(fc.constantFrom(1, 2, 3), anyValue),
              timezone: fc.oneof(fc.constantFrom('Europe/Paris', 'Indian/Reunion', 'Pacific/Chatham', '+02:00', '-09:30', 'UTC', 'CEST', 'Mars/Olympus', ''), anyValue),
            },
            { requiredKeys: ['date'] },
          ),
        ),
        (value) => {
          const date = toDate(value);
          if (date === null) return true;
          const again = toDate(date);
          return isValidDate(date) && again !== null && again.getTime() === date.getTime();
        },
      ),
      RUNS,
    );
  });

  it('ids, slugs, counts and time zones: null or valid, idempotent', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const id = toId(value);
        const slug = toSlug(value);
        const count = toCount(value);
        const zone = toTimeZone(value);
        return (
          (id === null || (/^[\w-]{1,64}$/.test(id) && toId(id) === id)) &&
          (slug === null || toSlug(slug) === slug) &&
          (count === null || (Number.isInteger(count) && count >= 0 && toCount(count) === count)) &&
          (zone === null || toTimeZone(zone) === zone)
        );
      }),
      RUNS,
    );
  });

  it('toTags: clean, unique, non-empty strings, idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.array(anyValue), fc.array(nasty)), (value) => {
        const tags = toTags(value);
        const folded = tags.map((tag) => tag.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
        return (
          tags.every((tag) => typeof tag === 'string' && tag !== '' && tag === tag.trim() && !/[\u200B\uFEFF\u0000]/.test(tag)) &&
          new Set(folded).size === tags.length &&
          JSON.stringify(toTags(tags)) === JSON.stringify(tags)
        );
      }),
      RUNS,
    );
  });

  it('toDisplayCase only changes letter case, leaves text with lower case alone, and is idempotent', () => {
    const placeNames = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('ST LOUIS', "L'ÉTANG-SALÉ", 'LA PLAINE DES PALMISTES', 'PARIS 15E', 'İZMIR', 'ΑΘΗΝΑ'));
    fc.assert(
      fc.property(fc.oneof(placeNames, placeNames.map((text) => text.toUpperCase())), (text) => {
        const shown = toDisplayCase(text);
        return (
          shown.toLocaleLowerCase('fr') === text.toLocaleLowerCase('fr') &&
          toDisplayCase(shown) === shown &&
          (!/\p{Ll}/u.test(text) || shown === text)
        );
      }),
      RUNS,
    );
  });

  it('toHttpUrls: safe, unique http(s) URLs; a single safe URL is kept whole (contract 15b item 5)', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.webUrl(), fc.array(fc.oneof(fc.webUrl(), nasty), { maxLength: 5 }).chain((parts) => fc.constantFrom(' ; ', ', ', ' ', ';', '|').map((sep) => parts.join(sep)))), (value) => {
        const urls = toHttpUrls(value);
        const single = toSafeUrl(value, { protocols: ['http:', 'https:'] });
        // A value that is one safe URL and has no list separator around a second address stays one URL.
        const oneUrl = typeof value === 'string' && single !== null && !/\s[;,|]|[;,|]\s|[;,|\s](?:[a-z][a-z0-9+.-]*:\/\/|\/\/|www\.)/i.test(value.trim());
        return urls.every(isHttpUrl) && new Set(urls).size === urls.length && (!oneUrl || (urls.length === 1 && urls[0] === single));
      }),
      RUNS,
    );
  });

  it('toSafeUrl: null or an http(s)/mailto/tel URL, idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.webUrl(), fc.string()), (value) => {
        const url = toSafeUrl(value);
        if (url === null) return true;
        return /^(https?:\/\/|mailto:|tel:)/.test(url) && toSafeUrl(url) === url;
      }),
      RUNS,
    );
  });

  it('toImageSrc: null or an http(s) URL without broken segments', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.webPath().map((path) => `/upload${path}`), fc.webUrl()), (value) => {
        const src = toImageSrc(value, BASE, 'https:');
        return src === null || (isHttpUrl(src) && !/\/(null|undefined)(\/|$)/.test(new URL(src).pathname) && src.startsWith('https:'));
      }),
      RUNS,
    );
  });

  it('structured fields never throw and keep their shape', () => {
    fc.assert(
      fc.property(anyValue, anyValue, (value, flag) => {
        const address = toAddress(value);
        const phones = toPhones(value);
        const social = toSocialLinks(value);
        const slots = toWeeklySlots(value);
        const price = toPrice(value);
        const rich = toRichText(value, flag);
        return (
          (address === null || typeof address === 'object') &&
          phones.every((phone) => phone.number !== '' && (phone.href === null || phone.href.startsWith('tel:'))) &&
          social.every((link) => isHttpUrl(link.url)) &&
          slots.every((slot) => slot.day >= 0 && slot.day <= 6 && /^\d\d:\d\d$/.test(slot.opens)) &&
          (price.price === null || (Number.isFinite(price.price) && price.price >= 0)) &&
          (rich === null || (rich.source !== '' && (rich.format === 'markdown' || rich.format === 'html')))
        );
      }),
      RUNS,
    );
  });

  const wireRecord = fc.record(
    {
      _id: fc.oneof(fc.record({ $id: fc.oneof(fc.stringMatching(/^[0-9a-f]{24}$/), anyValue) }), anyValue),
      id: anyValue,
      name: fc.oneof(fc.string(), anyValue),
      type: fc.oneof(fc.constantFrom('organizations', 'events', 'projects', 'poi', 'classifieds', 'ressources', 'NGO', 'jobs'), anyValue),
      typeOrga: anyValue,
      typeEvent: anyValue,
      slug: anyValue,
      tags: fc.oneof(fc.array(anyValue), anyValue),
      geo: fc.oneof(fc.record({ latitude: anyValue, longitude: anyValue }), anyValue),
      geoPosition: fc.oneof(fc.record({ coordinates: fc.array(anyValue) }), anyValue),
      startDate: anyValue,
      endDate: anyValue,
      url: anyValue,
      email: anyValue,
      telephone: anyValue,
      profilMediumImageUrl: anyValue,
      price: anyValue,
      description: anyValue,
      address: fc.oneof(fc.record({ addressLocality: anyValue, postalCode: anyValue, codeInsee: anyValue }), anyValue),
    },
    { requiredKeys: [] },
  );

  function elementIsValid(element: CommunecterElement): boolean {
    const urls = [element.website, ...element.links, element.images.thumb, element.images.medium, element.images.full, element.images.banner];
    const dates = [element.created, element.updated, 'start' in element ? element.start : null, 'end' in element ? element.end : null];
    return (
      /^[\w-]{1,64}$/.test(element.id) &&
      typeof element.name === 'string' &&
      element.name !== '' &&
      (element.position === null || !(element.position.lat === 0 && element.position.lng === 0)) &&
      urls.every((url) => url === null || isHttpUrl(url)) &&
      dates.every((date) => date === null || isValidDate(date)) &&
      element.tags.every((tag) => typeof tag === 'string' && tag !== '')
    );
  }

  it('normalizeElement: null or a valid element, for any record', () => {
    fc.assert(
      fc.property(fc.oneof(wireRecord, anyValue), fc.option(fc.string()), (record, key) => {
        const element = normalizeElement(record, { base: BASE }, key);
        return element === null || elementIsValid(element);
      }),
      RUNS,
    );
  });

  it('normalizeSearchResponse: a bad envelope is an ApiError, a bad record is only dropped', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyValue, fc.record({ results: fc.oneof(fc.dictionary(fc.string(), fc.oneof(wireRecord, anyValue)), fc.array(wireRecord), anyValue), count: anyValue }, { requiredKeys: [] })),
        (raw) => {
          try {
            const page = normalizeSearchResponse(raw, { base: BASE }, ['organizations']);
            const ids = page.items.map((item) => `${item.collection}:${item.id}`);
            return page.items.every(elementIsValid) && new Set(ids).size === ids.length && page.dropped >= 0;
          } catch (error) {
            return error instanceof ApiError && error.kind === 'bad-shape';
          }
        },
      ),
      RUNS,
    );
  });

  it('a record in an organisations search is never dropped, whatever its type (contract 15b item 1)', () => {
    const collectionNames = ['organizations', 'events', 'projects', 'poi', 'classifieds', 'ressources', 'jobs'];
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-f]{24}$/),
        fc.string({ minLength: 1, maxLength: 40 }).filter((name) => /\p{L}/u.test(name)),
        fc.option(fc.oneof(fc.constantFrom('NGO', 'LocalBusiness', 'GovernmentOrganization', 'Cooperative', 'Group', 'Association', 'ngo', '', 'null'), anyValue), { nil: undefined }),
        fc.constantFrom<readonly string[]>(['organizations'], ['NGO'], ['NGO', 'Cooperative'], ['organizations', 'events'], ['poi', 'organizations', 'projects']),
        (id, name, type, asked) => {
          const record: Record<string, unknown> = { id, name };
          if (type !== undefined) record.type = type;
          const page = normalizeSearchResponse({ results: { [id]: record } }, { base: BASE }, [], asked);
          const item = page.items[0];
          // A collection name in `type` is what the record says it is; anything else makes it an organisation.
          const expected = typeof type === 'string' && collectionNames.includes(type) ? item?.kind !== undefined : item?.kind === 'organization';
          return page.dropped === 0 && page.items.length === 1 && expected;
        },
      ),
      RUNS,
    );
  });

  it('toGeoPoint refuses (0,0) but accepts the equator or the meridian alone', () => {
    expect(toGeoPoint(0, 0)).to.equal(null);
    expect(toGeoPoint(0, 55.45)).to.deep.equal({ lat: 0, lng: 55.45 });
    expect(toGeoPoint(48.85, 0)).to.deep.equal({ lat: 48.85, lng: 0 });
  });
});
