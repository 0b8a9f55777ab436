import type { PartyView } from '@shanhai/contract';
import { formatYuan } from '@shanhai/domain';
import { Button, Checkbox, Select, TextArea, TextField, useLocalize } from '@shanhai/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, fieldErrorsOf, otherFieldErrors } from '../../common/errors';
import { FormAlert } from '../../common/form-alert';
import { useLabels } from '../../common/labels';
import {
  buildProposal,
  INVOICING,
  PAYMENT_METHODS,
  proposalFieldOf,
  WEEKDAY_NUMBERS,
  type ProposalBody,
  type ProposalField,
  type ProposalMode,
  type ProposalProblem,
  type ProposalProblems,
  type ProposalValues,
} from './proposal-model';
import { useSkuOptions, type SkuOption } from './sku-options';

export interface ProposalFormProps {
  readonly mode: ProposalMode;
  readonly initial: ProposalValues;
  /** `propose`: the buyers the cooperative can address. */
  readonly buyers?: readonly PartyView[];
  readonly pending: boolean;
  readonly error: unknown;
  readonly submitLabel: string;
  readonly name: string;
  readonly onSubmit: (body: ProposalBody) => void;
  readonly onCancel?: () => void;
}

const dayKey = (n: number) => String(n) as '1' | '2' | '3' | '4' | '5' | '6' | '7';

/** The terms of an agreement, typed by the cooperative: a proposal, an amendment, or a commitment's agreement. */
export function ProposalForm({ mode, initial, buyers = [], pending, error, submitLabel, name, onSubmit, onCancel }: ProposalFormProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const labels = useLabels();
  const skus = useSkuOptions();
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<ProposalProblems | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof ProposalValues>(field: K, value: ProposalValues[K]) => setValues((v) => ({ ...v, [field]: value }));
  const sku: SkuOption | undefined = skus.options.find((o) => o.id === values.skuId);

  // The API's reasons beside the field they name; the rest above the form.
  const apiErrors = fieldErrorsOf(error);
  const apiBeside: Partial<Record<ProposalField, string>> = {};
  const apiElsewhere: Record<string, string> = {};
  for (const [field, reason] of Object.entries(apiErrors)) {
    const mine = proposalFieldOf(field, values);
    if (mine && !(mine === 'buyerId' && mode !== 'propose')) apiBeside[mine] ??= reason;
    else apiElsewhere[field] = reason;
  }
  const general = problems || !error ? [] : Object.keys(apiErrors).length === 0 ? [errorText(error, t)] : otherFieldErrors(apiElsewhere, []);
  const problemText = (p: ProposalProblem | undefined) =>
    p ? t(`agreementActions.form.problems.${p}`, { min: sku?.minOrderQuantity ?? 1, multiple: sku?.orderMultiple ?? 1 }) : undefined;
  const errorOf = (field: ProposalField) => (problems ? problemText(problems[field]) : apiBeside[field]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildProposal(values, mode, sku);
    if ('problems' in built) {
      setProblems(built.problems);
      queueMicrotask(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setProblems(null);
    onSubmit(built.body);
  };

  const skuOptions = [{ value: '', label: t('agreementActions.form.skuNone') }, ...skus.options.map((o) => ({ value: o.id, label: o.label }))];
  const quantityHint = sku
    ? t('agreementActions.form.quantityHint', { min: sku.minOrderQuantity, multiple: sku.orderMultiple, unit: sku.unit, lead: sku.leadTimeDays })
    : t('agreementActions.form.quantityHintNone');

  return (
    <form ref={formRef} className="form proposal-form" onSubmit={submit} noValidate aria-busy={pending} aria-label={name} data-testid="proposal-form">
      <FormAlert messages={general} />
      <div className="form-grid">
        {mode === 'propose' ? (
          <Select
            label={t('agreementActions.form.buyer')}
            hint={t('agreementActions.form.buyerHint')}
            value={values.buyerId}
            error={errorOf('buyerId')}
            options={[{ value: '', label: t('agreementActions.form.buyerNone') }, ...buyers.map((b) => ({ value: b.id, label: localize(b.name, b.nameEn) }))]}
            onChange={(e) => set('buyerId', e.target.value)}
          />
        ) : null}
        <Select
          label={t('agreementActions.form.sku')}
          hint={skus.pending ? t('agreementActions.form.skuLoading') : undefined}
          value={values.skuId}
          error={errorOf('skuId')}
          options={skuOptions}
          disabled={mode === 'commitment'}
          onChange={(e) => set('skuId', e.target.value)}
        />
        <TextField label={t('agreementActions.form.quantity')} hint={quantityHint} inputMode="numeric" value={values.quantity} error={errorOf('quantity')} onChange={(e) => set('quantity', e.target.value)} />
        <Select
          label={t('agreementActions.form.priceKind')}
          value={values.priceKind}
          options={(['fixed', 'reference_band'] as const).map((k) => ({ value: k, label: t(`agreementActions.form.priceKinds.${k}`) }))}
          onChange={(e) => set('priceKind', e.target.value === 'reference_band' ? 'reference_band' : 'fixed')}
        />
        {values.priceKind === 'fixed' ? (
          <TextField
            label={t('agreementActions.form.unitPrice')}
            hint={sku ? t('agreementActions.form.listPrice', { price: formatYuan(sku.listPriceFen) }) : t('agreementActions.form.unitPriceHint')}
            inputMode="decimal"
            value={values.unitPriceYuan}
            error={errorOf('price.unitPriceFen')}
            onChange={(e) => set('unitPriceYuan', e.target.value)}
          />
        ) : (
          <>
            <TextField label={t('agreementActions.form.basePrice')} hint={t('agreementActions.form.basePriceHint')} inputMode="decimal" value={values.basePriceYuan} error={errorOf('price.basePriceFen')} onChange={(e) => set('basePriceYuan', e.target.value)} />
            <TextField label={t('agreementActions.form.band')} hint={t('agreementActions.form.bandHint')} inputMode="numeric" value={values.bandPermille} error={errorOf('price.bandPermille')} onChange={(e) => set('bandPermille', e.target.value)} />
          </>
        )}
        <Select
          label={t('agreementActions.form.scheduleKind')}
          value={values.scheduleKind}
          options={(['weekly', 'dates'] as const).map((k) => ({ value: k, label: t(`agreementActions.form.scheduleKinds.${k}`) }))}
          onChange={(e) => set('scheduleKind', e.target.value === 'dates' ? 'dates' : 'weekly')}
        />
      </div>
      {values.scheduleKind === 'weekly' ? (
        <fieldset className="form-fieldset" aria-describedby={errorOf('schedule.weekdays') ? 'proposal-weekdays-error' : undefined}>
          <legend className="ui-field__label">{t('agreementActions.form.weekdays')}</legend>
          <div className="choice-row">
            {WEEKDAY_NUMBERS.map((n) => (
              <Checkbox
                key={n}
                label={t(`agreements.weekdays.${dayKey(n)}`)}
                checked={values.weekdays.includes(n)}
                onChange={(e) => set('weekdays', e.target.checked ? [...values.weekdays, n] : values.weekdays.filter((d) => d !== n))}
              />
            ))}
          </div>
          {errorOf('schedule.weekdays') ? (
            <p className="ui-field__error" id="proposal-weekdays-error">
              {errorOf('schedule.weekdays')}
            </p>
          ) : null}
        </fieldset>
      ) : (
        <TextArea label={t('agreementActions.form.dates')} hint={t('agreementActions.form.datesHint')} rows={3} value={values.dates} error={errorOf('schedule.dates')} onChange={(e) => set('dates', e.target.value)} />
      )}
      <div className="form-grid">
        <TextField type="date" label={t('agreementActions.form.startDate')} hint={t('agreementActions.form.periodHint')} value={values.startDate} error={errorOf('startDate')} onChange={(e) => set('startDate', e.target.value)} />
        <TextField type="date" label={t('agreementActions.form.endDate')} value={values.endDate} error={errorOf('endDate')} onChange={(e) => set('endDate', e.target.value)} />
        <Select
          label={t('agreementActions.form.payment')}
          value={values.paymentMethod}
          error={errorOf('paymentMethod')}
          options={PAYMENT_METHODS.map((m) => ({ value: m, label: labels.paymentMethod(m) }))}
          onChange={(e) => set('paymentMethod', PAYMENT_METHODS.find((m) => m === e.target.value) ?? 'card')}
        />
        {values.paymentMethod === 'invoice' ? (
          <Select
            label={t('agreementActions.form.invoicing')}
            value={values.invoicing}
            options={INVOICING.map((m) => ({ value: m, label: t(`agreementActions.form.invoicingModes.${m}`) }))}
            onChange={(e) => set('invoicing', e.target.value === 'monthly' ? 'monthly' : 'per_delivery')}
          />
        ) : null}
        <TextField
          label={t('agreementActions.form.orderDaysAhead')}
          hint={sku ? t('agreementActions.form.orderDaysAheadHintSku', { lead: sku.leadTimeDays, n: sku.leadTimeDays + 2 }) : t('agreementActions.form.orderDaysAheadHint')}
          inputMode="numeric"
          value={values.orderDaysAhead}
          error={errorOf('orderDaysAhead')}
          onChange={(e) => set('orderDaysAhead', e.target.value)}
        />
        <TextField label={t('agreementActions.form.noticeDays')} hint={t('agreementActions.form.noticeDaysHint')} inputMode="numeric" value={values.noticeDays} error={errorOf('noticeDays')} onChange={(e) => set('noticeDays', e.target.value)} />
        {mode === 'amend' ? (
          <TextField type="date" label={t('agreementActions.form.effectiveFrom')} hint={t('agreementActions.form.effectiveFromHint')} value={values.effectiveFrom} error={errorOf('effectiveFrom')} onChange={(e) => set('effectiveFrom', e.target.value)} />
        ) : null}
      </div>
      <TextArea label={t('agreementActions.form.note')} rows={2} maxLength={1000} value={values.note} onChange={(e) => set('note', e.target.value)} />
      {mode !== 'amend' ? <p className="ui-field__hint">{t('agreementActions.form.siteLater')}</p> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? t('form.saving') : submitLabel}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('form.cancel')}</Button> : null}
      </div>
    </form>
  );
}
