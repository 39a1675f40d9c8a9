// `cem analyze` reads this file (npm run analyze, part of npm run build) and writes ./custom-elements.json,
// which Storybook's argument tables and docs pages and the README's element tables (npm run docs) read.
// The JSDoc headers of the components are the source; scripts/cem-plugins.mjs adds what the analyzer
// cannot see by itself (tag names from defineElement(), event detail types from CcEventMap, types of
// imported constants and aliases) and drops private members. No per-element configuration.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { communecterPlugins } from './scripts/cem-plugins.mjs';

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.styles.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  dev: false,
  plugins: communecterPlugins({
    root: dirname(fileURLToPath(import.meta.url)),
    defineFunction: 'defineElement',
    eventMap: { file: 'src/shared/events.ts', interface: 'CcEventMap', prefix: 'cc-' },
  }),
};
