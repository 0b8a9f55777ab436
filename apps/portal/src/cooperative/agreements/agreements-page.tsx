import type { AgreementStatus } from '@shanhai/domain';
import { Badge, buttonClassName, Container, Pagination, Section, StatusMessage, useLanguage, useLocalize, type BadgeTone } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatCount } from '../../common/format';
import { PageTitle } from '../../common/page-title';
import { QueryView } from '../../common/query-view';
import { isCooperativeAdmin } from '../../identity/workspaces';
import { useCurrentWorkspace } from '../../identity/workspace-provider';
import { useAgreements, useCommitmentDemand } from './agreements.queries';
import { CommitmentsSection } from './commitments';

/** The colour repeats the status text. */
export function agreementTone(status: AgreementStatus): BadgeTone {
  if (status === 'active' || status === 'completed') return 'success';
  if (status === 'proposed') return 'warning';
  if (status === 'paused') return 'info';
  return 'neutral';
}

/** The cooperative's agreements (those awaiting its decision marked), the commitments addressed to it, then the pre-harvest demand by month. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const workspace = useCurrentWorkspace();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const agreements = useAgreements(workspace.organisationId, page);
  return (
    <Container className="page">
      <PageTitle
        actions={
          isCooperativeAdmin(workspace) ? (
            <Link className={buttonClassName('primary')} to="/agreements/new">
              {t('agreementActions.propose.link')}
            </Link>
          ) : undefined
        }
      >
        {t('agreements.title')}
      </PageTitle>
      <p className="page__intro">{t('agreements.intro')}</p>
      <QueryView query={agreements}>
        {(data) =>
          data.items.length === 0 ? (
            <StatusMessage tone="empty" title={t('agreements.empty')} />
          ) : (
            <>
              <div className="table-scroll" role="region" aria-label={t('agreements.caption')} tabIndex={0}>
                <table className="data-table">
                  <caption className="ui-visually-hidden">{t('agreements.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('agreements.number')}</th>
                      <th scope="col">{t('agreements.buyer')}</th>
                      <th scope="col">{t('agreements.product')}</th>
                      <th scope="col">{t('agreements.quantity')}</th>
                      <th scope="col">{t('agreements.period')}</th>
                      <th scope="col">{t('agreements.status')}</th>
                      <th scope="col">{t('agreements.next')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((a) => (
                      <tr key={a.id} data-testid="agreement-row">
                        <th scope="row">
                          <Link to={`/agreements/${a.id}`}>{a.number}</Link>
                        </th>
                        <td>{localize(a.buyer.name, a.buyer.nameEn)}</td>
                        <td>
                          {localize(a.productNameZh, a.productNameEn)} · {a.skuCode}
                        </td>
                        <td>{a.quantity}</td>
                        <td>
                          {a.startDate} – {a.endDate}
                        </td>
                        <td>
                          <Badge tone={agreementTone(a.status)}>{t(`agreements.statuses.${a.status}`)}</Badge>{' '}
                          {a.awaiting ? <Badge tone="warning">{a.awaiting === 'supplier' ? t('agreements.awaitingYou') : t('agreements.awaitingThem')}</Badge> : null}
                        </td>
                        <td>{a.nextDeliveryDate ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {data.total > data.pageSize ? <Pagination page={page} pageCount={Math.ceil(data.total / data.pageSize)} hrefFor={(p) => `/agreements?page=${p}`} /> : null}
            </>
          )
        }
      </QueryView>
      <CommitmentsSection />
      <Demand supplierId={workspace.organisationId} formatUnits={(n) => formatCount(n, language)} />
    </Container>
  );
}

function Demand({ supplierId, formatUnits }: { supplierId: string; formatUnits: (n: number) => string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const demand = useCommitmentDemand(supplierId);
  return (
    <Section id="commitment-demand" title={t('agreements.demand.title')} description={t('agreements.demand.intro')}>
      <QueryView query={demand}>
        {(data) => {
          const rows = data.months.flatMap((m) => m.products.map((p) => ({ month: m.month, ...p })));
          if (rows.length === 0) return <StatusMessage tone="empty" title={t('agreements.demand.empty')} />;
          return (
            <div className="table-scroll" role="region" aria-label={t('agreements.demand.caption')} tabIndex={0}>
              <table className="data-table" data-testid="commitment-demand">
                <caption className="ui-visually-hidden">{t('agreements.demand.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('agreements.demand.month')}</th>
                    <th scope="col">{t('agreements.demand.product')}</th>
                    <th scope="col">{t('agreements.demand.committed')}</th>
                    <th scope="col">{t('agreements.demand.converted')}</th>
                    <th scope="col">{t('agreements.demand.buyers')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={`${r.month}-${r.productId}`}>
                      <th scope="row">{r.month}</th>
                      <td>{localize(r.nameZh, r.nameEn)}</td>
                      <td>{formatUnits(r.committedUnits)}</td>
                      <td>{formatUnits(r.convertedUnits)}</td>
                      <td>{r.buyers}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </QueryView>
    </Section>
  );
}
