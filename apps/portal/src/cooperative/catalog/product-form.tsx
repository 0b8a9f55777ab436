import { Button, Checkbox, Select, TextField, useLanguage, useLocalize } from '@shanhai/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, fieldErrorsOf, otherFieldErrors } from '../../common/errors';
import { monthLabel } from '../../common/format';
import { FormAlert } from '../../common/form-alert';
import { useCategories, useDivisionChildren } from '../../common/shared.queries';
import { TextArea } from '../../common/text-area';
import type { ProductInput } from './catalog.queries';
import { validateProductForm, type ProductField, type ProductFormValues } from './product-form-model';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const FIELDS: ProductField[] = ['nameZh', 'nameEn', 'categoryCode', 'originCountyCode', 'grade', 'spec', 'storageClass', 'shelfLifeDays', 'seasons', 'descriptionZh', 'descriptionEn', 'status'];

export interface ProductFormProps {
  readonly initial: ProductFormValues;
  /** Creating: the origin county can be chosen. Editing: it is fixed (a certificate is for a county's product). */
  readonly creating: boolean;
  readonly submitLabel: string;
  readonly pending: boolean;
  /** The API's error from the last submit, if any: its field reasons appear beside the fields. */
  readonly error: unknown;
  readonly onSubmit: (input: ProductInput) => void;
}

/** The product's description: names, category, origin, grade and spec, storage, shelf life, season, status. */
export function ProductForm({ initial, creating, submitLabel, pending, error, onSubmit }: ProductFormProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { language } = useLanguage();
  const [values, setValues] = useState(initial);
  const [localErrors, setLocalErrors] = useState<Partial<Record<ProductField, string>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const categories = useCategories();
  const prefecture = creating && /^\d{6}$/.test(initial.originCountyCode) ? `${initial.originCountyCode.slice(0, 4)}00` : null;
  const counties = useDivisionChildren(prefecture);

  const apiErrors = fieldErrorsOf(error);
  const errorFor = (field: ProductField) => localErrors[field] ?? apiErrors[field];
  const alerts = error && !Object.keys(localErrors).length ? otherFieldErrors(apiErrors, FIELDS) : [];
  const generalError = error && Object.keys(apiErrors).length === 0 ? [errorText(error, t)] : [];
  // Changing a field clears the form's own complaint about it; the next submit checks again.
  const set = <K extends ProductField>(field: K, value: ProductFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setLocalErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { errors, input } = validateProductForm(values, t);
    setLocalErrors(errors);
    if (!input) {
      queueMicrotask(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSubmit(input);
  };

  const countyOptions = (counties.data ?? []).map((d) => ({ value: d.code, label: localize(d.name, d.nameEn) }));
  if (!countyOptions.some((o) => o.value === values.originCountyCode)) countyOptions.unshift({ value: values.originCountyCode, label: values.originCountyCode });

  return (
    <form ref={formRef} className="form product-form" onSubmit={submit} noValidate aria-busy={pending}>
      <FormAlert messages={[...generalError, ...alerts]} />
      <div className="form-grid">
        <TextField label={t('products.form.nameZh')} value={values.nameZh} error={errorFor('nameZh')} maxLength={200} onChange={(e) => set('nameZh', e.target.value)} />
        <TextField label={t('products.form.nameEn')} value={values.nameEn} error={errorFor('nameEn')} maxLength={200} onChange={(e) => set('nameEn', e.target.value)} lang="en" />
        <Select
          label={t('products.form.category')}
          value={values.categoryCode}
          error={errorFor('categoryCode')}
          onChange={(e) => set('categoryCode', e.target.value)}
          options={[{ value: '', label: t('form.choosePlaceholder') }, ...(categories.data ?? []).map((c) => ({ value: c.code, label: localize(c.nameZh, c.nameEn) }))]}
        />
        {creating ? (
          <Select
            label={t('products.form.origin')}
            hint={t('products.form.originHint')}
            value={values.originCountyCode}
            error={errorFor('originCountyCode')}
            onChange={(e) => set('originCountyCode', e.target.value)}
            options={countyOptions}
          />
        ) : null}
        <TextField label={t('products.form.grade')} value={values.grade} error={errorFor('grade')} maxLength={100} onChange={(e) => set('grade', e.target.value)} />
        <TextField label={t('products.form.spec')} value={values.spec} error={errorFor('spec')} maxLength={200} onChange={(e) => set('spec', e.target.value)} />
        <Select
          label={t('products.form.storage')}
          value={values.storageClass}
          error={errorFor('storageClass')}
          onChange={(e) => set('storageClass', e.target.value as ProductFormValues['storageClass'])}
          options={(['ambient', 'chilled', 'frozen'] as const).map((s) => ({ value: s, label: t(`labels.storage.${s}`) }))}
        />
        <TextField
          label={t('products.form.shelfLife')}
          inputMode="numeric"
          value={values.shelfLifeDays}
          error={errorFor('shelfLifeDays')}
          onChange={(e) => set('shelfLifeDays', e.target.value)}
        />
        <Select
          label={t('products.form.status')}
          hint={t('products.form.statusHint')}
          value={values.status}
          error={errorFor('status')}
          onChange={(e) => set('status', e.target.value as ProductFormValues['status'])}
          options={(['draft', 'active', 'archived'] as const).map((s) => ({ value: s, label: t(`labels.productStatus.${s}`) }))}
        />
      </div>
      <fieldset className="form-fieldset months">
        <legend className="ui-field__label">{t('products.form.seasons')}</legend>
        <div className="months__grid">
          {MONTHS.map((m) => (
            <Checkbox
              key={m}
              label={monthLabel(m, language)}
              checked={values.seasons.includes(m)}
              onChange={(e) => set('seasons', e.target.checked ? [...values.seasons, m] : values.seasons.filter((x) => x !== m))}
            />
          ))}
        </div>
        {errorFor('seasons') ? <p className="ui-field__error">{errorFor('seasons')}</p> : null}
      </fieldset>
      <TextArea label={t('products.form.descriptionZh')} value={values.descriptionZh} error={errorFor('descriptionZh')} maxLength={5000} onChange={(e) => set('descriptionZh', e.target.value)} />
      <TextArea label={t('products.form.descriptionEn')} value={values.descriptionEn} error={errorFor('descriptionEn')} maxLength={5000} onChange={(e) => set('descriptionEn', e.target.value)} lang="en" />
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? t('form.saving') : submitLabel}
      </Button>
    </form>
  );
}
