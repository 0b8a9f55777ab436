import { Container, LinkProvider, SkipLink, StatusMessage } from '@shanhai/ui';
import { Suspense, useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { RouterAnchor } from './router-anchor';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import './shell.css';

/** Header, main and footer around every page; pages load into `<main>` (lazily, behind a loading state). */
export function AppShell() {
  const mainRef = useFocusMainOnPageChange();
  return (
    <LinkProvider value={RouterAnchor}>
      <SkipLink target="main" />
      <SiteHeader />
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <Suspense
          fallback={
            <Container>
              <StatusMessage tone="loading" />
            </Container>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <SiteFooter />
      <ScrollRestoration />
    </LinkProvider>
  );
}

/**
 * After moving to another page (not a new filter on the same one) focus goes to `<main>`, so keyboard and
 * screen-reader users start reading the new page instead of staying on a link that no longer exists.
 */
function useFocusMainOnPageChange() {
  const { pathname } = useLocation();
  const ref = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus({ preventScroll: true });
  }, [pathname]);
  return ref;
}
