// Shared helpers of the benchmark harness (test/bench/run.mjs): statistics, a tiny static server,
// the browser launch and the environment header. Method: shared/perf-anchors.md "Method".
import http from 'node:http';
import os from 'node:os';

/** Median, min and max of a list of numbers. */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

/** Two significant digits below 100, whole numbers above (as perf-anchors.md prints them). */
export function fmtMs(value) {
  if (!Number.isFinite(value)) return String(value);
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  if (value >= 10) return value.toFixed(0);
  if (value >= 1) return value.toFixed(1);
  return value.toPrecision(2);
}

export const fmtSummary = (s) => `${fmtMs(s.median)} [${fmtMs(s.min)}–${fmtMs(s.max)}]`;

/**
 * A static server for bench pages and files, in this process. Every answer carries
 * `Access-Control-Allow-Origin: *` so a page on another origin can read it with a CORS-simple request,
 * exactly like the sandbox's answers.
 */
export async function startStaticServer() {
  const files = new Map();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = files.get(path);
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': file.type,
      'Content-Length': file.body.length,
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });
  server.keepAliveTimeout = 5000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    /** Serves `body` (string or Buffer) at `path`; returns its absolute URL. */
    put(path, body, type = 'application/octet-stream') {
      files.set(path, { body: Buffer.isBuffer(body) ? body : Buffer.from(body), type });
      return url + path;
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
  // Only loopback is reachable: fail other host names at once rather than wait on DNS (the data holds
  // absolute image URLs on real hosts).
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];

/** Debian's Chromium through puppeteer-core: never a downloaded browser. */
export async function launchChromium() {
  const { default: puppeteer } = await import('puppeteer-core');
  const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    defaultViewport: { width: 1280, height: 1000, deviceScaleFactor: 1 },
  });
}

export function environment(browserVersion) {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    browser: browserVersion,
    node: process.version,
    cpu: `${cpus.length}× ${cpus[0]?.model?.trim() ?? 'unknown CPU'}`,
    platform: `${os.type()} ${os.release()}`,
    loadavg: os.loadavg()[0].toFixed(2),
  };
}

/** A plain table with the first column left-aligned and the others right-aligned. */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows
    .map((r, n) => {
      const line = r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
      return n === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

/**
 * A page module built from `contents` (imports of src/ files) the way visitors get it: minified, Lit's
 * production build, the define imports kept (package.json "sideEffects" describes dist/, not src/).
 */
export async function bundleForPage(root, contents, sourcefile) {
  const esbuild = await import('esbuild');
  const { join } = await import('node:path');
  const built = await esbuild.build({
    stdin: { contents, resolveDir: root, sourcefile, loader: 'ts' },
    ...{ bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, write: false },
    ...{ tsconfig: join(root, 'tsconfig.json'), conditions: ['production'], ignoreAnnotations: true, logLevel: 'silent' },
  });
  return built.outputFiles[0].contents;
}
