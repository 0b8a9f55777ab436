import type { CatalogItem } from '@shanhai/contract';
import { Badge, Price, useLocalize } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProductImage } from './product-image';
import { isStorageClass } from './storage-class';
import './catalog.css';

/** One product in a grid; the whole card is a single link (one tab stop) to the product page. */
export function ProductCard({ item }: { item: CatalogItem }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const name = localize(item.nameZh, item.nameEn);
  const origin = [item.originProvinceName, item.originCountyName].filter(Boolean).join(' · ');
  return (
    <article className="product-card">
      <ProductImage url={item.imageUrl} name={item.nameZh} category={item.categoryCode} />
      <div className="product-card__body">
        <h3 className="product-card__title">
          <Link to={`/products/${item.id}`} className="product-card__link">
            {name}
          </Link>
        </h3>
        <p className="product-card__meta">
          <span className="ui-visually-hidden">{t('catalog.card.origin')}</span>
          {origin}
        </p>
        <p className="product-card__meta product-card__supplier">
          <span className="ui-visually-hidden">{t('catalog.card.supplier')}</span>
          {localize(item.supplierName, item.supplierNameEn)}
        </p>
        <div className="product-card__badges">
          {item.certified ? <Badge tone="success">{t('catalog.badges.certified')}</Badge> : null}
          {isStorageClass(item.storageClass) && item.storageClass !== 'ambient' ? (
            <Badge tone="info">{t(`storage.${item.storageClass}`)}</Badge>
          ) : null}
          {!item.inStock ? <Badge tone="warning">{t('catalog.badges.outOfStock')}</Badge> : null}
        </div>
        <p className="product-card__price">
          {item.minPriceFen !== null ? <Price fen={item.minPriceFen} from /> : <span className="product-card__no-price">{t('catalog.card.noPrice')}</span>}
        </p>
      </div>
    </article>
  );
}

export function ProductGrid({ items, label }: { items: readonly CatalogItem[]; label: string }) {
  return (
    <ul className="product-grid" aria-label={label}>
      {items.map((item) => (
        <li key={item.id}>
          <ProductCard item={item} />
        </li>
      ))}
    </ul>
  );
}
