import type { MembershipView } from '@shanhai/contract';
import { Container, Price, Select, StatusMessage, useLanguage } from '@shanhai/ui';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../identity/session-provider';
import { BuyerGate } from '../ordering/buyer-gate';
import { formatChinaTime } from '../ordering/order-labels';
import { barPercent, chinaYear, formatBasisPoints, isPublicBuyerType, parseYearParam, permilleToPercentText } from './reserved-share-format';
import { ReservedShareForm } from './reserved-share-form';
import { useBuyerOrganisation, useReservedShare, type ReservedShareView } from './reserved-share.queries';
import './reserved-share.css';

/**
 * 预留份额: a public buyer (government, school, hospital) files its canteen food budget and the share it
 * reserves for produce of helped areas, and follows the counted assistance against it. Admins file and
 * amend; purchasers and approvers read.
 */
export function ReservedSharePage() {
  const { t } = useTranslation();
  return (
    <Container className="page reserved-share-page">
      <title>{`${t('reservedShare.title')} · ${t('app.name')}`}</title>
      <h1 className="page__title">{t('reservedShare.title')}</h1>
      <p className="reserved-share__intro">{t('reservedShare.intro')}</p>
      <BuyerGate>{(buyer) => <PublicBuyerGate buyer={buyer} />}</BuyerGate>
    </Container>
  );
}

function PublicBuyerGate({ buyer }: { buyer: MembershipView }) {
  const { t } = useTranslation();
  const organisation = useBuyerOrganisation(buyer.organisationId);
  if (organisation.isPending) return <StatusMessage tone="loading" />;
  if (organisation.isError) return <StatusMessage tone="error" title={t('reservedShare.failed')} onRetry={() => void organisation.refetch()} />;
  if (!isPublicBuyerType(organisation.data.buyerType)) return <StatusMessage tone="empty" title={t('reservedShare.notPublicBuyer')} />;
  return <YearView organisationId={buyer.organisationId} />;
}

function YearView({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const { buyerRoles } = useSession();
  const [params, setParams] = useSearchParams();
  const thisYear = chinaYear();
  const year = parseYearParam(params.get('year'), thisYear);
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];
  if (!years.includes(year)) years.push(year);
  const share = useReservedShare(organisationId, year);
  const isAdmin = buyerRoles.includes('buyer_admin');

  return (
    <>
      <div className="reserved-share__year">
        <Select
          label={t('reservedShare.year')}
          name="year"
          value={String(year)}
          options={years.sort((a, b) => b - a).map((y) => ({ value: String(y), label: t('reservedShare.yearOption', { year: y }) }))}
          onChange={(e) => setParams(e.target.value === String(thisYear) ? {} : { year: e.target.value })}
        />
      </div>
      {share.isPending ? <StatusMessage tone="loading" /> : null}
      {share.isError ? (
        <StatusMessage tone="error" title={t('reservedShare.failed')} onRetry={() => void share.refetch()} />
      ) : null}
      {share.isSuccess ? (
        <>
          <Progress view={share.data} />
          {isAdmin ? (
            <ReservedShareForm key={year} organisationId={organisationId} year={year} view={share.data} />
          ) : (
            <p className="reserved-share__read-only" data-testid="reserved-share-read-only">
              {t('reservedShare.readOnly')}
            </p>
          )}
        </>
      ) : null}
    </>
  );
}

/** The filing and its progress: reserved amount, counted so far, the bar and the run-rate projection. */
export function Progress({ view }: { view: ReservedShareView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const heading = t('reservedShare.progress.title', { year: view.year });
  if (view.kind === null) {
    return (
      <section className="reserved-share__card" aria-label={heading} data-testid="reserved-share-progress">
        <h2 className="reserved-share__heading">{heading}</h2>
        <p className="reserved-share__status" data-testid="reserved-share-status">
          {t('reservedShare.progress.notFiled', { year: view.year })}
        </p>
        <CountedSoFar fen={view.ownCountedFen} />
      </section>
    );
  }
  return (
    <section className="reserved-share__card" aria-label={heading} data-testid="reserved-share-progress">
      <h2 className="reserved-share__heading">{heading}</h2>
      <p className="reserved-share__status" data-testid="reserved-share-status">
        {t(`reservedShare.kind.${view.kind}`)}
        {view.filedAt ? <span className="reserved-share__filed">{t('reservedShare.progress.filedAt', { time: formatChinaTime(view.filedAt, language) })}</span> : null}
      </p>
      {view.kind === 'own_canteen' ? (
        <>
          <dl className="reserved-share__figures">
            <div>
              <dt>{t('reservedShare.progress.budget')}</dt>
              <dd>{view.canteenBudgetFen !== null ? <Price fen={view.canteenBudgetFen} /> : '—'}</dd>
            </div>
            <div>
              <dt>{t('reservedShare.progress.share')}</dt>
              <dd data-testid="reserved-share-percent">{view.sharePermille !== null ? `${permilleToPercentText(view.sharePermille)}%` : '—'}</dd>
            </div>
            <div className="reserved-share__figure--key">
              <dt>{t('reservedShare.progress.reserved')}</dt>
              <dd data-testid="reserved-amount">{view.reservedFen !== null ? <Price fen={view.reservedFen} /> : '—'}</dd>
            </div>
            <div className="reserved-share__figure--key">
              <dt>{t('reservedShare.progress.counted')}</dt>
              <dd data-testid="counted-amount">
                <Price fen={view.canteenCountedFen ?? view.ownCountedFen} />
              </dd>
            </div>
          </dl>
          <p className="reserved-share__note">{t('reservedShare.progress.countedNote')}</p>
          {view.canteenCountedFen !== null && view.canteenCountedFen !== view.ownCountedFen ? (
            <p className="reserved-share__note">
              {t('reservedShare.progress.ownPart')} <Price fen={view.ownCountedFen} />
            </p>
          ) : null}
          <ProgressBar label={t('reservedShare.progress.bar')} basisPoints={view.progressBasisPoints} testId="reserved-share-bar" />
          <div className="reserved-share__projection" data-testid="reserved-share-projection">
            {view.projectedYearEndFen === null ? (
              <p>{t('reservedShare.progress.notStarted')}</p>
            ) : (
              <>
                <p>
                  {t('reservedShare.progress.projection')} <Price fen={view.projectedYearEndFen} />
                  {view.projectedBasisPoints !== null ? t('reservedShare.progress.projectionOfReserved', { percent: formatBasisPoints(view.projectedBasisPoints) }) : null}
                </p>
                <p className="reserved-share__note">{t('reservedShare.progress.projectionHow')}</p>
              </>
            )}
          </div>
        </>
      ) : (
        <>
          {view.kind === 'shared_canteen' ? (
            <p className="reserved-share__note">{t('reservedShare.progress.sharedWith', { id: view.sharedWithId ?? '—' })}</p>
          ) : (
            <p className="reserved-share__note">{t('reservedShare.progress.noCanteen')}</p>
          )}
          <CountedSoFar fen={view.ownCountedFen} />
        </>
      )}
    </section>
  );
}

function CountedSoFar({ fen }: { fen: number }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="reserved-share__figures">
        <div>
          <dt>{t('reservedShare.progress.ownCounted')}</dt>
          <dd data-testid="counted-amount">
            <Price fen={fen} />
          </dd>
        </div>
      </dl>
      <p className="reserved-share__note">{t('reservedShare.progress.countedNote')}</p>
    </>
  );
}

function ProgressBar({ label, basisPoints, testId }: { label: string; basisPoints: number | null; testId: string }) {
  const percent = barPercent(basisPoints);
  const text = basisPoints === null ? '—' : formatBasisPoints(basisPoints);
  return (
    <div className="reserved-share__bar-row">
      <span className="reserved-share__bar-label" id={`${testId}-label`}>
        {label}
      </span>
      <div
        className="reserved-share__bar"
        role="progressbar"
        aria-labelledby={`${testId}-label`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        data-testid={testId}
      >
        <div className="reserved-share__bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="reserved-share__bar-value" data-testid={`${testId}-value`}>
        {text}
      </span>
    </div>
  );
}
