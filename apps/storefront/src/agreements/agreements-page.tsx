import { Badge, buttonClassName, Container, Pagination, StatusMessage, useLocalize } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { BuyerGate } from '../ordering/buyer-gate';
import { agreementTone } from './agreement-labels';
import { AgreementTabs } from './agreement-tabs';
import { useAgreements } from './agreements.queries';
import '../catalog/product.css';
import '../ordering/ordering.css';
import './agreements.css';

export function AgreementsPage() {
  const { t } = useTranslation();
  return (
    <Container className="page agreements-page">
      <title>{`${t('agreements.title')} · ${t('app.name')}`}</title>
      <h1 className="page__title">{t('agreements.title')}</h1>
      <AgreementTabs />
      <p className="agreements__intro">{t('agreements.intro')}</p>
      <p>
        <Link className={buttonClassName('secondary')} to="/browse">
          {t('agreements.proposeCta')}
        </Link>
      </p>
      <BuyerGate>{(buyer) => <AgreementList organisationId={buyer.organisationId} />}</BuyerGate>
    </Container>
  );
}

function AgreementList({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const agreements = useAgreements(organisationId, page);
  if (agreements.isPending) return <StatusMessage tone="loading" />;
  if (agreements.isError) return <StatusMessage tone="error" title={t('agreements.failed')} onRetry={() => void agreements.refetch()} />;
  if (agreements.data.items.length === 0) return <StatusMessage tone="empty" title={t('agreements.empty')} />;
  const pageCount = Math.max(1, Math.ceil(agreements.data.total / agreements.data.pageSize));
  return (
    <>
      <div className="table-scroll" role="region" aria-label={t('agreements.caption')} tabIndex={0}>
        <table className="data-table agreements-table">
          <caption className="ui-visually-hidden">{t('agreements.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agreements.number')}</th>
              <th scope="col">{t('agreements.supplier')}</th>
              <th scope="col">{t('agreements.product')}</th>
              <th scope="col">{t('agreements.quantity')}</th>
              <th scope="col">{t('agreements.period')}</th>
              <th scope="col">{t('agreements.status')}</th>
              <th scope="col">{t('agreements.next')}</th>
            </tr>
          </thead>
          <tbody>
            {agreements.data.items.map((a) => (
              <tr key={a.id} data-testid="agreement-row">
                <th scope="row">
                  <Link to={`/agreements/${a.id}`}>{a.number}</Link>
                </th>
                <td>{localize(a.supplier.name, a.supplier.nameEn)}</td>
                <td>
                  {localize(a.productNameZh, a.productNameEn)} <span className="agreements__code">{a.skuCode}</span>
                </td>
                <td>{a.quantity}</td>
                <td>
                  {a.startDate} – {a.endDate}
                </td>
                <td>
                  <Badge tone={agreementTone(a.status)}>{t(`agreements.statuses.${a.status}`)}</Badge>{' '}
                  {a.awaiting ? <Badge tone="warning">{a.awaiting === 'buyer' ? t('agreements.awaitingYou') : t('agreements.awaitingThem')}</Badge> : null}
                </td>
                <td>{a.nextDeliveryDate ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pageCount > 1 ? <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/agreements?page=${p}`} /> : null}
    </>
  );
}
