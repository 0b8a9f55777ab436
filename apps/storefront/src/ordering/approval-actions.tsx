import { isApiError } from '@shanhai/api-client';
import type { BuyerOrderView } from '@shanhai/contract';
import { Button, StatusMessage, TextField } from '@shanhai/ui';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDecideApproval, type ApprovalDecision } from './ordering.queries';

/**
 * Approve, or reject with an optional reason, one order waiting above the threshold. Rejecting asks once
 * more (it cancels the order and releases its stock); the reason field takes focus when it opens, and
 * "keep it" gives focus back to the button that opened it.
 */
export function ApprovalActions({ orderId, number, onDecided }: { orderId: string; number: string; onDecided?: (order: BuyerOrderView, decision: ApprovalDecision) => void }) {
  const { t } = useTranslation();
  const decide = useDecideApproval();
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
  const noteRef = useRef<HTMLInputElement>(null);
  const rejectRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const formId = useId();

  useEffect(() => {
    if (rejecting) noteRef.current?.focus();
    else if (returnFocus.current) rejectRef.current?.focus();
    returnFocus.current = false;
  }, [rejecting]);

  const send = (decision: ApprovalDecision) => {
    if (decide.isPending) return;
    decide.mutate({ orderId, decision, note: decision === 'reject' ? note.trim() || undefined : undefined }, { onSuccess: (order) => onDecided?.(order, decision) });
  };
  const submitReject = (event: FormEvent) => {
    event.preventDefault();
    send('reject');
  };
  const noteError = isApiError(decide.error) ? decide.error.fieldErrors().note : undefined;

  return (
    <div className="approval-actions">
      {rejecting ? (
        <form className="approval-actions__reject" onSubmit={submitReject} noValidate aria-label={t('ordering.approval.rejectLabel', { number })} id={formId}>
          <TextField ref={noteRef} label={t('ordering.approval.rejectNote')} value={note} maxLength={500} error={noteError} onChange={(e) => setNote(e.target.value)} />
          <div className="approval-actions__buttons">
            <Button type="submit" variant="primary" className="approval-actions__confirm" disabled={decide.isPending} aria-busy={decide.isPending || undefined}>
              {t('ordering.approval.confirmReject')}
            </Button>
            <Button
              onClick={() => {
                returnFocus.current = true;
                setRejecting(false);
                decide.reset();
              }}
            >
              {t('ordering.approval.keep')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="approval-actions__buttons">
          <Button variant="primary" onClick={() => send('approve')} disabled={decide.isPending} aria-label={t('ordering.approval.approveLabel', { number })}>
            {t('ordering.approval.approve')}
          </Button>
          <Button ref={rejectRef} onClick={() => setRejecting(true)} disabled={decide.isPending} aria-label={t('ordering.approval.rejectLabel', { number })}>
            {t('ordering.approval.reject')}
          </Button>
        </div>
      )}
      {decide.isError && !noteError ? (
        <StatusMessage tone="error" title={t('ordering.approval.failedDecision')}>
          {isApiError(decide.error) && decide.error.status !== 0 ? decide.error.message : t('errors.network')}
        </StatusMessage>
      ) : null}
    </div>
  );
}
