import { isApiError } from '@shanhai/api-client';
import type { CartGroupView, CartLineView } from '@shanhai/contract';
import { Button, Price, TextField, useLanguage, useLocalize } from '@shanhai/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount } from '../catalog/catalog-format';
import { useRemoveCartItem, useSetCartItem } from './ordering.queries';

/** One cooperative's lines: unit price as the server priced it, line totals, quantity change and removal. */
export function CartGroup({ group, organisationId }: { group: CartGroupView; organisationId: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const supplier = localize(group.supplierName, group.supplierNameEn);
  return (
    <section className="cart-group" aria-label={t('ordering.cart.supplierCaption', { supplier })} data-testid="cart-group">
      <h2 className="cart-group__title">{supplier}</h2>
      <ul className="cart-lines">
        {group.lines.map((line) => (
          <CartLine key={line.skuId} line={line} organisationId={organisationId} />
        ))}
      </ul>
      <p className="cart-group__total">
        {t('ordering.cart.supplierProduce')} <Price fen={group.produceFen} />
      </p>
    </section>
  );
}

function CartLine({ line, organisationId }: { line: CartLineView; organisationId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const setItem = useSetCartItem(organisationId);
  const remove = useRemoveCartItem(organisationId);
  const [quantity, setQuantity] = useState(String(line.quantity));
  const name = localize(line.productNameZh, line.productNameEn);
  const unit = localize(line.packingUnitZh, line.packingUnitEn);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = Number(quantity);
    setItem.mutate({ skuId: line.skuId, quantity: Number.isInteger(wanted) ? wanted : NaN });
  };
  const failure = setItem.error ?? remove.error;
  const error = failure ? (isApiError(failure) ? (failure.fieldErrors().quantity ?? failure.message) : t('errors.tryLater')) : undefined;

  return (
    <li className="cart-line" data-testid="cart-line">
      <div className="cart-line__product">
        <Link to={`/products/${line.productId}`} className="cart-line__name">
          {name}
        </Link>
        <span className="cart-line__meta">
          {t('ordering.cart.code', { code: line.skuCode })} ·{' '}
          {t('ordering.cart.rules', { min: formatCount(line.minOrderQuantity, language), multiple: formatCount(line.orderMultiple, language) })}
        </span>
        {line.problem ? (
          <p className="cart-line__problem" data-testid="cart-line-problem">
            {t('ordering.cart.problem', { problem: line.problem })}
          </p>
        ) : null}
      </div>
      <dl className="cart-line__money">
        <div>
          <dt>{t('ordering.cart.unitPrice')}</dt>
          <dd>
            <Price fen={line.unitPriceFen} /> / {unit}
          </dd>
        </div>
        <div>
          <dt>{t('ordering.cart.lineTotal')}</dt>
          <dd className="cart-line__total">
            <Price fen={line.lineFen} />
          </dd>
        </div>
      </dl>
      <form className="cart-line__quantity" onSubmit={submit} noValidate>
        <TextField
          label={t('ordering.addToCart.quantity', { unit })}
          // The visible label is short; the accessible name says which product, as every line has one.
          aria-label={t('ordering.cart.quantityLabel', { name, unit })}
          error={error}
          type="number"
          inputMode="numeric"
          min={line.minOrderQuantity}
          step={line.orderMultiple}
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
        />
        <div className="cart-line__actions">
          <Button type="submit" disabled={setItem.isPending || quantity === String(line.quantity)}>
            {t('ordering.cart.update')}
          </Button>
          <Button variant="ghost" aria-label={t('ordering.cart.removeLabel', { name })} disabled={remove.isPending} onClick={() => remove.mutate(line.skuId)}>
            {t('ordering.cart.remove')}
          </Button>
        </div>
      </form>
    </li>
  );
}
