import { Button, buttonClassName, useLanguage, useLocalize } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useOrganisation } from '../identity/identity.queries';
import { useSession } from '../identity/session-provider';

/** "Sign in", or the organisation the user buys for and "Sign out". */
export function AccountMenu() {
  const { t } = useTranslation();
  const { status, user, buyer, signOut } = useSession();
  const { language } = useLanguage();
  const localize = useLocalize();
  const location = useLocation();
  const navigate = useNavigate();
  const organisation = useOrganisation(buyer?.organisationId ?? null, language === 'en');

  if (status === 'loading') return <span className="account__pending">{t('account.checking')}</span>;

  if (status === 'anonymous' || !user) {
    if (location.pathname === '/sign-in') return null; // the page is the sign-in form
    const here = `${location.pathname}${location.search}`;
    const next = location.pathname === '/sign-in' || here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
    return (
      <Link to={`/sign-in${next}`} className={buttonClassName('secondary', 'account__sign-in')}>
        {t('account.signIn')}
      </Link>
    );
  }

  const name = buyer ? localize(buyer.organisationName, organisation.data?.nameEn) : user.displayName;
  return (
    <div className="account">
      <p className="account__who" title={name}>
        <span className="ui-visually-hidden">{buyer ? t('account.buyingFor') : t('account.signedInAs')}</span>
        <span className="account__org" data-testid="organisation-name">
          {name}
        </span>
        {!buyer ? <span className="account__note">{t('account.notBuyer')}</span> : null}
      </p>
      <Button
        variant="ghost"
        className="account__sign-out"
        onClick={async () => {
          await signOut();
          void navigate('/');
        }}
      >
        {t('account.signOut')}
      </Button>
    </div>
  );
}
