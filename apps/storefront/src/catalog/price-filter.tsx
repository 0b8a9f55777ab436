import { Button, fenToYuanInput, parseYuanToFen, TextField } from '@shanhai/ui';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface PriceFilterProps {
  readonly minFen: number | null;
  readonly maxFen: number | null;
  /** The lowest and highest prices in the current results, as hints. */
  readonly range: { minFen: number | null; maxFen: number | null };
  readonly onApply: (minFen: number | null, maxFen: number | null) => void;
}

/** Price range in yuan as typed, converted to integer fen for the URL and the API. */
export function PriceFilter({ minFen, maxFen, range, onApply }: PriceFilterProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [min, setMin] = useState(minFen === null ? '' : fenToYuanInput(minFen));
  const [max, setMax] = useState(maxFen === null ? '' : fenToYuanInput(maxFen));
  const [errors, setErrors] = useState<{ min?: string; max?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const nextMin = min.trim() ? parseYuanToFen(min) : null;
    const nextMax = max.trim() ? parseYuanToFen(max) : null;
    const problems: { min?: string; max?: string } = {};
    if (min.trim() && nextMin === null) problems.min = t('catalog.price.invalid');
    if (max.trim() && nextMax === null) problems.max = t('catalog.price.invalid');
    if (!problems.min && !problems.max && nextMin !== null && nextMax !== null && nextMin > nextMax) problems.max = t('catalog.price.maxBelowMin');
    setErrors(problems);
    if (!problems.min && !problems.max) onApply(nextMin, nextMax);
  };

  return (
    <form className="facet price-filter" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h3 className="facet__title" id={headingId}>
        {t('catalog.price.title')}
      </h3>
      <p className="facet__hint">{t('catalog.price.hint')}</p>
      <div className="price-filter__fields">
        <TextField
          label={t('catalog.price.min')}
          inputMode="decimal"
          value={min}
          placeholder={range.minFen !== null ? fenToYuanInput(range.minFen) : undefined}
          error={errors.min}
          onChange={(e) => setMin(e.target.value)}
        />
        <TextField
          label={t('catalog.price.max')}
          inputMode="decimal"
          value={max}
          placeholder={range.maxFen !== null ? fenToYuanInput(range.maxFen) : undefined}
          error={errors.max}
          onChange={(e) => setMax(e.target.value)}
        />
      </div>
      <Button type="submit">{t('catalog.price.apply')}</Button>
    </form>
  );
}
