import { Button, LanguageSwitch, useLocalize } from '@shanhai/ui';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useOrganisation } from '../common/shared.queries';
import { useSession } from '../identity/session-provider';
import { useWorkspace } from '../identity/workspace-provider';
import type { Workspace } from '../identity/workspaces';

export function PortalHeader() {
  const { t } = useTranslation();
  return (
    <header className="portal-header">
      <div className="ui-container portal-header__bar">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            山海
          </span>
          <span className="brand__text">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <Account />
        <LanguageSwitch className="portal-header__language" />
      </div>
    </header>
  );
}

/** Who is signed in, for which organisation (a choice when there are several), and "Sign out". */
function Account() {
  const { t } = useTranslation();
  const { status, user, signOut } = useSession();
  const { workspace, workspaces, choose } = useWorkspace();
  const navigate = useNavigate();
  const switchId = useId();
  if (status === 'loading') return <span className="account__pending">{t('account.checking')}</span>;
  if (status !== 'signed-in' || !user) return null;
  return (
    <div className="account">
      {workspaces.length > 1 ? (
        <div className="account__switch">
          <label htmlFor={switchId} className="ui-visually-hidden">
            {t('account.switch')}
          </label>
          <select id={switchId} className="ui-select account__select" value={workspace?.organisationId} onChange={(e) => choose(e.target.value)}>
            {workspaces.map((w) => (
              <option key={w.organisationId} value={w.organisationId}>
                {w.organisationName}
              </option>
            ))}
          </select>
        </div>
      ) : workspace ? (
        <WorkspaceName workspace={workspace} />
      ) : (
        <p className="account__who">{user.displayName}</p>
      )}
      <Button
        variant="ghost"
        className="account__sign-out"
        onClick={async () => {
          await signOut();
          void navigate('/sign-in');
        }}
      >
        {t('account.signOut')}
      </Button>
    </div>
  );
}

function WorkspaceName({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const organisation = useOrganisation(workspace.organisationId);
  const role =
    workspace.kind === 'official'
      ? t('account.roles.official')
      : workspace.kind === 'operations'
        ? t('account.roles.operator')
        : workspace.roles.includes('supplier_admin')
          ? t('account.roles.supplierAdmin')
          : t('account.roles.supplierStaff');
  return (
    <p className="account__who">
      <span className="account__org" data-testid="organisation-name">
        {localize(workspace.organisationName, organisation.data?.nameEn)}
      </span>
      <span className="account__role" data-testid="workspace-role">
        {role}
      </span>
    </p>
  );
}
