import { buttonClassName } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../identity/session-provider';

/** "签订采购协议" on a SKU, for those who may commit the organisation (admins and approvers, as the API enforces). */
export function ProposeAgreementLink({ productId, skuId }: { productId: string; skuId: string }) {
  const { t } = useTranslation();
  const { buyerRoles } = useSession();
  if (!buyerRoles.includes('buyer_admin') && !buyerRoles.includes('buyer_approver')) return null;
  return (
    <Link className={buttonClassName('secondary')} to={`/agreements/new?product=${encodeURIComponent(productId)}&sku=${encodeURIComponent(skuId)}`} data-testid="propose-agreement">
      {t('agreements.propose.title')}
    </Link>
  );
}
