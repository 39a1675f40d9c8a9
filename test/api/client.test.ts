/**
 * The transport against the sandbox and its fault injection (hostile-inputs.md §4): fault rows
 * 1–8, 12 and 20 each have a named test here (row 11, the double load, is in test/shared).
 */
import { expect } from '@open-wc/testing';
import {
  ApiError,
  clientFor,
  createClient,
  isAbortError,
  normalizeBaseUrl,
  parseRetryAfter,
  resetClientState,
  searchElements,
  fetchElementEvents,
  fetchOpenData,
  resolveSlug,
  type CommunecterClient,
} from '../../src/api/index.js';
import { countFetches, faultBase, sandboxLog, sandboxUrl, uniqueKey } from '../helpers.js';

const FAST = { retryDelayMs: 20, timeoutMs: 2000, totalTimeoutMs: 8000, cacheTtlMs: 0 } as const;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

function fastClient(spec: string, extra: Parameters<typeof createClient>[0] = {}): { client: CommunecterClient; key: string } {
  const { base, key } = faultBase(spec);
  return { client: createClient({ ...FAST, ...extra, baseUrl: base }), key };
}

const ORGS = { types: ['organizations'], indexStep: 5 } as const;

describe('client transport', () => {
  it('gives every element of the page the same client for one api-base, another for another', () => {
    expect(clientFor(sandboxUrl())).to.equal(clientFor(`${sandboxUrl()}/`));
    expect(clientFor(sandboxUrl())).to.not.equal(clientFor(`${sandboxUrl()}/proxy`));
    expect(() => clientFor('javascript:alert(1)')).to.throw().with.property('kind', 'config');
  });

  beforeEach(() => resetClientState());

  describe('against the sandbox', () => {
    it('searches with a CORS-simple POST and gets normalised organisations with counts', async () => {
      const client = createClient({ baseUrl: sandboxUrl() });
      const page = await searchElements(client, { types: ['organizations'], indexStep: 10, count: true });
      expect(page.items.length).to.be.within(1, 10);
      expect(page.items.every((item) => item.kind === 'organization')).to.equal(true);
      expect(page.total).to.be.a('number').and.to.be.at.least(page.items.length);
    });

    it('finds the organisations of a commune by INSEE code through the locality route', async () => {
      const client = createClient({ baseUrl: sandboxUrl() });
      const page = await searchElements(client, { types: ['organizations'], locality: { insee: ['97413'] }, indexStep: 50, count: true });
      expect(page.items.length).to.be.greaterThan(0);
      expect(page.items.every((item) => item.address?.insee === '97413')).to.equal(true);
    });

    it('resolves a slug, then reads that element’s events', async () => {
      const client = createClient({ baseUrl: sandboxUrl() });
      const withEvents = await searchElements(client, { types: ['events'], indexStep: 30 });
      const organizer = withEvents.items.map((item) => (item.kind === 'event' ? item.organizer : null)).find((ref) => ref?.slug && ref.collection === 'organizations');
      expect(organizer, 'an event with an organisation as organiser').to.exist;
      const info = await resolveSlug(client, organizer!.slug!);
      expect(info?.collection).to.equal('organizations');
      const events = await fetchElementEvents(client, { collection: 'organizations', id: info!.id });
      expect(events.length).to.be.greaterThan(0);
      expect(events.every((event) => event.kind === 'event')).to.equal(true);
      expect(await resolveSlug(client, 'no-such-slug-anywhere')).to.equal(null);
    });

    it('reads the open-data API as a fallback', async () => {
      const client = createClient({ baseUrl: sandboxUrl() });
      const page = await fetchOpenData(client, { collection: 'organizations', limit: 3 });
      expect(page.items).to.have.length(3);
      expect(page.returned).to.equal(3);
    });

    it('reports a server without CORS headers as a network error, never a crash', async () => {
      const client = createClient({ ...FAST, retries: 0, baseUrl: window.CC_SANDBOX_NOCORS });
      const error = await rejection(searchElements(client, ORGS));
      expect(error).to.be.instanceOf(ApiError);
      expect((error as ApiError).kind).to.equal('network');
    });

    it('refuses an api-base that is not http(s)', () => {
      expect(() => createClient({ baseUrl: 'javascript:alert(1)' })).to.throw(ApiError);
      expect(normalizeBaseUrl('https://www.communecter.org/')).to.equal('https://www.communecter.org');
      expect(normalizeBaseUrl('')).to.equal('https://www.communecter.org');
    });
  });

  describe('faults (hostile-inputs.md §4)', () => {
    it('fault 1: HTTP 500/502/503 are retried with backoff, then succeed', async () => {
      const { client, key } = fastClient('500,503,ok');
      const page = await searchElements(client, ORGS);
      expect(page.items.length).to.be.greaterThan(0);
      expect((await sandboxLog(key)).length).to.equal(3);
    });

    it('fault 1: a persistent 502 gives up after 2 retries with an http ApiError', async () => {
      const { client, key } = fastClient('502');
      const error = (await rejection(searchElements(client, ORGS))) as ApiError;
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(502);
      expect(error.retryable).to.equal(true);
      expect((await sandboxLog(key)).length).to.equal(3);
    });

    it('fault 2: a 200 with an HTML page is a not-json error, retried, never parsed', async () => {
      const { client, key } = fastClient('html');
      const error = (await rejection(searchElements(client, ORGS))) as ApiError;
      expect(error.kind).to.equal('not-json');
      expect((await sandboxLog(key)).length).to.equal(3);
      const { client: lying } = fastClient('htmljson', { retries: 0 });
      expect(((await rejection(searchElements(lying, ORGS))) as ApiError).kind).to.equal('not-json');
    });

    it('fault 3: truncated JSON is retried, then succeeds', async () => {
      const { client, key } = fastClient('truncated,ok');
      const page = await searchElements(client, ORGS);
      expect(page.items.length).to.be.greaterThan(0);
      expect((await sandboxLog(key)).length).to.equal(2);
    });

    it('fault 3: a body that stays truncated or reset ends as bad-json', async () => {
      const { client } = fastClient('truncated', { retries: 1 });
      expect(((await rejection(searchElements(client, ORGS))) as ApiError).kind).to.equal('bad-json');
      const { client: reset } = fastClient('reset', { retries: 0 });
      const error = (await rejection(searchElements(reset, ORGS))) as ApiError;
      expect(['bad-json', 'network']).to.include(error.kind);
    });

    it('fault 4: a huge payload is cut off at the size cap', async () => {
      const { client } = fastClient('huge:3', { maxBytes: 1024 * 1024 });
      const error = (await rejection(searchElements(client, ORGS))) as ApiError;
      expect(error.kind).to.equal('too-large');
    });

    it('fault 5: a hanging API times out per attempt and within the total budget', async () => {
      const { client, key } = fastClient('hang', { timeoutMs: 300, retries: 1, totalTimeoutMs: 5000 });
      const started = performance.now();
      const error = (await rejection(searchElements(client, ORGS))) as ApiError;
      const elapsed = performance.now() - started;
      expect(error.kind).to.equal('timeout');
      // Two 300 ms attempts: well inside the 5 s total budget (loose: this checks behaviour, not speed).
      expect(elapsed).to.be.below(5000);
      expect((await sandboxLog(key)).length).to.equal(2);
      const { client: budgeted } = fastClient('hang', { timeoutMs: 5000, retries: 5, totalTimeoutMs: 400 });
      const budgetStart = performance.now();
      expect(((await rejection(searchElements(budgeted, ORGS))) as ApiError).kind).to.equal('timeout');
      expect(performance.now() - budgetStart).to.be.below(2500);
    });

    it('fault 6: a change mid-flight aborts the previous request; its late answer never arrives', async () => {
      const { client } = fastClient('slow:400');
      const first = new AbortController();
      const stale = searchElements(client, { ...ORGS, text: 'a' }, { signal: first.signal });
      first.abort();
      const fresh = searchElements(createClient({ ...FAST, baseUrl: sandboxUrl() }), { ...ORGS, text: '' });
      expect(isAbortError(await rejection(stale))).to.equal(true);
      expect((await fresh).items.length).to.be.greaterThan(0);
    });

    it('fault 7: a widget removed during a fetch aborts it and no error follows', async () => {
      const { client, key } = fastClient('hang');
      const controller = new AbortController();
      const pending = searchElements(client, ORGS, { signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 50));
      controller.abort();
      expect(isAbortError(await rejection(pending))).to.equal(true);
      expect((await sandboxLog(key)).length).to.equal(1);
    });

    it('fault 8: 429 with Retry-After is waited out without jitter, and shared by other widgets', async () => {
      const key = uniqueKey('ra');
      const base = `${sandboxUrl()}/__fault/${key}/429:1,ok`;
      const first = createClient({ ...FAST, baseUrl: base });
      const second = createClient({ ...FAST, baseUrl: base });
      const started = performance.now();
      const firstPage = searchElements(first, ORGS);
      // Let the 429 arrive, then a second widget asks something else on the same server.
      await new Promise((resolve) => setTimeout(resolve, 150));
      const secondPage = searchElements(second, { ...ORGS, text: 'e' });
      await Promise.all([firstPage, secondPage]);
      expect(performance.now() - started).to.be.at.least(950);
      const log = await sandboxLog(key);
      expect(log.length).to.equal(3);
      // Nobody knocked again before the second was up.
      const after429 = log.slice(1).map((entry) => Date.parse(entry.time) - Date.parse(log[0]!.time));
      expect(Math.min(...after429)).to.be.at.least(900);
    });

    it('Retry-After over the cap: the error keeps the server’s value and says the shorter wait applied', async () => {
      const { client } = fastClient('429:120', { totalTimeoutMs: 3000 });
      const error = (await rejection(searchElements(client, ORGS))) as ApiError;
      expect(error.kind).to.equal('rate-limited');
      expect(error.retryAfterMs).to.equal(120_000);
      expect(error.retryCappedMs).to.equal(60_000);
      resetClientState();
      const { client: under } = fastClient('503:45', { totalTimeoutMs: 3000 });
      const second = (await rejection(searchElements(under, ORGS))) as ApiError;
      expect(second.retryAfterMs).to.equal(45_000);
      expect(second.retryCappedMs).to.equal(null);
    });

    it('fault 8: Retry-After as an HTTP date, and longer than the budget → rate-limited at once', async () => {
      expect(parseRetryAfter('120')).to.equal(120_000);
      expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString())).to.be.within(3000, 5000);
      expect(parseRetryAfter('soon')).to.equal(null);
      const { client, key } = fastClient('429:date:30', { totalTimeoutMs: 3000 });
      const started = performance.now();
      const error = (await rejection(searchElements(client, ORGS))) as ApiError;
      expect(error.kind).to.equal('rate-limited');
      expect(error.retryAfterMs).to.be.within(25_000, 30_000);
      expect(performance.now() - started).to.be.below(1500);
      expect((await sandboxLog(key)).length).to.equal(1);
    });

    it('fault 12: three identical queries in flight at once make one request', async () => {
      const client = createClient({ baseUrl: sandboxUrl(), cacheTtlMs: 0 });
      const { result, calls } = await countFetches(() =>
        Promise.all([searchElements(client, ORGS), searchElements(createClient({ baseUrl: sandboxUrl() }), ORGS), searchElements(client, ORGS)]),
      );
      expect(calls).to.have.length(1);
      expect(result[0].items.map((item) => item.id)).to.deep.equal(result[2].items.map((item) => item.id));
    });

    it('fault 12: one widget aborting does not cancel the request the others share', async () => {
      const { client } = fastClient('slow:200');
      const leaving = new AbortController();
      const a = searchElements(client, ORGS, { signal: leaving.signal });
      const b = searchElements(client, ORGS);
      leaving.abort();
      expect(isAbortError(await rejection(a))).to.equal(true);
      expect((await b).items.length).to.be.greaterThan(0);
    });

    it('fault 12: a repeat within the cache lifetime is served from memory', async () => {
      const client = createClient({ baseUrl: sandboxUrl(), cacheTtlMs: 60_000 });
      await searchElements(client, { ...ORGS, text: 'cache' });
      const { calls } = await countFetches(() => searchElements(client, { ...ORGS, text: 'cache' }));
      expect(calls).to.have.length(0);
      const { calls: bypass } = await countFetches(() => searchElements(client, { ...ORGS, text: 'cache' }, { cache: false }));
      expect(bypass).to.have.length(1);
    });

    it('a 200 whose body fails the shape check is not cached: the repeat reaches the server', async () => {
      const { base, key } = faultBase('nulljson,ok');
      const client = createClient({ ...FAST, baseUrl: base, cacheTtlMs: 60_000, retries: 0 });
      expect(((await rejection(searchElements(client, ORGS))) as ApiError).kind).to.equal('bad-shape');
      const page = await searchElements(client, ORGS);
      expect(page.items.length).to.be.greaterThan(0);
      expect((await sandboxLog(key)).length).to.equal(2);
      // The good answer is cached as usual.
      await searchElements(client, ORGS);
      expect((await sandboxLog(key)).length).to.equal(2);
    });

    it('the same holds for the slug lookup and an element map (null bodies are never cached)', async () => {
      const { base, key } = faultBase('nulljson');
      const client = createClient({ ...FAST, baseUrl: base, cacheTtlMs: 60_000, retries: 0 });
      expect(((await rejection(resolveSlug(client, 'some-slug'))) as ApiError).kind).to.equal('bad-shape');
      expect(((await rejection(resolveSlug(client, 'some-slug'))) as ApiError).kind).to.equal('bad-shape');
      const element = { collection: 'organizations', id: '0123456789abcdef01234567' };
      expect(((await rejection(fetchElementEvents(client, element))) as ApiError).kind).to.equal('bad-shape');
      expect(((await rejection(fetchElementEvents(client, element))) as ApiError).kind).to.equal('bad-shape');
      expect((await sandboxLog(key)).length).to.equal(4);
    });

    it('fault 20: schema drift (results as an array, null, empty) gives a page, not a crash', async () => {
      const { client } = fastClient('array');
      const page = await searchElements(client, ORGS);
      expect(page.items.length).to.be.greaterThan(0);
      const { client: nullBody } = fastClient('nulljson', { retries: 0 });
      expect(((await rejection(searchElements(nullBody, ORGS))) as ApiError).kind).to.equal('bad-shape');
      const { client: empty } = fastClient('empty', { retries: 0 });
      expect(((await rejection(searchElements(empty, ORGS))) as ApiError).kind).to.equal('bad-json');
    });

    it('only simple requests: the sandbox never sees a preflight', async () => {
      const { client, key } = fastClient('ok');
      await searchElements(client, ORGS);
      await client.getJson('/co2/slug/getinfo/key/x');
      const methods = (await sandboxLog(key)).map((entry) => entry.method);
      expect(methods).to.deep.equal(['POST', 'GET']);
    });
  });
});
