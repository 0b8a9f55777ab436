import { Button, Checkbox, TextField } from '@shanhai/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, fieldErrorsOf } from '../../common/errors';
import { FormAlert } from '../../common/form-alert';
import type { SkuInput } from './catalog.queries';
import { newTierRow, skuErrorsFromApi, validateSkuForm, type SkuErrors, type SkuFormValues, type TierRow } from './sku-form-model';

export interface SkuFormProps {
  readonly initial: SkuFormValues;
  /** Creating: the SKU code is typed. Editing: it is fixed, and the SKU can be taken off sale. */
  readonly creating: boolean;
  readonly pending: boolean;
  readonly error: unknown;
  readonly submitLabel: string;
  readonly onSubmit: (input: SkuInput, active: boolean) => void;
  readonly onCancel?: () => void;
  readonly idPrefix: string;
}

/** A packing unit with its weight, price, volume tiers, minimum order, order multiple and lead time. */
export function SkuForm({ initial, creating, pending, error, submitLabel, onSubmit, onCancel, idPrefix }: SkuFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [localErrors, setLocalErrors] = useState<SkuErrors | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const apiDetails = fieldErrorsOf(error);
  const errors: SkuErrors = localErrors ?? skuErrorsFromApi(apiDetails);
  const general = !localErrors && error && Object.keys(apiDetails).length === 0 ? [errorText(error, t)] : [];
  const set = <K extends keyof SkuFormValues>(field: K, value: SkuFormValues[K]) => setValues((v) => ({ ...v, [field]: value }));
  const setTier = (key: string, patch: Partial<TierRow>) => set('tiers', values.tiers.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { errors: found, input } = validateSkuForm(values, t);
    if (!input) {
      setLocalErrors(found);
      queueMicrotask(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setLocalErrors(null);
    onSubmit(input, values.active);
  };

  return (
    <form ref={formRef} className="form sku-form" onSubmit={submit} noValidate aria-busy={pending} data-testid="sku-form">
      <FormAlert messages={general} />
      <div className="form-grid">
        {creating ? (
          <TextField label={t('skus.form.code')} hint={t('skus.form.codeHint')} value={values.code} error={errors.code} maxLength={64} autoCapitalize="characters" onChange={(e) => set('code', e.target.value)} />
        ) : null}
        <TextField label={t('skus.form.packingUnitZh')} hint={t('skus.form.packingUnitHint')} value={values.packingUnitZh} error={errors.packingUnitZh} maxLength={50} onChange={(e) => set('packingUnitZh', e.target.value)} />
        <TextField label={t('skus.form.packingUnitEn')} value={values.packingUnitEn} error={errors.packingUnitEn} maxLength={50} lang="en" onChange={(e) => set('packingUnitEn', e.target.value)} />
        <TextField label={t('skus.form.netWeight')} hint={t('skus.form.netWeightHint')} inputMode="decimal" value={values.netWeightKg} error={errors.netWeightG} onChange={(e) => set('netWeightKg', e.target.value)} />
        <TextField label={t('skus.form.price')} hint={t('skus.form.priceHint')} inputMode="decimal" value={values.price} error={errors.priceFen} onChange={(e) => set('price', e.target.value)} />
        <TextField label={t('skus.form.minOrder')} inputMode="numeric" value={values.minOrderQuantity} error={errors.minOrderQuantity} onChange={(e) => set('minOrderQuantity', e.target.value)} />
        <TextField label={t('skus.form.multiple')} hint={t('skus.form.multipleHint')} inputMode="numeric" value={values.orderMultiple} error={errors.orderMultiple} onChange={(e) => set('orderMultiple', e.target.value)} />
        <TextField label={t('skus.form.leadTime')} hint={t('skus.form.leadTimeHint')} inputMode="numeric" value={values.leadTimeDays} error={errors.leadTimeDays} onChange={(e) => set('leadTimeDays', e.target.value)} />
      </div>

      <fieldset className="form-fieldset tiers-field" aria-describedby={`${idPrefix}-tiers-hint`}>
        <legend className="ui-field__label">{t('skus.form.tiers')}</legend>
        <p className="ui-field__hint" id={`${idPrefix}-tiers-hint`}>
          {t('skus.form.tiersHint')}
        </p>
        {errors.priceTiers ? <p className="ui-field__error">{errors.priceTiers}</p> : null}
        {values.tiers.length === 0 ? <p className="tiers-field__none">{t('skus.form.noTiers')}</p> : null}
        <ol className="tiers-field__rows">
          {values.tiers.map((row, index) => {
            const rowErrors = errors.tiers?.[index];
            return (
              <li key={row.key} className="tiers-field__row" data-testid="tier-row">
                <TextField
                  label={t('skus.form.tierMin', { n: index + 1 })}
                  inputMode="numeric"
                  value={row.minQuantity}
                  error={rowErrors?.minQuantity}
                  onChange={(e) => setTier(row.key, { minQuantity: e.target.value })}
                />
                <TextField
                  label={t('skus.form.tierPrice', { n: index + 1 })}
                  inputMode="decimal"
                  value={row.price}
                  error={rowErrors?.price}
                  onChange={(e) => setTier(row.key, { price: e.target.value })}
                />
                <Button variant="ghost" className="tiers-field__remove" onClick={() => set('tiers', values.tiers.filter((r) => r.key !== row.key))}>
                  {t('skus.form.removeTier', { n: index + 1 })}
                </Button>
                {rowErrors?.row ? (
                  <p className="ui-field__error tiers-field__row-error" role="alert">
                    {t('skus.form.tierRowError', { n: index + 1, reason: rowErrors.row })}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
        {values.tiers.length < 10 ? (
          <Button onClick={() => set('tiers', [...values.tiers, newTierRow()])}>{t('skus.form.addTier')}</Button>
        ) : null}
      </fieldset>

      {!creating ? <Checkbox label={t('skus.form.active')} checked={values.active} onChange={(e) => set('active', e.target.checked)} /> : null}

      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? t('form.saving') : submitLabel}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('form.cancel')}</Button> : null}
      </div>
    </form>
  );
}
