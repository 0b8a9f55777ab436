import { Price, Section } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { QueryView } from '../common/query-view';
import { formatBasisPoints } from './stats-format';
import { useProgress } from './stats.queries';
import type { Figure } from './stats-views';
import { TargetForm } from './target-form';

/** Year to date against the target, with the run-rate projection and what it assumes. */
export function ProgressPanel({ year, figure }: { year: number; figure: Figure }) {
  const { t } = useTranslation();
  const progress = useProgress(year, figure);
  return (
    <Section id="stats-progress" title={t('statsDash.progress.title', { year })} description={t('statsDash.progress.intro')}>
      <QueryView query={progress}>
        {(p) => (
          <>
            <ul className="figures" aria-label={t('statsDash.progress.title', { year })}>
              <li className="figure figure--strong" data-testid="progress-net">
                <span className="figure__label">
                  {t('statsDash.progress.soFar', {
                    figure: t(`statsDash.figure.${figure}`),
                  })}
                </span>
                <Price fen={p.netFen} className="figure__value" />
                {p.asOf ? <span className="figure__note">{t('statsDash.progress.asOf', { day: p.asOf })}</span> : null}
              </li>
              <li className="figure" data-testid="progress-target">
                <span className="figure__label">{t('statsDash.progress.target')}</span>
                {p.targetFen === null ? (
                  <span className="figure__value">{t('statsDash.progress.noTarget')}</span>
                ) : (
                  <Price fen={p.targetFen} className="figure__value" />
                )}
              </li>
              <li className="figure" data-testid="progress-bp">
                <span className="figure__label">{t('statsDash.progress.progress')}</span>
                <span className="figure__value">{p.progressBasisPoints === null ? '—' : formatBasisPoints(p.progressBasisPoints)}</span>
              </li>
              <li className="figure" data-testid="progress-projection">
                <span className="figure__label">{t('statsDash.progress.projected')}</span>
                <Price fen={p.projectedYearEndFen} className="figure__value" />
                {p.projectedBasisPoints !== null ? (
                  <span className="figure__note">
                    {t('statsDash.progress.ofTarget', {
                      percent: formatBasisPoints(p.projectedBasisPoints),
                    })}
                  </span>
                ) : null}
              </li>
            </ul>
            {p.progressBasisPoints !== null ? (
              <div
                className="stats-meter"
                role="meter"
                aria-valuemin={0}
                aria-valuemax={10000}
                aria-valuenow={Math.min(p.progressBasisPoints, 10000)}
                aria-valuetext={formatBasisPoints(p.progressBasisPoints)}
                aria-label={t('statsDash.progress.progress')}
              >
                <div
                  className="stats-meter__bar"
                  style={{
                    width: `${Math.min(p.progressBasisPoints, 10000) / 100}%`,
                  }}
                />
              </div>
            ) : null}
            <p className="cell-note">{t('statsDash.progress.projection')}</p>
            <TargetForm key={`${year}-${figure}`} year={year} figure={figure} currentFen={p.targetFen} />
          </>
        )}
      </QueryView>
    </Section>
  );
}
