// The package as a consumer gets it (issue 11, part 1): `npm pack`, then `npm install` of that tarball into a
// scratch project in a temporary directory, offline, with the runtime dependencies packed from this
// repository's node_modules (so nothing reaches the registry); then every entry resolved by Node and bundled
// by esbuild from the consumer's side, a consumer .ts type-checked against the declarations, and the classic
// script and the consumer's bundle loaded in Chromium against the sandbox. Needs `npm run build` (npm test
// builds first). About 15 s.
/* global customElements -- read inside page.evaluate(), in the browser */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { startSandbox } from '../../sandbox/index.mjs';
import { discoverElements } from '../../scripts/elements.mjs';
import { npmPack, packProblems } from '../../scripts/package-files.mjs';
import { ROOT, launchChromium, requireBuild, servePages, waitForWidget } from './browser-harness.mjs';

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const tags = discoverElements().map((element) => element.name);
const pascal = (tag) => tag.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase());

/** The runtime dependencies, transitively, as directories of this repository's node_modules. */
function runtimeDependencyDirs() {
  const dirs = new Map();
  const visit = (name, from) => {
    const nested = join(from, 'node_modules', name);
    const dir = existsSync(nested) ? nested : join(ROOT, 'node_modules', name);
    if (dirs.has(dir)) return;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    dirs.set(dir, manifest);
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      if (existsSync(join(dir, 'node_modules', dependency)) || existsSync(join(ROOT, 'node_modules', dependency))) visit(dependency, dir);
    }
  };
  for (const name of Object.keys(pkg.dependencies)) visit(name, ROOT);
  return [...dirs.keys()];
}

let temp;
let consumer;
let packed;

before(async () => {
  requireBuild();
  temp = mkdtempSync(join(tmpdir(), 'cc-package-'));
  consumer = join(temp, 'consumer');
  mkdirSync(join(temp, 'deps'));
  mkdirSync(consumer);
  packed = npmPack({ destination: temp });
  // The dependencies' tarballs, from node_modules: `npm install --offline` then needs no registry at all.
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--silent', '--pack-destination', join(temp, 'deps'), ...runtimeDependencyDirs()], { cwd: temp });
  const dependencyTarballs = JSON.parse(stdout).map((report) => join(temp, 'deps', report.filename));
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--cache', join(temp, 'npm-cache'), join(temp, packed.filename), ...dependencyTarballs], {
    cwd: consumer,
    env: { ...process.env, npm_config_registry: 'http://127.0.0.1:9/' }, // a closed port: any registry request would fail
  });
});

after(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('holds dist/ whole, the manifest, README, LICENSE and CHANGELOG, and nothing else', () => {
    const paths = packed.files.map((file) => file.path);
    assert.deepEqual(packProblems(paths), []);
    for (const file of ['dist/cc-widgets.iife.js', 'dist/cc-widgets.iife.js.map', 'dist/types/index.d.ts', 'LICENSE', 'CHANGELOG.md']) assert.ok(paths.includes(file), file);
    assert.ok(!paths.some((path) => /^(src|test|sandbox|demo|stories|scripts)\//.test(path)), 'no source, test, sandbox, demo, stories or scripts');
    assert.match(readFileSync(join(ROOT, 'LICENSE'), 'utf8'), /Apache License\s+Version 2\.0, January 2004/);
    assert.match(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## \\[${pkg.version.replaceAll('.', '\\.')}\\]`, 'm'), 'the CHANGELOG has a section for package.json\'s version');
  });

  it('installs offline; Node resolves every entry of "exports" to a file of the installed package', async () => {
    const specifiers = Object.keys(pkg.exports).map((key) => (key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`));
    for (const tag of tags) assert.ok(specifiers.includes(`${pkg.name}/${tag}.js`), `an entry for <${tag}>`);
    const script = `for (const s of ${JSON.stringify(specifiers)}) console.log(import.meta.resolve(s));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer });
    const resolved = stdout.trim().split('\n');
    assert.equal(resolved.length, specifiers.length);
    for (const url of resolved) {
      const file = new URL(url).pathname;
      assert.ok(file.startsWith(join(consumer, 'node_modules', pkg.name, '/')), `${url} is in the installed package`);
      assert.ok(existsSync(file), `${file} exists`);
    }
  });

  it('type-checks a consumer against the declarations, and reports its type errors', async () => {
    const imports = tags.map((tag) => `import '${pkg.name}/${tag}.js';`).join('\n');
    const uses = tags
      .map((tag, index) => `const element${index}: classes.${pascal(tag)} = document.createElement('${tag}');\nconst apiBase${index}: string = element${index}.apiBase;\nelement${index}.addEventListener('cc-load', (event) => console.log(apiBase${index}, event.detail.count));`)
      .join('\n');
    writeFileSync(join(consumer, 'good.ts'), `import { version, ApiError, type CcSelectDetail } from '${pkg.name}';
import * as classes from '${pkg.name}/classes.js';
${imports}
export const shown: string = version;
export const isError = (value: unknown): boolean => value instanceof ApiError;
document.querySelector('cc-directory')?.addEventListener('cc-select', (event) => {
  const detail: CcSelectDetail = event.detail;
  if (detail.url) event.preventDefault();
});
${uses}
`);
    // Two deliberate errors: tsc must see the declarations to report them.
    writeFileSync(join(consumer, 'bad.ts'), `import { version } from '${pkg.name}';
import '${pkg.name}/${tags[0]}.js';
export const wrong: number = version;
document.createElement('${tags[0]}').apiBase = 42;
`);
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom', 'dom.iterable'], types: [], skipLibCheck: false },
      files: ['good.ts', 'bad.ts'],
    }));
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', consumer, '--pretty', 'false'], { cwd: consumer }).then(() => ({ stdout: '' }), (error) => error);
    const errors = result.stdout.trim().split('\n').filter(Boolean);
    assert.deepEqual(errors.map((line) => line.replace(/\(\d+,\d+\).*?(TS\d+).*/, ' $1')), ['bad.ts TS2322', 'bad.ts TS2322'], `tsc reported:\n${result.stdout}`);
  });

  it('loads in a page: the classic script, and a bundle of every entry made by esbuild from the consumer', async () => {
    const bundled = await build({
      stdin: { contents: `export * from '${pkg.name}';\n${tags.map((tag) => `import '${pkg.name}/${tag}.js';`).join('\n')}\nimport '${pkg.name}/classes.js';`, resolveDir: consumer, loader: 'js' },
      absWorkingDir: consumer,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(bundled.metafile.inputs);
    // dist/ bundles Lit and the rest (the dependencies are there for the declarations, which import 'lit').
    const outside = inputs.filter((input) => input !== '<stdin>' && !input.startsWith(`node_modules/${pkg.name}/dist/`));
    assert.deepEqual(outside, [], 'every bundled file comes from the installed package\'s dist/');
    assert.ok(inputs.includes(`node_modules/${pkg.name}/dist/cc-widgets.js`));

    const sandbox = await startSandbox({ port: 0, now: '2026-12-01T00:00:00Z' });
    const iife = readFileSync(join(consumer, 'node_modules', pkg.name, 'dist', 'cc-widgets.iife.js'));
    const widget = `<cc-directory api-base="${sandbox.url}" insee="97413" page-size="3"><a href="https://www.communecter.org/#search">Voir les acteurs sur Communecter</a></cc-directory>`;
    const pages = await servePages({
      '/classic.html': { body: `<!doctype html><html lang="fr"><title>classic</title><script src="/cc-widgets.iife.js"></script>${widget}` },
      '/bundle.html': { body: `<!doctype html><html lang="fr"><title>bundle</title><script type="module">import { version } from '/bundle.js'; window.version = version;</script>${widget}` },
      '/cc-widgets.iife.js': { body: iife, type: 'text/javascript' },
      '/bundle.js': { body: bundled.outputFiles[0].contents, type: 'text/javascript' },
    });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      for (const [name, readVersion] of [['classic', 'window.CcWidgets.version'], ['bundle', 'window.version']]) {
        await page.goto(`${pages.url}/${name}.html`);
        const view = await waitForWidget(page, 'cc-directory', 'loaded');
        assert.equal(view.titles.length, 3, `${name}: three entries shown`);
        assert.match(view.status, /\d/, `${name}: a count is shown`);
        assert.equal(await page.evaluate(readVersion), pkg.version, `${name}: version is package.json's`);
        const defined = await page.evaluate((tags) => tags.filter((tag) => customElements.get(tag)), tags);
        assert.deepEqual(defined, tags, `${name}: every element is defined`);
      }
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await pages.close();
      await sandbox.close();
    }
  });
});
