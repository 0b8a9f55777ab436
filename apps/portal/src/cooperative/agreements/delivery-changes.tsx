import type { AgreementDeliveryView, AgreementView, DeliveryChangeView } from '@shanhai/contract';
import { Badge, Button, Price, Section, Select, TextArea, TextField, useLocalize, type BadgeTone } from '@shanhai/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, fieldErrorsOf, otherFieldErrors } from '../../common/errors';
import { FormAlert } from '../../common/form-alert';
import { QueryView } from '../../common/query-view';
import { buildDeliveryChange, emptyChange, type ActionProblem, type ChangeValues } from './actions-model';
import { isRunning } from './agreement-actions';
import { useAgreementDeliveries, useDecideDeliveryChange, useProposeDeliveryChange } from './agreements.queries';
import { useSkuOptions } from './sku-options';
import './agreements.css';

function deliveryTone(status: string): BadgeTone {
  if (status === 'ordered') return 'success';
  if (status === 'short' || status === 'missed') return 'danger';
  if (status === 'held') return 'info';
  return 'neutral';
}

/** A day can still be changed while its order is not generated (the API answers 409 once it is). */
const changeable = (d: AgreementDeliveryView) => (d.status === 'scheduled' || d.status === 'held' || d.status === 'short') && d.change?.status !== 'proposed';

function useChangeText() {
  const { t } = useTranslation();
  const localize = useLocalize();
  return (c: DeliveryChangeView) =>
    c.kind === 'skip'
      ? t('agreementActions.changes.kinds.skip')
      : t('agreementActions.changes.substitute', {
          product: c.substituteSku ? localize(c.substituteSku.productNameZh, c.substituteSku.productNameEn) : '',
          code: c.substituteSku?.code ?? '',
        });
}

/** The delivery calendar: every day with its state, its order, its change, and "adjust" for a day not generated yet. */
export function Calendar({ agreement: a }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const deliveries = useAgreementDeliveries(a.id);
  const changeText = useChangeText();
  const [day, setDay] = useState<AgreementDeliveryView | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const running = isRunning(a);
  const agreedSku = a.current?.sku.code;
  return (
    <Section id="agreement-calendar" title={t('agreements.detail.calendar')} description={running ? t('agreementActions.changes.calendarHint') : undefined}>
      {done ? (
        <p role="status" data-testid="change-done">
          {t('agreementActions.changes.done', { date: done })}
        </p>
      ) : null}
      {day ? (
        <ChangeForm
          key={day.date}
          agreement={a}
          day={day}
          onCancel={() => setDay(null)}
          onDone={() => {
            setDone(day.date);
            setDay(null);
          }}
        />
      ) : null}
      <QueryView query={deliveries}>
        {(days) => (
          <div className="table-scroll" role="region" aria-label={t('agreements.detail.calendarCaption')} tabIndex={0}>
            <table className="data-table agreement-calendar" data-testid="agreement-calendar">
              <caption className="ui-visually-hidden">{t('agreements.detail.calendarCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('agreements.detail.date')}</th>
                  <th scope="col">{t('agreements.quantity')}</th>
                  <th scope="col">{t('agreements.detail.dayStatus')}</th>
                  <th scope="col">{t('agreements.detail.generationOpens')}</th>
                  <th scope="col">{t('agreements.detail.order')}</th>
                  <th scope="col">{t('agreementActions.changes.title')}</th>
                </tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.date} data-testid={`delivery-${d.date}`}>
                    <th scope="row">{d.date}</th>
                    <td>{d.skuCode === agreedSku ? d.quantity : `${d.quantity} · ${d.skuCode}`}</td>
                    <td>
                      <Badge tone={deliveryTone(d.status)}>{t(`agreements.deliveryStatuses.${d.status}`)}</Badge>
                    </td>
                    <td>{d.generationOpensOn}</td>
                    <td>{d.orderNumber ?? '—'}</td>
                    <td>
                      {d.change ? (
                        <span className="cell-note" data-testid="day-change">
                          {t('agreementActions.changes.dayChange', { change: changeText(d.change), status: t(`agreementActions.changes.statuses.${d.change.status}`) })}
                        </span>
                      ) : null}
                      {running && changeable(d) ? (
                        <Button variant="ghost" aria-label={t('agreementActions.changes.adjustDay', { date: d.date })} onClick={() => setDay(d)}>
                          {t('agreementActions.changes.adjust')}
                        </Button>
                      ) : null}
                    </td>
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

/** A skip or a substitution for one day, proposed to the buyer. */
function ChangeForm({ agreement: a, day, onCancel, onDone }: { agreement: AgreementView; day: AgreementDeliveryView; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const skus = useSkuOptions();
  const propose = useProposeDeliveryChange(a.id);
  const [values, setValues] = useState<ChangeValues>(emptyChange);
  const [problems, setProblems] = useState<Partial<Record<'substituteSkuId' | 'quantity' | 'unitPriceFen', ActionProblem>> | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set = <K extends keyof ChangeValues>(field: K, value: ChangeValues[K]) => setValues((v) => ({ ...v, [field]: value }));
  const api = fieldErrorsOf(propose.error);
  const problemText = (p: ActionProblem | undefined) => (p ? t(`agreementActions.form.problems.${p}`, { min: 1, multiple: 1 }) : undefined);
  const errorOf = (field: 'substituteSkuId' | 'quantity' | 'unitPriceFen') => (problems ? problemText(problems[field]) : api[field]);
  const general = problems || !propose.error ? [] : Object.keys(api).length === 0 ? [errorText(propose.error, t)] : otherFieldErrors(api, ['substituteSkuId', 'quantity', 'unitPriceFen', 'deliveryDate']);
  const others = skus.options.filter((o) => o.id !== day.skuId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildDeliveryChange(day.date, values);
    if ('problems' in built) return setProblems(built.problems);
    setProblems(null);
    // The promise, not a per-call callback: the form may be replaced by the day's pending change before it would fire.
    void propose.mutateAsync(built.body).then(onDone, () => undefined);
  };
  const title = t('agreementActions.changes.formTitle', { date: day.date });
  return (
    <form className="form panel" onSubmit={submit} noValidate aria-busy={propose.isPending} aria-label={title} data-testid="change-form">
      <h3 className="subheading" ref={heading} tabIndex={-1}>
        {title}
      </h3>
      <p className="ui-field__hint">{t('agreementActions.changes.formHint')}</p>
      <FormAlert messages={general} />
      {api.deliveryDate ? <p className="ui-field__error">{api.deliveryDate}</p> : null}
      <div className="form-grid">
        <Select
          label={t('agreementActions.changes.kind')}
          value={values.kind}
          options={(['substitute', 'skip'] as const).map((k) => ({ value: k, label: t(`agreementActions.changes.kinds.${k}`) }))}
          onChange={(e) => set('kind', e.target.value === 'skip' ? 'skip' : 'substitute')}
        />
        {values.kind === 'substitute' ? (
          <>
            <Select
              label={t('agreementActions.changes.substituteSku')}
              hint={others.length === 0 && !skus.pending ? t('agreementActions.changes.noOtherSku') : undefined}
              value={values.substituteSkuId}
              error={errorOf('substituteSkuId')}
              options={[{ value: '', label: t('agreementActions.form.skuNone') }, ...others.map((o) => ({ value: o.id, label: o.label }))]}
              onChange={(e) => set('substituteSkuId', e.target.value)}
            />
            <TextField label={t('agreementActions.changes.quantity')} hint={t('agreementActions.changes.quantityHint', { n: day.quantity })} inputMode="numeric" value={values.quantity} error={errorOf('quantity')} onChange={(e) => set('quantity', e.target.value)} />
            <TextField label={t('agreementActions.changes.unitPrice')} hint={t('agreementActions.changes.unitPriceHint')} inputMode="decimal" value={values.unitPriceYuan} error={errorOf('unitPriceFen')} onChange={(e) => set('unitPriceYuan', e.target.value)} />
          </>
        ) : null}
      </div>
      <TextArea label={t('agreementActions.changes.note')} rows={2} maxLength={1000} value={values.note} onChange={(e) => set('note', e.target.value)} />
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={propose.isPending}>
          {t('agreementActions.changes.submit')}
        </Button>
        <Button onClick={onCancel}>{t('form.cancel')}</Button>
      </div>
    </form>
  );
}

/** Every change of a day: the buyer's proposals to accept or decline, our own to withdraw while they wait. */
export function ChangesSection({ agreement: a }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const decide = useDecideDeliveryChange(a.id);
  const changeText = useChangeText();
  const [done, setDone] = useState<{ decision: 'accepted' | 'declined' | 'withdrawn'; date: string } | null>(null);
  const changes = [...a.changes].sort((x, y) => (x.deliveryDate === y.deliveryDate ? y.createdAt.localeCompare(x.createdAt) : x.deliveryDate.localeCompare(y.deliveryDate)));
  const run = (c: DeliveryChangeView, decision: 'accept' | 'decline' | 'withdraw') => {
    setDone(null);
    const message = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' } as const;
    decide.mutate({ changeId: c.id, decision }, { onSuccess: () => setDone({ decision: message[decision], date: c.deliveryDate }) });
  };
  return (
    <Section id="agreement-changes" title={t('agreementActions.changes.title')} description={t('agreementActions.changes.intro')}>
      {done ? <p role="status">{t(`agreementActions.changes.${done.decision}`, { date: done.date })}</p> : null}
      {decide.isError ? <FormAlert messages={[errorText(decide.error, t)]} /> : null}
      {changes.length === 0 ? (
        <p>{t('agreementActions.changes.none')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t('agreementActions.changes.caption')} tabIndex={0}>
          <table className="data-table" data-testid="agreement-changes">
            <caption className="ui-visually-hidden">{t('agreementActions.changes.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agreements.detail.date')}</th>
                <th scope="col">{t('agreementActions.changes.what')}</th>
                <th scope="col">{t('agreementActions.changes.proposedBy')}</th>
                <th scope="col">{t('agreements.status')}</th>
                <th scope="col">{t('agreementActions.changes.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.id} data-testid={`change-${c.deliveryDate}`}>
                  <th scope="row">{c.deliveryDate}</th>
                  <td>
                    {changeText(c)}
                    {c.quantity !== null ? ` · ${t('agreementActions.changes.units', { n: c.quantity })}` : ''}
                    {c.unitPriceFen !== null ? (
                      <>
                        {' · '}
                        <Price fen={c.unitPriceFen} />
                      </>
                    ) : null}
                    {c.note ? <span className="cell-note">{c.note}</span> : null}
                  </td>
                  <td>{t(`agreements.sides.${c.proposedSide}`)}</td>
                  <td>
                    <Badge tone={c.status === 'accepted' ? 'success' : c.status === 'proposed' ? 'warning' : 'neutral'}>{t(`agreementActions.changes.statuses.${c.status}`)}</Badge>
                  </td>
                  <td>
                    {c.status === 'proposed' && c.proposedSide === 'buyer' ? (
                      <div className="form-actions">
                        <Button variant="primary" disabled={decide.isPending} onClick={() => run(c, 'accept')}>
                          {t('agreementActions.changes.accept', { date: c.deliveryDate })}
                        </Button>
                        <Button disabled={decide.isPending} onClick={() => run(c, 'decline')}>
                          {t('agreementActions.changes.decline', { date: c.deliveryDate })}
                        </Button>
                      </div>
                    ) : c.status === 'proposed' ? (
                      <Button disabled={decide.isPending} onClick={() => run(c, 'withdraw')}>
                        {t('agreementActions.changes.withdraw', { date: c.deliveryDate })}
                      </Button>
                    ) : (
                      '—'
                    )}
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
