import type { AgreementTermsView, AgreementView } from '@shanhai/contract';
import { addDays } from '@shanhai/domain';
import { Badge, Button, Section, TextArea, TextField, useLanguage } from '@shanhai/ui';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, fieldErrorsOf, otherFieldErrors } from '../../common/errors';
import { FormAlert } from '../../common/form-alert';
import { formatChinaTime, todayInChina } from '../../common/format';
import { buildPause, buildTermination, type ActionProblem } from './actions-model';
import { useAmendAgreement, usePauseAgreement, useResumeAgreement, useTerminateAgreement } from './agreements.queries';
import { ProposalForm } from './proposal-form';
import { proposalFromTerms } from './proposal-model';

export const isRunning = (a: AgreementView) => a.status === 'active' || a.status === 'paused';

/** The API's reasons not shown beside a field, with its message when it named none. */
function alertFor(error: unknown, shown: readonly string[], t: TFunction): string[] {
  if (!error) return [];
  const fields = fieldErrorsOf(error);
  return Object.keys(fields).length === 0 ? [errorText(error, t)] : otherFieldErrors(fields, shown);
}

function useProblemText() {
  const { t } = useTranslation();
  return (p: ActionProblem | undefined) => (p ? t(`agreementActions.form.problems.${p}`, { min: 1, multiple: 1 }) : undefined);
}

/** A new complete version of the terms, prefilled from those in force; one proposal at a time. */
export function AmendSection({ agreement: a, current }: { agreement: AgreementView; current: AgreementTermsView }) {
  const { t } = useTranslation();
  const amend = useAmendAgreement(a.id);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const next = Math.max(0, ...a.versions.map((v) => v.version)) + 1;
  return (
    <Section id="agreement-amend" title={t('agreementActions.amend.title')} description={t('agreementActions.amend.intro')}>
      {done !== null ? (
        <p role="status" data-testid="amend-done">
          {t('agreementActions.amend.done', { version: done })}
        </p>
      ) : null}
      {a.pending ? (
        <p>{t('agreementActions.amend.pendingExists', { version: a.pending.version })}</p>
      ) : open ? (
        <ProposalForm
          mode="amend"
          name={t('agreementActions.amend.title')}
          initial={proposalFromTerms(current)}
          pending={amend.isPending}
          error={amend.error}
          submitLabel={t('agreementActions.amend.submit', { version: next })}
          onSubmit={(body) =>
            amend.mutate(body, {
              onSuccess: (view) => {
                setDone(view.pending?.version ?? next);
                setOpen(false);
              },
            })
          }
          onCancel={() => setOpen(false)}
        />
      ) : (
        <Button
          onClick={() => {
            amend.reset();
            setDone(null);
            setOpen(true);
          }}
        >
          {t('agreementActions.amend.open')}
        </Button>
      )}
    </Section>
  );
}

/** Pauses already filed; a new pause or break from the notice day on; resumption of a paused agreement. */
export function PauseSection({ agreement: a, current, canCommit }: { agreement: AgreementView; current: AgreementTermsView; canCommit: boolean }) {
  const { t } = useTranslation();
  const sides = (s: 'buyer' | 'supplier') => t(`agreements.sides.${s}`);
  return (
    <Section id="agreement-pauses" title={t('agreementActions.pause.title')} description={t('agreementActions.pause.intro')}>
      {a.pauses.length > 0 ? (
        <ul className="plain-list" data-testid="agreement-pauses">
          {a.pauses.map((p) => (
            <li key={p.id}>
              {p.until ? t('agreementActions.pause.pauseLine', { from: p.from, until: p.until, side: sides(p.side) }) : t('agreementActions.pause.pauseOpen', { from: p.from, side: sides(p.side) })}
              {p.reason ? ` · ${p.reason}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('agreementActions.pause.none')}</p>
      )}
      {canCommit && isRunning(a) ? (
        <>
          {a.status === 'paused' ? <ResumeForm id={a.id} /> : null}
          <PauseForm id={a.id} noticeDays={current.noticeDays} />
        </>
      ) : null}
    </Section>
  );
}

function PauseForm({ id, noticeDays }: { id: string; noticeDays: number }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const pause = usePauseAgreement(id);
  const earliest = addDays(todayInChina(), noticeDays);
  const [values, setValues] = useState({ from: earliest, until: '', reason: '' });
  const [problems, setProblems] = useState<Partial<Record<'from' | 'until', ActionProblem>> | null>(null);
  // What was filed, worded at render time (so it follows a language switch).
  const [done, setDone] = useState<{ from: string; until?: string } | null>(null);
  const api = fieldErrorsOf(pause.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildPause(values);
    if ('problems' in built) return setProblems(built.problems);
    setProblems(null);
    setDone(null);
    // The promise, not a per-call callback: an open-ended pause replaces this form with "resume" before it would fire.
    void pause.mutateAsync(built.body).then(() => setDone({ from: built.body.from, until: built.body.until }), () => undefined);
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={pause.isPending} aria-label={t('agreementActions.pause.formName')} data-testid="pause-form">
      <h3 className="subheading">{t('agreementActions.pause.formName')}</h3>
      {done ? <p role="status">{done.until ? t('agreementActions.pause.doneBreak', { from: done.from, until: done.until }) : t('agreementActions.pause.done', { from: done.from })}</p> : null}
      <FormAlert messages={problems ? [] : alertFor(pause.error, ['from', 'until'], t)} />
      <div className="form-grid">
        <TextField
          type="date"
          label={t('agreementActions.pause.from')}
          hint={t('agreementActions.pause.fromHint', { earliest, n: noticeDays })}
          value={values.from}
          error={problems ? problemText(problems.from) : api.from}
          onChange={(e) => setValues((v) => ({ ...v, from: e.target.value }))}
        />
        <TextField
          type="date"
          label={t('agreementActions.pause.until')}
          hint={t('agreementActions.pause.untilHint')}
          value={values.until}
          error={problems ? problemText(problems.until) : api.until}
          onChange={(e) => setValues((v) => ({ ...v, until: e.target.value }))}
        />
      </div>
      <TextArea label={t('agreementActions.pause.reason')} rows={2} maxLength={1000} value={values.reason} onChange={(e) => setValues((v) => ({ ...v, reason: e.target.value }))} />
      <div className="form-actions">
        <Button type="submit" disabled={pause.isPending}>
          {t('agreementActions.pause.submit')}
        </Button>
      </div>
    </form>
  );
}

function ResumeForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const resume = useResumeAgreement(id);
  const [from, setFrom] = useState('');
  const api = fieldErrorsOf(resume.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    resume.mutate(from.trim() ? { from: from.trim() } : {});
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={resume.isPending} aria-label={t('agreementActions.pause.resume')} data-testid="resume-form">
      <h3 className="subheading">{t('agreementActions.pause.resume')}</h3>
      <FormAlert messages={alertFor(resume.error, ['from'], t)} />
      <div className="form-grid">
        <TextField type="date" label={t('agreementActions.pause.resumeFrom')} hint={t('agreementActions.pause.resumeHint')} value={from} error={api.from} onChange={(e) => setFrom(e.target.value)} />
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={resume.isPending}>
          {t('agreementActions.pause.resume')}
        </Button>
      </div>
    </form>
  );
}

/** Ending early, under the notice terms; asked twice, since it cannot be undone. */
export function EndSection({ agreement: a, current, canCommit }: { agreement: AgreementView; current: AgreementTermsView; canCommit: boolean }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const terminate = useTerminateAgreement(a.id);
  const earliest = addDays(todayInChina(), current.noticeDays);
  const [values, setValues] = useState({ lastDeliveryOn: '', reason: '' });
  const [problems, setProblems] = useState<Partial<Record<'lastDeliveryOn' | 'reason', ActionProblem>> | null>(null);
  const [confirming, setConfirming] = useState(false);
  const api = fieldErrorsOf(terminate.error);
  if (a.termination) {
    return (
      <Section id="agreement-end" title={t('agreementActions.end.title')}>
        <p data-testid="agreement-termination">
          {t('agreementActions.end.terminated', { date: a.termination.lastDeliveryOn, side: t(`agreements.sides.${a.termination.side}`) })}
          {a.termination.reason ? ` ${t('agreementActions.end.reasonLine', { reason: a.termination.reason })}` : ''}
        </p>
      </Section>
    );
  }
  if (!canCommit || !isRunning(a)) return null;
  const ask = (event: FormEvent) => {
    event.preventDefault();
    const built = buildTermination(values);
    if ('problems' in built) return setProblems(built.problems);
    setProblems(null);
    setConfirming(true);
  };
  const confirm = () => {
    const built = buildTermination(values);
    if ('body' in built) terminate.mutate(built.body, { onSettled: () => setConfirming(false) });
  };
  return (
    <Section id="agreement-end" title={t('agreementActions.end.title')} description={t('agreementActions.end.intro')}>
      <form className="form" onSubmit={ask} noValidate aria-busy={terminate.isPending} aria-label={t('agreementActions.end.title')} data-testid="end-form">
        <FormAlert messages={problems ? [] : alertFor(terminate.error, ['lastDeliveryOn', 'reason'], t)} />
        <div className="form-grid">
          <TextField
            type="date"
            label={t('agreementActions.end.lastDeliveryOn')}
            hint={t('agreementActions.end.lastHint', { earliest })}
            value={values.lastDeliveryOn}
            error={problems ? problemText(problems.lastDeliveryOn) : api.lastDeliveryOn}
            onChange={(e) => setValues((v) => ({ ...v, lastDeliveryOn: e.target.value }))}
          />
        </div>
        <TextArea
          label={t('agreementActions.end.reason')}
          rows={2}
          maxLength={1000}
          value={values.reason}
          error={problems ? problemText(problems.reason) : api.reason}
          onChange={(e) => setValues((v) => ({ ...v, reason: e.target.value }))}
        />
        {confirming ? (
          <div className="notice" role="alert" data-testid="end-confirm">
            <p>{t('agreementActions.end.confirm', { date: values.lastDeliveryOn.trim() || earliest })}</p>
            <div className="form-actions">
              <Button variant="primary" disabled={terminate.isPending} onClick={confirm}>
                {t('agreementActions.end.confirmButton')}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t('agreementActions.end.keep')}</Button>
            </div>
          </div>
        ) : (
          <div className="form-actions">
            <Button type="submit">{t('agreementActions.end.submit')}</Button>
          </div>
        )}
      </form>
    </Section>
  );
}

/** Every version of the terms, oldest first: who proposed, who decided, from when it governs. */
export function VersionsSection({ agreement: a }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (a.versions.length === 0) return null;
  return (
    <Section id="agreement-versions" title={t('agreementActions.versions.title')}>
      <div className="table-scroll" role="region" aria-label={t('agreementActions.versions.caption')} tabIndex={0}>
        <table className="data-table" data-testid="agreement-versions">
          <caption className="ui-visually-hidden">{t('agreementActions.versions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agreementActions.versions.version')}</th>
              <th scope="col">{t('agreementActions.versions.status')}</th>
              <th scope="col">{t('agreementActions.versions.proposed')}</th>
              <th scope="col">{t('agreementActions.versions.effectiveFrom')}</th>
              <th scope="col">{t('agreementActions.versions.decided')}</th>
            </tr>
          </thead>
          <tbody>
            {a.versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">{t('agreementActions.versions.number', { version: v.version })}</th>
                <td>
                  <Badge tone={v.status === 'accepted' ? 'success' : v.status === 'proposed' ? 'warning' : 'neutral'}>{t(`agreements.termsStatuses.${v.status}`)}</Badge>
                </td>
                <td>
                  {t(`agreements.sides.${v.proposedSide}`)} {v.proposedByName ?? ''} · {formatChinaTime(v.proposedAt, language)}
                </td>
                <td>{v.effectiveFrom}</td>
                <td>
                  {v.decidedAt ? `${v.decidedByName ?? ''} · ${formatChinaTime(v.decidedAt, language)}` : '—'}
                  {v.decisionNote ? <span className="cell-note">{v.decisionNote}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

