import { isApiError } from '@shanhai/api-client';
import type { ProductDetail } from '@shanhai/contract';
import { businessDay, formatYuan } from '@shanhai/domain';
import { Button, Container, Select, StatusMessage, TextArea, TextField, useLocalize } from '@shanhai/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useProduct } from '../catalog/catalog.queries';
import { useDeliverySites } from '../identity/identity.queries';
import { useSession } from '../identity/session-provider';
import { BuyerGate } from '../ordering/buyer-gate';
import { COMMITTING_ROLES } from './commit-harvest-link';
import { buildCommitment, harvestMonths, type CommitmentForm, type CommitmentProblem } from './commitment-model';
import { useCreateCommitment } from './commitments.queries';
import '../agreements/agreements.css';

/** `/commitments/new?product=…&sku=…`: commit to a quantity of a coming harvest (预购). */
export function NewCommitmentPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <Container className="page agreements-page">
      <title>{`${t('commitments.create.title')} · ${t('app.name')}`}</title>
      <h1 className="page__title">{t('commitments.create.title')}</h1>
      <p className="agreements__intro">{t('commitments.create.intro')}</p>
      <BuyerGate>{(buyer) => <CommitmentLoader organisationId={buyer.organisationId} productId={params.get('product') ?? ''} skuId={params.get('sku') ?? ''} />}</BuyerGate>
    </Container>
  );
}

function CommitmentLoader({ organisationId, productId, skuId }: { organisationId: string; productId: string; skuId: string }) {
  const { t } = useTranslation();
  const { buyerRoles } = useSession();
  const product = useProduct(productId);
  const sites = useDeliverySites(organisationId);
  if (!COMMITTING_ROLES.some((r) => buyerRoles.includes(r))) return <StatusMessage tone="empty" title={t('commitments.create.notAllowed')} />;
  if (product.isPending || sites.isPending) return <StatusMessage tone="loading" />;
  if (product.isError || sites.isError) return <StatusMessage tone="error" title={t('errors.pageFailed')} onRetry={() => void product.refetch()} />;
  return <CommitmentFormView product={product.data} sites={sites.data} initialSkuId={skuId} organisationId={organisationId} />;
}

const SHOWN: readonly string[] = ['skuId', 'harvestMonth', 'quantity', 'targetPriceFen', 'deliverySiteId', 'note'];

function CommitmentFormView({ product, sites, initialSkuId, organisationId }: { product: ProductDetail; sites: ReadonlyArray<{ id: string; name: string }>; initialSkuId: string; organisationId: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const create = useCreateCommitment();
  const months = harvestMonths(businessDay());
  const first = product.skus.find((s) => s.id === initialSkuId) ?? product.skus[0];
  // The next month the product is in season, if it says; else next month.
  const inSeason = months.slice(1).find((m) => product.seasons.includes(Number(m.slice(5))));
  const [form, setForm] = useState<CommitmentForm>({
    skuId: first?.id ?? '',
    harvestMonth: inSeason ?? months[1],
    quantity: String(first?.minOrderQuantity ?? ''),
    targetPriceYuan: '',
    deliverySiteId: '',
    note: '',
  });
  const [problems, setProblems] = useState<CommitmentProblem[]>([]);
  const sku = product.skus.find((s) => s.id === form.skuId);
  const set = <K extends keyof CommitmentForm>(key: K, value: CommitmentForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const apiErrors = isApiError(create.error) ? create.error.fieldErrors() : {};
  const errorOf = (field: CommitmentProblem, own: string) => (problems.includes(field) ? own : apiErrors[field]);
  const other = create.isError && !Object.keys(apiErrors).some((f) => SHOWN.includes(f));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildCommitment(form, organisationId);
    if ('problems' in built) {
      setProblems(built.problems);
      return;
    }
    setProblems([]);
    create.mutate(built.body, { onSuccess: (view) => void navigate(`/commitments/${view.id}?created=1`) });
  };

  return (
    <form className="agreement__form" onSubmit={submit} noValidate aria-label={t('commitments.create.title')}>
      <p>
        {t('agreements.propose.productLabel')}
        <Link to={`/products/${product.id}`}>{localize(product.nameZh, product.nameEn)}</Link> · {localize(product.supplier.name, product.supplier.nameEn)}
      </p>
      <Select
        label={t('agreements.propose.sku')}
        value={form.skuId}
        onChange={(e) => set('skuId', e.target.value)}
        error={errorOf('skuId', t('agreements.propose.noSku'))}
        options={product.skus.map((s) => ({ value: s.id, label: `${s.code} · ${localize(s.packingUnitZh, s.packingUnitEn)}` }))}
      />
      <Select
        label={t('commitments.fields.harvestMonth')}
        value={form.harvestMonth}
        onChange={(e) => set('harvestMonth', e.target.value)}
        hint={product.seasons.length > 0 ? t('commitments.create.seasons', { months: product.seasons.map((m) => t('commitments.monthName', { m })).join(t('common.listSeparator')) }) : undefined}
        error={errorOf('harvestMonth', t('commitments.create.monthInvalid'))}
        options={months.map((m) => ({ value: m, label: t('commitments.monthOption', { year: m.slice(0, 4), month: Number(m.slice(5)) }) }))}
      />
      <TextField
        label={t('commitments.fields.quantity')}
        inputMode="numeric"
        value={form.quantity}
        onChange={(e) => set('quantity', e.target.value)}
        hint={sku ? t('commitments.create.quantityHint', { unit: localize(sku.packingUnitZh, sku.packingUnitEn) }) : undefined}
        error={errorOf('quantity', t('agreementActions.substitute.quantityInvalid'))}
      />
      <TextField
        label={t('commitments.fields.targetPrice')}
        inputMode="decimal"
        value={form.targetPriceYuan}
        onChange={(e) => set('targetPriceYuan', e.target.value)}
        hint={sku ? t('commitments.create.targetHint', { price: formatYuan(sku.priceFen) }) : undefined}
        error={errorOf('targetPriceFen', t('agreements.propose.priceInvalid'))}
      />
      <Select
        label={t('commitments.fields.site')}
        value={form.deliverySiteId}
        onChange={(e) => set('deliverySiteId', e.target.value)}
        error={apiErrors['deliverySiteId']}
        options={[{ value: '', label: t('commitments.create.noSite') }, ...sites.map((s) => ({ value: s.id, label: s.name }))]}
      />
      <TextArea label={t('agreements.propose.note')} value={form.note} onChange={(e) => set('note', e.target.value)} error={apiErrors['note']} />
      {other ? (
        <div role="alert" className="agreement__error">
          {t('agreements.propose.failedWith', { reason: isApiError(create.error) && create.error.status > 0 && create.error.status < 500 ? create.error.message : t('errors.tryLater') })}
        </div>
      ) : null}
      <div>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? t('agreements.propose.submitting') : t('commitments.create.submit')}
        </Button>
      </div>
    </form>
  );
}
