/**
 * schema.org objects for the items the marketplace shows: `Offer` (businessFunction Sell, or
 * LeaseOut for rentals) for offers and classifieds, `Demand` for needs, `JobPosting` for jobs. The
 * place is the commune; a private person is never named; the currency is an ISO code where one
 * exists (no `priceCurrency` for Ğ1 or an unknown symbol). Written by the shared JsonLdController.
 */
import { plainExcerpt, type MarketItem } from '../../api/index.js';
import { isoCurrency } from '../../lib/format.js';
import { truncateGraphemes } from '../../lib/text.js';

const GOOD_RELATIONS = 'http://purl.org/goodrelations/v1#';

function place(item: MarketItem): object | undefined {
  if (!item.locality && !item.country) return undefined;
  return {
    '@type': 'Place',
    address: {
      '@type': 'PostalAddress',
      ...(item.locality ? { addressLocality: item.locality } : {}),
      ...(item.postalCode ? { postalCode: item.postalCode } : {}),
      ...(item.country ? { addressCountry: item.country } : {}),
    },
  };
}

function organisation(item: MarketItem): object | undefined {
  return item.poster.kind === 'organization' && item.poster.name ? { '@type': 'Organization', name: item.poster.name } : undefined;
}

/** One item's schema.org object (texts already masked by the normaliser). */
export function marketJsonLd(item: MarketItem, url: string): Record<string, unknown> {
  const description = item.description ? truncateGraphemes(plainExcerpt(item.description.source), 500) : undefined;
  const base: Record<string, unknown> = { '@context': 'https://schema.org', url };
  if (item.marketKind === 'jobs' && item.section !== 'need') {
    return {
      ...base,
      '@type': 'JobPosting',
      title: item.name,
      description: description ?? item.name,
      ...(item.published ? { datePosted: item.published.toISOString().slice(0, 10) } : {}),
      ...(item.category === 'internship' ? { employmentType: 'INTERN' } : {}),
      ...(organisation(item) ? { hiringOrganization: organisation(item) } : {}),
      ...(place(item) ? { jobLocation: place(item) } : {}),
    };
  }
  const iso = isoCurrency(item.currency);
  const priced = item.price !== null ? { price: item.price, ...(iso ? { priceCurrency: iso } : {}) } : {};
  const common = {
    ...base,
    name: item.name,
    ...(description ? { description } : {}),
    ...priced,
    ...(place(item) ? { areaServed: place(item) } : {}),
    ...(item.images.medium ? { image: item.images.medium } : {}),
  };
  if (item.section === 'need') return { ...common, '@type': 'Demand', ...(organisation(item) ? { seeks: { '@type': 'Thing', name: item.name } } : {}) };
  return {
    ...common,
    '@type': 'Offer',
    businessFunction: `${GOOD_RELATIONS}${item.section === 'forrent' ? 'LeaseOut' : 'Sell'}`,
    ...(organisation(item) ? { offeredBy: organisation(item) } : {}),
  };
}
