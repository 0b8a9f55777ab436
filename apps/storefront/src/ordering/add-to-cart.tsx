import { isApiError } from '@shanhai/api-client';
import type { ProductDetail } from '@shanhai/contract';
import { Button, buttonClassName, TextField, useLanguage } from '@shanhai/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { formatCount } from '../catalog/catalog-format';
import { useSession } from '../identity/session-provider';
import { useSetCartItem } from './ordering.queries';

import './ordering.css';

type Sku = ProductDetail['skus'][number];

/**
 * Quantity and "add to cart" for one SKU. The input steps by the order multiple from the minimum; the
 * server checks both again and its reason appears beside the field.
 */
export function AddToCart({ sku, unit }: { sku: Sku; unit: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { status, buyer } = useSession();
  const location = useLocation();
  const setItem = useSetCartItem(buyer?.organisationId ?? null);
  const [quantity, setQuantity] = useState(String(sku.minOrderQuantity));
  const [added, setAdded] = useState<number | null>(null);

  if (!sku.active || sku.stockUnits <= 0) return null;
  if (status !== 'signed-in' || !buyer) {
    if (status === 'loading') return null;
    return (
      <p className="add-to-cart__sign-in">
        <Link to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>{t('ordering.addToCart.signIn')}</Link>
      </p>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    const wanted = Number(quantity);
    setItem.mutate(
      { skuId: sku.id, quantity: Number.isInteger(wanted) ? wanted : NaN },
      {
        onSuccess: (cart) => {
          const line = cart.groups.flatMap((g) => g.lines).find((l) => l.skuId === sku.id);
          setAdded(line?.quantity ?? wanted);
        },
      },
    );
  };

  const error = setItem.error
    ? isApiError(setItem.error)
      ? (setItem.error.fieldErrors().quantity ?? setItem.error.message)
      : t('errors.tryLater')
    : undefined;

  return (
    <form className="add-to-cart" onSubmit={submit} noValidate>
      <TextField
        label={t('ordering.addToCart.quantity', { unit })}
        hint={t('ordering.addToCart.hint', { min: formatCount(sku.minOrderQuantity, language), multiple: formatCount(sku.orderMultiple, language) })}
        error={error}
        type="number"
        inputMode="numeric"
        min={sku.minOrderQuantity}
        step={sku.orderMultiple}
        value={quantity}
        onChange={(e) => setQuantity(e.target.value)}
        fieldClassName="add-to-cart__field"
      />
      <Button type="submit" variant="primary" disabled={setItem.isPending}>
        {t('ordering.addToCart.submit')}
      </Button>
      <p className="add-to-cart__result" role="status">
        {added !== null ? (
          <>
            {t('ordering.addToCart.added', { quantity: `${formatCount(added, language)} ${unit}` })}{' '}
            <Link to="/cart" className={buttonClassName('ghost')}>
              {t('ordering.addToCart.viewCart')}
            </Link>
          </>
        ) : null}
      </p>
    </form>
  );
}
