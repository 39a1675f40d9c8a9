// `cem analyze` reads this file (npm run analyze, part of npm run build) and writes ./custom-elements.json,
// which Storybook's argument tables and editors read. The JSDoc headers of the components are the source.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.styles.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  dev: false,
};
