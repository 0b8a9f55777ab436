import type { FulfilmentLineView, SupplierOrderDetailView } from '@shanhai/contract';
import { Badge, Button, Container, Price, Section, StatusMessage, TextField, useLanguage, useLocalize } from '@shanhai/ui';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText, fieldErrorsOf, otherFieldErrors } from '../../common/errors';
import { FormAlert } from '../../common/form-alert';
import { dateOnly, formatChinaTime, formatCount, isIsoDay, todayInChina } from '../../common/format';
import { statusTone, useLabels } from '../../common/labels';
import { PageTitle } from '../../common/page-title';
import { QueryView } from '../../common/query-view';
import { useDecideLines, useReceiptPhoto, useShip, useSupplierOrder, type LineDecisionInput } from './orders.queries';

/** One supplier order: decide its lines, ship it, and see what the buyer received, claimed and said. */
export function SupplierOrderPage() {
  const { t } = useTranslation();
  const { supplierOrderId = '' } = useParams();
  const order = useSupplierOrder(supplierOrderId);
  return (
    <Container className="page">
      <p className="back-link">
        <Link to="/orders">{t('orders.detail.back')}</Link>
      </p>
      <QueryView query={order} errorTitle={t('orders.detail.notFound')}>
        {(data) => <SupplierOrder order={data} />}
      </QueryView>
    </Container>
  );
}

function SupplierOrder({ order }: { order: SupplierOrderDetailView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const labels = useLabels();
  const title = t('orders.detail.title', { number: order.buyerOrderNumber });
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p className="badges">
        <Badge tone={statusTone(order.status)}>
          <span data-testid="supplier-order-status">{labels.supplierOrderStatus(order.status)}</span>
        </Badge>
        {order.completedAt ? <Badge tone="success">{t('orders.detail.completed')}</Badge> : null}
      </p>
      <dl className="facts facts--two">
        <div>
          <dt>{t('orders.detail.buyer')}</dt>
          <dd>{order.buyerOrganisationName}</dd>
        </div>
        <div>
          <dt>{t('orders.detail.deliveryDate')}</dt>
          <dd>
            <time dateTime={dateOnly(order.deliveryDate)}>{dateOnly(order.deliveryDate)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('orders.detail.site')}</dt>
          <dd>
            {order.deliverySite.name} · {order.deliverySite.address}
            {order.deliverySite.receivingHours ? <span className="cell-note">{t('orders.detail.hours', { hours: order.deliverySite.receivingHours })}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('orders.detail.placed')}</dt>
          <dd>{formatChinaTime(order.placedAt, language)}</dd>
        </div>
        <div>
          <dt>{t('orders.detail.payment')}</dt>
          <dd>
            {labels.paymentMethod(order.paymentMethod)} · {labels.paymentStatus(order.paymentStatus)}
          </dd>
        </div>
        <div>
          <dt>{t('orders.detail.buyerOrder')}</dt>
          <dd>{labels.buyerOrderStatus(order.buyerOrderStatus)}</dd>
        </div>
        <div>
          <dt>{t('orders.detail.produce')}</dt>
          <dd>
            <Price fen={order.produceFen} />
          </dd>
        </div>
        <div>
          <dt>{t('orders.detail.fee')}</dt>
          <dd>
            <Price fen={order.deliveryFeeFen} /> <span className="cell-note">{t('orders.detail.feeNote')}</span>
          </dd>
        </div>
        {order.completedAt ? (
          <div>
            <dt>{t('orders.detail.completedAt')}</dt>
            <dd>{formatChinaTime(order.completedAt, language)}</dd>
          </div>
        ) : null}
      </dl>

      {order.status === 'placed' ? <DecisionForm order={order} /> : null}
      {order.status === 'pending' ? <StatusMessage tone="empty" title={t('orders.detail.notYetPaid')} /> : null}

      <Section id="order-lines" title={t('orders.detail.lines')}>
        <LinesTable order={order} />
      </Section>

      {order.status === 'accepted' ? <ShipmentForm order={order} /> : null}
      {order.trackingNo ? (
        <Section id="order-shipment" title={t('orders.detail.shipment')}>
          <dl className="facts" data-testid="shipment">
            <div>
              <dt>{t('orders.ship.carrier')}</dt>
              <dd>{order.carrier}</dd>
            </div>
            <div>
              <dt>{t('orders.ship.trackingNo')}</dt>
              <dd className="code">{order.trackingNo}</dd>
            </div>
            <div>
              <dt>{t('orders.ship.shippedOn')}</dt>
              <dd>{order.shippedOn ? dateOnly(order.shippedOn) : ''}</dd>
            </div>
            {order.receivedAt ? (
              <div>
                <dt>{t('orders.detail.receivedAt')}</dt>
                <dd>{formatChinaTime(order.receivedAt, language)}</dd>
              </div>
            ) : null}
          </dl>
        </Section>
      ) : null}

      {order.claims.length > 0 ? <ClaimsSection order={order} /> : null}

      {order.status === 'received' ? (
        <Section id="order-evaluation" title={t('orders.detail.evaluation')}>
          {order.evaluationRating !== null ? (
            <p data-testid="evaluation">
              <span className="stars" aria-hidden="true">
                {'★'.repeat(order.evaluationRating)}
                {'☆'.repeat(5 - order.evaluationRating)}
              </span>{' '}
              {t('orders.detail.rating', { rating: order.evaluationRating })}
              {order.evaluationComment ? ` · ${order.evaluationComment}` : null}
              {order.evaluatedAt ? <span className="cell-note">{formatChinaTime(order.evaluatedAt, language)}</span> : null}
            </p>
          ) : (
            <p>{t('orders.detail.notEvaluated')}</p>
          )}
        </Section>
      ) : null}
    </>
  );
}

function LinesTable({ order }: { order: SupplierOrderDetailView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const labels = useLabels();
  const received = order.status === 'received';
  return (
    <div className="table-scroll" role="region" aria-label={t('orders.detail.lines')} tabIndex={0}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('orders.detail.product')}</th>
            <th scope="col">{t('orders.detail.quantity')}</th>
            <th scope="col">{t('orders.detail.unitPrice')}</th>
            <th scope="col">{t('orders.detail.lineTotal')}</th>
            <th scope="col">{t('orders.detail.lineStatus')}</th>
            <th scope="col">{t('orders.detail.lots')}</th>
            {received ? <th scope="col">{t('orders.detail.receipt')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id} data-testid="order-line">
              <th scope="row">
                {localize(line.productNameZh, line.productNameEn)}
                <span className="cell-note code">{line.skuCode}</span>
              </th>
              <td className="numeric">
                {formatCount(line.quantity, language)} × {line.packingUnitZh}
              </td>
              <td>
                <Price fen={line.unitPriceFen} />
              </td>
              <td>
                <Price fen={line.lineFen} />
              </td>
              <td>
                <Badge tone={statusTone(line.status)}>{labels.lineStatus(line.status)}</Badge>
              </td>
              <td>
                <ul className="plain-list">
                  {line.lots.map((lot) => (
                    <li key={lot.lotId}>{t('orders.detail.lot', { code: lot.lotCode, date: dateOnly(lot.harvestDate), quantity: formatCount(lot.quantity, language) })}</li>
                  ))}
                </ul>
              </td>
              {received ? (
                <td data-testid="line-receipt">
                  {line.status === 'accepted' ? <ReceiptCell line={line} /> : '—'}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReceiptCell({ line }: { line: FulfilmentLineView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const photo = useReceiptPhoto();
  useEffect(() => () => (photo.data ? URL.revokeObjectURL(photo.data) : undefined), [photo.data]);
  return (
    <>
      <span className={line.shortQuantity || line.damagedQuantity ? 'shortfall' : undefined}>
        {t('orders.detail.receivedLine', {
          accepted: formatCount(line.receivedQuantity, language),
          short: formatCount(line.shortQuantity, language),
          damaged: formatCount(line.damagedQuantity, language),
        })}
      </span>
      {line.receiptNote ? <span className="cell-note">{line.receiptNote}</span> : null}
      {line.receiptPhotoUrl && !photo.data ? (
        <Button variant="ghost" onClick={() => photo.mutate(line.id)} disabled={photo.isPending}>
          {t('orders.detail.showPhoto')}
        </Button>
      ) : null}
      {photo.data ? <img className="receipt-photo" src={photo.data} alt={t('orders.detail.photoAlt', { product: line.productNameZh })} /> : null}
      {photo.isError ? <span className="ui-field__error">{t('orders.detail.photoFailed')}</span> : null}
    </>
  );
}

function ClaimsSection({ order }: { order: SupplierOrderDetailView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const labels = useLabels();
  return (
    <Section id="order-claims" title={t('orders.detail.claims')} description={t('orders.detail.claimsIntro')}>
      <div className="table-scroll" role="region" aria-label={t('orders.detail.claims')} tabIndex={0}>
        <table className="data-table" data-testid="claims">
          <thead>
            <tr>
              <th scope="col">{t('orders.detail.claimReason')}</th>
              <th scope="col">{t('orders.detail.quantity')}</th>
              <th scope="col">{t('orders.detail.amount')}</th>
              <th scope="col">{t('orders.detail.claimStatus')}</th>
              <th scope="col">{t('orders.detail.claimNote')}</th>
              <th scope="col">{t('orders.detail.claimAt')}</th>
            </tr>
          </thead>
          <tbody>
            {order.claims.map((c) => (
              <tr key={c.id}>
                <th scope="row">{labels.claimReason(c.reason)}</th>
                <td className="numeric">{formatCount(c.quantity, language)}</td>
                <td>
                  <Price fen={c.amountFen} />
                </td>
                <td>
                  <Badge tone={c.status === 'open' ? 'warning' : 'neutral'}>{labels.claimStatus(c.status)}</Badge>
                </td>
                <td>{c.note ?? '—'}</td>
                <td>{formatChinaTime(c.createdAt, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

interface LineChoice {
  decision: 'accept' | 'reject';
  note: string;
}

/** Accept or reject every line at once (the API takes all decisions together, only while the order is placed). */
function DecisionForm({ order }: { order: SupplierOrderDetailView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const decide = useDecideLines(order.id);
  const alertRef = useRef<HTMLDivElement>(null);
  const [choices, setChoices] = useState<Record<string, LineChoice>>(() => Object.fromEntries(order.lines.map((l) => [l.id, { decision: 'accept', note: '' }])));
  const apiErrors = fieldErrorsOf(decide.error);
  const shown = order.lines.flatMap((_, i) => [`lines[${i}].note`]);
  const general = decide.isError ? (Object.keys(apiErrors).length ? otherFieldErrors(apiErrors, shown) : [errorText(decide.error, t)]) : [];
  const rejecting = Object.values(choices).filter((c) => c.decision === 'reject').length;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (decide.isPending) return;
    const lines: LineDecisionInput[] = order.lines.map((l) => {
      const c = choices[l.id];
      return { lineId: l.id, decision: c.decision, ...(c.decision === 'reject' && c.note.trim() ? { note: c.note.trim() } : {}) };
    });
    decide.mutate(lines, { onError: () => queueMicrotask(() => alertRef.current?.focus()) });
  };

  return (
    <Section id="order-decision" title={t('orders.decide.title')} description={t('orders.decide.intro')}>
      <form className="form decision-form" onSubmit={submit} noValidate aria-busy={decide.isPending} data-testid="decision-form">
        <FormAlert ref={alertRef} messages={general} />
        {order.lines.map((line, i) => {
          const c = choices[line.id];
          const set = (patch: Partial<LineChoice>) => setChoices((all) => ({ ...all, [line.id]: { ...all[line.id], ...patch } }));
          return (
            <fieldset key={line.id} className="decision-line" data-testid="decision-line">
              <legend className="decision-line__legend">
                {t('orders.decide.line', { product: localize(line.productNameZh, line.productNameEn), quantity: `${formatCount(line.quantity, language)} × ${line.packingUnitZh}` })}
              </legend>
              <div className="choice-row">
                <label className="choice">
                  <input type="radio" name={`decision-${line.id}`} checked={c.decision === 'accept'} onChange={() => set({ decision: 'accept' })} />
                  <span>{t('orders.decide.accept')}</span>
                </label>
                <label className="choice">
                  <input type="radio" name={`decision-${line.id}`} checked={c.decision === 'reject'} onChange={() => set({ decision: 'reject' })} />
                  <span>{t('orders.decide.reject')}</span>
                </label>
              </div>
              {c.decision === 'reject' ? (
                <TextField label={t('orders.decide.note')} hint={t('orders.decide.noteHint')} value={c.note} maxLength={500} error={apiErrors[`lines[${i}].note`]} onChange={(e) => set({ note: e.target.value })} />
              ) : null}
            </fieldset>
          );
        })}
        {rejecting > 0 ? (
          <p className="warning-text" role="note">
            {rejecting === order.lines.length ? t('orders.decide.rejectAll') : t('orders.decide.rejectSome', { count: rejecting })}
          </p>
        ) : null}
        <Button type="submit" variant="primary" disabled={decide.isPending}>
          {decide.isPending ? t('form.saving') : t('orders.decide.submit')}
        </Button>
      </form>
    </Section>
  );
}

const CARRIERS = ['顺丰速运', '京东物流', '中国邮政 EMS', '德邦快递', '中通快递', '自有车辆'];

/** Ship an accepted order with carrier, tracking number and the day it left (not in the future). */
function ShipmentForm({ order }: { order: SupplierOrderDetailView }) {
  const { t } = useTranslation();
  const ship = useShip(order.id);
  const listId = useId();
  const today = todayInChina();
  const [values, setValues] = useState({ carrier: '', trackingNo: '', shippedOn: today });
  const [local, setLocal] = useState<Partial<Record<'carrier' | 'trackingNo' | 'shippedOn', string>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const apiErrors = fieldErrorsOf(ship.error);
  const errorFor = (f: 'carrier' | 'trackingNo' | 'shippedOn') => local[f] ?? apiErrors[f];
  const general = ship.isError && Object.keys(apiErrors).length === 0 ? [errorText(ship.error, t)] : [];
  const placedDay = todayInChina(new Date(order.placedAt));
  const change = (field: 'carrier' | 'trackingNo' | 'shippedOn', value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setLocal((e) => (e[field] ? { ...e, [field]: undefined } : e));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof local = {};
    if (!values.carrier.trim()) errors.carrier = t('form.required');
    if (!values.trackingNo.trim()) errors.trackingNo = t('form.required');
    if (!isIsoDay(values.shippedOn)) errors.shippedOn = t('form.date');
    setLocal(errors);
    if (Object.keys(errors).length) {
      queueMicrotask(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    ship.mutate({ carrier: values.carrier.trim(), trackingNo: values.trackingNo.trim(), shippedOn: values.shippedOn });
  };

  return (
    <Section id="order-ship" title={t('orders.ship.title')} description={t('orders.ship.intro')}>
      <form ref={formRef} className="form" onSubmit={submit} noValidate aria-busy={ship.isPending} data-testid="shipment-form">
        <FormAlert messages={general} />
        <div className="form-grid">
          <TextField label={t('orders.ship.carrier')} list={listId} value={values.carrier} error={errorFor('carrier')} maxLength={100} onChange={(e) => change('carrier', e.target.value)} />
          <datalist id={listId}>
            {CARRIERS.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <TextField label={t('orders.ship.trackingNo')} value={values.trackingNo} error={errorFor('trackingNo')} maxLength={100} autoComplete="off" onChange={(e) => change('trackingNo', e.target.value)} />
          <TextField
            label={t('orders.ship.shippedOn')}
            type="date"
            min={placedDay}
            max={today}
            value={values.shippedOn}
            error={errorFor('shippedOn')}
            onChange={(e) => change('shippedOn', e.target.value)}
          />
        </div>
        <Button type="submit" variant="primary" disabled={ship.isPending}>
          {ship.isPending ? t('form.saving') : t('orders.ship.submit')}
        </Button>
      </form>
    </Section>
  );
}
