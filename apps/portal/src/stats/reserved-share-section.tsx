import { Badge, Price, Section, StatusMessage } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { useStatsLabels } from './stats-labels';
import { QueryView } from '../common/query-view';
import { formatBasisPoints } from './stats-format';
import { useReservedShare } from './stats.queries';

/** Every public buyer with a delivery site in the jurisdiction: its filing, progress and projection, and the sum. */
export function ReservedShareSection({ year }: { year: number }) {
  const { t } = useTranslation();
  const labels = useStatsLabels();
  const share = useReservedShare(year);
  return (
    <Section id="stats-reserved-share" title={t('statsDash.reserved.title', { year })} description={t('statsDash.reserved.intro')}>
      <QueryView query={share}>
        {(data) => (
          <>
            <ul className="figures" aria-label={t('statsDash.reserved.summary')}>
              <li className="figure">
                <span className="figure__label">{t('statsDash.reserved.buyers')}</span>
                <span className="figure__value">
                  {t('statsDash.reserved.filedOf', {
                    filed: data.summary.filed,
                    buyers: data.summary.buyers,
                  })}
                </span>
              </li>
              <li className="figure">
                <span className="figure__label">{t('statsDash.reserved.reserved')}</span>
                <Price fen={data.summary.reservedFen} className="figure__value" />
              </li>
              <li className="figure">
                <span className="figure__label">{t('statsDash.reserved.counted')}</span>
                <Price fen={data.summary.countedFen} className="figure__value" />
              </li>
              <li className="figure figure--strong" data-testid="reserved-progress">
                <span className="figure__label">{t('statsDash.reserved.progress')}</span>
                <span className="figure__value">{data.summary.reservedFen > 0 ? formatBasisPoints(data.summary.progressBasisPoints) : '—'}</span>
                {data.summary.reservedFen > 0 ? (
                  <span className="figure__note">
                    {t('statsDash.reserved.projected', {
                      percent: formatBasisPoints(data.summary.projectedBasisPoints),
                    })}
                  </span>
                ) : null}
              </li>
            </ul>
            {data.buyers.length === 0 ? (
              <StatusMessage tone="empty" title={t('statsDash.reserved.none')} />
            ) : (
              <div className="table-scroll" role="region" aria-label={t('statsDash.reserved.table')} tabIndex={0}>
                <table className="data-table stats-table" data-testid="reserved-share">
                  <thead>
                    <tr>
                      <th scope="col">{t('statsDash.reserved.buyer')}</th>
                      <th scope="col">{t('statsDash.reserved.filing')}</th>
                      <th scope="col" className="num">
                        {t('statsDash.reserved.reservedCol')}
                      </th>
                      <th scope="col" className="num">
                        {t('statsDash.reserved.countedCol')}
                      </th>
                      <th scope="col" className="num">
                        {t('statsDash.reserved.progress')}
                      </th>
                      <th scope="col" className="num">
                        {t('statsDash.reserved.projectedCol')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.buyers.map((b) => (
                      <tr key={b.organisationId}>
                        <th scope="row">
                          {b.organisationName}
                          <span className="cell-note"> · {labels.buyerType(b.buyerType)}</span>
                        </th>
                        <td>
                          {b.kind === null ? <Badge tone="warning">{t('statsDash.reserved.kind.none')}</Badge> : t(`statsDash.reserved.kind.${b.kind}`)}
                          {b.sharePermille !== null && b.kind === 'own_canteen' ? (
                            <span className="cell-note"> · {formatBasisPoints(b.sharePermille * 10)}</span>
                          ) : null}
                        </td>
                        <td className="num">{b.reservedFen === null ? '—' : <Price fen={b.reservedFen} />}</td>
                        <td className="num">{b.canteenCountedFen === null ? <Price fen={b.ownCountedFen} /> : <Price fen={b.canteenCountedFen} />}</td>
                        <td className="num">{b.progressBasisPoints === null ? '—' : formatBasisPoints(b.progressBasisPoints)}</td>
                        <td className="num">{b.projectedYearEndFen === null ? '—' : <Price fen={b.projectedYearEndFen} />}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </QueryView>
    </Section>
  );
}
