import { isApiError } from '@shanhai/api-client';
import type { ProductDetail } from '@shanhai/contract';
import { addDays, businessDay } from '@shanhai/domain';
import { Button, Checkbox, Container, Price, Select, StatusMessage, TextArea, TextField, fenToYuanInput, useLocalize } from '@shanhai/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useProduct } from '../catalog/catalog.queries';
import { useDeliverySites } from '../identity/identity.queries';
import { useSession } from '../identity/session-provider';
import { BuyerGate } from '../ordering/buyer-gate';
import { WEEKDAYS } from './agreement-labels';
import { useProposeAgreement } from './agreements.queries';
import { buildProposal, PROPOSAL_METHODS, type ProposalForm, type ProposalMethod, type ProposalProblem } from './proposal-model';
import './agreements.css';

/** `/agreements/new?product=…&sku=…`: a buyer's admin or approver proposes a standing order for one SKU. */
export function ProposeAgreementPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const productId = params.get('product') ?? '';
  return (
    <Container className="page agreements-page">
      <title>{`${t('agreements.propose.title')} · ${t('app.name')}`}</title>
      <h1 className="page__title">{t('agreements.propose.title')}</h1>
      <p className="agreements__intro">{t('agreements.propose.intro')}</p>
      <BuyerGate>{(buyer) => <ProposalLoader organisationId={buyer.organisationId} productId={productId} skuId={params.get('sku') ?? ''} />}</BuyerGate>
    </Container>
  );
}

function ProposalLoader({ organisationId, productId, skuId }: { organisationId: string; productId: string; skuId: string }) {
  const { t } = useTranslation();
  const { buyerRoles } = useSession();
  const product = useProduct(productId);
  const sites = useDeliverySites(organisationId);
  if (!buyerRoles.includes('buyer_admin') && !buyerRoles.includes('buyer_approver')) return <StatusMessage tone="empty" title={t('agreements.propose.notAllowed')} />;
  if (product.isPending || sites.isPending) return <StatusMessage tone="loading" />;
  if (product.isError || sites.isError) return <StatusMessage tone="error" title={t('errors.pageFailed')} onRetry={() => void product.refetch()} />;
  return <ProposalFormView product={product.data} sites={sites.data} initialSkuId={skuId} />;
}

function ProposalFormView({ product, sites, initialSkuId }: { product: ProductDetail; sites: ReadonlyArray<{ id: string; name: string }>; initialSkuId: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const propose = useProposeAgreement();
  const first = product.skus.find((s) => s.id === initialSkuId) ?? product.skus[0];
  const start = addDays(businessDay(), 7);
  const [form, setForm] = useState<ProposalForm>({
    skuId: first?.id ?? '',
    quantity: String(first?.minOrderQuantity ?? ''),
    priceYuan: first ? fenToYuanInput(first.priceFen) : '',
    weekdays: [1, 4],
    startDate: start,
    endDate: addDays(start, 90),
    deliverySiteId: sites[0]?.id ?? '',
    paymentMethod: 'card',
    note: '',
  });
  const [problems, setProblems] = useState<ProposalProblem[]>([]);
  const sku = product.skus.find((s) => s.id === form.skuId);
  const set = <K extends keyof ProposalForm>(key: K, value: ProposalForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const apiErrors = isApiError(propose.error) ? propose.error.fieldErrors() : {};
  const errorOf = (field: ProposalProblem, own: string) => (problems.includes(field) ? own : apiErrors[field]);
  const shown = ['skuId', 'quantity', 'price.unitPriceFen', 'schedule.weekdays', 'startDate', 'endDate', 'deliverySiteId', 'paymentMethod', 'note'];
  const otherApiError = propose.isError
    ? isApiError(propose.error) && Object.keys(apiErrors).some((f) => shown.includes(f))
      ? null
      : isApiError(propose.error) && propose.error.status !== 0 && propose.error.status < 500
        ? propose.error.message
        : t('errors.tryLater')
    : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildProposal(form);
    if ('problems' in built) {
      setProblems(built.problems);
      return;
    }
    setProblems([]);
    propose.mutate(built.body, { onSuccess: (view) => void navigate(`/agreements/${view.id}?proposed=1`) });
  };

  return (
    <form className="agreement__form" onSubmit={submit} noValidate aria-label={t('agreements.propose.title')}>
      <p>
        {t('agreements.propose.productLabel')}
        <Link to={`/products/${product.id}`}>{localize(product.nameZh, product.nameEn)}</Link> · {localize(product.supplier.name, product.supplier.nameEn)}
      </p>
      <Select
        label={t('agreements.propose.sku')}
        value={form.skuId}
        error={errorOf('skuId', t('agreements.propose.noSku'))}
        onChange={(e) => {
          const next = product.skus.find((s) => s.id === e.target.value);
          setForm((f) => ({ ...f, skuId: e.target.value, quantity: next ? String(next.minOrderQuantity) : f.quantity, priceYuan: next ? fenToYuanInput(next.priceFen) : f.priceYuan }));
        }}
        options={product.skus.map((s) => ({ value: s.id, label: `${s.code} · ${localize(s.packingUnitZh, s.packingUnitEn)}` }))}
      />
      <TextField
        label={t('agreements.propose.quantity')}
        inputMode="numeric"
        value={form.quantity}
        onChange={(e) => set('quantity', e.target.value)}
        hint={sku ? t('agreements.propose.quantityHint', { min: sku.minOrderQuantity, multiple: sku.orderMultiple }) : undefined}
        error={errorOf('quantity', t('agreements.propose.quantityHint', { min: sku?.minOrderQuantity ?? 1, multiple: sku?.orderMultiple ?? 1 }))}
      />
      <TextField
        label={t('agreements.propose.price')}
        inputMode="decimal"
        value={form.priceYuan}
        onChange={(e) => set('priceYuan', e.target.value)}
        hint={sku ? <>{t('agreements.propose.priceHint', { price: '' })}<Price fen={sku.priceFen} /></> : undefined}
        error={errorOf('price.unitPriceFen', t('agreements.propose.priceInvalid'))}
      />
      <fieldset className="agreement__weekdays" aria-describedby={problems.includes('schedule.weekdays') || apiErrors['schedule.weekdays'] ? 'weekdays-error' : undefined}>
        <legend>{t('agreements.propose.weekdays')}</legend>
        {WEEKDAYS.map((d) => (
          <Checkbox
            key={d}
            label={t(`agreements.weekdays.${d}`)}
            checked={form.weekdays.includes(Number(d))}
            onChange={(e) => set('weekdays', e.target.checked ? [...form.weekdays, Number(d)] : form.weekdays.filter((w) => w !== Number(d)))}
          />
        ))}
        {errorOf('schedule.weekdays', t('agreements.propose.weekdaysRequired')) ? (
          <p id="weekdays-error" className="agreement__error">
            {errorOf('schedule.weekdays', t('agreements.propose.weekdaysRequired'))}
          </p>
        ) : null}
      </fieldset>
      <TextField label={t('agreements.propose.startDate')} type="date" value={form.startDate} onChange={(e) => set('startDate', e.target.value)} error={errorOf('startDate', t('agreements.propose.startDate'))} />
      <TextField label={t('agreements.propose.endDate')} type="date" value={form.endDate} onChange={(e) => set('endDate', e.target.value)} error={errorOf('endDate', t('agreements.propose.endDate'))} />
      <Select
        label={t('agreements.propose.site')}
        value={form.deliverySiteId}
        onChange={(e) => set('deliverySiteId', e.target.value)}
        error={errorOf('deliverySiteId', t('agreements.propose.site'))}
        options={sites.map((s) => ({ value: s.id, label: s.name }))}
      />
      <Select
        label={t('agreements.propose.payment')}
        value={form.paymentMethod}
        onChange={(e) => set('paymentMethod', PROPOSAL_METHODS.find((m) => m === e.target.value) ?? 'card')}
        error={apiErrors['paymentMethod']}
        options={PROPOSAL_METHODS.map((m: ProposalMethod) => ({ value: m, label: t(`ordering.methods.${m}`) }))}
      />
      <TextArea label={t('agreements.propose.note')} value={form.note} onChange={(e) => set('note', e.target.value)} error={apiErrors['note']} />
      {otherApiError ? (
        <div role="alert" className="agreement__error">
          {t('agreements.propose.failedWith', { reason: otherApiError })}
        </div>
      ) : null}
      <div>
        <Button type="submit" variant="primary" disabled={propose.isPending}>
          {propose.isPending ? t('agreements.propose.submitting') : t('agreements.propose.submit')}
        </Button>
      </div>
    </form>
  );
}
