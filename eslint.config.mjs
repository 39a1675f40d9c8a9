// ESLint (flat config). `npm run lint` = this with --max-warnings 0, then lit-analyzer --strict on src/.
// House-style guards (house-style.md A.2, J): rich HTML only through src/shared/sanitize.ts, and fetch
// only in src/api/ (the client owns retries, timeouts, abort, de-duplication and error mapping).
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = ['**/*.ts'];
const WEB_TS = ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts'];
const onlyFor = (files, configs) => [configs].flat().map((config) => ({ ...config, files }));

const unsafeHtmlMessage =
  'Render platform text as text. Rich HTML goes through src/shared/sanitize.ts (DOMPurify), the only module allowed to use unsafeHTML.';
const fetchMessage =
  'Only src/api/ calls fetch: go through the client (createClient / the api functions) so retries, timeouts, abort and errors are handled once.';

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'storybook-static/**', 'coverage/**', '.cache/**', 'sandbox/**',
      'custom-elements.json'],
  },
  js.configs.recommended,
  ...onlyFor(TS, tseslint.configs.recommended),
  ...onlyFor(WEB_TS, [wc.configs['flat/recommended'], wc.configs['flat/best-practice'], lit.configs['flat/recommended']]),
  {
    files: WEB_TS,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'wc/guard-super-call': 'off', // false positive on LitElement lifecycle overrides (toolchain notes P15)
      // Stripping control characters from platform text is a requirement (hostile-inputs.md), and this rule
      // flags exactly the regular expressions that do it.
      'no-control-regex': 'off',
      // house style D: `import type`; `typeof import('./x.js')` stays allowed for lazily imported modules.
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/directives/unsafe-html.js', '**/directives/unsafe-html', '**/directives/unsafe-svg.js',
              '**/directives/unsafe-mathml.js'], message: unsafeHtmlMessage },
          ],
        },
      ],
    },
  },
  // Layers that point one way: lib (pure helpers) ← api (the client) ← shared (controllers, templates)
  // ← components. shared/ reads only types and errors from api/; components reach api/ through its index.
  ...[
    ['src/lib/**/*.ts', [{ group: ['**/api/**', '**/shared/**', '**/components/**'], message: 'src/lib is the bottom layer: pure helpers only.' }]],
    ['src/api/**/*.ts', [{ group: ['**/shared/**', '**/components/**'], message: 'src/api must not depend on widgets: move pure helpers to src/lib.' }]],
    ['src/shared/**/*.ts', [
      { group: ['**/components/**'], message: 'shared code must not depend on one element.' },
      { group: ['**/api/*', '**/api/**/*', '!**/api/errors.js'], allowTypeImports: true, message: 'shared/ imports only types and errors from api/ (components pass it what it needs).' },
    ]],
    ['src/components/**/*.ts', [{ group: ['**/api/*', '**/api/**/*', '!**/api/index.js'], message: 'components import the client through src/api/index.ts only.' }]],
  ].map(([files, patterns]) => ({ files: [files], rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] } })),
  {
    files: ['src/shared/sanitize.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Components, shared code and stories must not call fetch; tests may stub it, src/api/ owns it.
    files: ['src/**/*.ts', 'stories/**/*.ts'],
    ignores: ['src/api/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: fetchMessage }],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'fetch', message: fetchMessage },
        { object: 'globalThis', property: 'fetch', message: fetchMessage },
        { object: 'self', property: 'fetch', message: fetchMessage },
      ],
    },
  },
  {
    // chai's `expect(x).to.be.true` is an expression statement.
    files: ['test/**/*.ts'],
    rules: { 'no-unused-expressions': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // Node-side configs and scripts.
    files: ['*.mjs', 'scripts/**/*.mjs', 'test/**/*.mjs', 'demo/**/*.mjs', '.storybook/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Benchmark cases hand functions to page.evaluate(): they run in the browser.
    files: ['test/bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Scripts of the demo pages run in the browser.
    files: ['demo/**/*.js'],
    languageOptions: { globals: { ...globals.browser }, sourceType: 'module' },
  },
);
