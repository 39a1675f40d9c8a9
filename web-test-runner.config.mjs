// Browser tests: Debian's Chromium and Firefox ESR (never a downloaded browser), the sandbox as backend.
//   npm run test:browser                              every test file, both browsers
//   npm run test:browser -- --group cc-directory      one file (one group per test file)
//   BROWSERS=chromium npm run test:browser            one browser (chromium, firefox, or both comma-separated)
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { startSandbox } from './sandbox/index.mjs';
import { FIREFOX_LOOPBACK_ONLY_PREFS } from './test/firefox-prefs.mjs';

const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const wanted = (process.env.BROWSERS || 'chromium,firefox').split(',').map((s) => s.trim());

// One sandbox for the whole run, on its own origin so every request the client makes is cross-origin,
// as it is in production. A fixed reference date keeps event data stable across runs.
const sandbox = await startSandbox({ port: 0, now: '2026-12-01T00:00:00Z', hostile: true });
// A second sandbox with CORS off: proves proxy mode / the "no CORS" failure is reported cleanly.
const sandboxNoCors = await startSandbox({ port: 0, now: '2026-12-01T00:00:00Z', cors: 'none' });

// Each test file gets its own *window*, not a tab: with `concurrency` > 1, tabs behind the active one are
// hidden, and hidden documents never run requestAnimationFrame (so @open-wc's fixture() and nextFrame()
// wait forever) and get throttled timers. Separate windows are all visible.
const createPage = ({ context }) => context.newPage({ type: 'window' });

const browsers = [];
if (wanted.includes('chromium') && existsSync(CHROME)) {
  browsers.push(
    chromeLauncher({
      createPage,
      launchOptions: {
        executablePath: CHROME,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--no-first-run', '--no-default-browser-check',
          // A page that is not in front must still run its timers and frames at full speed.
          '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows',
          // Tests have no network but loopback. Platform data holds absolute image URLs on real hosts; on
          // a closed network their DNS lookups can hang and hold Chromium's resolver, which then also
          // stalls "localhost" (the test runner's own address). Fail every other name at once instead.
          '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'],
      },
    }),
  );
}
if (wanted.includes('firefox') && existsSync(FIREFOX)) {
  browsers.push(
    chromeLauncher({
      puppeteer: puppeteerCore,
      createPage,
      launchOptions: {
        browser: 'firefox',
        executablePath: FIREFOX,
        headless: true,
        env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
        // The same rule as Chromium's host-resolver-rules (only loopback is reachable).
        extraPrefsFirefox: FIREFOX_LOOPBACK_ONLY_PREFS,
      },
    }),
  );
}
if (browsers.length === 0) throw new Error(`No browser found (looked for ${CHROME} and ${FIREFOX}).`);

// One group per test file (Shoelace's pattern) so `--group <file name without .test.ts>` runs one file.
// test/node/** are plain Node tests (`npm run test:node`); test/build/** test the built bundle and join only
// once `npm run build` has produced dist/ (npm test builds first).
function testGroups() {
  const files = readdirSync('test', { recursive: true })
    .map((name) => join('test', String(name)))
    .filter((file) => file.endsWith('.test.ts') && !file.startsWith(join('test', 'node')))
    .filter((file) => !file.startsWith(join('test', 'build')) || existsSync('dist/cc-widgets.js'))
    .sort();
  const taken = new Set();
  return files.map((file) => {
    let name = basename(file, '.test.ts');
    // Same file name in two folders (test/api/x.test.ts, test/shared/x.test.ts): prefix the folder.
    if (taken.has(name)) name = `${basename(dirname(file))}-${name}`;
    taken.add(name);
    return { name, files: file };
  });
}
// `npm run test:browser -- test/shared/url.test.ts` (or a glob): wtr then runs the given files as its default
// group; adding the per-file groups would run everything else too.
const filesFromCli = process.argv.slice(2).some((arg) => arg === '--files' || (!arg.startsWith('-') && /\.test\.ts$|\*/.test(arg)));
const groups = filesFromCli ? [] : testGroups();
if (!filesFromCli && groups.length === 0) {
  // wtr itself refuses to start without files; say why in our words (a run of nothing is not a pass).
  throw new Error('No browser test files found (test/**/*.test.ts). Nothing to run is a failure, not a pass.');
}

// Writes the pass/fail counts of the run to $WTR_SUMMARY_FILE, so test/scripts/test.sh can print one total
// for the whole pipeline. Counts are per browser (a test run in both browsers counts twice).
function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const file = process.env.WTR_SUMMARY_FILE;
      if (!file) return;
      let passed = 0, failed = 0, skipped = 0, sessionErrors = 0;
      const walk = (suite) => {
        for (const test of suite?.tests ?? []) {
          if (test.skipped) skipped++;
          else if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite?.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        walk(session.testResults);
        if (!session.passed && session.errors?.length) sessionErrors++;
      }
      writeFileSync(file, JSON.stringify({ passed, failed, skipped, sessionErrors, sessions: sessions.length }));
    },
  };
}

// Closes both sandboxes when the test server stops (wtr has no top-level stop hook; plugins do).
const sandboxLifecycle = {
  name: 'cc-sandbox-lifecycle',
  async serverStop() {
    await Promise.allSettled([sandbox.close(), sandboxNoCors.close()]);
  },
};

export default {
  nodeResolve: true,
  rootDir: '.',
  // One test file at a time per browser (Chromium and Firefox still run side by side): keyboard, focus
  // and dialog tests want the page that has focus, and the whole run stays under a minute anyway.
  concurrency: 1,
  testsFinishTimeout: 240000,
  browsers,
  groups,
  reporters: [defaultReporter(), summaryReporter()],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), sandboxLifecycle],
  testRunnerHtml: (testFramework) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"></head><body>
    <script>window.CC_SANDBOX = ${JSON.stringify(sandbox.url)}; window.CC_SANDBOX_NOCORS = ${JSON.stringify(sandboxNoCors.url)};
      // Tests run Lit's development build (more checks); silence only its "dev mode" banner, keep its warnings.
      window.litIssuedWarnings = new Set(['dev-mode']);</script>
    <script type="module" src="${testFramework}"></script></body></html>`,
  testFramework: { config: { timeout: 20000 } },
  coverageConfig: { include: ['src/**/*.ts'], report: true, reportDir: 'coverage' },
};
