#!/usr/bin/env node
// `npm run shots`: PNG screenshots of every demo page and every widget state, at 360 and 1280 px wide,
// full page, in shots/ (git-ignored), with Debian's Chromium (puppeteer-core; never a downloaded browser).
//
//   npm run shots                     build if dist/ is missing or older than src/, then shoot everything
//   npm run shots -- --build          always build first
//   npm run shots -- town-hall agenda only the shots whose name contains one of these words
//   npm run shots -- --readme         also rewrite the README's two pictures (docs/screenshots/*.jpg)
//
// Pages: the demo pages (demo/*.html) and demo/states.html one state at a time (?only=<state>): loaded,
// empty, error (the sandbox's fault injection), configuration error, the agenda's list/month/week views,
// a detail dialog opened by clicking a title (shot at the viewport's size: the dialog is fixed to it), and
// the filters folded/unfolded when a widget folds them.
// The sandbox's `now` is today (as in `npm start`), so the agenda shows what a visitor sees today.
//
// Exits non-zero on a page error (an uncaught exception), an unexpected console error, a failed
// navigation or a widget that never settles. Expected noise is counted, not fatal: images of the seeded
// data that cannot load (other hosts are unreachable on purpose, `/null/` paths are 404 by design) and
// the failing requests of the error states.
// Functions handed to page.evaluate() / waitForFunction() run in the browser:
/* global document, innerHeight, requestAnimationFrame, scrollTo */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startDemoServer } from '../demo/server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'shots');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const WIDTHS = [360, 1280];
const SETTLE_TIMEOUT = 20_000;
const CONCURRENCY = Number(process.env.SHOTS_CONCURRENCY || 4);

const argv = process.argv.slice(2);
const forceBuild = argv.includes('--build');
const readme = argv.includes('--readme');
const filters = argv.filter((arg) => !arg.startsWith('--'));

/** The demo pages, then each state of demo/states.html (see the data-state sections there). */
// Each page is seen from where its visitors live (the browser's time zone): La Réunion for the town hall,
// the association and the states page (Saint-Leu's data), Paris for the portal and the index.
const REUNION = 'Indian/Reunion';
const SHOTS = [
  { name: 'index', path: '/' },
  { name: 'town-hall', path: '/town-hall.html', timeZone: REUNION },
  { name: 'association', path: '/association.html', timeZone: REUNION },
  { name: 'portal', path: '/portal.html' },
  ...[
    'directory-loaded', 'directory-list', 'directory-empty', 'directory-error', 'directory-config',
    'agenda-list', 'agenda-month', 'agenda-week', 'agenda-empty', 'agenda-error', 'agenda-config',
  ].map((state) => ({ name: `state-${state}`, path: `/states.html?only=${state}`, expectFailures: state.endsWith('-error') })),
  { name: 'state-directory-detail', path: '/states.html?only=directory-loaded', action: 'detail' },
  { name: 'state-agenda-detail', path: '/states.html?only=agenda-list', action: 'detail' },
  { name: 'state-directory-filters-folded', path: '/states.html?only=directory-loaded', action: 'filters', widths: [360] },
  { name: 'state-agenda-filters-folded', path: '/states.html?only=agenda-list', action: 'filters', widths: [360] },
].map((shot) => ({ timeZone: shot.path.startsWith('/states.html') ? REUNION : 'Europe/Paris', ...shot })).filter((shot) => filters.length === 0 || filters.some((word) => shot.name.includes(word)));

/**
 * The README's two pictures: what a visitor sees on screen (not the full page), as small JPEGs, kept in
 * git. A phone on the association's agenda, a desktop on the town hall's directory.
 */
const README_SHOTS = [
  { file: 'docs/screenshots/phone-association.jpg', path: '/association.html', anchor: '#rendez-vous', width: 360, height: 740, scale: 2, timeZone: REUNION },
  { file: 'docs/screenshots/desktop-town-hall.jpg', path: '/town-hall.html', anchor: '#annuaire-titre', width: 1280, height: 800, scale: 1, timeZone: REUNION },
];

async function readmeShot(browser, origin, shot) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const mobile = shot.width < 600;
    await page.setViewport({ width: shot.width, height: shot.height, deviceScaleFactor: shot.scale, isMobile: mobile, hasTouch: mobile });
    await page.emulateTimezone(shot.timeZone);
    await page.goto(origin + shot.path, { waitUntil: 'load', timeout: SETTLE_TIMEOUT });
    await settle(page);
    await loadLazyImages(page);
    await page.evaluate((selector) => document.querySelector(selector).scrollIntoView({ block: 'start' }), shot.anchor);
    await settle(page);
    const path = join(ROOT, shot.file);
    mkdirSync(dirname(path), { recursive: true });
    await page.screenshot({ path, type: 'jpeg', quality: 78 });
    return path;
  } finally {
    await context.close();
  }
}

function newestMtime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir, { recursive: true })) {
    const info = statSync(join(dir, String(name)));
    if (info.isFile() && info.mtimeMs > newest) newest = info.mtimeMs;
  }
  return newest;
}

/** dist/ is reused when it is newer than every file of src/; otherwise `npm run build` runs first (~40 s). */
function ensureBuild() {
  const bundle = join(ROOT, 'dist', 'cc-widgets.js');
  const stale = !existsSync(bundle) || statSync(bundle).mtimeMs < newestMtime(join(ROOT, 'src'));
  if (!forceBuild && !stale) return;
  console.log(forceBuild ? 'building (--build): npm run build' : 'dist/ is missing or older than src/: npm run build');
  // Quiet unless it fails: then its whole output, as `npm run build` would have printed it.
  const result = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}\nnpm run build failed\n`);
    process.exit(1);
  }
}

/** In the page: every cc-* element upgraded, rendered, and not loading. */
function widgetsSettled() {
  const widgets = [...document.querySelectorAll('*')].filter((element) => element.localName.startsWith('cc-'));
  return widgets.every((element) => element.shadowRoot && !element.shadowRoot.querySelector('[aria-busy="true"]'));
}

async function settle(page) {
  await page.waitForNetworkIdle({ idleTime: 200, timeout: SETTLE_TIMEOUT });
  await page.waitForFunction(widgetsSettled, { timeout: SETTLE_TIMEOUT, polling: 50 });
  await page.waitForNetworkIdle({ idleTime: 150, timeout: SETTLE_TIMEOUT });
  // Two frames: layout and paint after the last render.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Scrolls through the page so lazy images (loading="lazy") load before a full-page shot, then back up. */
async function loadLazyImages(page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
      scrollTo(0, y);
      await new Promise((done) => setTimeout(done, 30));
    }
    scrollTo(0, 0);
  });
  await settle(page);
}

/** Clicks the first title of the first widget and waits for its detail dialog. */
async function openDetail(page) {
  const clicked = await page.evaluate(() => {
    const widget = document.querySelector('cc-directory, cc-agenda');
    const link = widget?.shadowRoot?.querySelector('[part~="item-title"] a');
    if (!link) return false;
    link.click();
    return true;
  });
  if (!clicked) throw new Error('no title to click (no [part~="item-title"] a in the widget)');
  await page.waitForFunction(() => {
    const widget = document.querySelector('cc-directory, cc-agenda');
    return Boolean(widget?.shadowRoot?.querySelector('dialog[open]'));
  }, { timeout: SETTLE_TIMEOUT });
  await settle(page);
}

/**
 * Filters folded: a widget that folds its filters on a phone shows a toggle (a button with aria-expanded
 * that controls them, or a <details>). The folded page is shot as rendered; the unfolded one after a click.
 * Returns a note when the widget has no such toggle (its filters are then shown as they are).
 */
async function findFilterToggle(page) {
  return page.evaluate(() => {
    const widget = document.querySelector('cc-directory, cc-agenda');
    const root = widget?.shadowRoot;
    if (!root) return null;
    const toggle = root.querySelector('[part~="filters-toggle"], button[aria-expanded][aria-controls], details > summary');
    if (!toggle) return null;
    const details = toggle.closest('details');
    return { expanded: details ? details.open : toggle.getAttribute('aria-expanded') === 'true' };
  });
}
async function clickFilterToggle(page) {
  await page.evaluate(() => {
    const root = document.querySelector('cc-directory, cc-agenda').shadowRoot;
    root.querySelector('[part~="filters-toggle"], button[aria-expanded][aria-controls], details > summary').click();
  });
  await settle(page);
}

/** Console errors and failed requests of one page, sorted into fatal problems and expected noise. */
function watch(page, origin, { expectFailures }) {
  const problems = [];
  const noise = [];
  const types = new Map();
  page.on('request', (request) => types.set(request.url(), request.resourceType()));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message ?? error}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location()?.url ?? '';
    const text = message.text();
    if (/^Failed to load resource/.test(text)) {
      // The seeded data's images: other hosts fail on purpose (host-resolver-rules), /null/ paths are 404.
      if (types.get(url) === 'image') return noise.push(`image: ${url}`);
      // The error states fail every platform request on purpose.
      if (expectFailures && url.includes('/__fault/')) return noise.push(`fault: ${url}`);
    }
    problems.push(`console error: ${text}${url ? ` (${url.startsWith(origin) ? url.slice(origin.length) : url})` : ''}`);
  });
  return { problems, noise };
}

async function shoot(browser, origin, shot, width) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const mobile = width < 600;
  await page.setViewport({ width, height: mobile ? 740 : 900, deviceScaleFactor: 1, isMobile: mobile, hasTouch: mobile });
  await page.emulateTimezone(shot.timeZone);
  const { problems, noise } = watch(page, origin, shot);
  const files = [];
  const notes = [];
  const started = Date.now();
  const file = (suffix = '') => join(OUT, `${shot.name}${suffix}-${width}.png`);
  try {
    const response = await page.goto(origin + shot.path, { waitUntil: 'load', timeout: SETTLE_TIMEOUT });
    if (!response?.ok()) throw new Error(`HTTP ${response?.status()} for ${shot.path}`);
    await settle(page);
    const duplicates = await page.evaluate(() => {
      const seen = new Map();
      for (const element of document.querySelectorAll('[id]')) seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
      return [...seen].filter(([, count]) => count > 1).map(([id]) => id);
    });
    if (duplicates.length) problems.push(`duplicate id in the page: ${duplicates.join(', ')}`);
    await loadLazyImages(page);
    if (shot.action === 'detail') await openDetail(page);
    if (shot.action === 'filters') {
      const toggle = await findFilterToggle(page);
      if (!toggle) notes.push('no filter toggle in the widget: its filters are not foldable (shot as rendered)');
      else if (toggle.expanded) {
        await clickFilterToggle(page);
        notes.push('filters were unfolded at first: folded by a click');
      }
      await page.screenshot({ path: file(), fullPage: true });
      files.push(file());
      if (toggle) {
        await clickFilterToggle(page);
        await page.screenshot({ path: file('-open'), fullPage: true });
        files.push(file('-open'));
      }
    } else {
      // A modal dialog is fixed to the viewport (and scrolls inside): the visitor's screen is the honest shot.
      await page.screenshot({ path: file(), fullPage: shot.action !== 'detail' });
      files.push(file());
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) notes.push(`page is ${overflow} px wider than the viewport (horizontal scroll)`);
  } catch (error) {
    problems.push(`${error.message ?? error}`);
  } finally {
    await context.close();
  }
  return { files, problems, noise, notes, ms: Date.now() - started };
}

async function main() {
  if (SHOTS.length === 0) {
    console.error(`no shot matches ${filters.join(' ')}`);
    process.exit(2);
  }
  if (!existsSync(CHROME)) {
    console.error(`Chromium not found at ${CHROME}: sudo apt-get install -y --no-install-recommends chromium (or set CHROME_PATH).`);
    process.exit(1);
  }
  const started = Date.now();
  ensureBuild();
  if (filters.length === 0) rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  const server = await startDemoServer({ port: 0, host: '127.0.0.1' });
  const origin = server.url.replace('localhost', '127.0.0.1');
  const browser = await puppeteer.launch({
    executablePath: CHROME,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--no-default-browser-check',
      '--hide-scrollbars', '--font-render-hinting=none',
      // The seeded data holds image URLs on real hosts: fail every name but loopback at once (no DNS wait).
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'],
  });

  const jobs = SHOTS.flatMap((shot) => (shot.widths ?? WIDTHS).map((width) => ({ shot, width })));
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      const { shot, width } = jobs[index];
      results[index] = { shot, width, ...(await shoot(browser, origin, shot, width)) };
    }
  };
  const pictures = [];
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    if (readme) for (const shot of README_SHOTS) pictures.push(await readmeShot(browser, origin, shot));
  } finally {
    await browser.close();
    await server.close();
  }

  let failed = 0;
  let noiseCount = 0;
  for (const { shot, width, files, problems, noise, notes, ms } of results) {
    noiseCount += noise.length;
    for (const path of files) console.log(`wrote ${relative(ROOT, path).padEnd(52)} ${String(Math.round(statSync(path).size / 1024)).padStart(5)} kB ${(ms / 1000).toFixed(1).padStart(5)} s`);
    for (const note of notes) console.log(`  note (${shot.name}, ${width} px): ${note}`);
    for (const problem of problems) console.error(`  ERROR (${shot.name}, ${width} px): ${problem}`);
    if (problems.length) failed++;
  }
  for (const path of pictures) console.log(`wrote ${relative(ROOT, path).padEnd(52)} ${String(Math.round(statSync(path).size / 1024)).padStart(5)} kB (README)`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const written = results.reduce((sum, result) => sum + result.files.length, 0);
  console.log(`\n${written} screenshots in ${relative(ROOT, OUT)}/ (${seconds} s); ${noiseCount} expected load failures ignored (unreachable or /null/ images, fault states).`);
  if (failed) {
    console.error(`${failed} of ${results.length} shots had errors.`);
    process.exit(1);
  }
}

await main();
