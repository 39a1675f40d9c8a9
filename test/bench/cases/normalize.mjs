// Case: client normalisation of 10,000 raw search records (wire JSON → domain objects), in the page.
// The normaliser is `normalizeSearchResponse(raw, context)` from src/api/index.ts, bundled for the page
// with esbuild (format esm). Baseline: JSON.parse(JSON.stringify(raw)), a deep copy of the same object,
// i.e. the cost floor of touching every record once. Fetching and parsing the raw JSON is not timed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const SEARCH_PATH = '/co2/search/globalautocomplete';
const RECORDS = 10_000;
const TYPES = ['organizations', 'projects', 'events', 'poi', 'classifieds'];

async function bundleNormalizer(root) {
  const entry = join(root, 'src/api/index.ts');
  if (!existsSync(entry)) throw new Error('src/api/index.ts does not exist yet: this case needs the client\'s normalizeSearchResponse');
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'silent',
  });
  const [output] = Object.values(result.metafile.outputs);
  if (!output.exports.includes('normalizeSearchResponse')) {
    throw new Error('src/api/index.ts does not export normalizeSearchResponse (yet): cannot time the normaliser');
  }
  return result.outputFiles[0].contents;
}

export default {
  id: 'normalize',
  order: 2,
  title: `b. Client normalisation of ${RECORDS.toLocaleString('en-US')} raw records (normalizeSearchResponse, in the page)`,
  reps: 7,
  sandboxSize: 25_000,

  async setup(ctx) {
    const code = await bundleNormalizer(ctx.root);
    const moduleUrl = ctx.pages.put('/normalize.js', Buffer.from(code), 'text/javascript; charset=utf-8');

    // 10,000 records of several kinds, fetched once from a sandbox of ≥ 20,000 elements (indexStep is per type).
    const body = new URLSearchParams();
    for (const type of TYPES) body.append('searchType[]', type);
    body.set('indexMin', '0');
    body.set('indexStep', String(RECORDS));
    const response = await fetch(ctx.sandbox.url + SEARCH_PATH, { method: 'POST', body });
    if (!response.ok) throw new Error(`sandbox answered HTTP ${response.status}`);
    const json = await response.json();
    const entries = Array.isArray(json.results) ? json.results.map((v, i) => [String(i), v]) : Object.entries(json.results ?? {});
    if (entries.length < RECORDS) throw new Error(`the sandbox returned only ${entries.length} records, ${RECORDS} needed`);
    // Interleave the kinds so the 10,000 are a mix, as a multi-type search returns them.
    const byType = new Map();
    for (const [key, value] of entries) {
      const type = value?.collection ?? value?.type ?? 'other';
      if (!byType.has(type)) byType.set(type, []);
      byType.get(type).push([key, value]);
    }
    const picked = [];
    const lists = [...byType.values()];
    for (let i = 0; picked.length < RECORDS; i++) {
      for (const list of lists) if (i < list.length && picked.length < RECORDS) picked.push(list[i]);
    }
    const raw = { results: Object.fromEntries(picked) };
    const bytes = Buffer.from(JSON.stringify(raw));
    const rawUrl = ctx.files.put('/raw-10000.json', bytes, 'application/json; charset=utf-8');
    const counts = new Map();
    for (const [, value] of picked) {
      const type = value?.collection ?? value?.type ?? 'other';
      counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    const mix = [...counts].map(([type, n]) => `${type} ${n}`);
    return { rawUrl, moduleUrl, base: ctx.sandbox.url, bytes: bytes.length, bundleBytes: code.length, mix };
  },

  variants: [
    {
      id: 'deep-copy',
      label: 'JSON.parse(JSON.stringify(raw))',
      baseline: true,
      measure: (page, state) =>
        page.evaluate(async ({ rawUrl }) => {
          const raw = await (await fetch(rawUrl)).json();
          const t0 = performance.now();
          const copy = JSON.parse(JSON.stringify(raw));
          const ms = performance.now() - t0;
          return { ms, info: { records: Object.keys(copy.results).length } };
        }, state),
    },
    {
      id: 'normalize',
      label: 'normalizeSearchResponse(raw, { base })',
      measure: (page, state) =>
        page.evaluate(async ({ rawUrl, moduleUrl, base }) => {
          const { normalizeSearchResponse } = await import(moduleUrl);
          const raw = await (await fetch(rawUrl)).json();
          const t0 = performance.now();
          let out = normalizeSearchResponse(raw, { base, origin: base });
          if (out && typeof out.then === 'function') out = await out;
          const ms = performance.now() - t0;
          const items = Array.isArray(out) ? out : out?.items;
          return { ms, info: { records: Object.keys(raw.results).length, items: items?.length ?? null, dropped: out?.dropped ?? null } };
        }, state),
    },
  ],

  check(variant, info) {
    if (info?.records !== RECORDS) throw new Error(`${variant.id}: ${info?.records} records instead of ${RECORDS}`);
    if (variant.id === 'normalize' && !(info.items > 0)) throw new Error('normalizeSearchResponse returned no items');
  },

  describe: (state) =>
    `raw JSON ${state.bytes.toLocaleString('en-US')} bytes (${state.mix.join(', ')}); normaliser bundle ${state.bundleBytes.toLocaleString('en-US')} bytes min; fetch, JSON parse and module load not timed`,

  notes(state, result) {
    const normalize = result.variants.find((v) => v.id === 'normalize');
    const perRecord = (normalize.median / RECORDS) * 1000;
    return [
      `normalised ${normalize.info?.items} items, dropped ${normalize.info?.dropped} (duplicates merged, unusable records dropped)`,
      `≈ ${perRecord.toFixed(1)} µs per record`,
    ];
  },
};
