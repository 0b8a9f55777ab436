import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { useSession } from '../identity/session-provider';
import { useCart, usePendingApprovals, usePurchasing } from '../ordering/ordering.queries';
import { isPublicBuyerType } from '../reserved-share/reserved-share-format';
import { useBuyerOrganisation } from '../reserved-share/reserved-share.queries';

/**
 * A signed-in buyer's links: "Orders"; "Approvals" with the number waiting, for approvers; "Invoices" where
 * the organisation pays on net terms;
 * "Reserved share" for public budget units (government, school, hospital); "Cart" with its number of lines, for those who may order.
 */
export function BuyerNavLinks() {
  const { t } = useTranslation();
  const { buyer, canPurchase, canApprove } = useSession();
  const organisationId = buyer?.organisationId ?? null;
  const cart = useCart(canPurchase ? organisationId : null);
  const approvals = usePendingApprovals(organisationId, canApprove);
  const purchasing = usePurchasing(organisationId);
  const organisation = useBuyerOrganisation(organisationId);
  // Commitments are a tab of the agreements: the link is current on either.
  const path = useLocation().pathname;
  const onAgreements = /^\/(agreements|commitments)(\/|$)/.test(path);
  if (!buyer) return null;
  const count = cart.data?.groups.reduce((n, g) => n + g.lines.length, 0) ?? 0;
  const waiting = approvals.data?.total ?? 0;
  return (
    <>
      <NavLink to="/orders" className="site-nav__link">
        {t('ordering.nav.orders')}
      </NavLink>
      <Link to="/agreements" className="site-nav__link" aria-current={onAgreements ? 'page' : undefined} data-testid="agreements-link">
        {t('agreements.nav')}
      </Link>
      {canApprove ? (
        <NavLink to="/approvals" className="site-nav__link cart-link" aria-label={t('ordering.nav.approvalsCount', { count: waiting })} data-testid="approvals-link">
          {t('ordering.nav.approvals')}
          <span className={`cart-link__count${waiting ? ' cart-link__count--alert' : ''}`} aria-hidden="true" data-testid="approvals-count">
            {waiting}
          </span>
        </NavLink>
      ) : null}
      {purchasing.data?.invoiceAllowed ? (
        <NavLink to="/invoices" className="site-nav__link">
          {t('ordering.nav.invoices')}
        </NavLink>
      ) : null}
      {isPublicBuyerType(organisation.data?.buyerType) ? (
        <NavLink to="/reserved-share" className="site-nav__link site-nav__link--reserved" data-testid="reserved-share-link">
          {t('reservedShare.nav')}
        </NavLink>
      ) : null}
      {canPurchase ? (
        <NavLink to="/cart" className="site-nav__link cart-link" aria-label={t('ordering.nav.cartCount', { count })} data-testid="cart-link">
          {t('ordering.nav.cart')}
          <span className="cart-link__count" aria-hidden="true" data-testid="cart-count">
            {count}
          </span>
        </NavLink>
      ) : null}
    </>
  );
}
