import { isApiError } from '@shanhai/api-client';
import type { AgreementDeliveryView, AgreementTermsView, AgreementView } from '@shanhai/contract';
import { addDays, businessDay } from '@shanhai/domain';
import { Badge, Button, Container, Price, Section, StatusMessage, TextField, useLanguage, useLocalize } from '@shanhai/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BuyerGate } from '../ordering/buyer-gate';
import { formatChinaTime, useOrderLabels } from '../ordering/order-labels';
import { useSession } from '../identity/session-provider';
import { agreementTone, deliveryTone, isWeekday } from './agreement-labels';
import { AmendmentSection } from './amendment-section';
import { useAgreement, useAgreementAction, useAgreementDeliveries } from './agreements.queries';
import { DayChange, PendingChanges, SubstituteForm } from './delivery-changes';
import { termsChanges } from './proposal-model';
import { TerminationForm, TerminationNotice } from './termination-section';
import { useTermsText } from './terms-summary';
import '../catalog/product.css';
import '../ordering/ordering.css';
import './agreements.css';

export function AgreementPage() {
  const { agreementId = '' } = useParams();
  return (
    <Container className="page agreements-page">
      <BuyerGate>{(buyer) => <AgreementDetail id={agreementId} organisationId={buyer.organisationId} />}</BuyerGate>
    </Container>
  );
}

function AgreementDetail({ id, organisationId }: { id: string; organisationId: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { buyerRoles, canPurchase, canApprove } = useSession();
  const agreement = useAgreement(id);
  const [decided, setDecided] = useState<string | null>(null);
  if (agreement.isPending) return <StatusMessage tone="loading" />;
  if (agreement.isError) {
    if (isApiError(agreement.error) && agreement.error.status === 404) {
      return (
        <StatusMessage tone="empty" title={t('agreements.detail.notFound')}>
          <Link to="/agreements">{t('agreements.detail.back')}</Link>
        </StatusMessage>
      );
    }
    return <StatusMessage tone="error" title={t('errors.pageFailed')} onRetry={() => void agreement.refetch()} />;
  }
  const a = agreement.data;
  const running = a.status === 'active' || a.status === 'paused';
  // "Who does what" (docs/agreements.md): admins and approvers commit (amend, end); purchasers too change deliveries.
  const mayCommit = buyerRoles.includes('buyer_admin') || buyerRoles.includes('buyer_approver');
  const mayChange = canPurchase || canApprove;
  const title = t('agreements.detail.title', { number: a.number });
  return (
    <>
      <title>{`${title} · ${t('app.name')}`}</title>
      <p>
        <Link to="/agreements">{t('agreements.detail.back')}</Link>
      </p>
      <h1 className="page__title">{title}</h1>
      <p>
        <Badge tone={agreementTone(a.status)}>{t(`agreements.statuses.${a.status}`)}</Badge>{' '}
        {t('agreements.detail.parties', { buyer: localize(a.buyer.name, a.buyer.nameEn), supplier: localize(a.supplier.name, a.supplier.nameEn) })}
      </p>
      {decided ? (
        <p role="status" className="agreement__decided">
          {decided}
        </p>
      ) : null}
      {a.pending ? <Decision agreement={a} terms={a.pending} onDone={setDecided} /> : null}
      {a.termination ? <TerminationNotice termination={a.termination} /> : null}
      <PendingChanges agreement={a} mayDecide={mayChange && running} />
      {a.current ? <Terms terms={a.current} heading={t('agreements.detail.terms', { version: a.current.version })} /> : null}
      {a.pending ? <Terms terms={a.pending} heading={t('agreements.detail.pendingTerms', { version: a.pending.version })} /> : null}
      {a.current ? <Progress agreement={a} /> : null}
      {a.current ? <Upcoming agreement={a} /> : null}
      {running ? <PauseResume agreement={a} /> : null}
      {a.current ? <Calendar agreement={a} /> : null}
      {running && mayCommit && a.current && !a.termination ? <AmendmentSection agreement={a} current={a.current} organisationId={organisationId} /> : null}
      {running && mayCommit && !a.termination ? <TerminationForm agreement={a} /> : null}
      <Versions versions={a.versions} />
    </>
  );
}

function Terms({ terms, heading }: { terms: AgreementTermsView; heading: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const labels = useOrderLabels();
  const unit = localize(terms.sku.packingUnitZh, terms.sku.packingUnitEn);
  const days = terms.schedule.weekdays.filter(isWeekday).map((d) => t(`agreements.weekdays.${d}`));
  return (
    <Section id={`terms-${terms.version}`} title={heading} className="agreement__section">
      <dl className="agreement__facts" data-testid={`terms-${terms.version}`}>
        <div>
          <dt>{t('agreements.detail.sku')}</dt>
          <dd>
            {localize(terms.sku.productNameZh, terms.sku.productNameEn)} · {terms.sku.code}
          </dd>
        </div>
        <div>
          <dt>{t('agreements.detail.quantity')}</dt>
          <dd>
            {terms.quantity} {unit}
          </dd>
        </div>
        <div>
          <dt>{t('agreements.detail.price')}</dt>
          <dd>
            {terms.price.kind === 'fixed' && terms.price.unitPriceFen !== null ? (
              <Price fen={terms.price.unitPriceFen} />
            ) : (
              <>
                <Price fen={terms.price.basePriceFen ?? 0} /> ±{terms.price.bandPermille}‰
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('agreements.detail.schedule')}</dt>
          <dd>
            {terms.schedule.kind === 'weekly'
              ? t('agreements.detail.weekly', { days: days.join(t('common.listSeparator')) })
              : t('agreements.detail.dates', { dates: terms.schedule.dates.join(t('common.listSeparator')) })}
          </dd>
        </div>
        <div>
          <dt>{t('agreements.detail.period')}</dt>
          <dd>
            {terms.startDate} – {terms.endDate}
          </dd>
        </div>
        <div>
          <dt>{t('agreements.detail.site')}</dt>
          <dd>{terms.deliverySite ? terms.deliverySite.name : t('agreements.detail.siteLater')}</dd>
        </div>
        <div>
          <dt>{t('agreements.detail.payment')}</dt>
          <dd>
            {labels.method(terms.paymentMethod)}
            {terms.paymentMethod === 'invoice' ? ` · ${t(`agreementActions.invoicing.${terms.invoicing}`)}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('agreements.detail.generation')}</dt>
          <dd>{t('agreements.detail.orderDaysAhead', { n: terms.orderDaysAhead })}</dd>
        </div>
        <div>
          <dt>{t('agreementActions.fields.noticeDays')}</dt>
          <dd>{t('agreementActions.noticeDaysValue', { n: terms.noticeDays })}</dd>
        </div>
        {terms.note ? (
          <div>
            <dt>{t('agreements.detail.note')}</dt>
            <dd>{terms.note}</dd>
          </div>
        ) : null}
      </dl>
      <p className="agreements__code">
        {t('agreements.detail.proposedBy', { side: t(`agreements.sides.${terms.proposedSide}`), time: formatChinaTime(terms.proposedAt, language) })}
      </p>
    </Section>
  );
}

/** The pending version: the other side accepts or declines it, its proposer may withdraw it. */
function Decision({ agreement, terms, onDone }: { agreement: AgreementView; terms: AgreementTermsView; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { buyerRoles } = useSession();
  const { decide } = useAgreementAction(agreement.id);
  const [note, setNote] = useState('');
  const canCommit = buyerRoles.includes('buyer_admin') || buyerRoles.includes('buyer_approver');
  const ours = terms.proposedSide === 'buyer';
  const run = (decision: 'accept' | 'decline' | 'withdraw') =>
    // The promise, not the per-call callback: this section is gone once the answer is in the cache, and a callback of
    // an unmounted component's mutation never fires.
    void decide.mutateAsync({ version: terms.version, decision, ...(note.trim() ? { note: note.trim() } : {}) }).then(
      () => onDone(t(`agreements.detail.${decision === 'accept' ? 'accepted' : decision === 'decline' ? 'declined' : 'withdrawn'}`)),
      () => undefined,
    );
  return (
    <Section id="agreement-decision-section" title={t('agreements.detail.decision')} className="agreement__section">
      {ours ? (
        <p role="status" data-testid="awaiting-other">
          {t('agreements.detail.waitingOther', { version: terms.version })}
        </p>
      ) : (
        <p>{t('agreements.detail.decisionHint', { version: terms.version })}</p>
      )}
      {canCommit ? (
        <div className="agreement__actions">
          {!ours ? <TextField label={t('agreements.detail.decisionNote')} value={note} onChange={(e) => setNote(e.target.value)} /> : null}
          {!ours ? (
            <>
              <Button variant="primary" disabled={decide.isPending} onClick={() => run('accept')}>
                {t('agreements.detail.accept', { version: terms.version })}
              </Button>
              <Button disabled={decide.isPending} onClick={() => run('decline')}>
                {t('agreements.detail.decline', { version: terms.version })}
              </Button>
            </>
          ) : (
            <Button disabled={decide.isPending} onClick={() => run('withdraw')}>
              {t('agreements.detail.withdraw', { version: terms.version })}
            </Button>
          )}
        </div>
      ) : null}
      {decide.isError ? (
        <p role="alert" className="agreement__error">
          {isApiError(decide.error) && decide.error.status > 0 && decide.error.status < 500 ? decide.error.message : t('errors.tryLater')}
        </p>
      ) : null}
    </Section>
  );
}

function Progress({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const p = agreement.progress;
  const item = (label: string, deliveries: number, units?: number) => (
    <li>
      <span>{label}</span>
      <strong>{t('agreements.detail.deliveriesCount', { count: deliveries })}</strong>
      {units !== undefined ? <span>{t('agreements.detail.unitsCount', { n: units })}</span> : null}
    </li>
  );
  return (
    <Section id="agreement-progress-section" title={t('agreements.detail.progress')} className="agreement__section">
      <ul className="agreement__progress" data-testid="agreement-progress">
        {item(t('agreements.detail.contracted'), p.contractedDeliveries, p.contractedUnits)}
        {item(t('agreements.detail.delivered'), p.deliveredDeliveries, p.deliveredUnits)}
        {item(t('agreements.detail.ordered'), p.orderedDeliveries)}
        {item(t('agreements.detail.skipped'), p.skippedDeliveries)}
        {item(t('agreements.detail.missed'), p.missedDeliveries)}
      </ul>
    </Section>
  );
}

function Upcoming({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  return (
    <Section id="agreement-upcoming-section" title={t('agreements.detail.upcoming')} className="agreement__section">
      {agreement.upcoming.length === 0 ? (
        <p>{t('agreements.detail.noUpcoming')}</p>
      ) : (
        <ul data-testid="agreement-upcoming">
          {agreement.upcoming.map((d) => (
            <li key={d.date}>
              {d.date} · {d.quantity} · <Badge tone={deliveryTone(d.status)}>{t(`agreements.deliveryStatuses.${d.status}`)}</Badge>
              {d.buyerOrderId && d.orderNumber ? (
                <>
                  {' '}
                  · <Link to={`/orders/${d.buyerOrderId}`}>{d.orderNumber}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function PauseResume({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const { buyerRoles } = useSession();
  const { pause, resume } = useAgreementAction(agreement.id);
  const notice = agreement.current?.noticeDays ?? 7;
  const [from, setFrom] = useState(addDays(businessDay(), notice));
  const [until, setUntil] = useState('');
  const [done, setDone] = useState<string | null>(null);
  if (!buyerRoles.includes('buyer_admin') && !buyerRoles.includes('buyer_approver')) return null;
  const error = pause.error ?? resume.error;
  const fieldErrors = isApiError(pause.error) ? pause.error.fieldErrors() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void pause.mutateAsync({ from, ...(until ? { until } : {}) }).then(
      () => setDone(t('agreements.detail.paused')),
      () => undefined,
    );
  };
  return (
    <Section id="agreement-pause-section" title={t('agreements.detail.pauseTitle')} className="agreement__section">
      {agreement.pauses.length > 0 ? (
        <ul aria-label={t('agreements.detail.pauses')}>
          {agreement.pauses.map((p) => (
            <li key={p.id}>
              {p.until ? t('agreements.detail.pauseRange', { from: p.from, until: p.until }) : t('agreements.detail.pauseOpen', { from: p.from })}
            </li>
          ))}
        </ul>
      ) : null}
      {agreement.status === 'paused' ? (
        <Button
          onClick={() =>
            void resume.mutateAsync(undefined).then(
              () => setDone(t('agreements.detail.resumed')),
              () => undefined,
            )
          }
          disabled={resume.isPending}
        >
          {t('agreements.detail.resume')}
        </Button>
      ) : (
        <form className="agreement__actions" onSubmit={submit}>
          <TextField
            label={t('agreements.detail.pauseFrom')}
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            hint={t('agreements.detail.pauseHint', { n: notice })}
            error={fieldErrors['from']}
          />
          <TextField
            label={t('agreements.detail.pauseUntil')}
            type="date"
            value={until}
            onChange={(e) => setUntil(e.target.value)}
            error={fieldErrors['until']}
          />
          <Button type="submit" disabled={pause.isPending}>
            {t('agreements.detail.pauseSubmit')}
          </Button>
        </form>
      )}
      {done ? <p role="status">{done}</p> : null}
      {error && !fieldErrors['from'] && !fieldErrors['until'] ? (
        <p role="alert" className="agreement__error">
          {isApiError(error) && error.status > 0 && error.status < 500 ? error.message : t('errors.tryLater')}
        </p>
      ) : null}
    </Section>
  );
}

function Calendar({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const { canPurchase, canApprove } = useSession();
  const deliveries = useAgreementDeliveries(agreement.id, true);
  const { skip } = useAgreementAction(agreement.id);
  const [skipped, setSkipped] = useState<string | null>(null);
  const [substituting, setSubstituting] = useState<AgreementDeliveryView | null>(null);
  const [substituted, setSubstituted] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const substituteRef = useRef<HTMLHeadingElement>(null);
  const mayChange = (canPurchase || canApprove) && (agreement.status === 'active' || agreement.status === 'paused');
  const skippable = (d: AgreementDeliveryView) => mayChange && (d.status === 'scheduled' || d.status === 'held' || d.status === 'short') && !d.change;
  return (
    <Section id="agreement-calendar-section" title={t('agreements.detail.calendar')} className="agreement__section">
      {skipped ? (
        <p role="status" ref={statusRef} tabIndex={-1}>
          {t('agreements.detail.skipDone', { date: skipped })}
        </p>
      ) : null}
      {substituted ? (
        <p role="status" data-testid="substitute-done">
          {t('agreementActions.substitute.done', { date: substituted })}
        </p>
      ) : null}
      {substituting ? (
        <SubstituteForm
          agreement={agreement}
          day={substituting}
          titleRef={substituteRef}
          onCancel={() => setSubstituting(null)}
          onDone={(date) => {
            setSubstituting(null);
            setSubstituted(date);
          }}
        />
      ) : null}
      {skip.isError ? (
        <p role="alert" className="agreement__error">
          {isApiError(skip.error) && skip.error.status > 0 && skip.error.status < 500 ? skip.error.message : t('errors.tryLater')}
        </p>
      ) : null}
      {deliveries.isPending ? (
        <StatusMessage tone="loading" />
      ) : deliveries.isError ? (
        <StatusMessage tone="error" title={t('errors.sectionFailed')} onRetry={() => void deliveries.refetch()} />
      ) : (
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
                <th scope="col">{t('agreementActions.changes.column')}</th>
                <th scope="col">
                  <span className="ui-visually-hidden">{t('agreementActions.changes.actionsColumn')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.map((d) => (
                <tr key={d.date} data-testid={`delivery-${d.date}`}>
                  <th scope="row">{d.date}</th>
                  <td>{d.quantity}</td>
                  <td>
                    <Badge tone={deliveryTone(d.status)}>{t(`agreements.deliveryStatuses.${d.status}`)}</Badge>
                  </td>
                  <td className="agreement__nowrap">{d.generationOpensOn}</td>
                  <td>{d.buyerOrderId && d.orderNumber ? <Link to={`/orders/${d.buyerOrderId}`}>{d.orderNumber}</Link> : '—'}</td>
                  <td>{d.change ? <DayChange change={d.change} /> : '—'}</td>
                  <td>
                    {skippable(d) ? (
                      <span className="agreement__row-actions">
                        <Button
                          aria-label={t('agreements.detail.skip', { date: d.date })}
                          disabled={skip.isPending}
                          onClick={() =>
                            void skip.mutateAsync(d.date).then(
                              () => {
                                setSkipped(d.date);
                                setTimeout(() => statusRef.current?.focus(), 0);
                              },
                              () => undefined,
                            )
                          }
                        >
                          {t('agreements.detail.skipShort')}
                        </Button>
                        <Button
                          aria-label={t('agreementActions.substitute.open', { date: d.date })}
                          onClick={() => {
                            setSubstituting(d);
                            setSubstituted(null);
                            setTimeout(() => substituteRef.current?.focus(), 0);
                          }}
                        >
                          {t('agreementActions.substitute.openShort')}
                        </Button>
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function Versions({ versions }: { versions: AgreementTermsView[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const text = useTermsText();
  // Each version against the last accepted one before it (or the one before, when none was accepted).
  const baseOf = (i: number) =>
    versions
      .slice(0, i)
      .reverse()
      .find((v) => v.status === 'accepted') ?? versions[i - 1];
  return (
    <Section id="agreement-versions-section" title={t('agreements.detail.versions')} className="agreement__section">
      <div className="table-scroll" role="region" aria-label={t('agreements.detail.versionsCaption')} tabIndex={0}>
        <table className="data-table">
          <caption className="ui-visually-hidden">{t('agreements.detail.versionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agreements.detail.version')}</th>
              <th scope="col">{t('agreements.detail.versionStatus')}</th>
              <th scope="col">{t('agreements.detail.effectiveFrom')}</th>
              <th scope="col">{t('agreements.quantity')}</th>
              <th scope="col">{t('agreements.detail.price')}</th>
              <th scope="col">{t('agreementActions.versions.changes')}</th>
              <th scope="col">{t('agreements.detail.note')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v, i) => (
              <tr key={v.version} data-testid={`version-${v.version}`}>
                <th scope="row">{v.version}</th>
                <td>
                  {t(`agreements.termsStatuses.${v.status}`)}
                  {v.decidedAt ? ` · ${formatChinaTime(v.decidedAt, language)}` : ''}
                </td>
                <td>{v.effectiveFrom}</td>
                <td>{v.quantity}</td>
                <td>{text.price(v)}</td>
                <td>
                  {i === 0 ? (
                    t('agreementActions.versions.first')
                  ) : (
                    <ChangeList changes={termsChanges(baseOf(i), v).map((f) => text.change(f, baseOf(i), v))} />
                  )}
                </td>
                <td>{v.decisionNote ?? v.note ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

function ChangeList({ changes }: { changes: string[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <>{t('agreementActions.versions.none')}</>;
  return (
    <ul className="agreement__change-list">
      {changes.map((c) => (
        <li key={c}>{c}</li>
      ))}
    </ul>
  );
}
