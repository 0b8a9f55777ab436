import { Container, Pagination, Price, StatusMessage, useLanguage } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatCount } from '../common/format';
import { useCurrentWorkspace } from '../identity/workspace-provider';
import { PageTitle } from '../common/page-title';
import { QueryView } from '../common/query-view';
import { filterParams, filtersFrom, isGroupBy } from './stats-format';
import { useStatsLines } from './stats.queries';
import { useStatsLabels } from './stats-labels';
import type { StatsLinesView, StatsLineView } from './stats-views';

/**
 * Drill-down: the order lines behind one row of a totals table, with the row's own total, a page at a time. An
 * official reads the jurisdiction's records; a cooperative its own (and its orders link to its order pages).
 */
export function StatsLinesPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const supplierId = workspace.kind === 'cooperative' ? workspace.organisationId : null;
  const [params] = useSearchParams();
  const filters = filtersFrom(params);
  const groupByParam = params.get('groupBy');
  const groupBy = isGroupBy(groupByParam) ? groupByParam : 'month';
  const key = params.get('key');
  const label = params.get('label');
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const lines = useStatsLines(filters, groupBy, key, page, supplierId);
  const back = `/stats?${filterParams(filters, supplierId && groupBy !== 'month' ? { by: groupBy } : {}).toString()}`;
  return (
    <Container className="page stats-page">
      <p className="back-link">
        <Link to={back}>{t('statsDash.lines.back')}</Link>
      </p>
      <PageTitle>{t('statsDash.lines.title')}</PageTitle>
      <p className="page__intro" data-testid="lines-scope">
        {t('statsDash.lines.scope', {
          dimension: t(`statsDash.groupBy.${groupBy}`),
          key: label ?? key ?? t('statsDash.lines.allRows'),
          figure: t(`statsDash.figure.${filters.figure}`),
          from: filters.from,
          to: filters.to,
        })}
        {filters.asOf ? ` ${t('statsDash.lines.asOf', { day: filters.asOf })}` : ''}
      </p>
      <QueryView query={lines}>
        {(data) => (
          <LinesTable
            data={data}
            orderHref={(l) => (supplierId ? `/orders/${l.supplierOrderId}` : `/stats/orders/${l.orderId}`)}
            hrefFor={(p) =>
              `/stats/lines?${filterParams(filters, { groupBy, key: key ?? undefined, label: label ?? undefined, page: p > 1 ? p : undefined }).toString()}`
            }
          />
        )}
      </QueryView>
    </Container>
  );
}

export function LinesTable({
  data,
  hrefFor,
  orderHref = (l) => `/stats/orders/${l.orderId}`,
}: {
  data: StatsLinesView;
  hrefFor: (page: number) => string;
  /** Where an order number leads: the order as counted (officials) or the cooperative's own order. */
  orderHref?: (line: StatsLineView) => string;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const labels = useStatsLabels();
  const pageCount = Math.max(1, Math.ceil(data.total.records / data.pageSize || 1));
  return (
    <>
      <ul className="figures" aria-label={t('statsDash.lines.rowTotal')}>
        <li className="figure figure--strong" data-testid="lines-total">
          <span className="figure__label">{t('statsDash.net')}</span>
          <Price fen={data.total.netFen} className="figure__value" />
        </li>
        <li className="figure">
          <span className="figure__label">{t('statsDash.gross')}</span>
          <Price fen={data.total.grossFen} className="figure__value" />
        </li>
        <li className="figure">
          <span className="figure__label">{t('statsDash.refunds')}</span>
          <Price fen={data.total.refundFen} className="figure__value" />
        </li>
        <li className="figure">
          <span className="figure__label">{t('statsDash.lines.records')}</span>
          <span className="figure__value">{formatCount(data.total.records, language)}</span>
        </li>
      </ul>
      {data.items.length === 0 ? (
        <StatusMessage tone="empty" title={t('statsDash.lines.none')} />
      ) : (
        <div className="table-scroll" role="region" aria-label={t('statsDash.lines.title')} tabIndex={0}>
          <table className="data-table stats-table" data-testid="stats-lines">
            <thead>
              <tr>
                <th scope="col">{t('statsDash.lines.order')}</th>
                <th scope="col">{t('statsDash.lines.day')}</th>
                <th scope="col">{t('statsDash.lines.kind')}</th>
                <th scope="col">{t('statsDash.lines.product')}</th>
                <th scope="col">{t('statsDash.lines.buyer')}</th>
                <th scope="col">{t('statsDash.lines.cooperative')}</th>
                <th scope="col" className="num">
                  {t('statsDash.lines.quantity')}
                </th>
                <th scope="col" className="num">
                  {t('statsDash.gross')}
                </th>
                <th scope="col" className="num">
                  {t('statsDash.refunds')}
                </th>
                <th scope="col" className="num">
                  {t('statsDash.net')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((l) => (
                <tr key={l.recordId} data-testid="stats-line">
                  <th scope="row">
                    <Link to={orderHref(l)} className="code">
                      {l.orderNumber}
                    </Link>
                  </th>
                  <td>
                    {l.businessDay}
                    {l.recordedOn !== l.businessDay ? <span className="cell-note"> · {t('statsDash.lines.recordedOn', { day: l.recordedOn })}</span> : null}
                  </td>
                  <td>{labels.recordKind(l.kind)}</td>
                  <td>
                    {language === 'en' ? (l.productNameEn ?? l.productName) : l.productName}
                    {l.certified ? (
                      <span className="cell-note">
                        {' '}
                        ·{' '}
                        {t('statsDash.lines.certified', {
                          no: l.certificateNo ?? '',
                        })}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {l.buyerName ?? '—'}
                    <span className="cell-note"> · {labels.buyerType(l.buyerType)}</span>
                  </td>
                  <td>{l.supplierName ?? '—'}</td>
                  <td className="num">{formatCount(l.quantity, language)}</td>
                  <td className="num">
                    <Price fen={l.grossFen} />
                  </td>
                  <td className="num">
                    <Price fen={l.refundFen} />
                  </td>
                  <td className="num">
                    <Price fen={l.netFen} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={data.page} pageCount={pageCount} hrefFor={hrefFor} />
    </>
  );
}
