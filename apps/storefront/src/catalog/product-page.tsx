import { isApiError } from '@shanhai/api-client';
import type { ProductDetail } from '@shanhai/contract';
import { businessDay } from '@shanhai/domain';
import { Badge, Container, Price, StatusMessage, useLanguage, useLocalize } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { browseHref, EMPTY_BROWSE_STATE } from './browse-params';
import { formatSeasons } from './catalog-format';
import { useProduct } from './catalog.queries';
import { CertificatePanel } from './certificate-panel';
import { OriginPath } from './origin-path';
import { ProductImage } from './product-image';
import { SkuOffer } from './sku-offer';
import { isStorageClass } from './storage-class';
import { SupplierPanel } from './supplier-panel';
import './product.css';

export function ProductPage() {
  const { t } = useTranslation();
  const { productId = '' } = useParams();
  const product = useProduct(productId);

  if (product.isPending) {
    return (
      <Container className="page">
        <StatusMessage tone="loading" />
      </Container>
    );
  }
  if (product.isError) {
    // The API answers 400 for an id that is not a UUID and 404 for an unknown or hidden product.
    const missing = isApiError(product.error) && (product.error.status === 404 || product.error.status === 400);
    return (
      <Container className="page">
        <title>{`${t(missing ? 'product.notFound' : 'product.failed')} · ${t('app.name')}`}</title>
        <h1 className="page__title">{t(missing ? 'product.notFound' : 'product.failed')}</h1>
        {missing ? (
          <StatusMessage tone="empty" title={t('product.notFoundText')} action={<Link to="/browse">{t('notFound.browse')}</Link>} />
        ) : (
          <StatusMessage tone="error" title={t('errors.tryLater')} onRetry={() => void product.refetch()} />
        )}
      </Container>
    );
  }
  return <ProductView product={product.data} />;
}

function ProductView({ product }: { product: ProductDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const name = localize(product.nameZh, product.nameEn);
  const otherName = language === 'en' ? (product.nameEn ? product.nameZh : null) : product.nameEn;
  const category = localize(product.category.nameZh, product.category.nameEn);
  const county = product.origin.find((d) => d.level === 'county');
  const month = Number(businessDay().slice(5, 7));
  const activeSkus = product.skus.filter((s) => s.active);
  const lowest = activeSkus.length ? Math.min(...activeSkus.map((s) => s.priceFen)) : null;
  const description = localize(product.descriptionZh ?? '', product.descriptionEn);

  return (
    <Container className="page product">
      <title>{`${name} · ${t('app.name')}`}</title>
      <nav className="breadcrumb" aria-label={t('product.breadcrumb')}>
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/browse">{t('nav.browse')}</Link>
          </li>
          <li>
            <Link to={browseHref({ ...EMPTY_BROWSE_STATE, category: product.category.code })}>{category}</Link>
          </li>
          <li aria-current="page">{name}</li>
        </ol>
      </nav>

      <div className="product__top">
        <div className="product__gallery">
          {product.images.length > 0 ? (
            <ul className="gallery">
              {product.images.map((image, i) => (
                <li key={image.id}>
                  <ProductImage url={image.url} name={product.nameZh} category={product.category.code} alt={t('product.imageAlt', { name, index: i + 1 })} />
                </li>
              ))}
            </ul>
          ) : (
            <ProductImage url={null} name={product.nameZh} category={product.category.code} />
          )}
        </div>
        <div className="product__summary">
          <h1 className="product__name">{name}</h1>
          {otherName ? (
            <p className="product__other-name" lang={language === 'en' ? 'zh-CN' : 'en'}>
              {otherName}
            </p>
          ) : null}
          <div className="product__badges">
            {product.certificate?.certifiedToday ? (
              <Badge tone="success">{t('catalog.badges.certified')}</Badge>
            ) : (
              <Badge tone="neutral">{t('product.certificate.none')}</Badge>
            )}
            {product.seasons.includes(month) ? <Badge tone="brand">{t('product.inSeason')}</Badge> : null}
            {isStorageClass(product.storageClass) ? <Badge tone="info">{t(`storage.${product.storageClass}`)}</Badge> : null}
          </div>
          {lowest !== null ? (
            <p className="product__price">
              <Price fen={lowest} from />
            </p>
          ) : null}
          <dl className="facts">
            <div>
              <dt>{t('product.origin')}</dt>
              <dd>
                <OriginPath origin={product.origin} />
              </dd>
            </div>
            <div>
              <dt>{t('product.category')}</dt>
              <dd>{category}</dd>
            </div>
            {product.grade ? (
              <div>
                <dt>{t('product.grade')}</dt>
                <dd>{product.grade}</dd>
              </div>
            ) : null}
            {product.spec ? (
              <div>
                <dt>{t('product.spec')}</dt>
                <dd>{product.spec}</dd>
              </div>
            ) : null}
            {product.shelfLifeDays !== null ? (
              <div>
                <dt>{t('product.shelfLife')}</dt>
                <dd>{t('product.sku.days', { count: product.shelfLifeDays })}</dd>
              </div>
            ) : null}
            {product.seasons.length > 0 ? (
              <div>
                <dt>{t('product.seasons')}</dt>
                <dd>{formatSeasons(product.seasons, language, t('product.allYear'))}</dd>
              </div>
            ) : null}
          </dl>
        </div>
      </div>

      <div className="product__body">
        <div className="product__side">
          <CertificatePanel certificate={product.certificate} />
          <SupplierPanel supplier={product.supplier} countyName={county && product.supplier.countyCode === county.code ? localize(county.name, county.nameEn) : null} />
        </div>
        <div className="product__main">
          <section className="offers" aria-labelledby="offers-heading">
            <h2 id="offers-heading" className="panel__title">
              {t('product.offers')}
            </h2>
            {product.skus.length > 0 ? (
              product.skus.map((sku) => <SkuOffer key={sku.id} sku={sku} productId={product.id} />)
            ) : (
              <StatusMessage tone="empty" title={t('product.noOffers')} />
            )}
          </section>
          {description ? (
            <section className="panel" aria-labelledby="description-heading">
              <h2 id="description-heading" className="panel__title">
                {t('product.description')}
              </h2>
              <p className="product__description">{description}</p>
            </section>
          ) : null}
        </div>
      </div>
    </Container>
  );
}
