// Case: sandbox latency of a 500-item search, measured from a page (fetch + json()).
// Baseline: the same page fetching a static JSON file of the same bytes from a plain static server in the
// same process, so the ratio is the sandbox's own overhead (routing, filtering, paging, serialising).
//
// Shape of a case module (test/bench/run.mjs reads these fields):
//   id, title, order, reps (measured repetitions), sandboxSize (elements the shared sandbox must hold),
//   timeoutMs? (per measurement, default 60 s),
//   setup(ctx) → state          ctx: { root, browser, sandbox: {url}, pages, files (static servers: put(path, body, type)) }
//   variants: [{ id, label, baseline?, measure(page, state, ctx) → ms | { ms, info } }]
//   check?(variant, info, state)  throws when a measurement did not do what it claims
//   describe?(state) → string, notes?(state, result) → string[], teardown?(state, ctx)
// Each measure() gets a fresh browser context + page already on a blank page of the `pages` origin.

const SEARCH_PATH = '/co2/search/globalautocomplete';
const ITEMS = 500;

function countResults(json) {
  const results = json?.results;
  if (Array.isArray(results)) return results.length;
  return results && typeof results === 'object' ? Object.keys(results).length : 0;
}

// Runs in the page: one timed request, CORS-simple like the widgets' (no custom header, no cookies).
async function timedFetch({ url, body }) {
  const init = body
    ? { method: 'POST', body: new URLSearchParams(body), credentials: 'omit', cache: 'no-store' }
    : { credentials: 'omit', cache: 'no-store' };
  const t0 = performance.now();
  const response = await fetch(url, init);
  const json = await response.json();
  const ms = performance.now() - t0;
  const results = json?.results;
  const n = Array.isArray(results) ? results.length : results && typeof results === 'object' ? Object.keys(results).length : 0;
  return { ms, info: { status: response.status, n } };
}

export default {
  id: 'sandbox-search',
  order: 1,
  title: `a. Sandbox latency: ${ITEMS}-item search (POST ${SEARCH_PATH}, fetch + json() in the page)`,
  reps: 15,
  sandboxSize: 5000,

  async setup(ctx) {
    const body = `searchType%5B%5D=organizations&indexMin=0&indexStep=${ITEMS}`;
    const response = await fetch(ctx.sandbox.url + SEARCH_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    if (!response.ok) throw new Error(`sandbox answered HTTP ${response.status} to the 500-item search`);
    const bytes = Buffer.from(await response.arrayBuffer());
    const count = countResults(JSON.parse(bytes.toString('utf8')));
    if (count !== ITEMS) throw new Error(`the sandbox returned ${count} organisations, expected ${ITEMS} (sandbox too small?)`);
    const staticUrl = ctx.files.put('/search-500.json', bytes, 'application/json; charset=utf-8');
    return { searchUrl: ctx.sandbox.url + SEARCH_PATH, body, staticUrl, bytes: bytes.length, count };
  },

  variants: [
    {
      id: 'static',
      label: 'static JSON file, same bytes',
      baseline: true,
      measure: (page, state) => page.evaluate(timedFetch, { url: state.staticUrl }),
    },
    {
      id: 'sandbox',
      label: 'sandbox search',
      measure: (page, state) => page.evaluate(timedFetch, { url: state.searchUrl, body: state.body }),
    },
  ],

  check(variant, info) {
    if (info?.status !== 200 || info?.n !== ITEMS) {
      throw new Error(`${variant.id}: HTTP ${info?.status}, ${info?.n} results instead of ${ITEMS}`);
    }
  },

  describe: (state) => `response ${state.bytes.toLocaleString('en-US')} bytes, ${state.count} results; fresh context each rep, so connection setup is in both`,

  notes(state, result) {
    const [base, sandbox] = result.variants;
    return [`sandbox overhead ≈ ${(sandbox.median - base.median).toFixed(1)} ms per 500-item page (median difference)`];
  },
};
