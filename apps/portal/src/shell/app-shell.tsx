import { Container, LinkProvider, SkipLink, StatusMessage } from '@shanhai/ui';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useWorkspace } from '../identity/workspace-provider';
import { PortalHeader } from './portal-header';
import { PortalNav } from './portal-nav';
import { RouterAnchor } from './router-anchor';
import '../common/pages.css';
import './shell.css';

/**
 * Header, the workspace's navigation (a column beside the page on wide screens, a wrapping row above it on
 * phones) and the page in `<main>`; pages load lazily behind a loading state.
 */
export function AppShell() {
  const mainRef = useFocusMainOnPageChange();
  const { workspace } = useWorkspace();
  return (
    <LinkProvider value={RouterAnchor}>
      <SkipLink target="main" />
      <PortalHeader />
      <div className={workspace ? 'portal-body portal-body--with-nav' : 'portal-body'}>
        {workspace ? <PortalNav kind={workspace.kind} /> : null}
        <main id="main" ref={mainRef} tabIndex={-1} className="portal-main">
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
      </div>
      <footer className="portal-footer">
        <FooterText />
      </footer>
      <ScrollRestoration />
    </LinkProvider>
  );
}


function FooterText() {
  const { t } = useTranslation();
  return (
    <div className="ui-container">
      <p className="portal-footer__motto">{t('footer.motto')}</p>
      <p>{t('footer.about')}</p>
    </div>
  );
}

/** After moving to another page focus goes to `<main>`, so keyboard and screen-reader users start on the new page. */
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
