import { buttonClassName } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../identity/session-provider';

/** Buyer roles the API lets create a pre-harvest commitment. */
export const COMMITTING_ROLES = ['buyer_purchaser', 'buyer_admin', 'buyer_approver'] as const;

/** "预购" on a SKU: commit to a coming harvest of it, for the roles the API allows. */
export function CommitHarvestLink({ productId, skuId }: { productId: string; skuId: string }) {
  const { t } = useTranslation();
  const { buyerRoles } = useSession();
  if (!COMMITTING_ROLES.some((r) => buyerRoles.includes(r))) return null;
  return (
    <Link className={buttonClassName('secondary')} to={`/commitments/new?product=${encodeURIComponent(productId)}&sku=${encodeURIComponent(skuId)}`} data-testid="commit-harvest">
      {t('commitments.link')}
    </Link>
  );
}
