import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../identity/session-provider';
import { useCart } from '../ordering/ordering.queries';

/** "Cart" with the number of lines in it, and "Orders": only for a signed-in buyer. */
export function BuyerNavLinks() {
  const { t } = useTranslation();
  const { buyer } = useSession();
  const cart = useCart(buyer?.organisationId ?? null);
  if (!buyer) return null;
  const count = cart.data?.groups.reduce((n, g) => n + g.lines.length, 0) ?? 0;
  return (
    <>
      <NavLink to="/orders" className="site-nav__link">
        {t('ordering.nav.orders')}
      </NavLink>
      <NavLink to="/cart" className="site-nav__link cart-link" aria-label={t('ordering.nav.cartCount', { count })} data-testid="cart-link">
        {t('ordering.nav.cart')}
        <span className="cart-link__count" aria-hidden="true" data-testid="cart-count">
          {count}
        </span>
      </NavLink>
    </>
  );
}
