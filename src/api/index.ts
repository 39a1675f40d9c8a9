/**
 * The Communecter client: the only module that talks to the network. Widgets import from here.
 */
export { ApiError, isAbortError, isApiError, type ApiErrorKind } from './errors.js';
export {
  clientFor,
  createClient,
  DEFAULT_API_BASE,
  normalizeBaseUrl,
  parseRetryAfter,
  resetClientState,
  type ClientOptions,
  type CommunecterClient,
  type RequestOptions,
} from './client.js';
export { encodeForm, type FormFields } from './form.js';
export { clearStoredAnswers, type StoredAnswer } from './store.js';
export {
  buildSearchForm,
  countedTypes,
  searchElements,
  SEARCH_PATH,
  type LocalityFilter,
  type MarketFilter,
  type SearchQuery,
  type SearchType,
} from './search.js';
export { loadScope, loadServerPage, type ScopeLoadOptions, type ScopeSet, type ServerFilters } from './loader.js';
export { fetchElementEvents, fetchOpenData, resolveSlug, type OpenDataQuery } from './elements.js';
export { fetchEventsInWindow, fetchOrganizationEvents, type EventWindowQuery } from './agenda.js';
export { DEFAULT_LINK_BASE, elementPageUrl, normalizeLinkBase } from './links.js';
export {
  checkBaseUrl,
  checkElementRef,
  checkList,
  checkScope,
  parseList,
  type CheckedScope,
  type ConfigProblem,
  type Scope,
  type ScopeAttributes,
} from './scope.js';
export { normalizeElement, detectCollection, type NormalizeContext } from './normalize/elements.js';
export {
  normalizeElementMap,
  normalizeOpenDataResponse,
  normalizeSearchResponse,
  normalizeSlugInfo,
  type OpenDataPage,
  type SlugInfo,
} from './normalize/responses.js';
export { plainExcerpt, toTimeZone } from './normalize/primitives.js';
export * from './types.js';
export { loadPlaces, MAX_PLACES, PLACE_FIELDS, type PlacesOptions, type PlacesProgress } from './places.js';
export {
  ASKABLE_CURRENCIES,
  ASKABLE_SECTIONS,
  MARKET_LOAD_LIMIT,
  checkMarket,
  fetchOrganizationMarket,
  isMarketCategory,
  marketSearchQuery,
  matchesFilters,
  searchMarket,
  type MarketAttributes,
  type MarketFilters,
  type MarketLoadOptions,
  type MarketSet,
} from './market.js';
export {
  CONTACT_MASK,
  JOB_SECTORS,
  MARKET_CATEGORIES,
  MARKET_KINDS,
  MARKET_SECTIONS,
  canonicalCurrency,
  hasContact,
  maskContacts,
  normalizeMarketRecord,
  normalizeMarketRecords,
  type MarketItem,
  type MarketKind,
  type MarketNormalizeOptions,
  type MarketPoster,
  type MarketSection,
} from './normalize/market.js';
