import type { ProductDetail } from '@shanhai/contract';
import { Button, Container, Section, Select, StatusMessage, TextField, useLanguage, useLocalize } from '@shanhai/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { LotView, ProductionBaseView } from '../../api/views';
import { errorText, fieldErrorsOf } from '../../common/errors';
import { FormAlert } from '../../common/form-alert';
import { dateOnly, formatCount, isIsoDay, parseWholeNumber, todayInChina } from '../../common/format';
import { PageTitle } from '../../common/page-title';
import { QueryView } from '../../common/query-view';
import { useProductionBases } from '../../common/shared.queries';
import { TextArea } from '../../common/text-area';
import { useCurrentWorkspace } from '../../identity/workspace-provider';
import { useSupplierSkus } from '../catalog/catalog.queries';
import { useAddLot, useAdjustLot, useLots } from './stock.queries';

type Sku = ProductDetail['skus'][number];

/** One SKU's lots: what each harvest held and what is left, a stock count per lot, and a new lot. */
export function SkuLotsPage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { skuId = '' } = useParams();
  const workspace = useCurrentWorkspace();
  const skus = useSupplierSkus(workspace.organisationId);
  const row = skus.rows.find((r) => r.sku.id === skuId);
  if (skus.pending) {
    return (
      <Container className="page">
        <StatusMessage tone="loading" />
      </Container>
    );
  }
  if (!row) {
    return (
      <Container className="page">
        <PageTitle>{t('lots.notFound')}</PageTitle>
        <StatusMessage tone="empty" action={<Link to="/stock">{t('lots.back')}</Link>} />
      </Container>
    );
  }
  const title = t('lots.title', { product: localize(row.product.nameZh, row.product.nameEn), code: row.sku.code });
  return (
    <Container className="page">
      <p className="back-link">
        <Link to="/stock">{t('lots.back')}</Link>
      </p>
      <PageTitle>{title}</PageTitle>
      <p className="page__intro">{t('lots.intro', { unit: localize(row.sku.packingUnitZh, row.sku.packingUnitEn) })}</p>
      <LotsBody sku={row.sku} />
    </Container>
  );
}

function LotsBody({ sku }: { sku: Sku }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const workspace = useCurrentWorkspace();
  const lots = useLots(sku.id);
  const bases = useProductionBases(workspace.organisationId);
  const baseName = (id: string) => bases.data?.find((b) => b.id === id)?.name ?? '';
  return (
    <>
      <p className="stock-total" data-testid="sku-stock-total">
        {t('lots.stockTotal', { units: formatCount(sku.stockUnits, language) })}
      </p>
      <Section id="lots-list" title={t('lots.listTitle')}>
        <QueryView query={lots}>
          {(items) =>
            items.length === 0 ? (
              <StatusMessage tone="empty" title={t('lots.empty')} />
            ) : (
              <div className="table-scroll" role="region" aria-label={t('lots.listTitle')} tabIndex={0}>
                <table className="data-table lots-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('lots.code')}</th>
                      <th scope="col">{t('lots.base')}</th>
                      <th scope="col">{t('lots.harvestDate')}</th>
                      <th scope="col" className="numeric">{t('lots.harvested')}</th>
                      <th scope="col">{t('lots.available')}</th>
                      <th scope="col">{t('lots.inspection')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((lot) => (
                      <tr key={lot.id} data-testid="lot-row">
                        <th scope="row" className="code">
                          {lot.code}
                        </th>
                        <td>{baseName(lot.baseId)}</td>
                        <td>{dateOnly(lot.harvestDate)}</td>
                        <td className="numeric">{formatCount(lot.quantityUnits, language)}</td>
                        <td>
                          <AdjustLotForm lot={lot} />
                        </td>
                        <td>{lot.inspectionNote ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </QueryView>
      </Section>
      <Section id="lot-new" title={t('lots.newTitle')} description={t('lots.newIntro')}>
        <QueryView query={bases}>{(list) => (list.length === 0 ? <StatusMessage tone="empty" title={t('lots.noBases')} action={<Link to="/profile">{t('lots.toProfile')}</Link>} /> : <NewLotForm skuId={sku.id} bases={list} />)}</QueryView>
      </Section>
    </>
  );
}

/** A stock count of one lot: what is still for sale (never above what was harvested; the API checks that too). */
function AdjustLotForm({ lot }: { lot: LotView }) {
  const { t } = useTranslation();
  const adjust = useAdjustLot();
  const [value, setValue] = useState(String(lot.availableUnits));
  const [local, setLocal] = useState<string | null>(null);
  const apiError = fieldErrorsOf(adjust.error).availableUnits ?? (adjust.isError ? errorText(adjust.error, t) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const n = parseWholeNumber(value);
    if (n === null || Number.isNaN(n) || n > lot.quantityUnits) {
      setLocal(t('form.wholeNumberBetween', { min: 0, max: lot.quantityUnits }));
      return;
    }
    setLocal(null);
    adjust.mutate({ lotId: lot.id, body: { availableUnits: n } });
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <TextField label={t('lots.availableOf', { code: lot.code })} fieldClassName="inline-form__field" inputMode="numeric" value={value} error={local ?? apiError} onChange={(e) => setValue(e.target.value)} />
      <Button type="submit" disabled={adjust.isPending}>
        {t('lots.saveCount')}
      </Button>
      {adjust.isSuccess && !local ? (
        <span role="status" className="notice notice--inline">
          {t('form.saved')}
        </span>
      ) : null}
    </form>
  );
}

interface LotFormValues {
  baseId: string;
  code: string;
  harvestDate: string;
  quantity: string;
  inspectionNote: string;
}

type LotField = 'baseId' | 'code' | 'harvestDate' | 'quantityUnits' | 'inspectionNote';

function NewLotForm({ skuId, bases }: { skuId: string; bases: readonly ProductionBaseView[] }) {
  const { t } = useTranslation();
  const add = useAddLot(skuId);
  const initial: LotFormValues = { baseId: bases[0]?.id ?? '', code: '', harvestDate: todayInChina(), quantity: '', inspectionNote: '' };
  const [values, setValues] = useState(initial);
  const [local, setLocal] = useState<Partial<Record<LotField, string>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const apiErrors = fieldErrorsOf(add.error);
  const errorFor = (f: LotField) => local[f] ?? apiErrors[f];
  const general = add.isError && Object.keys(apiErrors).length === 0 ? [errorText(add.error, t)] : [];
  const set = (patch: Partial<LotFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    // The quantity field's problems are reported under the API's name for it.
    const fields = Object.keys(patch).map((k) => (k === 'quantity' ? 'quantityUnits' : k));
    setLocal((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !fields.includes(k))));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Partial<Record<LotField, string>> = {};
    if (!values.baseId) errors.baseId = t('form.choose');
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(values.code.trim())) errors.code = t('lots.errors.code');
    if (!isIsoDay(values.harvestDate)) errors.harvestDate = t('form.date');
    const quantity = parseWholeNumber(values.quantity);
    if (quantity === null || Number.isNaN(quantity) || quantity > 100_000_000) errors.quantityUnits = t('form.wholeNumberBetween', { min: 0, max: 100_000_000 });
    setLocal(errors);
    if (Object.keys(errors).length || quantity === null) {
      queueMicrotask(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    add.mutate(
      { baseId: values.baseId, code: values.code.trim(), harvestDate: values.harvestDate, quantityUnits: quantity, ...(values.inspectionNote.trim() ? { inspectionNote: values.inspectionNote.trim() } : {}) },
      { onSuccess: () => setValues({ ...initial, baseId: values.baseId }) },
    );
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-busy={add.isPending} data-testid="lot-form">
      <FormAlert messages={general} />
      <div className="form-grid">
        <Select label={t('lots.base')} value={values.baseId} error={errorFor('baseId')} onChange={(e) => set({ baseId: e.target.value })} options={bases.map((b) => ({ value: b.id, label: b.name }))} />
        <TextField label={t('lots.code')} hint={t('lots.codeHint')} value={values.code} error={errorFor('code')} maxLength={64} onChange={(e) => set({ code: e.target.value })} />
        <TextField label={t('lots.harvestDate')} type="date" max={todayInChina()} value={values.harvestDate} error={errorFor('harvestDate')} onChange={(e) => set({ harvestDate: e.target.value })} />
        <TextField label={t('lots.quantity')} hint={t('lots.quantityHint')} inputMode="numeric" value={values.quantity} error={errorFor('quantityUnits')} onChange={(e) => set({ quantity: e.target.value })} />
      </div>
      <TextArea label={t('lots.inspectionNote')} rows={2} maxLength={2000} value={values.inspectionNote} error={errorFor('inspectionNote')} onChange={(e) => set({ inspectionNote: e.target.value })} />
      <Button type="submit" variant="primary" disabled={add.isPending}>
        {add.isPending ? t('form.saving') : t('lots.add')}
      </Button>
      {add.isSuccess ? (
        <p className="notice" role="status">
          {t('lots.added')}
        </p>
      ) : null}
    </form>
  );
}
