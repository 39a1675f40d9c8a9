// The whole browser suite again, with src/ served as the build sees it once Lit's templates and styles are
// minified (rollup.config.mjs, templateMinifyOptions): every html``/svg`` and css`` literal of src/**/*.ts goes
// through the same plugin, with the same options, before esbuild strips the types. So each element test also
// checks that minification kept the markup, the bindings and the styles working.
//   npm run test:minified                       both browsers (part of npm run test:browser)
//   BROWSERS=chromium npm run test:minified -- --group cc-agenda
import { minifyHTMLLiterals } from '@lit-labs/rollup-plugin-minify-html-literals/lib/minify-html-literals.js';
import base from '../../web-test-runner.config.mjs';
import { templateMinifyOptions } from '../../rollup.config.mjs';

let served = 0;
let minified = 0;
const minifyTemplates = {
  name: 'cc-minify-templates',
  async transform(context) {
    if (!/^\/src\/.*\.ts$/.test(context.path) || typeof context.body !== 'string') return undefined;
    if (context.path.startsWith('/src/components/')) served++;
    const result = await minifyHTMLLiterals(context.body, { ...templateMinifyOptions, fileName: context.path });
    if (!result) return undefined;
    minified++;
    return { body: result.code };
  },
};

// A run that loaded the elements but minified nothing proves nothing: say so and fail.
const minifiedSomething = {
  name: 'cc-minified-something',
  serverStop() {
    if (served > 0 && minified === 0) {
      console.error('test:minified: the elements were loaded but no template of src/ went through the minifier; the run checked nothing it should.');
      process.exitCode = 1;
    }
  },
};

export default {
  ...base,
  // Before esbuild: the minifier parses the TypeScript source, as it does in the rollup build.
  plugins: [minifyTemplates, ...base.plugins, minifiedSomething],
};
