import { Badge, buttonClassName, Container, StatusMessage, useLanguage, useLocalize } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../common/errors';
import { dateOnly, formatCount } from '../../common/format';
import { PageTitle } from '../../common/page-title';
import { useCurrentWorkspace } from '../../identity/workspace-provider';
import { useSupplierSkus } from '../catalog/catalog.queries';

/** Stock of every SKU, with its lots' count and newest harvest; links to each SKU's lots and to the CSV import. */
export function StockPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const workspace = useCurrentWorkspace();
  const skus = useSupplierSkus(workspace.organisationId);
  return (
    <Container className="page">
      <PageTitle
        actions={
          <Link to="/stock/import" className={buttonClassName('primary')}>
            {t('stock.import.link')}
          </Link>
        }
      >
        {t('stock.title')}
      </PageTitle>
      <p className="page__intro">{t('stock.intro')}</p>
      {skus.pending ? (
        <StatusMessage tone="loading" />
      ) : skus.error ? (
        <StatusMessage tone="error" title={t('errors.sectionFailed')} onRetry={skus.refetch}>
          <p>{errorText(skus.error, t)}</p>
        </StatusMessage>
      ) : skus.rows.length === 0 ? (
        <StatusMessage tone="empty" title={t('stock.empty')} action={<Link to="/products">{t('stock.toProducts')}</Link>} />
      ) : (
        <div className="table-scroll" role="region" aria-label={t('stock.title')} tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('stock.product')}</th>
                <th scope="col">{t('stock.sku')}</th>
                <th scope="col" className="numeric">{t('stock.units')}</th>
                <th scope="col" className="numeric">{t('stock.lots')}</th>
                <th scope="col">{t('stock.latestHarvest')}</th>
                <th scope="col">
                  <span className="ui-visually-hidden">{t('stock.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {skus.rows.map(({ product, sku }) => (
                <tr key={sku.id} data-testid="stock-row">
                  <th scope="row">
                    <Link to={`/products/${product.id}`}>{localize(product.nameZh, product.nameEn)}</Link>
                  </th>
                  <td>
                    <span className="code">{sku.code}</span>
                    <span className="cell-note">{localize(sku.packingUnitZh, sku.packingUnitEn)}</span>
                    {!sku.active ? <Badge tone="neutral">{t('skus.offSale')}</Badge> : null}
                  </td>
                  <td className="numeric">{formatCount(sku.stockUnits, language)}</td>
                  <td className="numeric">{formatCount(sku.lots.length, language)}</td>
                  <td>{sku.lots.length ? dateOnly(sku.lots[sku.lots.length - 1].harvestDate) : '—'}</td>
                  <td>
                    <Link to={`/stock/${sku.id}`} aria-label={t('stock.openLots', { code: sku.code })}>
                      {t('stock.manageLots')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Container>
  );
}
