// Case: <cc-agenda> with 2,000 events in one month (issue 4 "Speed"), against FullCalendar 6.1
// (@fullcalendar/core + daygrid + list), the calendar a webmaster would otherwise reach for.
//
// The same 2,000 events (seeded, December 2026, La Réunion) go to both, on a 1000×800 box.
//   - FullCalendar (baseline): `new Calendar(el, {initialView: 'dayGridMonth', events})`, timed from
//     `calendar.render()` to the second rAF (its constructor and the event objects are not timed).
//   - cc-agenda: the real element on a stubbed search route serving the 2,000 events as the platform's
//     wire JSON (4 pages of 500); timed from the moment the last answer is handed to the client to the
//     second rAF after cc-load, so JSON parse, normalisation, the window's overlap and the grid's render
//     are all inside.
// Secondary figures: the list view (FC listMonth / cc-agenda list) on the same events, DOM nodes of the
// month view, and cc-agenda's .ics of the 2,000 events (buildIcs) with, as a floor for comparison,
// JSON.stringify of the same occurrences. Bundle sizes (gzip -9) are printed in the notes.
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const COUNT = 2000;
const TYPES = ['workshop', 'concert', 'meeting', 'market', 'festival', 'course', 'conference', 'getTogether'];

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 2,000 events as the search route sends them (raw documents, +0000 dates), keyed by id. */
function wireEvents() {
  const random = mulberry32(20261201);
  const results = {};
  for (let i = 0; i < COUNT; i++) {
    const day = 1 + Math.floor(random() * 31);
    const startMinutes = (7 + Math.floor(random() * 14)) * 60 + Math.floor(random() * 4) * 15;
    const duration = 30 + Math.floor(random() * 6) * 30;
    // Local Réunion times (UTC+4) written in UTC, as the platform stores them.
    const start = new Date(Date.UTC(2026, 11, day, 0, startMinutes - 240));
    const end = new Date(start.getTime() + duration * 60_000);
    const iso = (date) => date.toISOString().replace(/\.\d{3}Z$/, '+0000');
    const id = (0x5c0f00000000 + i).toString(16).padStart(24, '0');
    results[id] = {
      _id: { $id: id },
      name: `Événement ${i + 1} — atelier du quartier`,
      type: 'events',
      typeEvent: TYPES[i % TYPES.length],
      collection: 'events',
      startDate: iso(start),
      endDate: iso(end),
      timeZone: 'Indian/Reunion',
      tags: [`theme${i % 23}`],
      address: { addressLocality: 'Saint-Denis', postalCode: '97400', codeInsee: '97411', addressCountry: 'RE' },
    };
  }
  return results;
}

async function esbuildBundle(root, contents, name) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, sourcefile: name, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    splitting: false,
    tsconfig: join(root, 'tsconfig.json'),
    conditions: ['production'],
    ignoreAnnotations: true,
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents;
}

/**
 * What a page with only the agenda downloads before a detail opens: the entry and its static
 * imports, with lazy chunks (the description pipeline) split off, as the published build does.
 */
async function initialGzip(root, entry) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'esm',
    splitting: true,
    outdir: join(root, '.cache', 'bench-split'),
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    tsconfig: join(root, 'tsconfig.json'),
    conditions: ['production'],
    ignoreAnnotations: true,
    logLevel: 'silent',
  });
  const files = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
  const outputs = result.metafile.outputs;
  const entryOut = Object.keys(outputs).find((name) => outputs[name].entryPoint);
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const imported of outputs[name].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entryOut);
  let total = 0;
  for (const name of seen) total += gzipSync(files.get(join(root, name)) ?? files.get(name), { level: 9 }).length;
  return total;
}

const twoFrames = 'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))';

function countNodes(selector) {
  return `(() => { const el = document.querySelector(${JSON.stringify(selector)}); let n = 0;
    for (const root of [el, el.shadowRoot]) { if (!root) continue; const w = document.createTreeWalker(root, NodeFilter.SHOW_ALL); while (w.nextNode()) n++; }
    return n; })()`;
}

export default {
  id: 'agenda',
  order: 4,
  title: `d. <cc-agenda>: ${COUNT.toLocaleString('en-US')} events in a month, against FullCalendar 6.1`,
  reps: 5,
  ratio: 'speedup',
  metricUnits: { 'DOM nodes, month view': 'nodes' },

  async setup(ctx) {
    const results = wireEvents();
    const fcEvents = Object.values(results).map((event) => ({ title: event.name, start: event.startDate.replace('+0000', 'Z'), end: event.endDate.replace('+0000', 'Z') }));
    const fcCode = await esbuildBundle(
      ctx.root,
      `import { Calendar } from '@fullcalendar/core'; import dayGridPlugin from '@fullcalendar/daygrid'; import listPlugin from '@fullcalendar/list';
       window.FC = { Calendar, dayGridPlugin, listPlugin };`,
      'bench-fullcalendar.ts',
    );
    const ccCode = await esbuildBundle(
      ctx.root,
      `import './src/components/cc-agenda/cc-agenda.define.ts';
       export { buildIcs } from './src/components/cc-agenda/agenda-export.ts';
       export { occurrencesInWindow } from './src/components/cc-agenda/agenda-model.ts';
       export { normalizeSearchResponse } from './src/api/index.ts';`,
      'bench-agenda.ts',
    );
    const agendaGzip = await initialGzip(ctx.root, 'src/components/cc-agenda/cc-agenda.define.ts');
    return {
      fcUrl: ctx.pages.put('/fullcalendar.js', Buffer.from(fcCode), 'text/javascript; charset=utf-8'),
      ccUrl: ctx.pages.put('/agenda-bench.js', Buffer.from(ccCode), 'text/javascript; charset=utf-8'),
      wireUrl: ctx.files.put('/agenda-events.json', Buffer.from(JSON.stringify(results)), 'application/json; charset=utf-8'),
      fcEventsUrl: ctx.files.put('/fc-events.json', Buffer.from(JSON.stringify(fcEvents)), 'application/json; charset=utf-8'),
      fcGzip: gzipSync(fcCode, { level: 9 }).length,
      agendaGzip,
    };
  },

  variants: [
    {
      id: 'fullcalendar',
      label: 'FullCalendar 6.1 dayGridMonth',
      baseline: true,
      measure: (page, state) =>
        page.evaluate(
          async ({ fcUrl, fcEventsUrl, frames, nodes }) => {
            await import(fcUrl);
            const events = await (await fetch(fcEventsUrl)).json();
            const { Calendar, dayGridPlugin, listPlugin } = window.FC;
            const box = (id) => {
              const el = document.createElement('div');
              el.id = id;
              el.style.cssText = 'width:1000px;height:800px';
              document.body.append(el);
              return el;
            };
            const month = new Calendar(box('fc-month'), { plugins: [dayGridPlugin, listPlugin], initialView: 'dayGridMonth', initialDate: '2026-12-01', timeZone: 'UTC', events, height: 800, headerToolbar: false });
            const t0 = performance.now();
            month.render();
            await new Function(`return ${frames}`)();
            const ms = performance.now() - t0;
            const monthNodes = new Function(`return ${nodes}`)();
            const list = new Calendar(box('fc-list'), { plugins: [dayGridPlugin, listPlugin], initialView: 'listMonth', initialDate: '2026-12-01', timeZone: 'UTC', events, height: 800, headerToolbar: false });
            const l0 = performance.now();
            list.render();
            await new Function(`return ${frames}`)();
            const listMs = performance.now() - l0;
            return { ms, info: { metrics: { 'list view →2rAF': listMs, 'DOM nodes, month view': monthNodes } } };
          },
          { ...state, frames: twoFrames, nodes: countNodes('#fc-month') },
        ),
    },
    {
      id: 'cc-agenda',
      label: '<cc-agenda> month view',
      measure: (page, state) =>
        page.evaluate(
          async ({ ccUrl, wireUrl, frames, nodes }) => {
            const module = await import(ccUrl);
            const all = await (await fetch(wireUrl)).json();
            const entries = Object.entries(all);
            let lastAnswer = 0;
            const realFetch = window.fetch;
            // The platform's answers: pages of 500 for the dated query, nothing for the recurring one.
            window.fetch = async (input, init) => {
              if (!String(input).includes('/co2/search/')) return realFetch(input, init);
              const body = new URLSearchParams(String(init?.body ?? ''));
              const from = Number(body.get('indexMin') ?? 0);
              const step = Number(body.get('indexStep') ?? 30);
              const page = body.has('startDate') ? Object.fromEntries(entries.slice(from, from + step)) : {};
              lastAnswer = performance.now();
              return new Response(JSON.stringify({ results: page }), { headers: { 'Content-Type': 'application/json' } });
            };
            const mountAgenda = async (view) => {
              const el = document.createElement('cc-agenda');
              el.viewerZone = 'Indian/Reunion';
              for (const [name, value] of Object.entries({ 'api-base': 'https://bench.invalid', view, from: '2026-12-01', to: '2026-12-31', 'time-zone': 'Indian/Reunion', 'no-jsonld': '' })) el.setAttribute(name, value);
              el.style.cssText = 'display:block;width:1000px;height:800px;overflow:auto';
              const loaded = new Promise((resolve) => el.addEventListener('cc-load', resolve, { once: true }));
              document.body.append(el);
              await loaded;
              await el.updateComplete;
              await new Function(`return ${frames}`)();
              return { el, ms: performance.now() - lastAnswer };
            };
            const month = await mountAgenda('month');
            month.el.id = 'cc-month';
            const monthNodes = new Function(`return ${nodes}`)();
            const list = await mountAgenda('list');
            window.fetch = realFetch;
            // The .ics of all 2,000 occurrences, and JSON.stringify of the same as a floor.
            const events = module.normalizeSearchResponse({ results: all }, { base: 'https://bench.invalid' }).items;
            const occurrences = module.occurrencesInWindow(events, { start: new Date('2026-11-30T20:00:00Z'), end: new Date('2026-12-31T20:00:00Z') }, 'Indian/Reunion');
            const i0 = performance.now();
            const ics = module.buildIcs(occurrences, { now: new Date(), urlOf: (event) => `https://www.communecter.org/#@${event.id}` });
            const icsMs = performance.now() - i0;
            const j0 = performance.now();
            JSON.stringify(occurrences);
            const jsonMs = performance.now() - j0;
            return {
              ms: month.ms,
              info: {
                occurrences: occurrences.length,
                icsBytes: ics.length,
                metrics: { 'list view →2rAF': list.ms, 'DOM nodes, month view': monthNodes, '.ics of 2,000 events (buildIcs)': icsMs, 'JSON.stringify of the same (floor)': jsonMs },
              },
            };
          },
          { ...state, frames: twoFrames, nodes: countNodes('#cc-month') },
        ),
    },
  ],

  check(variant, info) {
    if (variant.id === 'cc-agenda') {
      if (info.occurrences !== COUNT) throw new Error(`cc-agenda: ${info.occurrences} occurrences instead of ${COUNT}`);
      if (info.metrics['DOM nodes, month view'] > 1400) throw new Error(`cc-agenda month view has ${info.metrics['DOM nodes, month view']} DOM nodes (> 1,400)`);
    }
  },

  describe: (state) =>
    `bundles (esbuild, minified, gzip -9): FullCalendar core+daygrid+list ${(state.fcGzip / 1024).toFixed(1)} KB, cc-agenda entry (everything before a detail opens) ${(state.agendaGzip / 1024).toFixed(1)} KB`,

  notes(state, result) {
    const cc = result.variants.find((v) => v.id === 'cc-agenda');
    return [
      `size: FullCalendar ${state.fcGzip.toLocaleString('en-US')} B vs cc-agenda ${state.agendaGzip.toLocaleString('en-US')} B gzip, ${(state.fcGzip / state.agendaGzip).toFixed(2)}× smaller`,
      `cc-agenda .ics of ${cc.info?.occurrences} occurrences: ${cc.info?.icsBytes?.toLocaleString('en-US')} characters`,
    ];
  },
};
