// Storybook 10 (web components + Vite), written by hand: `storybook init` / `storybook add` would try to
// download browsers (toolchain notes P14). Stories live in stories/ (house style B).
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // `npm run -s build-storybook` stays quiet unless something is wrong: Vite's progress lines are info, and
  // Storybook's own docs renderer is a single >500 kB chunk (a warning about Storybook, not our code).
  // Rolldown's plugin-timing notice only says that Storybook's CSF transform is slow on a 2-core machine.
  viteFinal: async (viteConfig) => ({
    ...viteConfig,
    logLevel: 'warn',
    build: {
      ...viteConfig.build,
      chunkSizeWarningLimit: 1500,
      rolldownOptions: {
        ...viteConfig.build?.rolldownOptions,
        checks: { ...viteConfig.build?.rolldownOptions?.checks, bundlerTimings: false },
      },
    },
  }),
};

export default config;
