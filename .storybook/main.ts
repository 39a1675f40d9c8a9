// Storybook 10 (web components + Vite), written by hand: `storybook init` / `storybook add` would try to
// download browsers (toolchain notes P14). Stories live in stories/ (house style B).
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Storybook's own docs renderer is a single >500 kB chunk; the warning is about Storybook, not our code.
  viteFinal: async (viteConfig) => ({
    ...viteConfig,
    build: { ...viteConfig.build, chunkSizeWarningLimit: 1500 },
  }),
};

export default config;
