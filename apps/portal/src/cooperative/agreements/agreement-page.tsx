import type { AgreementTermsView, AgreementView } from '@shanhai/contract';
import { Badge, Button, Container, Price, Section, StatusMessage, TextField, useLanguage, useLocalize, type BadgeTone } from '@shanhai/ui';
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
import { agreementTone } from './agreements-page';
import { useAgreement, useAgreementDeliveries, useDecideAgreement } from './agreements.queries';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const weekdayKey = (n: number) => WEEKDAYS.find((d) => Number(d) === n);

function deliveryTone(status: string): BadgeTone {
  if (status === 'ordered') return 'success';
  if (status === 'short' || status === 'missed') return 'danger';
  if (status === 'held') return 'info';
  return 'neutral';
}

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

function AgreementDetail({ agreement: a }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const [decided, setDecided] = useState<string | null>(null);
  const localize = useLocalize();
  return (
    <>
      <PageTitle>{t('agreements.detail.title', { number: a.number })}</PageTitle>
      <p>
        <Badge tone={agreementTone(a.status)}>{t(`agreements.statuses.${a.status}`)}</Badge> {localize(a.buyer.name, a.buyer.nameEn)}
      </p>
      {decided ? (
        <p role="status" className="agreement__decided">
          {decided}
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
          </ul>
        </Section>
      ) : null}
      {a.current ? <Calendar id={a.id} /> : null}
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
        {fact(t('agreements.detail.payment'), labels.paymentMethod(terms.paymentMethod))}
        {fact(t('agreements.detail.generation'), t('agreements.detail.orderDaysAhead', { n: terms.orderDaysAhead }))}
        {terms.note ? fact(t('agreements.detail.note'), terms.note) : null}
      </dl>
      <p>{t('agreements.detail.proposedBy', { side: t(`agreements.sides.${terms.proposedSide}`), time: formatChinaTime(terms.proposedAt, language) })}</p>
    </Section>
  );
}

function Decision({ agreement, terms, onDone }: { agreement: AgreementView; terms: AgreementTermsView; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const decide = useDecideAgreement(agreement.id);
  const [note, setNote] = useState('');
  const ours = terms.proposedSide === 'supplier';
  const run = (decision: 'accept' | 'decline') =>
    decide.mutate({ version: terms.version, decision, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: () => onDone(t(decision === 'accept' ? 'agreements.detail.accepted' : 'agreements.detail.declined')) });
  return (
    <Section id="agreement-decision" title={t('agreements.detail.decision')}>
      {ours ? (
        <p>{t('agreements.detail.waitingOther', { version: terms.version })}</p>
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

function Calendar({ id }: { id: string }) {
  const { t } = useTranslation();
  const deliveries = useAgreementDeliveries(id);
  return (
    <Section id="agreement-calendar" title={t('agreements.detail.calendar')}>
      <QueryView query={deliveries}>
        {(days) => (
          <div className="table-scroll" role="region" aria-label={t('agreements.detail.calendarCaption')} tabIndex={0}>
            <table className="data-table" data-testid="agreement-calendar">
              <caption className="ui-visually-hidden">{t('agreements.detail.calendarCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('agreements.detail.date')}</th>
                  <th scope="col">{t('agreements.quantity')}</th>
                  <th scope="col">{t('agreements.detail.dayStatus')}</th>
                  <th scope="col">{t('agreements.detail.generationOpens')}</th>
                  <th scope="col">{t('agreements.detail.order')}</th>
                </tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.date}>
                    <th scope="row">{d.date}</th>
                    <td>{d.quantity}</td>
                    <td>
                      <Badge tone={deliveryTone(d.status)}>{t(`agreements.deliveryStatuses.${d.status}`)}</Badge>
                    </td>
                    <td>{d.generationOpensOn}</td>
                    <td>{d.orderNumber ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </Section>
  );
}
