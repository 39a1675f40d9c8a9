// The sandbox: a local stand-in for www.communecter.org's public API, over seeded data.
// createSandbox() gives a request handler (mountable in another server); startSandbox() listens.
import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateData } from './data/generate.mjs';
import { parsePhpForm, phpEmpty, phpJsonEncode, phpValues } from './lib/php.mjs';
import { PlatformError, compress, errorPage, html, json, pathPairs, readBody, replyForError, send, serialize } from './lib/http.mjs';
import { FaultBook, describeStep, extractFault, parseSpec } from './lib/faults.mjs';
import { RequestLog } from './lib/log.mjs';
import { renderSearchFragment, runSearch, searchResponseText, searchResponseValue } from './routes/search.mjs';
import { runAgenda } from './routes/agenda.mjs';
import { API_CONTROLLERS, apiGet, dataGet } from './routes/api.mjs';
import { getDataDetail } from './routes/element.mjs';
import { autocompleteMultiScope, slugInfo } from './routes/helpers.mjs';
import { serveImage } from './routes/images.mjs';
import { serveTile } from './routes/tiles.mjs';
import { generateMapPlaces, parseMapKey } from './data/map-places.mjs';
import { searchOrganization } from './lib/shapes.mjs';
import { escapeHtml } from './lib/text.mjs';

/**
 * @typedef {object} SandboxOptions
 * @property {string} [seed] PRNG seed (default "communecter")
 * @property {number} [size] number of elements: organisations + events + projects + poi + classifieds + ressources (default 3000)
 * @property {string | Date} [now] reference date for event dates and "time ago" labels (default: today 00:00 UTC)
 * @property {'all' | 'none' | 'real'} [cors] Access-Control-Allow-Origin policy (default "all")
 * @property {boolean} [hostile] add the hostile records of hostile-inputs.md §3 (default false)
 * @property {number} [latency] milliseconds added before every platform response (default 0)
 */

const CORS_MODES = new Set(['all', 'none', 'real']);

/** @param {SandboxOptions} options */
export function resolveOptions(options = {}) {
  const seed = options.seed === undefined ? 'communecter' : String(options.seed);
  const size = options.size === undefined ? 3000 : Number(options.size);
  if (!Number.isInteger(size) || size < 0 || size > 2_000_000) throw new RangeError(`size must be an integer between 0 and 2,000,000 (got ${options.size})`);
  let now;
  if (options.now === undefined || options.now === null || options.now === '') {
    const today = new Date();
    now = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  } else {
    now = options.now instanceof Date ? new Date(options.now.getTime()) : new Date(options.now);
  }
  if (Number.isNaN(now.getTime())) throw new RangeError(`now is not a valid date (got ${options.now})`);
  const cors = options.cors ?? 'all';
  if (!CORS_MODES.has(cors)) throw new RangeError(`cors must be "all", "none" or "real" (got ${options.cors})`);
  const latency = options.latency === undefined ? 0 : Number(options.latency);
  if (!Number.isFinite(latency) || latency < 0) throw new RangeError(`latency must be a non-negative number of milliseconds (got ${options.latency})`);
  return { seed, size, now, cors, hostile: Boolean(options.hostile), latency };
}

/**
 * A platform route: what it needs from the request, and whether the 2018 code sends the CORS header.
 * @typedef {object} Route
 * @property {(context: RequestContext) => import('./lib/http.mjs').Reply | Promise<import('./lib/http.mjs').Reply>} run
 * @property {(request: import('node:http').IncomingMessage, matched: { controller?: string }) => boolean} corsReal
 */

/**
 * @typedef {object} RequestContext
 * @property {import('node:http').IncomingMessage} request
 * @property {Record<string, any>} params action parameters: query string, then path pairs (Yii's $_GET)
 * @property {Record<string, any>} post the form body ($_POST)
 * @property {string} origin "http://" + the Host header, for absolute URLs
 * @property {string} [controller] the /api controller
 * @property {string[]} rest decoded path segments after the route
 */

const never = () => false;

/** Matches a path against the platform's routes (case-insensitive, as Yii is configured). */
function matchRoute(segments) {
  const lower = segments.map((segment) => segment.toLowerCase());
  const [first, second, third] = lower;
  if (first === 'co2') {
    if (second === 'search' && third === 'globalautocomplete') return { route: 'search', rest: segments.slice(3) };
    if (second === 'search' && third === 'agenda') return { route: 'agenda', rest: segments.slice(3) };
    if (second === 'element' && third === 'getdatadetail') return { route: 'dataDetail', rest: segments.slice(3) };
    if (second === 'slug' && third === 'getinfo') return { route: 'slug', rest: segments.slice(3) };
    if (second === 'city' && third === 'autocompletemultiscope') return { route: 'city', rest: segments.slice(3) };
    if (second === 'data' && third === 'get') return { route: 'dataGet', rest: segments.slice(3) };
  }
  if (first === 'api' && third === 'get' && Object.hasOwn(API_CONTROLLERS, second)) return { route: 'api', controller: second, rest: segments.slice(3) };
  // Static files are served by Apache: their paths stay case-sensitive.
  if (segments[0] === 'upload' && segments[1] === 'communecter') return { route: 'image', rest: segments.slice(2) };
  if (segments[0] === 'tiles') return { route: 'tiles', rest: segments.slice(1) };
  return null;
}

/**
 * @param {SandboxOptions} [options]
 */
export function createSandbox(options = {}) {
  const resolved = resolveOptions(options);
  const generated = generateData(resolved);
  const counts = Object.fromEntries(Object.entries(generated.collections).map(([name, entries]) => [name, entries.length]));
  const data = { ...generated, counts, sortCache: new Map() };
  const log = new RequestLog(2000);
  const faults = new FaultBook();
  /** The map's size knob (data/map-places.mjs): one store per family, built on first use, grown on demand. */
  const mapStores = new Map();
  /** The store a search goes to: a map store when every sourceKey names a map scope of one family. */
  const storeFor = (post) => {
    if (!phpEmpty(post.notSourceKey) || phpEmpty(post.sourceKey)) return data;
    const keys = phpValues(post.sourceKey) ?? [post.sourceKey];
    const scopes = keys.map(parseMapKey);
    if (scopes.some((scope) => scope === null) || new Set(scopes.map((scope) => scope.family)).size !== 1) return data;
    const { family } = scopes[0];
    const size = Math.max(...scopes.map((scope) => scope.size));
    let store = mapStores.get(family);
    if (!store || store.size < size) {
      store = generateMapPlaces({ seed: resolved.seed, now: resolved.now, family, size });
      mapStores.set(family, store);
    }
    return store;
  };
  /** Images of the main data, then of the map stores. */
  const imageData = { byId: { get: (id) => data.byId.get(id) ?? [...mapStores.values()].map((store) => store.byId.get(id)).find(Boolean) } };

  /** Responses held open by the "hang" fault, released by dispose(). */
  const hanging = new Set();

  /** @type {Record<string, Route>} */
  const routes = {
    search: {
      corsReal: never,
      run: ({ params, post }) => {
        const result = runSearch(storeFor(post), post, params);
        if (post.tpl !== undefined && post.tpl !== '') return html(200, renderSearchFragment(result, String(post.tpl)));
        return { status: 200, kind: 'json', text: searchResponseText(result), value: () => searchResponseValue(result) };
      },
    },
    agenda: { corsReal: never, run: ({ post }) => json(runAgenda(data, post)) },
    dataDetail: { corsReal: never, run: ({ params }) => getDataDetail(data, params) },
    slug: { corsReal: never, run: ({ params }) => slugInfo(data, params) },
    city: { corsReal: never, run: ({ post }) => autocompleteMultiScope(data, post) },
    dataGet: { corsReal: () => true, run: ({ params, origin }) => dataGet(data, params, origin) },
    // Only organization/GetAction sends the header (before any work, so its errors carry it too).
    api: { corsReal: (request, matched) => matched.controller === 'organization', run: ({ params, origin, controller }) => apiGet(data, controller, params, origin) },
    image: { corsReal: (request) => request.headers.origin !== undefined, run: ({ rest }) => serveImage(imageData, rest) },
    // The stand-in tile server (not a platform route): CORS "*" in every mode, like OSM's tile servers.
    tiles: { corsReal: () => true, corsAlways: true, run: ({ rest }) => serveTile(rest) },
  };

  /** @param {{ route: Route, matched: any } | null} target */
  const corsHeaders = (request, target) => {
    if (resolved.cors === 'all' || target?.route.corsAlways) return { 'Access-Control-Allow-Origin': '*' };
    if (resolved.cors === 'real' && target?.route.corsReal(request, target.matched)) return { 'Access-Control-Allow-Origin': '*' };
    return {};
  };

  /**
   * The request handler. It never rejects (a host server may not await it): an unexpected failure
   * answers a 500 page, or cuts the connection when the headers are already out.
   * @param {import('node:http').IncomingMessage} request
   * @param {import('node:http').ServerResponse} response
   * @param {() => void} [next] called instead of answering 404 for routes the platform does not have
   * @returns {Promise<void>}
   */
  async function handle(request, response, next) {
    try {
      await dispatch(request, response, next);
    } catch (error) {
      reportError(error);
      if (!response.headersSent) send(response, serialize(html(500, errorPage(500, 'Erreur interne du serveur.'))));
      else response.destroy();
    }
  }

  async function dispatch(request, response, next) {
    let url;
    try {
      url = new URL(request.url ?? '/', 'http://sandbox.invalid');
    } catch {
      send(response, serialize(html(400, errorPage(400, 'URL invalide.'))));
      return;
    }
    if (url.pathname === '/__sandbox' || url.pathname.startsWith('/__sandbox/')) {
      await handleHousekeeping(request, response, url);
      return;
    }

    const fault = extractFault(url, request.headers);
    let segments;
    try {
      segments = fault.pathname.split('/').filter(Boolean).map((segment) => decodeURIComponent(segment));
    } catch {
      segments = null;
    }
    const matched = segments ? matchRoute(segments) : null;
    if (!matched && next && fault.spec === undefined) {
      next();
      return;
    }
    const route = matched ? routes[matched.route] : null;
    const target = matched ? { route, matched } : null;

    const rawBody = request.method === 'POST' || request.method === 'PUT' ? await readBody(request).catch(() => null) : null;
    const entry = {
      time: new Date().toISOString(),
      method: request.method ?? 'GET',
      path: fault.pathname,
      query: fault.search.toString(),
      body: rawBody || null,
      fault: null,
      key: fault.key ?? null,
    };

    if (request.method === 'OPTIONS') {
      // The platform has no preflight handling: a non-simple cross-origin request must fail here too.
      // Checked before the fault script so a preflight never consumes a step.
      log.add(entry);
      await finish(request, response, html(405, errorPage(405, 'Méthode OPTIONS non prise en charge.'), { headers: { Allow: 'GET, POST, HEAD' } }), null, null, { noCors: true });
      return;
    }

    let step = null;
    if (fault.spec !== undefined) {
      try {
        const steps = parseSpec(fault.spec);
        step = faults.next(fault.key, steps).step;
        entry.fault = describeStep(step);
      } catch (error) {
        log.add(entry);
        await finish(request, response, html(400, errorPage(400, `Script de panne invalide : ${error.message}`)), target, null);
        return;
      }
    }
    log.add(entry);

    const aborted = new AbortController();
    response.on('close', () => {
      if (!response.writableEnded) aborted.abort();
    });
    try {
      if (resolved.latency > 0) await sleep(resolved.latency, undefined, { signal: aborted.signal });
      if (step?.kind === 'slow') await sleep(step.ms, undefined, { signal: aborted.signal });
    } catch {
      return;
    }

    if (step && (await playEarlyFault(request, response, step, target))) return;

    let reply;
    if (!matched) {
      reply = html(404, errorPage(404, "Impossible de résoudre la requête « " + fault.pathname + " »."));
    } else {
      try {
        const contentType = String(request.headers['content-type'] ?? '').toLowerCase();
        const post = rawBody !== null && contentType.startsWith('application/x-www-form-urlencoded') ? parsePhpForm(rawBody) : Object.create(null);
        const params = { ...parsePhpForm(fault.search.toString()), ...pathPairs(matched.rest) };
        const host = request.headers.host ?? '127.0.0.1';
        reply = await route.run({ request, params, post, origin: `http://${host}`, controller: matched.controller, rest: matched.rest });
      } catch (error) {
        if (!(error instanceof PlatformError)) reportError(error);
        reply = replyForError(error, request);
      }
    }
    await finish(request, response, reply, target, step);
  }

  function reportError(error) {
    if (process.env.SANDBOX_DEBUG) console.error(error);
    else console.error(`[sandbox] ${error?.message ?? error}`);
  }

  /** Faults that replace the answer entirely. Returns true when the response was handled. */
  async function playEarlyFault(request, response, step, target) {
    const cors = corsHeaders(request, target);
    switch (step.kind) {
      case 'status': {
        const headers = { ...cors };
        if (step.retryAfter) {
          headers['Retry-After'] = step.retryAfter.asDate ? new Date(Date.now() + step.retryAfter.seconds * 1000).toUTCString() : String(step.retryAfter.seconds);
          // Without this a cross-origin client could not read Retry-After (README, "Fault injection").
          if (cors['Access-Control-Allow-Origin']) headers['Access-Control-Expose-Headers'] = 'Retry-After';
        }
        const page = step.status === 429 ? 'Trop de requêtes, réessayez plus tard.' : 'Le service est momentanément indisponible.';
        send(response, await compress(request, serialize(html(step.status, errorPage(step.status, page), { headers }))));
        return true;
      }
      case 'html':
        send(response, await compress(request, serialize(html(200, maintenancePage(), { headers: cors }))));
        return true;
      case 'htmljson':
        send(response, await compress(request, serialize(html(200, maintenancePage(), { headers: { ...cors, 'Content-Type': 'application/json; charset=utf-8' } }))));
        return true;
      case 'empty':
        send(response, { status: 200, headers: { ...cors, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }, body: Buffer.alloc(0) });
        return true;
      case 'nulljson':
        send(response, { status: 200, headers: { ...cors, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }, body: Buffer.from('null') });
        return true;
      case 'hang':
        hanging.add(response);
        response.on('close', () => hanging.delete(response));
        return true;
      case 'huge':
      case 'hugeheader':
        await streamHuge(response, step, cors);
        return true;
      default:
        return false;
    }
  }

  /** Sends a reply, after the faults that alter a real answer (truncated, reset, array). */
  async function finish(request, response, reply, target, step, { noCors = false } = {}) {
    if (response.destroyed) return;
    let finalReply = reply;
    if (step?.kind === 'array' && reply.kind === 'json') finalReply = { status: reply.status, kind: 'json', headers: reply.headers, value: listify(jsonValue(reply)) };
    const serialized = serialize(finalReply);
    Object.assign(serialized.headers, noCors ? {} : corsHeaders(request, target));
    if (step?.kind === 'truncated') {
      const cut = { ...serialized, body: serialized.body.subarray(0, Math.max(1, Math.floor(serialized.body.length / 2))) };
      send(response, await compress(request, cut));
      return;
    }
    if (step?.kind === 'reset') {
      response.writeHead(serialized.status, { ...serialized.headers, 'Content-Length': String(serialized.body.length) });
      response.write(serialized.body.subarray(0, Math.floor(serialized.body.length / 2)), () => response.socket?.destroy());
      return;
    }
    send(response, await compress(request, serialized));
  }

  /** Resolves on 'drain' or 'close', removing the other listener (one wait per chunk would pile them up). */
  function waitForDrain(response) {
    return new Promise((resolve) => {
      const done = () => {
        response.off('drain', done);
        response.off('close', done);
        resolve();
      };
      response.once('drain', done);
      response.once('close', done);
    });
  }

  /** A body of about `megabytes` MB of search results, streamed in 64 kB chunks with backpressure. */
  async function streamHuge(response, step, cors) {
    const template = hugeRecordTemplate();
    const target = Math.floor(step.megabytes * 1_000_000);
    const prefix = '{"results":{';
    const suffix = '}}';
    const count = Math.max(1, Math.floor((target - prefix.length - suffix.length + 1) / (template.length + 1)));
    const length = prefix.length + suffix.length + count * template.length + (count - 1);
    const headers = { ...cors, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
    if (step.kind === 'huge') headers['Content-Length'] = String(length);
    response.writeHead(200, headers);
    let chunk = prefix;
    for (let index = 0; index < count; index++) {
      const id = (index + 1).toString(16).padStart(24, '0');
      chunk += (index ? ',' : '') + template.replaceAll('@@@@@@@@@@@@@@@@@@@@@@@@', id);
      if (chunk.length >= 65536) {
        if (response.destroyed) return;
        if (!response.write(chunk)) await waitForDrain(response);
        chunk = '';
      }
    }
    if (!response.destroyed) response.end(chunk + suffix);
  }

  let cachedTemplate = null;
  /** `"<id>":{…}` for one organisation result, with a fixed-width id marker. */
  function hugeRecordTemplate() {
    if (cachedTemplate) return cachedTemplate;
    const marker = '@@@@@@@@@@@@@@@@@@@@@@@@';
    const source = data.collections.organizations.find((entry) => entry.visible && typeof entry.doc.name === 'string') ?? data.collections.organizations[0];
    const record = source ? { ...searchOrganization(source, { byId: data.byId, nowSec: data.nowSec }), id: marker } : { id: marker, name: 'Enregistrement', type: 'organizations' };
    cachedTemplate = `"${marker}":${phpJsonEncode(record)}`;
    return cachedTemplate;
  }

  async function handleHousekeeping(request, response, url) {
    const headers = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' };
    const path = url.pathname.replace(/\/+$/, '');
    const reply = (value, status = 200) => send(response, { ...serialize({ status, kind: 'json', value }), headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
    if (request.method === 'OPTIONS') {
      send(response, { status: 204, headers: { ...headers, 'Access-Control-Allow-Methods': 'GET, DELETE, OPTIONS', 'Access-Control-Allow-Headers': '*', 'Access-Control-Max-Age': '600' }, body: Buffer.alloc(0) });
      return;
    }
    if (path === '/__sandbox/health' && request.method === 'GET') return reply({ ok: true, counts, options: publicOptions() });
    if (path === '/__sandbox/log' && request.method === 'GET') return reply(log.list(url.searchParams.get('key')));
    if (path === '/__sandbox/log' && request.method === 'DELETE') {
      const cleared = log.entries.length;
      log.clear();
      return reply({ ok: true, cleared });
    }
    if (path === '/__sandbox/faults' && request.method === 'GET') return reply(faults.snapshot());
    if (path === '/__sandbox/faults' && request.method === 'DELETE') {
      faults.clear();
      return reply({ ok: true });
    }
    if (path === '/__sandbox/hostile-cases' && request.method === 'GET') return reply(data.hostileCases);
    if ((path === '/__sandbox' || path === '/__sandbox/') && request.method === 'GET') {
      send(response, { ...serialize(html(200, helpPage())), headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers } });
      return;
    }
    reply({ ok: false, error: `unknown sandbox route ${request.method} ${url.pathname}` }, 404);
  }

  const publicOptions = () => ({ ...resolved, now: resolved.now.toISOString() });

  function helpPage() {
    const list = Object.entries(counts).map(([name, count]) => `<li>${escapeHtml(name)} : ${count}</li>`).join('');
    return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Bac à sable Communecter</title></head><body>
<h1>Bac à sable Communecter</h1><p>Graine « ${escapeHtml(resolved.seed)} », date de référence ${resolved.now.toISOString()}, CORS « ${resolved.cors} ».</p>
<ul>${list}</ul><p>Voir sandbox/README.md pour les routes et la syntaxe des pannes.</p></body></html>`;
  }

  /** Ends the responses held open by "hang" (call before closing a server that mounts the handler). */
  function dispose() {
    for (const response of hanging) response.destroy();
    hanging.clear();
  }

  return { handle, data, options: resolved, log, faults, dispose };
}

/** A JSON reply's value, whether it was built as a value or pre-encoded (then `value` is a thunk). */
function jsonValue(reply) {
  return typeof reply.value === 'function' ? reply.value() : reply.value;
}

/** The "array" fault: results (or entities, or a top-level id map) as a JSON list. */
function listify(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  if ('results' in value) return { ...value, results: Array.isArray(value.results) ? value.results : Object.values(value.results) };
  if ('entities' in value) return { ...value, entities: Array.isArray(value.entities) ? value.entities : Object.values(value.entities) };
  return Object.values(value);
}

function maintenancePage() {
  return `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Maintenance</title></head>
<body><h1>Communecter est en maintenance</h1><p>Nous revenons très vite. Merci de votre patience.</p></body></html>
`;
}

/**
 * Starts an HTTP server on the sandbox.
 * @param {SandboxOptions & { port?: number, host?: string }} [options]
 */
export async function startSandbox(options = {}) {
  const { port = 0, host = '127.0.0.1', ...rest } = options;
  const sandbox = createSandbox(rest);
  const server = createServer((request, response) => {
    sandbox.handle(request, response);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    server,
    sandbox,
    data: sandbox.data,
    close() {
      sandbox.dispose();
      return new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections?.();
      });
    },
  };
}
