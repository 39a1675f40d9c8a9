// The README's nginx recipes, run for real (issue 11, part 3): Debian's nginx (test/scripts/test.sh installs
// it), started as the current user on free ports with every path it writes in a temporary directory, and
// configured with the two recipes copied from the README (between its `nginx-recipe:…` markers; only the
// upstream and the cache folder are substituted), in front of a sandbox that sends no CORS header. The
// widget reads through the proxy from the page's own origin; the same page without the proxy shows its
// fallback; with the cache recipe a second visitor is served from nginx's cache. Needs `npm run build`.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSandbox } from '../../sandbox/index.mjs';
import { ROOT, freePort, launchChromium, requireBuild, settledTitles, waitForWidget } from './browser-harness.mjs';

const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const PLATFORM = 'https://www.communecter.org/';
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The nginx code block between `<!-- nginx-recipe:NAME:start -->` and `…:end -->` in the README. */
function readmeRecipe(name, readme = README) {
  const section = readme.match(new RegExp(`<!-- nginx-recipe:${name}:start -->([\\s\\S]*?)<!-- nginx-recipe:${name}:end -->`))?.[1];
  const code = section?.match(/```nginx\n([\s\S]*?)```/)?.[1];
  if (!code) throw new Error(`README.md has no \`\`\`nginx block between <!-- nginx-recipe:${name}:start --> and <!-- nginx-recipe:${name}:end -->`);
  return code;
}

/** Replaces `from` by `to` in a recipe, and fails when the recipe does not hold it exactly `times` times. */
function substitute(recipe, from, to, times = 1) {
  const count = recipe.split(from).length - 1;
  if (count !== times) throw new Error(`the README's recipe holds ${JSON.stringify(from)} ${count} times, not ${times}: the test cannot point it at the sandbox`);
  return recipe.split(from).join(to);
}

let temp;
let sandbox;
let nginx;
let browser;
const ports = {};
const origin = (name) => `http://127.0.0.1:${ports[name]}`;

/** A page with one directory reading `apiBase`, the widgets loaded from this nginx's /dist/. */
const page = (apiBase, insee) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Proxy</title>
<script type="module" src="/dist/cc-widgets.js"></script></head><body>
<cc-directory api-base="${apiBase}" insee="${insee}" page-size="4"><a href="https://www.communecter.org/#search">Voir les acteurs sur Communecter</a></cc-directory>
</body></html>`;

before(async () => {
  requireBuild();
  if (!existsSync(NGINX)) throw new Error(`nginx is missing (looked for ${NGINX}): \`npm test\` installs Debian's nginx, or run \`apt-get install nginx\` (NGINX_PATH points elsewhere).`);
  temp = mkdtempSync(join(tmpdir(), 'cc-nginx-'));
  for (const dir of ['pages', 'cache', 'logs']) mkdirSync(join(temp, dir));
  sandbox = await startSandbox({ port: 0, now: '2026-12-01T00:00:00Z', cors: 'none' });
  ports.proxy = await freePort();
  ports.cache = await freePort();
  const upstream = `${sandbox.url}/`;

  const proxy = substitute(readmeRecipe('proxy'), `proxy_pass ${PLATFORM};`, `proxy_pass ${upstream};`);
  const cacheRecipe = substitute(readmeRecipe('cache'), `proxy_pass ${PLATFORM};`, `proxy_pass ${upstream};`);
  const cache = substitute(cacheRecipe, '/var/cache/nginx/communecter', join(temp, 'cache'));
  const split = cache.search(/^location /m);
  const [cacheHttp, cacheServer] = [cache.slice(0, split), cache.slice(split)];
  const pages = join(temp, 'pages');
  const server = (name, recipe) => `server {
    listen 127.0.0.1:${ports[name]};
    root ${pages};
    location /dist/ { alias ${join(ROOT, 'dist')}/; }
    ${recipe}
  }`;
  // As root, the workers would drop to "nobody", who cannot read the temporary directory.
  writeFileSync(join(temp, 'nginx.conf'), `${process.getuid?.() === 0 ? 'user root root;' : ''}
worker_processes 1;
daemon off;
pid ${join(temp, 'nginx.pid')};
error_log ${join(temp, 'logs', 'error.log')} warn;
events { worker_connections 64; }
http {
  access_log off;
  types { text/html html; text/javascript js; application/json json map; }
  default_type application/octet-stream;
  client_body_temp_path ${join(temp, 'body')};
  proxy_temp_path ${join(temp, 'proxy')};
  fastcgi_temp_path ${join(temp, 'fastcgi')};
  uwsgi_temp_path ${join(temp, 'uwsgi')};
  scgi_temp_path ${join(temp, 'scgi')};
  ${cacheHttp}
  ${server('proxy', proxy)}
  ${server('cache', cacheServer)}
}
`);
  writeFileSync(join(pages, 'proxied.html'), page(`${origin('proxy')}/communecter`, '97413'));
  writeFileSync(join(pages, 'direct.html'), page(sandbox.url, '97413'));
  writeFileSync(join(pages, 'cached.html'), page(`${origin('cache')}/communecter`, '97413'));
  writeFileSync(join(pages, 'cached-other.html'), page(`${origin('cache')}/communecter`, '97419'));

  const args = ['-p', temp, '-c', join(temp, 'nginx.conf'), '-e', join(temp, 'logs', 'error.log')];
  const check = spawnSync(NGINX, ['-t', '-q', ...args], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx refuses the configuration built from the README's recipes:\n${check.stderr}`);
  nginx = spawn(NGINX, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr.on('data', (chunk) => (stderr += chunk));
  for (let attempt = 0; ; attempt++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited at once: ${stderr}`);
    try {
      await fetch(`${origin('proxy')}/proxied.html`).then((response) => response.text());
      break;
    } catch (error) {
      if (attempt > 60) throw new Error(`nginx did not answer on ${origin('proxy')}`, { cause: error });
      await sleep(50);
    }
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx.once('exit', resolve));
    nginx.kill('SIGQUIT'); // graceful stop of the master we started, which stops its worker
    await Promise.race([exited, sleep(3000)]);
  }
  await sandbox?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/** The platform requests the sandbox received (not its own /__ routes). */
const platformRequests = () => sandbox.sandbox.log.list(null).filter((entry) => !entry.path.startsWith('/__'));

/** Opens a page in a fresh browser context (no shared HTTP cache); returns it and the proxied answers. */
async function visit(url) {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  const answers = [];
  tab.on('response', (response) => {
    if (response.url().includes('/communecter/')) answers.push({ url: response.url(), status: response.status(), cache: response.headers()['x-cache-status'] ?? null });
  });
  await tab.goto(url);
  return { tab, answers, close: () => context.close() };
}

describe('the README\'s nginx recipes, in a real nginx', () => {
  it('proxy: the widget reads the platform through the page\'s own origin', async () => {
    const { tab, answers, close } = await visit(`${origin('proxy')}/proxied.html`);
    try {
      const view = await waitForWidget(tab, 'cc-directory', 'loaded');
      assert.equal(view.titles.length, 4);
      assert.match(view.status, /\d/);
      assert.ok(answers.length > 0 && answers.every((answer) => answer.url.startsWith(`${origin('proxy')}/communecter/`) && answer.status === 200), JSON.stringify(answers));
      // The recipe's own guards: only GET and POST pass, and answers opened directly run nothing.
      const put = await fetch(`${origin('proxy')}/communecter/co2/search/globalautocomplete`, { method: 'PUT' });
      assert.equal(put.status, 403);
      const direct = await fetch(`${origin('proxy')}/communecter/api/organization/get`);
      assert.match(direct.headers.get('content-security-policy') ?? '', /sandbox/);
      assert.equal(direct.headers.get('set-cookie'), null);
    } finally {
      await close();
    }
  });

  it('without the proxy the browser refuses the answer, and the widget shows its fallback link', async () => {
    const { tab, close } = await visit(`${origin('proxy')}/direct.html`);
    try {
      const view = await waitForWidget(tab, 'cc-directory', 'error', 15_000);
      assert.equal(view.titles.length, 0);
      assert.equal(view.busy, false, 'no spinner left');
      assert.ok(view.fallbackVisible, 'the fallback link is on screen');
      assert.match(view.fallbackText, /Voir les acteurs sur Communecter/);
      assert.ok(platformRequests().some((entry) => entry.path.startsWith('/co2/search/')), 'the request did reach the server: only the browser refused the answer');
    } finally {
      await close();
    }
  });

  it('cache: a second visitor is served from nginx\'s cache; another search is not', async () => {
    const first = await visit(`${origin('cache')}/cached.html`);
    const firstTitles = await settledTitles(first.tab);
    await first.close();
    const searches = first.answers.filter((answer) => answer.url.includes('/co2/search/'));
    assert.ok(searches.length > 0 && searches.every((answer) => answer.cache === 'MISS'), `first visit: ${JSON.stringify(searches)}`);
    const reached = platformRequests().length;

    const second = await visit(`${origin('cache')}/cached.html`);
    const secondTitles = await settledTitles(second.tab);
    await second.close();
    assert.deepEqual(secondTitles, firstTitles, 'the same entries');
    const again = second.answers.filter((answer) => answer.url.includes('/co2/search/'));
    assert.ok(again.length > 0 && again.every((answer) => answer.cache === 'HIT'), `second visit: ${JSON.stringify(again)}`);
    assert.equal(platformRequests().length, reached, 'the sandbox received nothing for the second visit');

    // The form is part of the key: another commune's search is a miss, with its own entries.
    const other = await visit(`${origin('cache')}/cached-other.html`);
    const otherTitles = await settledTitles(other.tab);
    await other.close();
    assert.ok(other.answers.some((answer) => answer.url.includes('/co2/search/') && answer.cache === 'MISS'));
    assert.notDeepEqual(otherTitles, firstTitles);
    assert.ok(platformRequests().length > reached);
  });
});
