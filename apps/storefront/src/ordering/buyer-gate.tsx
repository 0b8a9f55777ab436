import type { MembershipView } from '@shanhai/contract';
import { StatusMessage } from '@shanhai/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../identity/session-provider';

/** Renders its children for a signed-in buyer; otherwise says what is missing (sign in, or not a buyer account). */
export function BuyerGate({ children }: { children: (buyer: MembershipView) => ReactNode }) {
  const { t } = useTranslation();
  const { status, buyer } = useSession();
  const location = useLocation();
  if (status === 'loading') return <StatusMessage tone="loading" />;
  if (status === 'anonymous') {
    return (
      <StatusMessage tone="empty" title={t('ordering.signIn')}>
        <Link to={`/sign-in?next=${encodeURIComponent(`${location.pathname}${location.search}`)}`}>{t('ordering.signInLink')}</Link>
      </StatusMessage>
    );
  }
  if (!buyer) return <StatusMessage tone="empty" title={t('ordering.notBuyer')} />;
  return <>{children(buyer)}</>;
}
