import type { ProductDetail } from '@shanhai/contract';
import { addDays, businessDay } from '@shanhai/domain';
import { Container, StatusMessage, fenToYuanInput, useLocalize } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useProduct } from '../catalog/catalog.queries';
import { useDeliverySites } from '../identity/identity.queries';
import { useSession } from '../identity/session-provider';
import { BuyerGate } from '../ordering/buyer-gate';
import { useProposeAgreement } from './agreements.queries';
import { emptyProposal, skuChoices } from './proposal-defaults';
import { TermsForm } from './terms-form';
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
  return (
    <TermsForm
      label={t('agreements.propose.title')}
      skus={skuChoices(product, localize)}
      sites={sites}
      initial={emptyProposal({ skuId: first?.id ?? '', quantity: String(first?.minOrderQuantity ?? ''), priceYuan: first ? fenToYuanInput(first.priceFen) : '', startDate: start, endDate: addDays(start, 90), deliverySiteId: sites[0]?.id ?? '' })}
      submitLabel={t('agreements.propose.submit')}
      pending={propose.isPending}
      error={propose.error}
      onSubmit={(body) => propose.mutate(body, { onSuccess: (view) => void navigate(`/agreements/${view.id}?proposed=1`) })}
      intro={
        <p>
          {t('agreements.propose.productLabel')}
          <Link to={`/products/${product.id}`}>{localize(product.nameZh, product.nameEn)}</Link> · {localize(product.supplier.name, product.supplier.nameEn)}
        </p>
      }
    />
  );
}
