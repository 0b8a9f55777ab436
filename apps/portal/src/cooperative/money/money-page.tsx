import type { SettlementView } from '@shanhai/contract';
import { Container, Pagination, Price, Section, StatusMessage, useLanguage } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatChinaTime } from '../../common/format';
import { useLabels } from '../../common/labels';
import { PageTitle } from '../../common/page-title';
import { QueryView } from '../../common/query-view';
import { useCurrentWorkspace } from '../../identity/workspace-provider';
import { useSettlement } from './money.queries';
import { CooperativeSales } from '../../stats/cooperative-sales';
import '../../stats/stats.css';

/** What the cooperative earned (orders completed), what was adjusted after, what was paid out, and what is owed. */
export function MoneyPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const settlement = useSettlement(workspace.organisationId, page);
  return (
    <Container className="page">
      <PageTitle>{t('money.title')}</PageTitle>
      <p className="page__intro">{t('money.intro')}</p>
      <QueryView query={settlement}>{(data) => <Ledger data={data} />}</QueryView>
      <CooperativeSales />
    </Container>
  );
}

function Ledger({ data }: { data: SettlementView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const labels = useLabels();
  return (
    <>
      <ul className="figures" aria-label={t('money.summary')}>
        <li className="figure">
          <span className="figure__label">{t('money.earned')}</span>
          <Price fen={data.earnedFen} className="figure__value" />
        </li>
        <li className="figure">
          <span className="figure__label">{t('money.adjustments')}</span>
          <Price fen={data.adjustmentsFen} className="figure__value" />
        </li>
        <li className="figure">
          <span className="figure__label">{t('money.paidOut')}</span>
          <Price fen={data.paidOutFen} className="figure__value" />
        </li>
        <li className="figure figure--strong" data-testid="money-owed">
          <span className="figure__label">{t('money.owed')}</span>
          <Price fen={data.owedFen} className="figure__value" />
        </li>
      </ul>
      <p className="cell-note">{t('money.rules')}</p>
      <Section id="money-entries" title={t('money.entries')}>
        {data.entries.length === 0 ? (
          <StatusMessage tone="empty" title={t('money.none')} />
        ) : (
          <>
            <div className="table-scroll" role="region" aria-label={t('money.entries')} tabIndex={0}>
              <table className="data-table" data-testid="ledger">
                <thead>
                  <tr>
                    <th scope="col">{t('money.date')}</th>
                    <th scope="col">{t('money.kind')}</th>
                    <th scope="col">{t('money.amount')}</th>
                    <th scope="col">{t('money.order')}</th>
                    <th scope="col">{t('money.reference')}</th>
                    <th scope="col">{t('money.note')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.entries.map((e) => (
                    <tr key={e.id} data-testid="ledger-entry">
                      <th scope="row">{formatChinaTime(e.createdAt, language)}</th>
                      <td>{labels.ledgerKind(e.kind)}</td>
                      <td>
                        <Price fen={e.amountFen} />
                      </td>
                      <td>{e.supplierOrderId ? <Link to={`/orders/${e.supplierOrderId}`}>{t('money.openOrder')}</Link> : '—'}</td>
                      <td className="code">{e.reference ?? '—'}</td>
                      <td>{e.note ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={data.page} pageCount={Math.max(1, Math.ceil(data.total / data.pageSize))} hrefFor={(p) => (p > 1 ? `/money?page=${p}` : '/money')} />
          </>
        )}
      </Section>
    </>
  );
}
