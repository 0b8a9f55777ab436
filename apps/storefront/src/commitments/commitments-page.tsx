import { Badge, buttonClassName, Container, Pagination, Price, Select, StatusMessage, useLocalize } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { AgreementTabs } from '../agreements/agreement-tabs';
import { BuyerGate } from '../ordering/buyer-gate';
import { COMMITMENT_STATUS_FILTERS, commitmentTone } from './commitment-labels';
import { useCommitments, type CommitmentStatusFilter } from './commitments.queries';
import '../catalog/product.css';
import '../ordering/ordering.css';
import '../agreements/agreements.css';

/** `/commitments`: the organisation's pre-harvest commitments (预购), by harvest month; filter by status. */
export function CommitmentsPage() {
  const { t } = useTranslation();
  return (
    <Container className="page agreements-page">
      <title>{`${t('commitments.title')} · ${t('app.name')}`}</title>
      <h1 className="page__title">{t('commitments.title')}</h1>
      <AgreementTabs />
      <p className="agreements__intro">{t('commitments.intro')}</p>
      <p>
        <Link className={buttonClassName('secondary')} to="/browse">
          {t('commitments.browseCta')}
        </Link>
      </p>
      <BuyerGate>{(buyer) => <CommitmentList organisationId={buyer.organisationId} />}</BuyerGate>
    </Container>
  );
}

const asStatus = (value: string | null): CommitmentStatusFilter | null => COMMITMENT_STATUS_FILTERS.find((s) => s === value) ?? null;

function CommitmentList({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const status = asStatus(params.get('status'));
  const commitments = useCommitments(organisationId, status, page);
  const href = (p: number, s: CommitmentStatusFilter | null) => `/commitments?${new URLSearchParams({ ...(s ? { status: s } : {}), ...(p > 1 ? { page: String(p) } : {}) }).toString()}`;
  return (
    <>
      <Select
        label={t('commitments.filter')}
        fieldClassName="commitments__filter"
        value={status ?? ''}
        onChange={(e) => void navigate(href(1, asStatus(e.target.value)))}
        options={[{ value: '', label: t('commitments.allStatuses') }, ...COMMITMENT_STATUS_FILTERS.map((s) => ({ value: s, label: t(`commitments.statuses.${s}`) }))]}
      />
      {commitments.isPending ? (
        <StatusMessage tone="loading" />
      ) : commitments.isError ? (
        <StatusMessage tone="error" title={t('commitments.failed')} onRetry={() => void commitments.refetch()} />
      ) : commitments.data.items.length === 0 ? (
        <StatusMessage tone="empty" title={t('commitments.empty')} />
      ) : (
        <>
          <div className="table-scroll" role="region" aria-label={t('commitments.caption')} tabIndex={0}>
            <table className="data-table agreements-table commitments-table">
              <caption className="ui-visually-hidden">{t('commitments.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('commitments.fields.harvestMonth')}</th>
                  <th scope="col">{t('commitments.fields.product')}</th>
                  <th scope="col">{t('agreements.supplier')}</th>
                  <th scope="col">{t('commitments.fields.quantity')}</th>
                  <th scope="col">{t('commitments.fields.targetPriceShort')}</th>
                  <th scope="col">{t('agreements.status')}</th>
                </tr>
              </thead>
              <tbody>
                {commitments.data.items.map((c) => (
                  <tr key={c.id} data-testid="commitment-row">
                    <th scope="row">
                      <Link to={`/commitments/${c.id}`} aria-label={t('commitments.open', { month: c.harvestMonth, product: localize(c.product.nameZh, c.product.nameEn) })}>
                        {c.harvestMonth}
                      </Link>
                    </th>
                    <td>
                      {localize(c.product.nameZh, c.product.nameEn)} <span className="agreements__code">{c.sku.code}</span>
                    </td>
                    <td>{localize(c.supplier.name, c.supplier.nameEn)}</td>
                    <td>
                      {c.quantity} {localize(c.sku.packingUnitZh, c.sku.packingUnitEn)}
                    </td>
                    <td>{c.targetPriceFen !== null ? <Price fen={c.targetPriceFen} /> : '—'}</td>
                    <td>
                      <Badge tone={commitmentTone(c.status)}>{t(`commitments.statuses.${c.status}`)}</Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {Math.ceil(commitments.data.total / commitments.data.pageSize) > 1 ? (
            <Pagination page={page} pageCount={Math.ceil(commitments.data.total / commitments.data.pageSize)} hrefFor={(p) => href(p, status)} />
          ) : null}
        </>
      )}
    </>
  );
}
