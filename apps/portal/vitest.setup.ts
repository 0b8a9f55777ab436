import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Lazy pages and fake API answers arrive asynchronously; on a busy CI machine 1 s (the default) is short.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no scrolling; react-router's ScrollRestoration calls it on every navigation.
window.scrollTo = () => undefined;

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});
