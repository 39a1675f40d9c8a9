#!/usr/bin/env node
// `npm run bench`: benchmarks in Debian's Chromium (puppeteer-core, never a downloaded browser), following
// shared/perf-anchors.md "Method": every repetition in a fresh browser context + page, the variants of a
// case interleaved, round 0 a discarded warm-up, then median [min–max] and ratios against a baseline
// measured in the same run (absolute numbers on shared 2-core machines drift ±20 %; ratios hold).
//
//   npm run bench                          every case
//   npm run bench -- --only normalize      some cases (comma-separated ids)
//   npm run bench -- --reps 5              measured repetitions per variant (default: each case's own)
//   npm run bench -- --json bench.json     also write the results as JSON
//
// A case is a module in test/bench/cases/ (see the comment at the top of cases/sandbox-search.mjs).
import { writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { environment, fmtMs, fmtSummary, launchChromium, startStaticServer, summarize, table } from './lib.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    reps: { type: 'string' },
    json: { type: 'string' },
    list: { type: 'boolean', default: false },
  },
});

process.env.PUPPETEER_SKIP_DOWNLOAD = '1';

// --- cases -------------------------------------------------------------------------------------------
const caseDir = new URL('./cases/', import.meta.url);
const caseFiles = (await readdir(caseDir)).filter((f) => f.endsWith('.mjs')).sort();
let cases = [];
for (const file of caseFiles) {
  const { default: benchCase } = await import(new URL(file, caseDir).href);
  cases.push(benchCase);
}
cases.sort((a, b) => (a.order ?? 99) - (b.order ?? 99));
if (args.list) {
  for (const c of cases) console.log(`${c.id.padEnd(20)} ${c.title}`);
  process.exit(0);
}
if (args.only) {
  const wanted = new Set(args.only.split(',').map((s) => s.trim()));
  const unknown = [...wanted].filter((id) => !cases.some((c) => c.id === id));
  if (unknown.length) {
    console.error(`unknown case(s): ${unknown.join(', ')}; known: ${cases.map((c) => c.id).join(', ')}`);
    process.exit(2);
  }
  cases = cases.filter((c) => wanted.has(c.id));
}
const repsOverride = args.reps ? Number(args.reps) : null;
if (repsOverride !== null && !(repsOverride >= 1)) throw new Error('--reps must be a positive integer');

// --- shared environment ------------------------------------------------------------------------------
const { startSandbox } = await import(pathToFileURL(`${ROOT}sandbox/index.mjs`).href);
const sandboxSize = Math.max(0, ...cases.map((c) => c.sandboxSize ?? 0));
const sandboxStarted = performance.now();
const sandbox = await startSandbox({
  port: 0,
  now: '2026-12-01T00:00:00Z', // fixed date and seed: the same data every run
  seed: 'bench',
  ...(sandboxSize ? { size: sandboxSize } : {}),
});
const sandboxStartMs = performance.now() - sandboxStarted;

// Two plain static servers: pages and their modules on one origin, data files on another, so the baseline
// fetch is cross-origin (CORS-simple) exactly like the sandbox's. Neither does any work per request.
const pages = await startStaticServer();
const files = await startStaticServer();
const BLANK = pages.put('/bench.html', '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>', 'text/html; charset=utf-8');

const browser = await launchChromium();
const env = environment(await browser.version());
const loadStart = os.loadavg()[0];

console.log('# communecter-widgets benchmarks');
console.log(`_${env.date}, ${env.browser}, Node ${env.node}, ${env.cpu}, ${env.platform}, loadavg(1m) start ${env.loadavg}_`);
console.log(`_sandbox: ${sandbox.url}${sandboxSize ? `, size ${sandboxSize.toLocaleString('en-US')}` : ''}, started in ${fmtMs(sandboxStartMs)} ms; method: fresh browser context + page per repetition, variants interleaved, 1 warm-up round discarded_`);

const ctx = { root: ROOT, browser, sandbox, pages, files, blankUrl: BLANK };

// A measurement that never settles (a page waiting for an event that never comes) fails after this long,
// instead of after puppeteer's 180 s protocol timeout. A case may set its own `timeoutMs`.
const DEFAULT_TIMEOUT_MS = 60_000;

async function inFreshPage(fn, timeoutMs, label) {
  const context = await browser.createBrowserContext();
  let timer;
  try {
    const page = await context.newPage();
    await page.goto(BLANK, { waitUntil: 'load' });
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${label}: no result after ${timeoutMs / 1000} s`)), timeoutMs);
    });
    return await Promise.race([fn(page), timeout]);
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => undefined);
  }
}

const report = { environment: { ...env, loadavgStart: loadStart }, cases: [] };
let failures = 0;

for (const benchCase of cases) {
  const reps = repsOverride ?? benchCase.reps ?? 5;
  console.log(`\n## ${benchCase.title}`);
  let state;
  const caseStarted = performance.now();
  try {
    state = await benchCase.setup(ctx);
    const samples = new Map(benchCase.variants.map((v) => [v.id, []]));
    // Secondary figures a variant reports per repetition in info.metrics ({name: number}).
    const metricSamples = new Map(benchCase.variants.map((v) => [v.id, new Map()]));
    const lastInfo = new Map();
    for (let round = 0; round <= reps; round++) {
      for (const variant of benchCase.variants) {
        const result = await inFreshPage(
          (page) => variant.measure(page, state, ctx),
          benchCase.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          `${variant.id}, round ${round}`,
        );
        const { ms, info } = typeof result === 'number' ? { ms: result } : result;
        if (!Number.isFinite(ms)) throw new Error(`${variant.id}: measurement returned ${ms}`);
        benchCase.check?.(variant, info, state);
        if (round > 0) {
          samples.get(variant.id).push(ms);
          for (const [name, value] of Object.entries(info?.metrics ?? {})) {
            const perVariant = metricSamples.get(variant.id);
            if (!perVariant.has(name)) perVariant.set(name, []);
            perVariant.get(name).push(value);
          }
        }
        lastInfo.set(variant.id, info);
      }
    }
    const baseline = benchCase.variants.find((v) => v.baseline) ?? benchCase.variants[0];
    // A variant may name its own baseline (`against`: a variant id), e.g. one per size in a case
    // measured at several sizes; the others compare with the case's baseline.
    const baselineOf = (v) => benchCase.variants.find((b) => b.id === v.against) ?? baseline;
    const isBaseline = (v) => v === baseline || benchCase.variants.some((other) => other.against === v.id);
    // 'slowdown' (default): variant ÷ baseline, the cost of doing more than the baseline does;
    // 'speedup': baseline ÷ variant, how many times faster than the baseline the variant is.
    const speedup = benchCase.ratio === 'speedup';
    const ratioOf = (value, base) => (speedup ? base / value : value / base);
    const ratioHead = speedup ? 'baseline ÷ variant' : 'variant ÷ baseline';
    const rows = [['variant', `${benchCase.unit ?? 'ms'}: median [min–max]`, ratioHead]];
    const result = { id: benchCase.id, title: benchCase.title, reps, variants: [], metrics: [] };
    for (const variant of benchCase.variants) {
      const s = summarize(samples.get(variant.id));
      const ratio = ratioOf(s.median, summarize(samples.get(baselineOf(variant).id)).median);
      rows.push([`${variant.label}${isBaseline(variant) ? ' (baseline)' : ''}`, fmtSummary(s), isBaseline(variant) ? '1.00' : `${ratio.toFixed(2)}×`]);
      result.variants.push({ id: variant.id, label: variant.label, baseline: isBaseline(variant), ...s, ratio, samples: samples.get(variant.id), info: lastInfo.get(variant.id) });
    }
    console.log(`_${reps} reps after 1 warm-up${benchCase.describe ? `; ${benchCase.describe(state)}` : ''}_\n`);
    console.log(table(rows));
    const metricNames = [...new Set(benchCase.variants.flatMap((v) => [...metricSamples.get(v.id).keys()]))];
    if (metricNames.length > 0) {
      const head = ['figure', ...benchCase.variants.map((v) => v.id), ...benchCase.variants.filter((v) => !isBaseline(v)).map((v) => `${v.id}: ${ratioHead}`)];
      const metricRows = [head];
      for (const name of metricNames) {
        const unit = benchCase.metricUnits?.[name] ?? 'ms';
        const summaries = benchCase.variants.map((v) => {
          const values = metricSamples.get(v.id).get(name);
          return values?.length ? summarize(values) : null;
        });
        const ratios = benchCase.variants
          .map((v, i) => [v, summaries[i], summaries[benchCase.variants.indexOf(baselineOf(v))]])
          .filter(([v]) => !isBaseline(v))
          .map(([, s, base]) => (s && base && s.median > 0 ? `${ratioOf(s.median, base.median).toFixed(1)}×` : '–'));
        const cells = summaries.map((s) => (s ? (unit === 'ms' ? fmtSummary(s) : `${fmtMs(s.median)} ${unit}`) : '–'));
        metricRows.push([`${name}${unit === 'ms' ? '' : ` (${unit})`}`, ...cells, ...ratios]);
        result.metrics.push({ name, unit, variants: Object.fromEntries(benchCase.variants.map((v, i) => [v.id, summaries[i]])) });
      }
      console.log('');
      console.log(table(metricRows));
    }
    for (const line of benchCase.notes?.(state, result) ?? []) console.log(`- ${line}`);
    report.cases.push(result);
  } catch (error) {
    failures++;
    console.log(`FAILED: ${error?.message ?? error}`);
    report.cases.push({ id: benchCase.id, title: benchCase.title, error: String(error?.message ?? error) });
  } finally {
    await benchCase.teardown?.(state, ctx);
    console.log(`_case time ${fmtMs((performance.now() - caseStarted) / 1000)} s_`);
  }
}

report.environment.loadavgEnd = os.loadavg()[0];
console.log(`\n_loadavg(1m) start ${loadStart.toFixed(2)} / end ${os.loadavg()[0].toFixed(2)}_`);
await browser.close();
await Promise.all([pages.close(), files.close(), sandbox.close()]);
if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2));
if (failures) {
  console.error(`\n${failures} case(s) failed (see FAILED above).`);
  process.exit(1);
}
