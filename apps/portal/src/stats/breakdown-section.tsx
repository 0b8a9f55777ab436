import { Price, Section, StatusMessage, useLanguage } from '@shanhai/ui';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount } from '../common/format';
import { QueryView } from '../common/query-view';
import { ExportButtons } from './export-buttons';
import { filterParams, formatBasisPoints, shareBasisPoints, type StatsFilters } from './stats-format';
import { TotalsChart } from './totals-chart';
import type { GroupBy, TotalsRowView, TotalsView } from './stats-views';

/** The name of a row in the reader's language; months as "11月" / "Nov 2026". */
export function rowLabel(row: TotalsRowView, groupBy: GroupBy, language: string): string {
  if (groupBy === 'month' && /^\d{4}-\d{2}$/.test(row.key)) {
    return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${row.key}-15T00:00:00Z`));
  }
  return language === 'en' ? row.labelEn : row.label;
}

export interface BreakdownProps {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly groupBy: GroupBy;
  readonly query: UseQueryResult<TotalsView>;
  /** The filters shown: with them rows drill down and the table exports. */
  readonly filters?: StatsFilters;
  /** A cooperative's own figures: its drill-down and export routes. */
  readonly supplierId?: string;
  readonly chart?: 'columns' | 'bars';
  readonly extra?: (data: TotalsView) => ReactNode;
}

/** One grouping of the totals: a chart, the table it draws (rows drill down to their lines) and the exports. */
export function BreakdownSection({ id, title, description, groupBy, query, filters, supplierId, chart = 'bars', extra }: BreakdownProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Section
      id={id}
      title={title}
      description={description}
      action={filters ? <ExportButtons filters={filters} groupBy={groupBy} label={title} supplierId={supplierId ?? null} /> : undefined}
    >
      <QueryView query={query}>
        {(data) =>
          data.rows.length === 0 ? (
            <StatusMessage tone="empty" title={t('statsDash.noRows')} />
          ) : (
            <>
              {extra?.(data)}
              <TotalsChart
                label={t('statsDash.chartOf', { title })}
                layout={chart}
                points={data.rows.map((r) => ({
                  key: r.key,
                  label: rowLabel(r, groupBy, language),
                  netFen: r.netFen,
                }))}
              />
              <TotalsTable data={data} title={title} groupBy={groupBy} filters={filters} />
            </>
          )
        }
      </QueryView>
    </Section>
  );
}

export function TotalsTable({ data, title, groupBy, filters }: { data: TotalsView; title: string; groupBy: GroupBy; filters?: StatsFilters }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const drill = (row: TotalsRowView) =>
    `/stats/lines?${filterParams(filters ?? data, { groupBy, key: row.key, label: rowLabel(row, groupBy, language) }).toString()}`;
  return (
    <div className="table-scroll" role="region" aria-label={title} tabIndex={0}>
      <table className="data-table stats-table" data-testid={`totals-${groupBy}`}>
        <caption className="ui-visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`statsDash.groupBy.${groupBy}`)}</th>
            <th scope="col" className="num">
              {t('statsDash.net')}
            </th>
            <th scope="col" className="num">
              {t('statsDash.gross')}
            </th>
            <th scope="col" className="num">
              {t('statsDash.refunds')}
            </th>
            <th scope="col" className="num">
              {t('statsDash.lineCount')}
            </th>
            <th scope="col" className="num">
              {t('statsDash.share')}
            </th>
            {data.reach ? (
              <th scope="col" className="num">
                {t('statsDash.households')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => {
            const share = shareBasisPoints(r.netFen, data.total.netFen);
            return (
              <tr key={r.key} data-testid={`row-${groupBy}-${r.key}`}>
                <th scope="row">{filters ? <Link to={drill(r)}>{rowLabel(r, groupBy, language)}</Link> : rowLabel(r, groupBy, language)}</th>
                <td className="num" data-testid="net">
                  <Price fen={r.netFen} />
                </td>
                <td className="num">
                  <Price fen={r.grossFen} />
                </td>
                <td className="num">
                  <Price fen={r.refundFen} />
                </td>
                <td className="num">{formatCount(r.lines, language)}</td>
                <td className="num">{share === null ? '—' : formatBasisPoints(share)}</td>
                {data.reach ? (
                  <td className="num" data-testid="households">
                    {formatCount(r.householdsReached ?? 0, language)}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr data-testid={`total-${groupBy}`}>
            <th scope="row">{t('statsDash.total')}</th>
            <td className="num" data-testid="net">
              <Price fen={data.total.netFen} />
            </td>
            <td className="num">
              <Price fen={data.total.grossFen} />
            </td>
            <td className="num">
              <Price fen={data.total.refundFen} />
            </td>
            <td className="num">{formatCount(data.total.lines, language)}</td>
            <td className="num">{data.total.netFen > 0 ? formatBasisPoints(10000) : '—'}</td>
            {data.reach ? (
              <td className="num" data-testid="households">
                {formatCount(data.reach.householdsReached, language)}
              </td>
            ) : null}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
