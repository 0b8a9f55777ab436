import { defineConfig } from 'vitest/config';

// Test-only config: the client is bundled by the apps that use it.
export default defineConfig({
  root: import.meta.dirname,
  resolve: { tsconfigPaths: true },
  test: { name: 'api-client', environment: 'node', include: ['src/**/*.spec.tsx'] },
});
