import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const workspaceRoot = resolve(import.meta.dirname, '../..');

// As in the storefront: the browser calls `/api` on its own origin and the dev and preview servers forward
// it to the API, so there is no CORS to configure and the built app works behind any reverse proxy.
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';
const proxy = { '/api': { target: apiUrl, changeOrigin: false } };

export default defineConfig({
  root: import.meta.dirname,
  // `@shanhai/*` resolve through tsconfig.web.json's `paths` to library sources.
  resolve: { tsconfigPaths: true },
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5174, proxy },
  // 4174 is where `npm start` (scripts/start.mjs) serves the portal too; the storefront has 4173.
  preview: { host: '127.0.0.1', port: 4174, proxy },
  build: {
    outDir: resolve(workspaceRoot, 'dist/apps/portal'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // The timing report fires whenever a loaded CI machine makes a plugin slow; it is noise, not a finding.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  test: {
    name: 'portal',
    environment: 'jsdom',
    include: ['src/**/*.spec.tsx'],
    setupFiles: ['./vitest.setup.ts'],
  },
});
