#!/usr/bin/env node
// `npm start` (after the build): the demo pages, the built widgets and the sandbox API on ONE origin.
//   /                → demo/index.html        /town-hall.html, /association.html, /portal.html, demo assets
//   /dist/…          → the build (npm run build); /custom-elements.json → the manifest (builder.html)
//   anything else    → the sandbox (/co2/…, /api/…, /upload/…), which speaks the Communecter API
// Same origin means the pages' widgets need no CORS at all, like a site behind a same-origin proxy.
// Environment: PORT (default 8000), HOST (default 127.0.0.1), SANDBOX_SEED, SANDBOX_SIZE.
// No dependencies: node:http only. `startDemoServer()` is exported for scripts (npm run shots).
import { createReadStream, existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createSandbox } from '../sandbox/index.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const DEMO_ROOT = resolve(here);
const DIST_ROOT = resolve(here, '..', 'dist');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8', // dist/types/*.d.ts, for the curious
};

/**
 * Maps a URL path to a file under `root`, or null. Rejects traversal (`..`, encoded or not), dotfiles,
 * NUL bytes, unknown extensions and symlinks that lead outside the root. No directory listings.
 */
async function staticFile(root, urlPath, { allow = (file) => file in MIME } = {}) {
  const segments = urlPath.split('/').filter(Boolean);
  if (segments.some((s) => s === '..' || s.startsWith('.') || s.includes('\0') || s.includes('\\'))) return null;
  const file = resolve(root, ...segments);
  if (!file.startsWith(root + sep)) return null;
  if (!allow(extname(file).toLowerCase())) return null;
  try {
    const real = await realpath(file);
    if (!real.startsWith(root + sep)) return null;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : null;
  } catch {
    return null;
  }
}

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

// The built files may be loaded by pages of any origin, as a CDN serves them (a module script is always
// fetched with CORS; a classic script with `integrity` needs it too): /dist/ answers for every origin.
const CROSS_ORIGIN = { 'Access-Control-Allow-Origin': '*' };

function serveFile(req, res, file, headers = {}) {
  res.writeHead(200, {
    ...headers,
    'Content-Type': MIME[extname(file.path).toLowerCase()],
    'Content-Length': file.size,
    'Cache-Control': 'no-cache', // the demo is for development: always revalidate after a rebuild
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file.path).pipe(res);
}

const handlerFor = (sandbox) => async function handle(req, res) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://demo.invalid').pathname);
  } catch {
    return send(res, 400, 'Bad request: malformed URL\n');
  }
  if (req.method === 'GET' || req.method === 'HEAD') {
    let file;
    if (pathname === '/' || pathname === '/index.html') {
      file = await staticFile(DEMO_ROOT, 'index.html');
    } else if (pathname === '/custom-elements.json') {
      // The manifest (npm run build writes it at the root): the snippet builder lists the elements from it.
      file = await staticFile(resolve(here, '..'), 'custom-elements.json');
    } else if (pathname.startsWith('/dist/')) {
      file = await staticFile(DIST_ROOT, pathname.slice('/dist/'.length));
      if (!file) return send(res, 404, `Not found: ${pathname}. Run \`npm run build\` (npm start does it).\n`);
      return serveFile(req, res, file, CROSS_ORIGIN);
    } else {
      // Demo pages and their assets; the server's own source (.mjs) is not served.
      file = await staticFile(DEMO_ROOT, pathname);
    }
    if (file) return serveFile(req, res, file);
  }
  // Everything else is the platform's API, answered by the sandbox.
  sandbox.handle(req, res, () => send(res, 404, `Not found: ${pathname}\n`));
};

/**
 * Starts the demo server: demo pages, dist/ and a sandbox on one origin.
 * @param {{ port?: number, host?: string, sandbox?: import('../sandbox/index.mjs').SandboxOptions }} [options]
 * @returns {Promise<{ url: string, tiles: string, server: http.Server, sandbox: ReturnType<typeof createSandbox>, close: () => Promise<void> }>}
 */
export async function startDemoServer({ port = 0, host = '127.0.0.1', sandbox: sandboxOptions = {} } = {}) {
  const sandbox = createSandbox(sandboxOptions);
  const handle = handlerFor(sandbox);
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) send(res, 500, 'Internal error in the demo server\n');
      else res.destroy();
    });
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, done);
  });
  const address = server.address();
  const url = `http://${host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host}:${address.port}`;
  const close = () => new Promise((done) => {
    sandbox.dispose?.();
    server.close(() => done());
    server.closeAllConnections?.();
  });
  return { url, tiles: `${url}/tiles/{z}/{x}/{y}.svg`, server, sandbox, close };
}

// `node demo/server.mjs` (npm start): listen on $PORT and print the pages.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sandboxOptions = {};
  if (process.env.SANDBOX_SEED) sandboxOptions.seed = process.env.SANDBOX_SEED;
  if (process.env.SANDBOX_SIZE) sandboxOptions.size = Number(process.env.SANDBOX_SIZE);
  const { url: base, close } = await startDemoServer({
    port: Number(process.env.PORT || 8000),
    host: process.env.HOST || '127.0.0.1',
    sandbox: sandboxOptions,
  });
  if (!existsSync(join(DIST_ROOT, 'cc-widgets.js'))) {
    console.warn('warning: dist/cc-widgets.js is missing; run `npm run build` (or use `npm start`).');
  }
  console.log(`Communecter widgets: demo pages on the local sandbox

  ${base}/                    index, with a live check of the sandbox
  ${base}/town-hall.html      Mairie de Saint-Leu (La Réunion): a town hall's site
  ${base}/association.html    an association's site
  ${base}/portal.html         Tiers-lieux des Hauts-de-France: a regional portal
  ${base}/states.html         every state of the widgets (loaded, empty, error, detail, views), for screenshots
  ${base}/builder.html        the snippet builder: pick a widget and a commune, preview, copy the code

  The sandbox API is on the same origin: ${base}/co2/…, ${base}/api/…, ${base}/upload/…
  Widgets on these pages use api-base="${base}" (add ?api-base=https://… to a page's address to change it).
  Stand-in map tiles (no tile server is reached): ${base}/tiles/{z}/{x}/{y}.svg, which demo.js gives every
  <cc-map> without a tiles attribute; map scopes of N places: sourceKey carte-{N} (sandbox/README.md).
  Stop with Ctrl+C.`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => close().then(() => process.exit(0)));
  }
}
