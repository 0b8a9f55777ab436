import { isApiError } from '@shanhai/api-client';
import type { AgreementDeliveryView, AgreementView, DeliveryChangeView } from '@shanhai/contract';
import { formatYuan } from '@shanhai/domain';
import { Button, Section, Select, StatusMessage, TextField, parseYuanToFen, useLocalize } from '@shanhai/ui';
import { useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgreementAction, useCooperativeSkus } from './agreements.queries';
import { useTermsText } from './terms-summary';

const apiReason = (error: unknown, fallback: string) => (isApiError(error) && error.status > 0 && error.status < 500 ? error.message : fallback);

/**
 * Delivery changes still waiting: the cooperative's, for us to accept or decline ("waiting for you"), and our own,
 * which we may withdraw. Only those who may change deliveries get the buttons.
 */
export function PendingChanges({ agreement, mayDecide }: { agreement: AgreementView; mayDecide: boolean }) {
  const { t } = useTranslation();
  const text = useTermsText();
  const { decideChange } = useAgreementAction(agreement.id);
  const [done, setDone] = useState<string | null>(null);
  const pending = agreement.changes.filter((c) => c.status === 'proposed');
  const theirs = pending.filter((c) => c.proposedSide !== 'buyer');
  const ours = pending.filter((c) => c.proposedSide === 'buyer');
  if (pending.length === 0 && !done) return null;
  const decide = (c: DeliveryChangeView, decision: 'accept' | 'decline' | 'withdraw') =>
    void decideChange.mutateAsync({ changeId: c.id, decision }).then(
      () => setDone(t(`agreementActions.changes.${decision}Done`, { date: c.deliveryDate })),
      () => undefined,
    );
  return (
    <Section id="agreement-changes-section" title={t('agreementActions.changes.title')} className="agreement__section">
      {done ? <p role="status">{done}</p> : null}
      {theirs.length > 0 ? (
        <>
          <h3 className="agreement__subtitle">{t('agreementActions.changes.waitingYou')}</h3>
          <ul className="agreement__changes" data-testid="changes-waiting-you">
            {theirs.map((c) => (
              <li key={c.id}>
                <strong>{c.deliveryDate}</strong> · {t('agreementActions.changes.proposedBySupplier', { what: text.deliveryChange(c) })}
                {c.note ? ` · ${c.note}` : ''}
                {mayDecide ? (
                  <span className="agreement__actions">
                    <Button variant="primary" disabled={decideChange.isPending} onClick={() => decide(c, 'accept')}>
                      {t('agreementActions.changes.accept', { date: c.deliveryDate })}
                    </Button>
                    <Button disabled={decideChange.isPending} onClick={() => decide(c, 'decline')}>
                      {t('agreementActions.changes.decline', { date: c.deliveryDate })}
                    </Button>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {ours.length > 0 ? (
        <>
          <h3 className="agreement__subtitle">{t('agreementActions.changes.waitingThem')}</h3>
          <ul className="agreement__changes" data-testid="changes-waiting-them">
            {ours.map((c) => (
              <li key={c.id}>
                <strong>{c.deliveryDate}</strong> · {text.deliveryChange(c)}
                {c.note ? ` · ${c.note}` : ''}
                {mayDecide ? (
                  <span className="agreement__actions">
                    <Button disabled={decideChange.isPending} onClick={() => decide(c, 'withdraw')}>
                      {t('agreementActions.changes.withdraw', { date: c.deliveryDate })}
                    </Button>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {decideChange.isError ? (
        <p role="alert" className="agreement__error">
          {apiReason(decideChange.error, t('errors.tryLater'))}
        </p>
      ) : null}
    </Section>
  );
}

/** A day's live change in the calendar: what it is, who proposed it, and whether it waits. */
export function DayChange({ change }: { change: DeliveryChangeView }) {
  const { t } = useTranslation();
  const text = useTermsText();
  const who = change.proposedSide === 'buyer' ? t('agreementActions.changes.byUs') : t('agreementActions.changes.bySupplier');
  const state =
    change.status === 'proposed'
      ? change.proposedSide === 'buyer'
        ? t('agreementActions.changes.waitingThemShort')
        : t('agreementActions.changes.waitingYouShort')
      : t(`agreements.termsStatuses.${change.status}`);
  return (
    <span className="agreement__day-change" data-testid={`day-change-${change.deliveryDate}`}>
      {t('agreementActions.changes.dayChange', { who, what: text.deliveryChange(change), state })}
    </span>
  );
}

/** "Substitute" one scheduled day: another SKU of the same cooperative, optionally its own quantity and unit price. */
export function SubstituteForm({
  agreement,
  day,
  onCancel,
  onDone,
  titleRef,
}: {
  agreement: AgreementView;
  day: AgreementDeliveryView;
  onCancel: () => void;
  onDone: (date: string) => void;
  titleRef?: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const skus = useCooperativeSkus(agreement.supplier.id, true);
  const { substitute } = useAgreementAction(agreement.id);
  const choices = (skus.data ?? []).filter((s) => s.sku.id !== day.skuId);
  const [skuId, setSkuId] = useState('');
  const [quantity, setQuantity] = useState('');
  const [priceYuan, setPriceYuan] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const chosen = choices.find((s) => s.sku.id === (skuId || choices[0]?.sku.id));
  const apiErrors = isApiError(substitute.error) ? substitute.error.fieldErrors() : {};
  const errorOf = (field: string, own: string) => (problems.includes(field) ? own : apiErrors[field]);
  const named = ['substituteSkuId', 'quantity', 'unitPriceFen', 'deliveryDate', 'note'].some((f) => apiErrors[f]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: string[] = [];
    const qty = quantity.trim() ? (/^\d{1,6}$/.test(quantity.trim()) ? Number(quantity.trim()) : null) : undefined;
    const fen = priceYuan.trim() ? parseYuanToFen(priceYuan) : undefined;
    if (!chosen) found.push('substituteSkuId');
    if (qty === null || qty === 0) found.push('quantity');
    if (fen === null || fen === 0) found.push('unitPriceFen');
    setProblems(found);
    if (found.length > 0 || !chosen || qty === null || fen === null) return;
    void substitute
      .mutateAsync({
        deliveryDate: day.date,
        kind: 'substitute',
        substituteSkuId: chosen.sku.id,
        ...(qty !== undefined ? { quantity: qty } : {}),
        ...(fen !== undefined ? { unitPriceFen: fen } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      })
      .then(
        () => onDone(day.date),
        () => undefined,
      );
  };
  return (
    <div className="agreement__substitute" data-testid="substitute-form">
      <h3 className="agreement__subtitle" ref={titleRef} tabIndex={-1}>
        {t('agreementActions.substitute.title', { date: day.date })}
      </h3>
      {skus.isPending ? (
        <StatusMessage tone="loading" />
      ) : skus.isError ? (
        <StatusMessage tone="error" title={t('errors.sectionFailed')} onRetry={() => void skus.refetch()} />
      ) : choices.length === 0 ? (
        <p>{t('agreementActions.substitute.none')}</p>
      ) : (
        <form className="agreement__form" onSubmit={submit} noValidate aria-label={t('agreementActions.substitute.title', { date: day.date })}>
          <Select
            label={t('agreementActions.substitute.sku')}
            value={chosen?.sku.id ?? ''}
            onChange={(e) => setSkuId(e.target.value)}
            error={errorOf('substituteSkuId', t('agreements.propose.noSku'))}
            options={choices.map((s) => ({
              value: s.sku.id,
              label: `${localize(s.productNameZh, s.productNameEn)} · ${s.sku.code} · ${localize(s.sku.packingUnitZh, s.sku.packingUnitEn)}`,
            }))}
          />
          <TextField
            label={t('agreementActions.substitute.quantity')}
            inputMode="numeric"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            hint={t('agreementActions.substitute.quantityHint', { n: day.quantity })}
            error={errorOf('quantity', t('agreementActions.substitute.quantityInvalid'))}
          />
          <TextField
            label={t('agreementActions.substitute.price')}
            inputMode="decimal"
            value={priceYuan}
            onChange={(e) => setPriceYuan(e.target.value)}
            hint={chosen ? t('agreementActions.substitute.priceHint', { price: formatYuan(chosen.sku.priceFen) }) : undefined}
            error={errorOf('unitPriceFen', t('agreements.propose.priceInvalid'))}
          />
          <TextField label={t('agreements.propose.note')} value={note} onChange={(e) => setNote(e.target.value)} error={apiErrors['note']} />
          {apiErrors['deliveryDate'] ? <p className="agreement__error">{apiErrors['deliveryDate']}</p> : null}
          {substitute.isError && !named ? (
            <p role="alert" className="agreement__error">
              {apiReason(substitute.error, t('errors.tryLater'))}
            </p>
          ) : null}
          <div className="agreement__actions">
            <Button type="submit" variant="primary" disabled={substitute.isPending}>
              {t('agreementActions.substitute.submit', { date: day.date })}
            </Button>
            <Button onClick={onCancel}>{t('agreementActions.cancel')}</Button>
          </div>
        </form>
      )}
    </div>
  );
}
