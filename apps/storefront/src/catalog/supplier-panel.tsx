import type { ProductDetail } from '@shanhai/contract';
import { Badge, useLanguage, useLocalize } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { browseHref, EMPTY_BROWSE_STATE } from './browse-params';
import { formatCount } from './catalog-format';

/** Who grows it, whether an official has verified them, and the households their income reaches (利益联结). */
export function SupplierPanel({ supplier, countyName }: { supplier: ProductDetail['supplier']; countyName: string | null }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const households = [
    ['lifted', supplier.householdsLifted],
    ['monitored', supplier.householdsMonitored],
    ['atRisk', supplier.householdsAtRisk],
  ] as const;
  return (
    <section className="panel supplier" aria-labelledby="supplier-heading">
      <h2 id="supplier-heading" className="panel__title">
        {t('product.supplier.title')}
      </h2>
      <p className="supplier__name">
        <strong>{localize(supplier.name, supplier.nameEn)}</strong>{' '}
        {supplier.verified ? <Badge tone="success">{t('product.supplier.verified')}</Badge> : <Badge tone="warning">{t('product.supplier.unverified')}</Badge>}
      </p>
      {countyName ? <p className="supplier__county">{t('product.supplier.county', { county: countyName })}</p> : null}
      <h3 className="panel__subtitle">{t('product.supplier.linkedHouseholds')}</h3>
      <dl className="households">
        {households.map(([kind, count]) => (
          <div key={kind}>
            <dt>{t(`product.supplier.households.${kind}`)}</dt>
            <dd>{t('product.households', { count, formatted: formatCount(count, language) })}</dd>
          </div>
        ))}
      </dl>
      <p>
        <Link to={browseHref({ ...EMPTY_BROWSE_STATE, supplier: supplier.id })}>{t('product.supplier.allProducts')}</Link>
      </p>
    </section>
  );
}
