import { isApiError } from '@shanhai/api-client';
import type { AgreementView } from '@shanhai/contract';
import { addDays, businessDay, isIsoDay } from '@shanhai/domain';
import { Button, Section, TextArea, TextField } from '@shanhai/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgreementAction } from './agreements.queries';

/** The early end once filed, for everyone who reads the agreement. */
export function TerminationNotice({ termination }: { termination: NonNullable<AgreementView['termination']> }) {
  const { t } = useTranslation();
  return (
    <Section id="agreement-termination-section" title={t('agreementActions.terminate.filedTitle')} className="agreement__section">
      <p data-testid="agreement-termination">
        {t('agreementActions.terminate.filed', { date: termination.lastDeliveryOn, side: t(`agreements.sides.${termination.side}`) })}
        {termination.reason ? ` ${t('agreementActions.terminate.reasonWas', { reason: termination.reason })}` : ''}
      </p>
    </Section>
  );
}

/** "End early": the last delivery day (no earlier than today + the notice days), a reason, then a confirmation. */
export function TerminationForm({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const { terminate } = useAgreementAction(agreement.id);
  const notice = agreement.current?.noticeDays ?? 7;
  const earliest = addDays(businessDay(), notice);
  const [lastDeliveryOn, setLastDeliveryOn] = useState(earliest);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<'reason' | 'lastDeliveryOn' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const fieldErrors = isApiError(terminate.error) ? terminate.error.fieldErrors() : {};
  const named = fieldErrors['lastDeliveryOn'] ?? fieldErrors['reason'];
  const ask = (event: FormEvent) => {
    event.preventDefault();
    if (lastDeliveryOn && !isIsoDay(lastDeliveryOn)) return setProblem('lastDeliveryOn');
    if (!reason.trim()) return setProblem('reason');
    setProblem(null);
    setConfirming(true);
    setTimeout(() => confirmRef.current?.focus(), 0);
  };
  const confirm = () =>
    terminate.mutate({ reason: reason.trim(), ...(lastDeliveryOn ? { lastDeliveryOn } : {}) }, { onSettled: () => setConfirming(false) });
  return (
    <Section id="agreement-terminate-section" title={t('agreementActions.terminate.title')} className="agreement__section">
      <form className="agreement__form" onSubmit={ask} noValidate aria-label={t('agreementActions.terminate.title')}>
        <TextField
          label={t('agreementActions.terminate.lastDeliveryOn')}
          type="date"
          min={earliest}
          value={lastDeliveryOn}
          onChange={(e) => {
            setLastDeliveryOn(e.target.value);
            setConfirming(false);
          }}
          hint={t('agreementActions.terminate.hint', { n: notice, date: earliest })}
          error={problem === 'lastDeliveryOn' ? t('agreementActions.form.dateInvalid') : fieldErrors['lastDeliveryOn']}
        />
        <TextArea
          label={t('agreementActions.terminate.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={problem === 'reason' ? t('agreementActions.terminate.reasonRequired') : fieldErrors['reason']}
        />
        {confirming ? (
          <div className="agreement__confirm" role="group" aria-label={t('agreementActions.terminate.confirmTitle')}>
            <p>{t('agreementActions.terminate.confirmText', { date: lastDeliveryOn || earliest })}</p>
            <div className="agreement__actions">
              <Button ref={confirmRef} variant="primary" disabled={terminate.isPending} onClick={confirm}>
                {t('agreementActions.terminate.confirm', { date: lastDeliveryOn || earliest })}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t('agreementActions.terminate.keep')}</Button>
            </div>
          </div>
        ) : (
          <div>
            <Button type="submit">{t('agreementActions.terminate.open')}</Button>
          </div>
        )}
        {terminate.isError && !named ? (
          <p role="alert" className="agreement__error">
            {isApiError(terminate.error) && terminate.error.status > 0 && terminate.error.status < 500 ? terminate.error.message : t('errors.tryLater')}
          </p>
        ) : null}
      </form>
    </Section>
  );
}
