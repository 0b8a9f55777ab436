import { defineConfig } from 'vitest/config';

// `npx vitest run` from the workspace root runs every front-end project (their own configs) together.
// The API and libs/domain keep Jest (jest.config.js); front-end specs are *.spec.tsx so neither runner
// picks up the other's files.
export default defineConfig({
  test: {
    projects: ['apps/storefront/vite.config.mts', 'apps/portal/vite.config.mts', 'libs/ui/vite.config.mts', 'libs/api-client/vite.config.mts'],
  },
});
