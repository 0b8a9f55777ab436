import { defineConfig } from 'vitest/config';

// Test-only config: the kit is compiled by the apps that use it (imported from source).
export default defineConfig({
  root: import.meta.dirname,
  resolve: { tsconfigPaths: true },
  test: { name: 'ui', environment: 'jsdom', include: ['src/**/*.spec.tsx'], setupFiles: ['./vitest.setup.ts'] },
});
