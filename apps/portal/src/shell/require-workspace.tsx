import { Button, Container, StatusMessage } from '@shanhai/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../identity/session-provider';
import { useWorkspace } from '../identity/workspace-provider';
import type { WorkspaceKind } from '../identity/workspaces';

/**
 * Every page but sign-in needs a signed-in account with a portal workspace: anonymous visitors go to sign-in
 * (and come back afterwards); a buyer account is told that this portal is not theirs.
 */
export function RequireWorkspace() {
  const { t } = useTranslation();
  const { status, signOut } = useSession();
  const { workspace } = useWorkspace();
  const location = useLocation();
  const navigate = useNavigate();
  if (status === 'loading') {
    return (
      <Container className="page">
        <StatusMessage tone="loading" title={t('account.checking')} />
      </Container>
    );
  }
  if (status === 'anonymous') {
    const here = `${location.pathname}${location.search}`;
    return <Navigate to={here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`} replace />;
  }
  if (!workspace) {
    return (
      <Container className="page">
        <title>{`${t('noWorkspace.title')} · ${t('app.name')}`}</title>
        <h1 className="page__title">{t('noWorkspace.title')}</h1>
        <StatusMessage
          tone="empty"
          title={t('noWorkspace.text')}
          action={
            <Button
              variant="primary"
              onClick={async () => {
                await signOut();
                void navigate('/sign-in');
              }}
            >
              {t('account.signOut')}
            </Button>
          }
        />
      </Container>
    );
  }
  return <Outlet />;
}

/** A page of one kind of workspace; in the other kind it says whose page it is instead of failing on 403s. */
export function OnlyFor({ kind, children }: { kind: WorkspaceKind; children: ReactNode }) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  if (workspace?.kind === kind) return <>{children}</>;
  return (
    <Container className="page">
      <title>{`${t('wrongWorkspace.title')} · ${t('app.name')}`}</title>
      <h1 className="page__title">{t('wrongWorkspace.title')}</h1>
      <StatusMessage tone="empty" title={t(`wrongWorkspace.${kind}`)} action={<Link to="/">{t('notFound.home')}</Link>} />
    </Container>
  );
}
