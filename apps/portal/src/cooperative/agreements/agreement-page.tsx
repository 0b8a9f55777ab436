import type { AgreementTermsView, AgreementView } from '@shanhai/contract';
import { Badge, Button, Container, Price, Section, StatusMessage, TextField, useLanguage, useLocalize } from '@shanhai/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText } from '../../common/errors';
import { formatChinaTime } from '../../common/format';
import { useLabels } from '../../common/labels';
import { PageTitle } from '../../common/page-title';
import { QueryView } from '../../common/query-view';
import { isCooperativeAdmin } from '../../identity/workspaces';
import { useCurrentWorkspace } from '../../identity/workspace-provider';
import { AmendSection, EndSection, isRunning, PauseSection, VersionsSection } from './agreement-actions';
import { agreementTone } from './agreements-page';
import { useAgreement, useDecideAgreement } from './agreements.queries';
import { Calendar, ChangesSection } from './delivery-changes';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const weekdayKey = (n: number) => WEEKDAYS.find((d) => Number(d) === n);

export function AgreementPage() {
  const { agreementId = '' } = useParams();
  const agreement = useAgreement(agreementId);
  const { t } = useTranslation();
  return (
    <Container className="page">
      <p>
        <Link to="/agreements">{t('agreements.detail.back')}</Link>
      </p>
      <QueryView query={agreement}>{(a) => <AgreementDetail agreement={a} />}</QueryView>
    </Container>
  );
}

/**
 * One agreement as the cooperative works on it. Committing the cooperative (deciding on terms, amending, pausing,
 * resuming, ending) is its admin's; any member may change a day's delivery or answer the buyer's change.
 */
function AgreementDetail({ agreement: a }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const canCommit = isCooperativeAdmin(workspace);
  const [decided, setDecided] = useState<{ decision: 'accept' | 'decline' | 'withdraw'; version: number } | null>(null);
  const localize = useLocalize();
  return (
    <>
      <PageTitle>{t('agreements.detail.title', { number: a.number })}</PageTitle>
      <p>
        <Badge tone={agreementTone(a.status)}>{t(`agreements.statuses.${a.status}`)}</Badge> {localize(a.buyer.name, a.buyer.nameEn)}
        {a.commitmentId ? (
          <>
            {' · '}
            <Link to={`/commitments/${a.commitmentId}`}>{t('agreementActions.commitment.fromCommitment')}</Link>
          </>
        ) : null}
      </p>
      {decided ? (
        <p role="status" className="agreement__decided">
          {t(DECIDED[decided.decision], { version: decided.version })}
        </p>
      ) : null}
      {a.pending ? <Decision agreement={a} terms={a.pending} onDone={setDecided} /> : null}
      {a.current ? <Terms terms={a.current} heading={t('agreements.detail.terms', { version: a.current.version })} /> : null}
      {a.pending ? <Terms terms={a.pending} heading={t('agreements.detail.pendingTerms', { version: a.pending.version })} /> : null}
      {a.current ? (
        <Section id="agreement-progress" title={t('agreements.detail.progress')}>
          <ul data-testid="agreement-progress">
            <li>{t('agreements.detail.contracted', { n: a.progress.contractedDeliveries })}</li>
            <li>{t('agreements.detail.ordered', { n: a.progress.orderedDeliveries })}</li>
            <li>{t('agreements.detail.delivered', { n: a.progress.deliveredDeliveries })}</li>
            <li>{t('agreementActions.progress.skipped', { n: a.progress.skippedDeliveries })}</li>
            <li>{t('agreementActions.progress.missed', { n: a.progress.missedDeliveries })}</li>
          </ul>
        </Section>
      ) : null}
      {a.current && isRunning(a) && !canCommit ? <p className="notice">{t('agreementActions.staffNote')}</p> : null}
      {a.current && isRunning(a) && canCommit ? <AmendSection agreement={a} current={a.current} /> : null}
      {a.current ? <PauseSection agreement={a} current={a.current} canCommit={canCommit} /> : null}
      {a.current ? <EndSection agreement={a} current={a.current} canCommit={canCommit} /> : null}
      {a.current ? <ChangesSection agreement={a} /> : null}
      {a.current ? <Calendar agreement={a} /> : null}
      <VersionsSection agreement={a} />
    </>
  );
}

function Terms({ terms, heading }: { terms: AgreementTermsView; heading: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const labels = useLabels();
  const days = terms.schedule.weekdays.map(weekdayKey).flatMap((d) => (d ? [t(`agreements.weekdays.${d}`)] : []));
  const fact = (label: string, value: React.ReactNode) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <Section id={`terms-${terms.version}`} title={heading}>
      <dl className="facts" data-testid={`terms-${terms.version}`}>
        {fact(t('agreements.detail.sku'), `${localize(terms.sku.productNameZh, terms.sku.productNameEn)} · ${terms.sku.code}`)}
        {fact(t('agreements.detail.quantity'), `${terms.quantity} ${localize(terms.sku.packingUnitZh, terms.sku.packingUnitEn)}`)}
        {fact(
          t('agreements.detail.price'),
          terms.price.unitPriceFen !== null ? <Price fen={terms.price.unitPriceFen} /> : <>{terms.price.basePriceFen !== null ? <Price fen={terms.price.basePriceFen} /> : null} ±{terms.price.bandPermille}‰</>,
        )}
        {fact(t('agreements.detail.schedule'), terms.schedule.kind === 'weekly' ? t('agreements.detail.weekly', { days: days.join(t('agreements.listSeparator')) }) : t('agreements.detail.dates', { dates: terms.schedule.dates.join(t('agreements.listSeparator')) }))}
        {fact(t('agreements.period'), `${terms.startDate} – ${terms.endDate}`)}
        {fact(t('agreements.detail.site'), terms.deliverySite ? `${terms.deliverySite.name} · ${terms.deliverySite.address}` : t('agreements.detail.siteLater'))}
        {fact(t('agreements.detail.payment'), terms.paymentMethod === 'invoice' ? `${labels.paymentMethod(terms.paymentMethod)} · ${t(`agreementActions.form.invoicingModes.${terms.invoicing}`)}` : labels.paymentMethod(terms.paymentMethod))}
        {fact(t('agreements.detail.generation'), t('agreements.detail.orderDaysAhead', { n: terms.orderDaysAhead }))}
        {fact(t('agreementActions.terms.notice'), t('agreementActions.terms.noticeDays', { n: terms.noticeDays }))}
        {fact(t('agreementActions.terms.effectiveFrom'), terms.effectiveFrom)}
        {terms.note ? fact(t('agreements.detail.note'), terms.note) : null}
      </dl>
      <p>{t('agreements.detail.proposedBy', { side: t(`agreements.sides.${terms.proposedSide}`), time: formatChinaTime(terms.proposedAt, language) })}</p>
    </Section>
  );
}

/** The pending version: the buyer's to accept or decline, our own to withdraw. */
const DECIDED = { accept: 'agreements.detail.accepted', decline: 'agreements.detail.declined', withdraw: 'agreementActions.versions.withdrawn' } as const;

function Decision({ agreement, terms, onDone }: { agreement: AgreementView; terms: AgreementTermsView; onDone: (decided: { decision: 'accept' | 'decline' | 'withdraw'; version: number }) => void }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const decide = useDecideAgreement(agreement.id);
  const [note, setNote] = useState('');
  const ours = terms.proposedSide === 'supplier';
  // mutateAsync: the section goes away once the version is decided, and the message belongs to the page.
  const run = (decision: 'accept' | 'decline' | 'withdraw') =>
    void decide.mutateAsync({ version: terms.version, decision, ...(note.trim() ? { note: note.trim() } : {}) }).then(
      () => onDone({ decision, version: terms.version }),
      () => undefined,
    );
  return (
    <Section id="agreement-decision" title={t('agreements.detail.decision')}>
      {ours ? (
        <>
          <p data-testid="awaiting-other">{t('agreements.detail.waitingOther', { version: terms.version })}</p>
          {isCooperativeAdmin(workspace) ? (
            <div className="form-actions">
              <Button disabled={decide.isPending} onClick={() => run('withdraw')}>
                {t('agreementActions.versions.withdraw', { version: terms.version })}
              </Button>
            </div>
          ) : null}
        </>
      ) : !isCooperativeAdmin(workspace) ? (
        <p>{t('agreements.detail.notAllowed')}</p>
      ) : (
        <>
          <p>{t('agreements.detail.decisionHint', { version: terms.version })}</p>
          <div className="form-actions">
            <TextField label={t('agreements.detail.decisionNote')} value={note} onChange={(e) => setNote(e.target.value)} />
            <Button variant="primary" disabled={decide.isPending} onClick={() => run('accept')}>
              {t('agreements.detail.accept', { version: terms.version })}
            </Button>
            <Button disabled={decide.isPending} onClick={() => run('decline')}>
              {t('agreements.detail.decline', { version: terms.version })}
            </Button>
          </div>
        </>
      )}
      {decide.isError ? <StatusMessage tone="error" title={errorText(decide.error, t)} /> : null}
    </Section>
  );
}
