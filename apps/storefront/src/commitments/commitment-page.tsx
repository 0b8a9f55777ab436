import { isApiError, type DeliverySiteView } from '@shanhai/api-client';
import type { CommitmentView } from '@shanhai/contract';
import { addDays, businessDay, isIsoDay } from '@shanhai/domain';
import { Badge, Button, Container, Price, Section, Select, StatusMessage, TextField, fenToYuanInput, useLanguage, useLocalize } from '@shanhai/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { emptyProposal, skuChoices } from '../agreements/proposal-defaults';
import { TermsForm } from '../agreements/terms-form';
import { useProduct } from '../catalog/catalog.queries';
import { useDeliverySites } from '../identity/identity.queries';
import { useSession } from '../identity/session-provider';
import { BuyerGate } from '../ordering/buyer-gate';
import { formatChinaTime } from '../ordering/order-labels';
import { COMMITTING_ROLES } from './commit-harvest-link';
import { commitmentTone, isStanding } from './commitment-labels';
import { useCommitment, useCommitmentAction, type CommitmentOrderBody } from './commitments.queries';
import '../catalog/product.css';
import '../ordering/ordering.css';
import '../agreements/agreements.css';

const apiReason = (error: unknown, fallback: string) => (isApiError(error) && error.status > 0 && error.status < 500 ? error.message : fallback);

export function CommitmentPage() {
  const { commitmentId = '' } = useParams();
  return (
    <Container className="page agreements-page">
      <BuyerGate>{(buyer) => <CommitmentDetail id={commitmentId} organisationId={buyer.organisationId} />}</BuyerGate>
    </Container>
  );
}

function CommitmentDetail({ id, organisationId }: { id: string; organisationId: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [params] = useSearchParams();
  const { buyerRoles, canPurchase } = useSession();
  const commitment = useCommitment(id);
  const sites = useDeliverySites(organisationId);
  if (commitment.isPending) return <StatusMessage tone="loading" />;
  if (commitment.isError) {
    if (isApiError(commitment.error) && commitment.error.status === 404) {
      return (
        <StatusMessage tone="empty" title={t('commitments.detail.notFound')}>
          <Link to="/commitments">{t('commitments.detail.back')}</Link>
        </StatusMessage>
      );
    }
    return <StatusMessage tone="error" title={t('errors.pageFailed')} onRetry={() => void commitment.refetch()} />;
  }
  const c = commitment.data;
  const product = localize(c.product.nameZh, c.product.nameEn);
  const title = t('commitments.detail.title', { product, month: c.harvestMonth });
  const standing = isStanding(c.status);
  const mayCommit = buyerRoles.includes('buyer_admin') || buyerRoles.includes('buyer_approver');
  const mayCancel = COMMITTING_ROLES.some((r) => buyerRoles.includes(r));
  return (
    <>
      <title>{`${title} · ${t('app.name')}`}</title>
      <p>
        <Link to="/commitments">{t('commitments.detail.back')}</Link>
      </p>
      <h1 className="page__title">{title}</h1>
      <p>
        <Badge tone={commitmentTone(c.status)}>
          <span data-testid="commitment-status">{t(`commitments.statuses.${c.status}`)}</span>
        </Badge>{' '}
        {t('agreements.detail.parties', { buyer: localize(c.buyer.name, c.buyer.nameEn), supplier: localize(c.supplier.name, c.supplier.nameEn) })}
      </p>
      {params.get('created') ? <p role="status">{t('commitments.detail.created')}</p> : null}
      <Facts commitment={c} sites={sites.data ?? []} />
      {standing && canPurchase ? <OrderFromCommitment commitment={c} sites={sites.data ?? []} /> : null}
      {standing && mayCommit ? <AgreementFromCommitment commitment={c} sites={sites.data ?? []} /> : null}
      {standing && mayCancel ? <CancelCommitment commitment={c} /> : null}
    </>
  );
}

function Facts({ commitment: c, sites }: { commitment: CommitmentView; sites: readonly DeliverySiteView[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const site = sites.find((s) => s.id === c.deliverySiteId);
  return (
    <Section id="commitment-facts" title={t('commitments.detail.facts')} className="agreement__section">
      <dl className="agreement__facts" data-testid="commitment-facts">
        <div>
          <dt>{t('commitments.fields.product')}</dt>
          <dd>
            <Link to={`/products/${c.product.id}`}>{localize(c.product.nameZh, c.product.nameEn)}</Link> · {c.sku.code}
          </dd>
        </div>
        <div>
          <dt>{t('commitments.fields.harvestMonth')}</dt>
          <dd>{c.harvestMonth}</dd>
        </div>
        <div>
          <dt>{t('commitments.fields.quantity')}</dt>
          <dd>
            {c.quantity} {localize(c.sku.packingUnitZh, c.sku.packingUnitEn)}
          </dd>
        </div>
        <div>
          <dt>{t('commitments.fields.targetPrice')}</dt>
          <dd>{c.targetPriceFen !== null ? <Price fen={c.targetPriceFen} /> : '—'}</dd>
        </div>
        <div>
          <dt>{t('commitments.fields.site')}</dt>
          <dd>{c.deliverySiteId ? (site?.name ?? c.deliverySiteId) : t('commitments.create.noSite')}</dd>
        </div>
        <div>
          <dt>{t('commitments.detail.createdAt')}</dt>
          <dd>{formatChinaTime(c.createdAt, language)}</dd>
        </div>
        {c.note ? (
          <div>
            <dt>{t('agreements.detail.note')}</dt>
            <dd>{c.note}</dd>
          </div>
        ) : null}
      </dl>
      <CooperativeAnswer commitment={c} />
      {c.agreementId ? (
        <p>
          {t('commitments.detail.becameAgreement')} <Link to={`/agreements/${c.agreementId}`}>{t('commitments.detail.openAgreement')}</Link>
        </p>
      ) : null}
      {c.buyerOrderId ? (
        <p>
          {t('commitments.detail.becameOrder')} <Link to={`/orders/${c.buyerOrderId}`}>{t('commitments.detail.openOrder')}</Link>
        </p>
      ) : null}
    </Section>
  );
}

/** The cooperative's acknowledgement (it plans planting for it) or decline, with its note. */
function CooperativeAnswer({ commitment: c }: { commitment: CommitmentView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const note = c.decisionNote ? t('commitments.detail.noteWas', { note: c.decisionNote }) : '';
  if (c.status === 'declined') return <p data-testid="commitment-answer">{`${t('commitments.detail.declined')} ${note}`.trim()}</p>;
  if (c.acknowledgedAt) {
    return (
      <p data-testid="commitment-answer">{`${t('commitments.detail.acknowledged', { time: formatChinaTime(c.acknowledgedAt, language) })} ${note}`.trim()}</p>
    );
  }
  if (c.status === 'open') return <p data-testid="commitment-answer">{t('commitments.detail.waiting')}</p>;
  return null;
}

const ORDER_METHODS = ['card', 'wechat_pay', 'alipay', 'invoice'] as const;

/** "Order now": one ordinary order of the committed SKU through checkout's rules; goes to the new order. */
function OrderFromCommitment({ commitment, sites }: { commitment: CommitmentView; sites: readonly DeliverySiteView[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { order } = useCommitmentAction(commitment.id);
  const [open, setOpen] = useState(false);
  const [siteId, setSiteId] = useState(commitment.deliverySiteId ?? sites[0]?.id ?? '');
  const [date, setDate] = useState(addDays(businessDay(), 3));
  const [method, setMethod] = useState<CommitmentOrderBody['paymentMethod']>('card');
  const [quantity, setQuantity] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const apiErrors = isApiError(order.error) ? order.error.fieldErrors() : {};
  const errorOf = (field: string, own: string) => (problems.includes(field) ? own : apiErrors[field]);
  const named = ['deliverySiteId', 'deliveryDate', 'paymentMethod', 'quantity'].some((f) => apiErrors[f]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const qty = quantity.trim() ? (/^\d{1,7}$/.test(quantity.trim()) ? Number(quantity.trim()) : 0) : undefined;
    const found = [...(!siteId ? ['deliverySiteId'] : []), ...(!isIsoDay(date) ? ['deliveryDate'] : []), ...(qty === 0 ? ['quantity'] : [])];
    setProblems(found);
    if (found.length > 0) return;
    order.mutate(
      { deliverySiteId: siteId, deliveryDate: date, paymentMethod: method, ...(qty !== undefined ? { quantity: qty } : {}) },
      { onSuccess: (placed) => void navigate(`/orders/${placed.id}`) },
    );
  };
  return (
    <Section id="commitment-order-section" title={t('commitments.order.title')} className="agreement__section">
      <p>{t('commitments.order.hint')}</p>
      {!open ? (
        <Button onClick={() => setOpen(true)}>{t('commitments.order.open')}</Button>
      ) : (
        <form className="agreement__form" onSubmit={submit} noValidate aria-label={t('commitments.order.title')}>
          <Select
            label={t('agreements.propose.site')}
            value={siteId}
            onChange={(e) => setSiteId(e.target.value)}
            error={errorOf('deliverySiteId', t('agreementActions.form.siteRequired'))}
            options={sites.map((s) => ({ value: s.id, label: s.name }))}
          />
          <TextField
            label={t('commitments.order.date')}
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            error={errorOf('deliveryDate', t('agreementActions.form.dateInvalid'))}
          />
          <Select
            label={t('agreements.propose.payment')}
            value={method}
            onChange={(e) => setMethod(ORDER_METHODS.find((m) => m === e.target.value) ?? 'card')}
            error={apiErrors['paymentMethod']}
            options={ORDER_METHODS.map((m) => ({ value: m, label: t(`ordering.methods.${m}`) }))}
          />
          <TextField
            label={t('commitments.order.quantity')}
            inputMode="numeric"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            hint={t('commitments.order.quantityHint', { n: commitment.quantity })}
            error={errorOf('quantity', t('agreementActions.substitute.quantityInvalid'))}
          />
          {order.isError && !named ? (
            <p role="alert" className="agreement__error">
              {apiReason(order.error, t('errors.tryLater'))}
            </p>
          ) : null}
          <div className="agreement__actions">
            <Button type="submit" variant="primary" disabled={order.isPending}>
              {t('commitments.order.submit', { date })}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('agreementActions.cancel')}</Button>
          </div>
        </form>
      )}
    </Section>
  );
}

/** "Turn into an agreement": the terms, prefilled from the commitment; goes to the new agreement proposal. */
function AgreementFromCommitment({ commitment, sites }: { commitment: CommitmentView; sites: readonly DeliverySiteView[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  return (
    <Section id="commitment-agreement-section" title={t('commitments.agreement.title')} className="agreement__section">
      <p>{t('commitments.agreement.hint')}</p>
      {open ? (
        <AgreementTerms
          commitment={commitment}
          sites={sites}
          onCancel={() => {
            setOpen(false);
            setTimeout(() => openRef.current?.focus(), 0);
          }}
        />
      ) : (
        <Button ref={openRef} onClick={() => setOpen(true)}>
          {t('commitments.agreement.open')}
        </Button>
      )}
    </Section>
  );
}

function AgreementTerms({ commitment, sites, onCancel }: { commitment: CommitmentView; sites: readonly DeliverySiteView[]; onCancel: () => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const { toAgreement } = useCommitmentAction(commitment.id);
  const product = useProduct(commitment.product.id);
  if (product.isPending) return <StatusMessage tone="loading" />;
  if (product.isError) return <StatusMessage tone="error" title={t('errors.sectionFailed')} onRetry={() => void product.refetch()} />;
  const sku = product.data.skus.find((s) => s.id === commitment.sku.id);
  const harvestStart = `${commitment.harvestMonth}-01`;
  const soonest = addDays(businessDay(), 7);
  const start = harvestStart > soonest ? harvestStart : soonest;
  return (
    <TermsForm
      label={t('commitments.agreement.title')}
      skus={skuChoices(product.data, localize)}
      sites={sites}
      initial={emptyProposal({
        skuId: commitment.sku.id,
        quantity: String(sku?.minOrderQuantity ?? ''),
        priceYuan: fenToYuanInput(commitment.targetPriceFen ?? sku?.priceFen ?? 0),
        startDate: start,
        endDate: addDays(start, 90),
        deliverySiteId: commitment.deliverySiteId ?? sites[0]?.id ?? '',
      })}
      submitLabel={t('commitments.agreement.submit')}
      pending={toAgreement.isPending}
      error={toAgreement.error}
      onSubmit={(body) => toAgreement.mutate(body, { onSuccess: (view) => void navigate(`/agreements/${view.id}?proposed=1`) })}
      onCancel={onCancel}
    />
  );
}

/** Cancel it before it is converted: an optional reason, then a confirmation. */
function CancelCommitment({ commitment }: { commitment: CommitmentView }) {
  const { t } = useTranslation();
  const { cancel } = useCommitmentAction(commitment.id);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  return (
    <Section id="commitment-cancel-section" title={t('commitments.cancel.title')} className="agreement__section">
      {done ? <p role="status">{t('commitments.cancel.done')}</p> : null}
      {!confirming ? (
        <Button
          onClick={() => {
            setConfirming(true);
            setTimeout(() => confirmRef.current?.focus(), 0);
          }}
        >
          {t('commitments.cancel.open')}
        </Button>
      ) : (
        <div className="agreement__confirm agreement__form" role="group" aria-label={t('commitments.cancel.title')}>
          <p>{t('commitments.cancel.confirmText', { month: commitment.harvestMonth })}</p>
          <TextField label={t('commitments.cancel.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          <div className="agreement__actions">
            <Button
              ref={confirmRef}
              variant="primary"
              disabled={cancel.isPending}
              onClick={() =>
                void cancel.mutateAsync(reason.trim() ? { reason: reason.trim() } : {}).then(
                  () => {
                    setConfirming(false);
                    setDone(true);
                  },
                  () => undefined,
                )
              }
            >
              {t('commitments.cancel.confirm', { month: commitment.harvestMonth })}
            </Button>
            <Button onClick={() => setConfirming(false)}>{t('commitments.cancel.keep')}</Button>
          </div>
        </div>
      )}
      {cancel.isError ? (
        <p role="alert" className="agreement__error">
          {apiReason(cancel.error, t('errors.tryLater'))}
        </p>
      ) : null}
    </Section>
  );
}
