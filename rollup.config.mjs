// Build of the published artefacts (see README "npm scripts"):
//   dist/cc-widgets.js        ES module entry, registers every element; dynamic import()s become lazy chunks
//   dist/cc-<element>.js      one ES module entry per element (registers that element only)
//   dist/classes.js           the classes, nothing registered (custom tag names, scoped registries)
//   dist/chunks/*.js          code shared by the entries above and lazily loaded parts
//   dist/cc-widgets.iife.js   one classic script for CMSs that refuse modules (everything inlined)
// Type declarations and custom-elements.json are produced by the `build` script, not here.
import { readFileSync } from 'node:fs';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { discoverElements } from './scripts/elements.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

// Per-element entries are discovered (scripts/elements.mjs), so a new src/components/cc-x/cc-x.define.ts
// needs no config change; package.json "exports" lists the same entries (scripts/package-exports.mjs).
const elementEntries = () => Object.fromEntries(discoverElements().map((element) => [element.name, element.define]));

// Visitors use every browser, including ones without CSS module scripts (Firefox ESR 140, older Safari),
// and esbuild below es-next silently *drops* `with { type: 'css' }` (toolchain notes P5), which would
// break at run time. So any CSS import attribute is a build error, never a silent strip.
function noCssImportAttributes() {
  return {
    name: 'no-css-import-attributes',
    resolveId(source, importer, options) {
      if (options?.attributes?.type === 'css' || /\.css$/.test(source)) {
        this.error(
          `CSS import "${source}" in ${importer ?? 'an entry'}: the bundle must not rely on CSS module scripts. ` +
            'Ship styles as Lit css`` results (e.g. src/shared/*.styles.ts) instead.',
        );
      }
      return null;
    },
  };
}

// Each file names the third-party code it contains, and only that: a page downloads several chunks, and
// the full list in every one of them cost ~0.4 KB gzip per page.
const THIRD_PARTY = [
  ['lit', /[\\/]node_modules[\\/](?:lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/, 'BSD-3-Clause, Google LLC'],
  ['@lit/task', /[\\/]node_modules[\\/]@lit[\\/]task[\\/]/, 'BSD-3-Clause, Google LLC'],
  ['dompurify', /[\\/]node_modules[\\/]dompurify[\\/]/, 'MPL-2.0 OR Apache-2.0'],
  ['marked', /[\\/]node_modules[\\/]marked[\\/]/, 'MIT'],
  ['leaflet', /[\\/]node_modules[\\/]leaflet[\\/]/, 'BSD-2-Clause, Volodymyr Agafonkin'],
  ['leaflet.css', /generated[\\/]leaflet-css/, 'BSD-2-Clause, Volodymyr Agafonkin'],
  ['supercluster', /[\\/]node_modules[\\/](?:supercluster|kdbush)[\\/]/, 'ISC, Mapbox'],
];
const banner = (chunk) => {
  const bundled = THIRD_PARTY.filter(([, pattern]) => chunk.moduleIds.some((id) => pattern.test(id)));
  const notes = bundled.map(([name, , licence]) => `${name} (${licence})`);
  return `/*! ${pkg.name} ${pkg.version} | ${pkg.license}${notes.length ? ` | bundles ${notes.join(', ')}` : ''} */`;
};

// Lit's html`` / svg`` templates (html-minifier-next: whitespace between tags, comments; bindings, <pre>,
// <textarea> and attribute values untouched) and css`` styles (lightningcss) are minified on our sources
// before esbuild sees them; terser cannot, as they are strings to it. A template it cannot minify stops the
// build (failOnError) rather than ship unminified. test/build/wtr-minified.config.mjs runs the whole browser
// suite with these same options applied (npm run test:minified, part of npm run test:browser).
export const templateMinifyOptions = {
  minifyOptions: {
    // Runs of whitespace become one space, never none: rendering is unchanged wherever white-space
    // collapses (everywhere here: no <pre>, no pre-wrap), and `${a} ${b}` stays two words.
    conservativeCollapse: true,
    // No JS rewriting inside html`` (no inline handlers there; bindings stay as they are).
    minifyJS: false,
  },
};
// The map's clustering worker: `new Worker(new URL('./cluster-worker.ts', import.meta.url), …)` in
// map-engine.ts (the form Vite and the dev server understand as it is) becomes a chunk of its own,
// chunks/cc-map-worker.js, next to chunks/cc-map-engine.js, and the URL points at it.
function mapWorker() {
  const pattern = /new URL\('\.\/cluster-worker\.ts', import\.meta\.url\)/;
  return {
    name: 'cc-map-worker',
    async transform(code, id) {
      if (!id.endsWith('map-engine.ts') || !pattern.test(code)) return null;
      const resolved = await this.resolve('./cluster-worker.ts', id);
      const reference = this.emitFile({ type: 'chunk', id: resolved.id, fileName: 'chunks/cc-map-worker.js' });
      return { code: code.replace(pattern, `new URL(import.meta.ROLLUP_FILE_URL_${reference})`), map: null };
    },
  };
}

// The classic script cannot split into chunks: its map element imports the ES build's map chunk from
// the script's own URL instead (engine-loader.iife.ts), so a page without a map still never loads Leaflet.
function iifeEngineLoader() {
  return {
    name: 'cc-map-iife-engine-loader',
    async resolveId(source, importer) {
      if (source !== './engine-loader.js' || !importer?.includes('cc-map')) return null;
      return this.resolve('./engine-loader.iife.ts', importer);
    },
  };
}

// Leaflet 1.9.4 tests for inline SVG at import time with `div.innerHTML = '<svg/>'`, which throws under
// Trusted Types (`require-trusted-types-for 'script'`) and so kills the whole map chunk on a strict page
// (Leaflet issues #8423, #9168). The same test without a string-to-HTML sink: append an SVG element made
// with createElementNS. The build fails if the line is not found (a Leaflet update must be looked at).
// Leaflet's other innerHTML writes are in controls, popups and DivIcons the map does not use.
function leafletWithoutHtmlSinks() {
  const probe = "div.innerHTML = '<svg/>';";
  return {
    name: 'leaflet-without-html-sinks',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('leaflet/dist/leaflet-src.esm.js')) return null;
      if (!code.includes(probe)) throw new Error('leaflet-src.esm.js changed: its inline-SVG probe is not where the Trusted Types patch expects it');
      return { code: code.replace(probe, "div.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));"), map: null };
    },
  };
}

const minifyTemplates = () => minifyLiterals({ include: ['src/**/*.ts'], failOnError: true, options: templateMinifyOptions });

const plugins = (...extra) => [
  ...extra,
  leafletWithoutHtmlSinks(),
  noCssImportAttributes(),
  minifyTemplates(),
  // `browser: true` + default export conditions: Lit's production build, never its "development" one.
  // package.json "sideEffects" describes dist/ for *consumers'* bundlers; applied to our own src/ it would
  // tree-shake away the side-effect-only `import './components/cc-x/cc-x.define.js'` lines of src/index.ts.
  resolve({ browser: true, ignoreSideEffectsForRoot: true }),
  esbuild({
    tsconfig: './tsconfig.json', // experimentalDecorators / useDefineForClassFields come from here (P8)
    target: 'es2021',
    sourceMap: true,
    minify: false, // terser minifies below; esbuild only strips types and lowers syntax
    exclude: [/node_modules/],
  }),
];

const minify = (module) =>
  terser({
    module,
    ecma: 2021,
    compress: { passes: 2 },
    format: { comments: /^!/ }, // keep only our banner; the licences are named in it
  });

// These warnings mean a broken bundle (an import left to the browser, a missing export), so they fail the
// build instead of scrolling by; anything else is printed as usual.
const FATAL_WARNINGS = new Set(['UNRESOLVED_IMPORT', 'MISSING_EXPORT', 'MISSING_GLOBAL_NAME', 'EVAL']);
const onwarn = (warning, warn) => {
  if (FATAL_WARNINGS.has(warning.code)) throw new Error(`rollup ${warning.code}: ${warning.message}`);
  warn(warning);
};

export default [
  {
    input: {
      'cc-widgets': 'src/index.ts',
      classes: 'src/classes.ts',
      ...elementEntries(),
      // Loaded with import() by <cc-map> (and from the classic script's URL): a stable name.
      'cc-map-engine': 'src/components/cc-map/map-engine.ts',
    },
    plugins: plugins(mapWorker()),
    onwarn,
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: (chunk) => (chunk.name === 'cc-map-engine' ? 'chunks/[name].js' : '[name].js'),
      chunkFileNames: 'chunks/[name]-[hash].js',
      // Folds chunks of a few hundred bytes (guarded registration) into a neighbour: each extra file a page
      // fetches costs a request and a gzip stream of its own.
      experimentalMinChunkSize: 2000,
      sourcemap: true,
      banner,
      plugins: [minify(true)],
    },
  },
  {
    input: 'src/index.ts',
    plugins: plugins(iifeEngineLoader()),
    onwarn,
    output: {
      file: 'dist/cc-widgets.iife.js',
      format: 'iife',
      name: 'CcWidgets',
      inlineDynamicImports: true,
      sourcemap: true,
      banner,
      plugins: [minify(false)],
    },
  },
];
