import type { ProductDetail } from '@shanhai/contract';
import { Badge, Button, buttonClassName, Container, Price, Section, StatusMessage, useLanguage, useLocalize } from '@shanhai/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { dateOnly, formatCount } from '../../common/format';
import { statusTone, useLabels } from '../../common/labels';
import { PageTitle } from '../../common/page-title';
import { QueryView } from '../../common/query-view';
import { useProductDetail } from '../../common/shared.queries';
import { useCurrentWorkspace } from '../../identity/workspace-provider';
import { useAddSku, useCreateProduct, useUpdateProduct, useUpdateSku } from './catalog.queries';
import { ImagesSection } from './images-section';
import { ProductForm } from './product-form';
import { emptyProductForm, productFormFrom, toProductUpdate } from './product-form-model';
import { SkuForm } from './sku-form';
import { emptySkuForm, skuFormFrom, toSkuUpdate } from './sku-form-model';

type Sku = ProductDetail['skus'][number];

/** A new product: described first; SKUs, images and lots follow on its own page. */
export function NewProductPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const navigate = useNavigate();
  const create = useCreateProduct(workspace.organisationId);
  return (
    <Container className="page">
      <p className="back-link">
        <Link to="/products">{t('products.editor.back')}</Link>
      </p>
      <PageTitle>{t('products.editor.newTitle')}</PageTitle>
      <p className="page__intro">{t('products.editor.newIntro')}</p>
      <ProductForm
        initial={emptyProductForm(workspace.divisionCode ?? '')}
        creating
        submitLabel={t('products.editor.create')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input, { onSuccess: (product) => void navigate(`/products/${product.id}?created=1`) })}
      />
    </Container>
  );
}

/** One product: its description, its SKUs with prices and tiers, images, lots and certification. */
export function ProductEditorPage() {
  const { t } = useTranslation();
  const { productId = '' } = useParams();
  const product = useProductDetail(productId);
  return (
    <Container className="page">
      <p className="back-link">
        <Link to="/products">{t('products.editor.back')}</Link>
      </p>
      <QueryView query={product} errorTitle={t('products.editor.notFound')}>
        {(data) => <ProductEditor product={data} />}
      </QueryView>
    </Container>
  );
}

function ProductEditor({ product }: { product: ProductDetail }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const labels = useLabels();
  const workspace = useCurrentWorkspace();
  const [params] = useSearchParams();
  const update = useUpdateProduct(workspace.organisationId, product.id);
  const name = localize(product.nameZh, product.nameEn);
  return (
    <>
      <PageTitle title={name}>{name}</PageTitle>
      <p className="badges">
        <Badge tone={statusTone(product.status)}>{labels.productStatus(product.status)}</Badge>
        <Badge tone={product.visible ? 'success' : 'neutral'}>{t(product.visible ? 'products.editor.visible' : 'products.editor.hidden')}</Badge>
        {product.certificate?.certifiedToday ? <Badge tone="brand">{t('products.editor.certified')}</Badge> : null}
      </p>
      {params.get('created') ? (
        <p className="notice" role="status">
          {t('products.editor.created')}
        </p>
      ) : null}
      {!product.visible ? <p className="page__intro">{t(product.status === 'active' ? 'products.editor.hiddenUnverified' : 'products.editor.hiddenDraft')}</p> : null}

      <Section id="product-details" title={t('products.editor.details')}>
        <ProductForm
          key={product.id}
          initial={productFormFrom(product)}
          creating={false}
          submitLabel={t('form.save')}
          pending={update.isPending}
          error={update.error}
          onSubmit={(input) => update.mutate(toProductUpdate(input))}
        />
        {update.isSuccess ? (
          <p className="notice" role="status">
            {t('form.saved')}
          </p>
        ) : null}
      </Section>

      <SkusSection product={product} />
      <ImagesSection product={product} />
      <CertificationSection product={product} />
    </>
  );
}

function SkusSection({ product }: { product: ProductDetail }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const add = useAddSku(workspace.organisationId, product.id);
  const [adding, setAdding] = useState(product.skus.length === 0);
  const [formKey, setFormKey] = useState(0);
  return (
    <Section id="product-skus" title={t('skus.title')} description={t('skus.intro')}>
      {product.skus.length === 0 ? <StatusMessage tone="empty" title={t('skus.none')} /> : null}
      <ul className="card-list">
        {product.skus.map((sku) => (
          <SkuCard key={sku.id} productId={product.id} sku={sku} />
        ))}
      </ul>
      {adding ? (
        <div className="panel">
          <h3 className="panel__title">{t('skus.addTitle')}</h3>
          <SkuForm
            key={formKey}
            idPrefix="new-sku"
            initial={emptySkuForm()}
            creating
            pending={add.isPending}
            error={add.error}
            submitLabel={t('skus.add')}
            onSubmit={(input) =>
              add.mutate(input, {
                onSuccess: () => {
                  setFormKey((k) => k + 1);
                  setAdding(false);
                },
              })
            }
            onCancel={product.skus.length > 0 ? () => setAdding(false) : undefined}
          />
        </div>
      ) : (
        <Button variant="primary" onClick={() => setAdding(true)}>
          {t('skus.addTitle')}
        </Button>
      )}
    </Section>
  );
}

function SkuCard({ productId, sku }: { productId: string; sku: Sku }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const workspace = useCurrentWorkspace();
  const update = useUpdateSku(workspace.organisationId, productId);
  const [editing, setEditing] = useState(false);
  return (
    <li className="card" data-testid="sku-card">
      <div className="card__head">
        <h3 className="card__title">
          <span className="code">{sku.code}</span> · {localize(sku.packingUnitZh, sku.packingUnitEn)}
        </h3>
        <Badge tone={sku.active ? 'success' : 'neutral'}>{t(sku.active ? 'skus.onSale' : 'skus.offSale')}</Badge>
      </div>
      {editing ? (
        <SkuForm
          idPrefix={`sku-${sku.id}`}
          initial={skuFormFrom(sku)}
          creating={false}
          pending={update.isPending}
          error={update.error}
          submitLabel={t('form.save')}
          onSubmit={(input, active) => update.mutate({ skuId: sku.id, body: toSkuUpdate(input, active) }, { onSuccess: () => setEditing(false) })}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <dl className="facts facts--inline">
            <div>
              <dt>{t('skus.price')}</dt>
              <dd>
                <Price fen={sku.priceFen} />
              </dd>
            </div>
            <div>
              <dt>{t('skus.netWeight')}</dt>
              <dd>{t('skus.kg', { value: formatCount(sku.netWeightG / 1000, language) })}</dd>
            </div>
            <div>
              <dt>{t('skus.minOrder')}</dt>
              <dd>{formatCount(sku.minOrderQuantity, language)}</dd>
            </div>
            <div>
              <dt>{t('skus.multiple')}</dt>
              <dd>{formatCount(sku.orderMultiple, language)}</dd>
            </div>
            <div>
              <dt>{t('skus.leadTime')}</dt>
              <dd>{t('skus.days', { count: sku.leadTimeDays })}</dd>
            </div>
            <div>
              <dt>{t('skus.stock')}</dt>
              <dd data-testid="sku-stock">{formatCount(sku.stockUnits, language)}</dd>
            </div>
          </dl>
          {sku.priceTiers.length > 0 ? (
            <p className="tiers-summary">
              {t('skus.tiersLabel')}{' '}
              {sku.priceTiers.map((tier, i) => (
                <span key={tier.minQuantity}>
                  {i > 0 ? t('common.listSeparator') : null}
                  {t('skus.tierFrom', { quantity: formatCount(tier.minQuantity, language) })} <Price fen={tier.unitPriceFen} />
                </span>
              ))}
            </p>
          ) : null}
          <p className="tiers-summary">
            {sku.lots.length > 0
              ? t('skus.lotsSummary', { count: sku.lots.length, latest: dateOnly(sku.lots[sku.lots.length - 1].harvestDate) })
              : t('skus.noLots')}
          </p>
          <div className="form-actions">
            <Button onClick={() => setEditing(true)}>{t('skus.edit')}</Button>
            <Link to={`/stock/${sku.id}`} className={buttonClassName('secondary')}>
              {t('skus.lots')}
            </Link>
          </div>
          {update.isSuccess ? (
            <p className="notice" role="status">
              {t('form.saved')}
            </p>
          ) : null}
        </>
      )}
    </li>
  );
}

function CertificationSection({ product }: { product: ProductDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const cert = product.certificate;
  return (
    <Section id="product-certification" title={t('products.editor.certification')}>
      {cert ? (
        <dl className="facts">
          <div>
            <dt>{t('certification.certificateNo')}</dt>
            <dd>{cert.certificateNo}</dd>
          </div>
          <div>
            <dt>{t('certification.authority')}</dt>
            <dd>{cert.authority}</dd>
          </div>
          <div>
            <dt>{t('certification.validity')}</dt>
            <dd>{t('certification.validRange', { from: cert.validFrom ?? '', to: cert.validTo ?? '' })}</dd>
          </div>
          {cert.revokedOn ? (
            <div>
              <dt>{t('certification.revokedOn')}</dt>
              <dd>{cert.revokedOn}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('certification.incomeModes')}</dt>
            <dd>{cert.incomeModes.map(labels.incomeMode).join(t('common.listSeparator'))}</dd>
          </div>
          <div>
            <dt>{t('certification.today')}</dt>
            <dd>
              <Badge tone={cert.certifiedToday ? 'success' : 'neutral'}>{t(cert.certifiedToday ? 'certification.inForce' : 'certification.notInForce')}</Badge>
            </dd>
          </div>
        </dl>
      ) : (
        <p>{t('products.editor.notCertified')}</p>
      )}
      <p>
        <Link to={`/certification?product=${product.id}`} className={buttonClassName('secondary')}>
          {t('products.editor.toCertification')}
        </Link>
      </p>
    </Section>
  );
}
