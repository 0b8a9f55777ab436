import { isApiError } from '@shanhai/api-client';
import { Button, Checkbox, Price, Select, TextArea, TextField } from '@shanhai/ui';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from './agreement-labels';
import type { AgreementTermsBody } from './agreements.queries';
import { buildProposal, INVOICING_MODES, PROPOSAL_METHODS, type BandUnit, type PriceKind, type ProposalForm, type ProposalProblem, type ScheduleKind } from './proposal-model';

/** A SKU the terms may name, as the form needs it. */
export interface SkuChoice {
  id: string;
  label: string;
  minOrderQuantity: number;
  orderMultiple: number;
  priceFen: number;
}

export interface TermsFormProps {
  /** The form's accessible name. */
  label: string;
  skus: readonly SkuChoice[];
  sites: ReadonlyArray<{ id: string; name: string }>;
  initial: ProposalForm;
  submitLabel: string;
  pending: boolean;
  /** The mutation's error: its field reasons appear beside the fields they name. */
  error: unknown;
  onSubmit: (body: AgreementTermsBody) => void;
  /** Above the fields (e.g. the product). */
  intro?: ReactNode;
  /** Extra fields of the caller (e.g. an amendment's effective date) and the API field names they show. */
  extra?: ReactNode;
  extraFields?: readonly string[];
  onCancel?: () => void;
  cancelLabel?: string;
}

const TERMS_FIELDS = [
  'skuId',
  'quantity',
  'price.unitPriceFen',
  'price.basePriceFen',
  'price.bandPermille',
  'price.kind',
  'schedule.weekdays',
  'schedule.dates',
  'schedule.kind',
  'startDate',
  'endDate',
  'deliverySiteId',
  'paymentMethod',
  'invoicing',
  'orderDaysAhead',
  'noticeDays',
  'note',
];

/**
 * The terms of an agreement — SKU, quantity, price rule, schedule, period, site, payment, generation and notice
 * days, note — for a proposal, an amendment or a commitment's agreement. The model builds the body
 * (`proposal-model.ts`); the API's 400/409 reasons appear beside the field they name.
 */
export function TermsForm({ label, skus, sites, initial, submitLabel, pending, error, onSubmit, intro, extra, extraFields = [], onCancel, cancelLabel }: TermsFormProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ProposalForm>(initial);
  const [problems, setProblems] = useState<ProposalProblem[]>([]);
  const sent = useRef<AgreementTermsBody | null>(null);
  const sku = skus.find((s) => s.id === form.skuId);
  const set = <K extends keyof ProposalForm>(key: K, value: ProposalForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const apiErrors = isApiError(error) ? error.fieldErrors() : {};
  const errorOf = (field: ProposalProblem, own: string) => (problems.includes(field) ? own : apiErrors[field]);
  const dateError = (row: number): string | undefined => {
    if (problems.includes(`schedule.dates[${row}]`)) return t('agreementActions.form.dateInvalid');
    // The API names the index in the list sent (sorted, without empty rows): find that day's row.
    const sentDates = sent.current?.schedule.dates ?? [];
    const index = sentDates.findIndex((d) => d === form.dates[row]?.trim());
    return index >= 0 ? apiErrors[`schedule.dates[${index}]`] : undefined;
  };
  const shown = [...TERMS_FIELDS, ...extraFields];
  const namesAField = Object.keys(apiErrors).some((f) => shown.includes(f) || f.startsWith('schedule.dates['));
  const otherApiError =
    error && !namesAField ? (isApiError(error) && error.status !== 0 && error.status < 500 ? error.message : t('errors.tryLater')) : null;
  const quantityHint = t('agreements.propose.quantityHint', { min: sku?.minOrderQuantity ?? 1, multiple: sku?.orderMultiple ?? 1 });
  const fixed = form.priceKind === 'fixed';
  const weekdaysError = errorOf('schedule.weekdays', t('agreements.propose.weekdaysRequired'));
  const datesError = errorOf('schedule.dates', t('agreementActions.form.datesRequired'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildProposal(form);
    if ('problems' in built) {
      setProblems(built.problems);
      return;
    }
    setProblems([]);
    sent.current = built.body;
    onSubmit(built.body);
  };

  return (
    <form className="agreement__form" onSubmit={submit} noValidate aria-label={label}>
      {intro}
      <Select
        label={t('agreements.propose.sku')}
        value={form.skuId}
        error={errorOf('skuId', t('agreements.propose.noSku'))}
        onChange={(e) => {
          const next = skus.find((s) => s.id === e.target.value);
          setForm((f) => ({ ...f, skuId: e.target.value, quantity: next ? String(next.minOrderQuantity) : f.quantity }));
        }}
        options={skus.map((s) => ({ value: s.id, label: s.label }))}
      />
      <TextField
        label={t('agreements.propose.quantity')}
        inputMode="numeric"
        value={form.quantity}
        onChange={(e) => set('quantity', e.target.value)}
        hint={sku ? quantityHint : undefined}
        error={errorOf('quantity', quantityHint)}
      />
      <Select
        label={t('agreementActions.form.priceKind')}
        value={form.priceKind}
        onChange={(e) => set('priceKind', e.target.value === 'reference_band' ? 'reference_band' : ('fixed' satisfies PriceKind))}
        error={apiErrors['price.kind']}
        options={[
          { value: 'fixed', label: t('agreementActions.form.priceFixed') },
          { value: 'reference_band', label: t('agreementActions.form.priceBand') },
        ]}
      />
      <TextField
        label={fixed ? t('agreements.propose.price') : t('agreementActions.form.basePrice')}
        inputMode="decimal"
        value={form.priceYuan}
        onChange={(e) => set('priceYuan', e.target.value)}
        hint={
          sku ? (
            <>
              {t('agreements.propose.priceHint', { price: '' })}
              <Price fen={sku.priceFen} />
            </>
          ) : undefined
        }
        error={fixed ? errorOf('price.unitPriceFen', t('agreements.propose.priceInvalid')) : errorOf('price.basePriceFen', t('agreements.propose.priceInvalid'))}
      />
      {!fixed ? (
        <div className="agreement__inline">
          <TextField
            label={t('agreementActions.form.band')}
            inputMode="decimal"
            value={form.band}
            onChange={(e) => set('band', e.target.value)}
            hint={t('agreementActions.form.bandHint')}
            error={errorOf('price.bandPermille', t('agreementActions.form.bandInvalid'))}
          />
          <Select
            label={t('agreementActions.form.bandUnit')}
            value={form.bandUnit}
            onChange={(e) => set('bandUnit', e.target.value === 'percent' ? 'percent' : ('permille' satisfies BandUnit))}
            options={[
              { value: 'permille', label: t('agreementActions.form.permille') },
              { value: 'percent', label: t('agreementActions.form.percent') },
            ]}
          />
        </div>
      ) : null}
      <Select
        label={t('agreementActions.form.scheduleKind')}
        value={form.scheduleKind}
        onChange={(e) => set('scheduleKind', e.target.value === 'dates' ? 'dates' : ('weekly' satisfies ScheduleKind))}
        error={apiErrors['schedule.kind']}
        options={[
          { value: 'weekly', label: t('agreementActions.form.weekly') },
          { value: 'dates', label: t('agreementActions.form.dates') },
        ]}
      />
      {form.scheduleKind === 'weekly' ? (
        <fieldset className="agreement__weekdays" aria-describedby={weekdaysError ? 'weekdays-error' : undefined}>
          <legend>{t('agreements.propose.weekdays')}</legend>
          {WEEKDAYS.map((d) => (
            <Checkbox
              key={d}
              label={t(`agreements.weekdays.${d}`)}
              checked={form.weekdays.includes(Number(d))}
              onChange={(e) => set('weekdays', e.target.checked ? [...form.weekdays, Number(d)] : form.weekdays.filter((w) => w !== Number(d)))}
            />
          ))}
          {weekdaysError ? (
            <p id="weekdays-error" className="agreement__error">
              {weekdaysError}
            </p>
          ) : null}
        </fieldset>
      ) : (
        <fieldset className="agreement__dates" aria-describedby={datesError ? 'dates-error' : undefined}>
          <legend>{t('agreementActions.form.datesLegend')}</legend>
          {form.dates.map((d, i) => (
            <div className="agreement__date-row" key={i}>
              <TextField
                label={t('agreementActions.form.dateN', { n: i + 1 })}
                type="date"
                value={d}
                onChange={(e) => set('dates', form.dates.map((x, j) => (j === i ? e.target.value : x)))}
                error={dateError(i)}
              />
              {form.dates.length > 1 ? (
                <Button onClick={() => set('dates', form.dates.filter((_, j) => j !== i))}>{t('agreementActions.form.removeDate', { n: i + 1, date: d || '—' })}</Button>
              ) : null}
            </div>
          ))}
          <div>
            <Button onClick={() => set('dates', [...form.dates, ''])}>{t('agreementActions.form.addDate')}</Button>
          </div>
          {datesError ? (
            <p id="dates-error" className="agreement__error">
              {datesError}
            </p>
          ) : null}
        </fieldset>
      )}
      <TextField label={t('agreements.propose.startDate')} type="date" value={form.startDate} onChange={(e) => set('startDate', e.target.value)} error={errorOf('startDate', t('agreementActions.form.dateInvalid'))} />
      <TextField
        label={t('agreements.propose.endDate')}
        type="date"
        value={form.endDate}
        onChange={(e) => set('endDate', e.target.value)}
        error={errorOf('endDate', t('agreementActions.form.endInvalid'))}
      />
      <Select
        label={t('agreements.propose.site')}
        value={form.deliverySiteId}
        onChange={(e) => set('deliverySiteId', e.target.value)}
        error={errorOf('deliverySiteId', t('agreementActions.form.siteRequired'))}
        options={sites.map((s) => ({ value: s.id, label: s.name }))}
      />
      <Select
        label={t('agreements.propose.payment')}
        value={form.paymentMethod}
        onChange={(e) => set('paymentMethod', PROPOSAL_METHODS.find((m) => m === e.target.value) ?? 'card')}
        error={apiErrors['paymentMethod']}
        options={PROPOSAL_METHODS.map((m) => ({ value: m, label: t(`ordering.methods.${m}`) }))}
      />
      {form.paymentMethod === 'invoice' ? (
        <Select
          label={t('agreementActions.form.invoicing')}
          value={form.invoicing}
          onChange={(e) => set('invoicing', INVOICING_MODES.find((m) => m === e.target.value) ?? 'per_delivery')}
          error={apiErrors['invoicing']}
          options={INVOICING_MODES.map((m) => ({ value: m, label: t(`agreementActions.invoicing.${m}`) }))}
        />
      ) : null}
      <div className="agreement__inline">
        <TextField
          label={t('agreementActions.form.orderDaysAhead')}
          inputMode="numeric"
          value={form.orderDaysAhead}
          onChange={(e) => set('orderDaysAhead', e.target.value)}
          hint={t('agreementActions.form.orderDaysAheadHint')}
          error={errorOf('orderDaysAhead', t('agreementActions.form.orderDaysAheadInvalid'))}
        />
        <TextField
          label={t('agreementActions.form.noticeDays')}
          inputMode="numeric"
          value={form.noticeDays}
          onChange={(e) => set('noticeDays', e.target.value)}
          hint={t('agreementActions.form.noticeDaysHint')}
          error={errorOf('noticeDays', t('agreementActions.form.noticeDaysInvalid'))}
        />
      </div>
      <TextArea label={t('agreements.propose.note')} value={form.note} onChange={(e) => set('note', e.target.value)} error={apiErrors['note']} />
      {extra}
      {otherApiError ? (
        <div role="alert" className="agreement__error">
          {t('agreements.propose.failedWith', { reason: otherApiError })}
        </div>
      ) : null}
      <div className="agreement__actions">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? t('agreements.propose.submitting') : submitLabel}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{cancelLabel ?? t('agreementActions.cancel')}</Button> : null}
      </div>
    </form>
  );
}
