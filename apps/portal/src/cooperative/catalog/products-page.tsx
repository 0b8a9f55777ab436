import { Badge, buttonClassName, Container, Price, StatusMessage, useLanguage, useLocalize } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dateOnly, formatCount, todayInChina } from '../../common/format';
import { statusTone, useLabels } from '../../common/labels';
import { PageTitle } from '../../common/page-title';
import { QueryView } from '../../common/query-view';
import { useCategories } from '../../common/shared.queries';
import { useCurrentWorkspace } from '../../identity/workspace-provider';
import type { SupplierProductView } from '../../api/views';
import { useSupplierProducts } from './catalog.queries';

/** The cooperative's products: drafts, on sale and archived, with the lowest price, stock and certification. */
export function ProductsPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const products = useSupplierProducts(workspace.organisationId);
  return (
    <Container className="page">
      <PageTitle
        actions={
          <Link to="/products/new" className={buttonClassName('primary')}>
            {t('products.list.new')}
          </Link>
        }
      >
        {t('products.list.title')}
      </PageTitle>
      <p className="page__intro">{t('products.list.intro')}</p>
      <QueryView query={products}>
        {(items) => (items.length === 0 ? <StatusMessage tone="empty" title={t('products.list.empty')} /> : <SupplierProductsTable items={items} editable />)}
      </QueryView>
    </Container>
  );
}

/**
 * A supplier's products with status, lowest price, stock and certification: the cooperative's own list (names link
 * to the editor) and, read-only, what an official verifying the supplier sees it has described.
 */
export function SupplierProductsTable({ items, editable = false }: { items: readonly SupplierProductView[]; editable?: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const labels = useLabels();
  const categories = useCategories();
  const categoryName = (id: number) => {
    const c = categories.data?.find((x) => x.id === id);
    return c ? localize(c.nameZh, c.nameEn) : '';
  };
  return (
    <div className="table-scroll" role="region" aria-label={t('products.list.title')} tabIndex={0}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('products.list.name')}</th>
            <th scope="col">{t('products.list.category')}</th>
            <th scope="col">{t('products.list.status')}</th>
            <th scope="col">{t('products.list.price')}</th>
            <th scope="col" className="numeric">
              {t('products.list.stock')}
            </th>
            <th scope="col">{t('products.list.certified')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id} data-testid="product-row">
              <th scope="row">
                {editable ? <Link to={`/products/${p.id}`}>{localize(p.nameZh, p.nameEn)}</Link> : localize(p.nameZh, p.nameEn)}
                {p.grade || p.spec ? <span className="cell-note">{[p.grade, p.spec].filter(Boolean).join(' · ')}</span> : null}
              </th>
              <td>{categoryName(p.categoryId)}</td>
              <td>
                <Badge tone={statusTone(p.status)}>{labels.productStatus(p.status)}</Badge>
                {p.status === 'active' && !p.visible ? <span className="cell-note">{t('products.list.hidden')}</span> : null}
              </td>
              <td>{p.minPriceFen === null ? t('products.list.noSku') : <Price fen={p.minPriceFen} from />}</td>
              <td className="numeric">{formatCount(p.stockUnits, language)}</td>
              <td>
                <CertifiedWindow from={p.certifiedFrom} until={p.certifiedUntil} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The window the product counts as certified in, `[from, until)`, as the catalog keeps it. */
function CertifiedWindow({ from, until }: { from: string | null; until: string | null }) {
  const { t } = useTranslation();
  const today = todayInChina();
  if (!from) return <span>{t('products.list.notCertified')}</span>;
  const start = dateOnly(from);
  const end = until ? dateOnly(until) : null;
  if (start <= today && (end === null || today < end)) return <Badge tone="success">{t('products.list.certifiedNow')}</Badge>;
  if (start > today) return <span>{t('products.list.certifiedFrom', { from: start })}</span>;
  return <span>{t('products.list.certificateEnded', { until: end ?? '' })}</span>;
}
