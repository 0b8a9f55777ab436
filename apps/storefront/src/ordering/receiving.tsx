import { isApiError } from '@shanhai/api-client';
import type { OrderLineView, SupplierOrderView } from '@shanhai/contract';
import { Button, StatusMessage, TextField, useLanguage, useLocalize } from '@shanhai/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../catalog/catalog-format';
import { formatChinaTime } from './order-labels';
import { useEvaluateSupplierOrder, useRecordReceipt } from './ordering.queries';
import { ReceiptPhoto, ReceiptPhotoField } from './receipt-photo';

interface Counts {
  accepted: string;
  short: string;
  damaged: string;
  note: string;
}

const toUnits = (value: string) => (value.trim() === '' ? NaN : Number(value));

/**
 * Receiving a shipped supplier order: good / short / damaged per accepted line. The server checks that they
 * add up and turns short and damaged units into claims; its reasons appear beside the fields they name.
 */
export function ReceiptForm({ orderId, supplierOrder }: { orderId: string; supplierOrder: SupplierOrderView }) {
  const { t } = useTranslation();
  const lines = supplierOrder.lines.filter((l) => l.status === 'accepted');
  const [counts, setCounts] = useState<Record<string, Counts>>(() =>
    Object.fromEntries(lines.map((l) => [l.id, { accepted: String(l.quantity), short: '0', damaged: '0', note: '' }])),
  );
  const receipt = useRecordReceipt(orderId);
  const fieldErrors = isApiError(receipt.error) ? receipt.error.fieldErrors() : {};
  const anyFieldError = Object.keys(fieldErrors).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (receipt.isPending) return;
    receipt.mutate({
      supplierOrderId: supplierOrder.id,
      lines: lines.map((l) => {
        const c = counts[l.id];
        return {
          lineId: l.id,
          acceptedQuantity: toUnits(c.accepted),
          shortQuantity: toUnits(c.short),
          damagedQuantity: toUnits(c.damaged),
          ...(c.note.trim() ? { note: c.note.trim() } : {}),
        };
      }),
    });
  };

  return (
    <form className="receipt" onSubmit={submit} noValidate aria-labelledby={`receipt-${supplierOrder.id}`}>
      <h4 id={`receipt-${supplierOrder.id}`} className="receipt__title">
        {t('ordering.receipt.title')}
      </h4>
      <p className="receipt__intro">{t('ordering.receipt.intro')}</p>
      {lines.map((line, index) => (
        <ReceiptLine
          key={line.id}
          orderId={orderId}
          line={line}
          counts={counts[line.id]}
          errors={{
            accepted: fieldErrors[`lines[${index}].acceptedQuantity`] ?? fieldErrors[`lines.${index}.acceptedQuantity`],
            short: fieldErrors[`lines[${index}].shortQuantity`] ?? fieldErrors[`lines.${index}.shortQuantity`],
            damaged: fieldErrors[`lines[${index}].damagedQuantity`] ?? fieldErrors[`lines.${index}.damagedQuantity`],
          }}
          onChange={(next) => setCounts((all) => ({ ...all, [line.id]: { ...all[line.id], ...next } }))}
        />
      ))}
      {receipt.isError && !anyFieldError ? (
        <StatusMessage tone="error" title={t('ordering.receipt.failed')}>
          {isApiError(receipt.error) && receipt.error.status !== 0 ? receipt.error.message : t('errors.network')}
        </StatusMessage>
      ) : null}
      <Button type="submit" variant="primary" disabled={receipt.isPending}>
        {t('ordering.receipt.submit')}
      </Button>
    </form>
  );
}

function ReceiptLine({
  orderId,
  line,
  counts,
  errors,
  onChange,
}: {
  orderId: string;
  line: OrderLineView;
  counts: Counts;
  errors: { accepted?: string; short?: string; damaged?: string };
  onChange: (next: Partial<Counts>) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const name = localize(line.productNameZh, line.productNameEn);
  const unit = localize(line.packingUnitZh, line.packingUnitEn);
  const number = { type: 'number', inputMode: 'numeric', min: 0, step: 1 } as const;
  return (
    <fieldset className="receipt__line" data-testid="receipt-line">
      <legend className="receipt__legend">{t('ordering.receipt.line', { name, quantity: `${formatCount(line.quantity, language)} × ${unit}` })}</legend>
      <div className="receipt__counts">
        <TextField {...number} label={t('ordering.receipt.accepted')} value={counts.accepted} error={errors.accepted} onChange={(e) => onChange({ accepted: e.target.value })} />
        <TextField {...number} label={t('ordering.receipt.short')} value={counts.short} error={errors.short} onChange={(e) => onChange({ short: e.target.value })} />
        <TextField {...number} label={t('ordering.receipt.damaged')} value={counts.damaged} error={errors.damaged} onChange={(e) => onChange({ damaged: e.target.value })} />
      </div>
      <TextField label={t('ordering.receipt.note')} value={counts.note} maxLength={500} onChange={(e) => onChange({ note: e.target.value })} />
      <ReceiptPhotoField orderId={orderId} line={line} name={name} />
    </fieldset>
  );
}

/** What was recorded on receipt, line by line. */
export function ReceiptSummary({ supplierOrder }: { supplierOrder: SupplierOrderView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  if (!supplierOrder.receivedAt) return null;
  return (
    <div className="receipt receipt--done">
      <p className="receipt__title">{t('ordering.receipt.received', { time: formatChinaTime(supplierOrder.receivedAt, language) })}</p>
      <ul className="receipt__summary">
        {supplierOrder.lines
          .filter((l) => l.status === 'accepted')
          .map((l) => {
            const name = localize(l.productNameZh, l.productNameEn);
            return (
              <li key={l.id} className="receipt__summary-line">
                <span>
                  {name}:{' '}
                  {t('ordering.receipt.receivedLine', {
                    accepted: formatCount(l.receivedQuantity, language),
                    short: formatCount(l.shortQuantity, language),
                    damaged: formatCount(l.damagedQuantity, language),
                  })}
                </span>
                {l.receiptNote ? <span className="receipt__summary-note">{t('ordering.receipt.noteShown', { note: l.receiptNote })}</span> : null}
                {l.receiptPhotoUrl ? <ReceiptPhoto lineId={l.id} name={name} /> : null}
              </li>
            );
          })}
      </ul>
    </div>
  );
}

const RATINGS = [5, 4, 3, 2, 1] as const;

/** The buyer's rating of a received supplier order (once). */
export function EvaluationForm({ orderId, supplierOrder }: { orderId: string; supplierOrder: SupplierOrderView }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const evaluate = useEvaluateSupplierOrder(orderId);

  if (supplierOrder.evaluationRating !== null) {
    return (
      <p className="receipt__evaluated" data-testid="evaluation">
        {t('ordering.evaluation.done', { rating: supplierOrder.evaluationRating })}
        {supplierOrder.evaluationComment ? ` · ${supplierOrder.evaluationComment}` : null}
      </p>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rating === null || evaluate.isPending) return;
    evaluate.mutate({ supplierOrderId: supplierOrder.id, rating, comment: comment.trim() || undefined });
  };
  const ratingError = isApiError(evaluate.error) ? (evaluate.error.fieldErrors().rating ?? null) : null;

  return (
    <form className="receipt" onSubmit={submit} noValidate aria-labelledby={`evaluation-${supplierOrder.id}`}>
      <h4 id={`evaluation-${supplierOrder.id}`} className="receipt__title">
        {t('ordering.evaluation.title')}
      </h4>
      <fieldset className="receipt__rating">
        <legend className="ui-field__label">{t('ordering.evaluation.rating')}</legend>
        {RATINGS.map((value) => (
          <label key={value} className="checkout__method">
            <input type="radio" name={`rating-${supplierOrder.id}`} value={value} checked={rating === value} onChange={() => setRating(value)} />
            <span>{t('ordering.evaluation.stars', { count: value })}</span>
          </label>
        ))}
        {ratingError ? <p className="ui-field__error">{ratingError}</p> : null}
      </fieldset>
      <TextField label={t('ordering.evaluation.comment')} value={comment} maxLength={500} onChange={(e) => setComment(e.target.value)} />
      {evaluate.isError && !ratingError ? (
        <StatusMessage tone="error" title={t('ordering.evaluation.failed')}>
          {isApiError(evaluate.error) && evaluate.error.status !== 0 ? evaluate.error.message : t('errors.network')}
        </StatusMessage>
      ) : null}
      <Button type="submit" variant="primary" disabled={rating === null || evaluate.isPending}>
        {t('ordering.evaluation.submit')}
      </Button>
    </form>
  );
}
