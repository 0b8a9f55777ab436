import { isApiError } from '@shanhai/api-client';
import type { CartView } from '@shanhai/contract';
import { formatYuan } from '@shanhai/domain';
import { Button, Container, Price, Select, StatusMessage, TextField, useLocalize } from '@shanhai/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useDeliverySites } from '../identity/identity.queries';
import { BuyerGate } from './buyer-gate';
import { newIdempotencyKey } from './idempotency-key';
import { useCart, useOpenCheckout, usePlaceOrder, type PaymentMethod } from './ordering.queries';
import './ordering.css';

const WALLETS: readonly PaymentMethod[] = ['card', 'wechat_pay', 'alipay'];

export function CheckoutPage() {
  const { t } = useTranslation();
  return (
    <Container className="page checkout-page">
      <title>{`${t('ordering.checkout.title')} · ${t('app.name')}`}</title>
      <h1 className="page__title">{t('ordering.checkout.title')}</h1>
      <BuyerGate>{(buyer) => <CheckoutForm organisationId={buyer.organisationId} />}</BuyerGate>
    </Container>
  );
}

interface Choice {
  siteId: string;
  date: string;
  method: PaymentMethod;
}

function CheckoutForm({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const sites = useDeliverySites(organisationId);
  const plainCart = useCart(organisationId);
  const [choice, setChoice] = useState<Choice>({ siteId: '', date: '', method: 'card' });
  // One key per attempt: a double click or a retry after a lost answer gets the same order back; changing
  // the choice makes it a new attempt.
  const [attemptKey, setAttemptKey] = useState(newIdempotencyKey);
  const siteId = choice.siteId || sites.data?.[0]?.id || '';
  const pricedCart = useCart(organisationId, siteId || undefined);
  const placeOrder = usePlaceOrder();
  const openCheckout = useOpenCheckout();
  const navigate = useNavigate();

  if (sites.isPending || plainCart.isPending) return <StatusMessage tone="loading" />;
  if (sites.isError || plainCart.isError) {
    return <StatusMessage tone="error" title={t('errors.tryLater')} onRetry={() => void Promise.all([sites.refetch(), plainCart.refetch()])} />;
  }
  if (plainCart.data.groups.length === 0) {
    return <StatusMessage tone="empty" title={t('ordering.cart.empty')} action={<Link to="/browse">{t('ordering.cart.browse')}</Link>} />;
  }
  if (sites.data.length === 0) return <StatusMessage tone="empty" title={t('ordering.checkout.noSites')} />;

  const earliest = plainCart.data.earliestDeliveryDate;
  const date = choice.date || earliest;
  // Invoice is offered only where the operator approved net terms; the API refuses it otherwise.
  const { purchasing, needsApproval } = plainCart.data;
  const methods = purchasing.invoiceAllowed ? [...WALLETS, 'invoice' as const] : WALLETS;
  const method = methods.includes(choice.method) ? choice.method : 'card';
  const change = (next: Partial<Choice>) => {
    setChoice({ siteId, date, method, ...next });
    setAttemptKey(newIdempotencyKey());
    placeOrder.reset();
    openCheckout.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (placeOrder.isPending || openCheckout.isPending) return;
    placeOrder.mutate(
      { organisationId, deliverySiteId: siteId, deliveryDate: date, paymentMethod: method, idempotencyKey: attemptKey },
      {
        onSuccess: (order) => {
          if (method === 'invoice' || order.status !== 'awaiting_payment') {
            void navigate(`/orders/${order.id}`);
            return;
          }
          openCheckout.mutate({ orderId: order.id }, { onSuccess: (session) => window.location.assign(session.checkoutUrl) });
        },
      },
    );
  };

  const fieldErrors = isApiError(placeOrder.error) ? placeOrder.error.fieldErrors() : {};
  const methodError =
    fieldErrors.paymentMethod ?? (isApiError(placeOrder.error) && placeOrder.error.code === 'NET_TERMS_NOT_APPROVED' ? placeOrder.error.message : undefined);
  const shownInFields = Boolean(fieldErrors.deliveryDate || fieldErrors.deliverySiteId || methodError);
  const busy = placeOrder.isPending || openCheckout.isPending || openCheckout.isSuccess;

  return (
    <form className="checkout" onSubmit={submit} noValidate>
      <div className="checkout__fields">
        <Select
          label={t('ordering.checkout.site')}
          value={siteId}
          error={fieldErrors.deliverySiteId}
          options={sites.data.map((s) => ({ value: s.id, label: `${s.name} · ${s.address}` }))}
          onChange={(e) => change({ siteId: e.target.value })}
        />
        <TextField
          label={t('ordering.checkout.date')}
          hint={t('ordering.checkout.dateHint', { date: earliest })}
          error={fieldErrors.deliveryDate}
          type="date"
          min={earliest}
          value={date}
          onChange={(e) => change({ date: e.target.value })}
        />
        <fieldset className="checkout__methods" aria-describedby={methodError ? 'payment-method-error' : undefined}>
          <legend className="ui-field__label">{t('ordering.checkout.method')}</legend>
          {methods.map((option) => (
            <label key={option} className="checkout__method">
              <input
                type="radio"
                name="paymentMethod"
                value={option}
                checked={method === option}
                aria-invalid={methodError && method === option ? true : undefined}
                onChange={() => change({ method: option })}
              />
              <span>
                {t(`ordering.methods.${option}`)}
                {option === 'invoice' && purchasing.netTermsDays !== null ? (
                  <span className="checkout__method-hint">{t('ordering.checkout.invoiceTerms', { days: purchasing.netTermsDays })}</span>
                ) : null}
              </span>
            </label>
          ))}
          {!purchasing.invoiceAllowed ? <p className="checkout__method-note">{t('ordering.checkout.invoiceUnavailable')}</p> : null}
          {methodError ? (
            <p className="ui-field__error" id="payment-method-error">
              {methodError}
            </p>
          ) : null}
        </fieldset>
      </div>

      <CheckoutSummary cart={pricedCart.data ?? null} loading={pricedCart.isPending} />

      {needsApproval && purchasing.approvalThresholdFen !== null ? (
        <p className="checkout__approval" data-testid="needs-approval">
          {t('ordering.checkout.needsApproval', { threshold: formatYuan(purchasing.approvalThresholdFen) })}
        </p>
      ) : null}

      {placeOrder.isError && !shownInFields ? (
        <StatusMessage tone="error" title={t('ordering.checkout.failed')}>
          {isApiError(placeOrder.error) && placeOrder.error.status !== 0 ? placeOrder.error.message : t('errors.network')}
        </StatusMessage>
      ) : null}
      {openCheckout.isError && placeOrder.data ? (
        <StatusMessage tone="error" title={t('ordering.checkout.paymentFailed')} action={<Link to={`/orders/${placeOrder.data.id}`}>{t('ordering.checkout.viewOrder')}</Link>} />
      ) : null}

      <div className="checkout__actions">
        <Link to="/cart">{t('ordering.checkout.backToCart')}</Link>
        <Button type="submit" variant="primary" disabled={busy} aria-busy={busy || undefined}>
          {placeOrder.isPending ? t('ordering.checkout.placing') : busy ? t('ordering.checkout.redirecting') : t('ordering.checkout.place')}
        </Button>
      </div>
    </form>
  );
}

function CheckoutSummary({ cart, loading }: { cart: CartView | null; loading: boolean }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  return (
    <section className="cart-summary checkout__summary" aria-labelledby="checkout-summary-title">
      <h2 id="checkout-summary-title" className="cart-summary__title">
        {t('ordering.checkout.summary')}
      </h2>
      {loading || !cart ? (
        <StatusMessage tone="loading" />
      ) : (
        <>
          <p className="cart-summary__row">
            <span>{t('ordering.checkout.produce')}</span>
            <Price fen={cart.produceFen} />
          </p>
          {cart.groups.map((group) => (
            <p key={group.supplierId} className="cart-summary__row cart-summary__row--fee" data-testid="checkout-fee">
              <span>{t('ordering.checkout.feeFor', { supplier: localize(group.supplierName, group.supplierNameEn) })}</span>
              {group.deliveryFeeFen !== null ? <Price fen={group.deliveryFeeFen} /> : <span>—</span>}
            </p>
          ))}
          <p className="cart-summary__row">
            <span>{t('ordering.checkout.fees')}</span>
            {cart.deliveryFeeFen !== null ? <Price fen={cart.deliveryFeeFen} /> : <span>—</span>}
          </p>
          <p className="cart-summary__row cart-summary__row--total">
            <span>{t('ordering.checkout.total')}</span>
            {cart.totalFen !== null ? <Price fen={cart.totalFen} /> : <span>—</span>}
          </p>
        </>
      )}
    </section>
  );
}
