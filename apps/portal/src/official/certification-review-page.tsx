import type { ProductDetail } from '@shanhai/contract';
import { Badge, Button, Checkbox, Container, Price, Section, TextField, useLanguage, useLocalize } from '@shanhai/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CertificationDetailView, CertificationView, OrganisationView } from '../api/views';
import { errorText, fieldErrorsOf } from '../common/errors';
import { FormAlert } from '../common/form-alert';
import { dateOnly, formatChinaTime, formatCount, isIsoDay, monthLabel, todayInChina } from '../common/format';
import { statusTone, useLabels } from '../common/labels';
import { PageTitle } from '../common/page-title';
import { QueryView } from '../common/query-view';
import { useCertifications, useHelped, useOrganisation, useProductDetail } from '../common/shared.queries';
import { TextArea } from '../common/text-area';
import { DocumentList } from '../evidence/evidence-documents';
import { useCertification } from '../evidence/evidence.queries';
import { useCurrentWorkspace } from '../identity/workspace-provider';
import { validateCertification, type CertifyField, type CertifyValues, type IncomeMode } from './certification-form-model';
import { DivisionName } from './official-bits';
import { useDecideCertification, useRevokeCertification } from './official.queries';

const INCOME_MODES: IncomeMode[] = ['wages', 'assets', 'operating'];

/**
 * One application with its evidence: what the supplier wrote, the product as it is described (origin, SKUs, lots
 * and the bases they were grown on, photos), the supplier and its linked households, and whether the county is
 * covered by a pairing; then the decision, or the revocation of a certificate in force.
 */
export function CertificationReviewPage() {
  const { t } = useTranslation();
  const { certificationId = '' } = useParams();
  const certification = useCertification(certificationId);
  return (
    <Container className="page">
      <p className="back-link">
        <Link to="/certifications">{t('certify.back')}</Link>
      </p>
      <QueryView query={certification} errorTitle={t('certify.notFound')}>
        {(cert) => <Review cert={cert} />}
      </QueryView>
    </Container>
  );
}

function Review({ cert }: { cert: CertificationDetailView }) {
  const { t } = useTranslation();
  // Earlier applications for the same product, from the jurisdiction's list (secondary: the page does not wait).
  const all = useCertifications(null);
  const history = (all.data ?? []).filter((c) => c.productId === cert.productId && c.id !== cert.id);
  const { language } = useLanguage();
  const labels = useLabels();
  const product = useProductDetail(cert.productId);
  const supplier = useOrganisation(cert.supplierId);
  const helped = useHelped(cert.countyCode);
  const localize = useLocalize();
  return (
    <>
      <PageTitle>{t('certify.reviewTitle', { product: localize(cert.productNameZh, cert.productNameEn) })}</PageTitle>
      <p className="badges">
        <Badge tone={statusTone(cert.status)}>
          <span data-testid="certification-status">{labels.certification(cert.status)}</span>
        </Badge>
        {helped.data ? <Badge tone={helped.data.helped ? 'success' : 'danger'}>{t(helped.data.helped ? 'certify.countyHelped' : 'certify.countyNotHelped')}</Badge> : null}
      </p>

      <Section id="evidence" title={t('certify.evidence')}>
        <dl className="facts">
          <div>
            <dt>{t('certify.appliedAt')}</dt>
            <dd>{formatChinaTime(cert.appliedAt, language)}</dd>
          </div>
          <div>
            <dt>{t('certify.county')}</dt>
            <dd>
              <DivisionName code={cert.countyCode} />
            </dd>
          </div>
          <div>
            <dt>{t('certify.pairings')}</dt>
            <dd>{helped.data ? helped.data.pairings.map((p) => localize(p.name, p.nameEn)).join(t('common.listSeparator')) || t('certify.noPairing') : '…'}</dd>
          </div>
        </dl>
        <blockquote className="evidence-text" data-testid="evidence-text">
          {cert.evidence?.trim() ? cert.evidence : t('certify.noEvidence')}
        </blockquote>
      </Section>

      <Section id="evidence-documents" title={t('evidence.certificationTitle')} description={t('evidence.reviewIntro')}>
        <DocumentList documents={cert.documents} owner={{ kind: 'certification', id: cert.id }} label={t('evidence.certificationTitle')} />
      </Section>

      <div className="review-grid">
        <Section id="evidence-product" title={t('certify.productSection')}>
          <QueryView query={product}>{(p) => <ProductEvidence product={p} />}</QueryView>
        </Section>
        <Section id="evidence-supplier" title={t('certify.supplierSection')}>
          <QueryView query={supplier}>{(org) => <SupplierEvidence org={org} />}</QueryView>
        </Section>
      </div>

      {history.length > 0 ? (
        <Section id="evidence-history" title={t('certify.history')}>
          <ul className="plain-list">
            {history.map((h) => (
              <li key={h.id}>
                {formatChinaTime(h.appliedAt, language)} · {labels.certification(h.status)}
                {h.certificateNo ? ` · ${h.certificateNo}` : ''}
                {h.decisionNote ? ` · ${h.decisionNote}` : ''}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {cert.status === 'applied' ? <DecisionForm cert={cert} householdsDefault={supplier.data ? supplier.data.householdsLifted + supplier.data.householdsMonitored : null} /> : null}
      {cert.status !== 'applied' ? <Decided cert={cert} /> : null}
      {cert.status === 'certified' ? <RevocationForm cert={cert} /> : null}
    </>
  );
}

function ProductEvidence({ product }: { product: ProductDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const labels = useLabels();
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('certify.productName')}</dt>
          <dd>{product.nameZh}</dd>
        </div>
        {product.nameEn ? (
          <div>
            <dt>{t('certify.productNameEn')}</dt>
            <dd>{product.nameEn}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('products.form.category')}</dt>
          <dd>{localize(product.category.nameZh, product.category.nameEn)}</dd>
        </div>
        <div>
          <dt>{t('certify.origin')}</dt>
          <dd>{product.origin.map((d) => localize(d.name, d.nameEn)).join(' › ')}</dd>
        </div>
        <div>
          <dt>{t('certify.gradeAndSpec')}</dt>
          <dd>{[product.grade, product.spec].filter(Boolean).join(' · ') || '—'}</dd>
        </div>
        <div>
          <dt>{t('products.form.storage')}</dt>
          <dd>{labels.storage(product.storageClass)}</dd>
        </div>
        <div>
          <dt>{t('products.form.seasons')}</dt>
          <dd>{product.seasons.length ? product.seasons.map((m) => monthLabel(m, language)).join(t('common.listSeparator')) : '—'}</dd>
        </div>
        <div>
          <dt>{t('certify.productStatus')}</dt>
          <dd>{labels.productStatus(product.status)}</dd>
        </div>
      </dl>
      {product.descriptionZh ? <p className="evidence-description">{localize(product.descriptionZh, product.descriptionEn)}</p> : null}
      {product.images.length ? (
        <ul className="image-grid">
          {product.images.map((image, i) => (
            <li key={image.id}>
              <img src={image.url} alt={t('images.alt', { name: product.nameZh, n: i + 1 })} loading="lazy" width={160} height={120} />
            </li>
          ))}
        </ul>
      ) : null}
      <h3 className="subheading">{t('certify.skusAndLots')}</h3>
      {product.skus.length === 0 ? <p>{t('skus.none')}</p> : null}
      {product.skus.map((sku) => (
        <div key={sku.id} className="evidence-sku">
          <p>
            <span className="code">{sku.code}</span> · {localize(sku.packingUnitZh, sku.packingUnitEn)} · <Price fen={sku.priceFen} /> ·{' '}
            {t('certify.stock', { units: formatCount(sku.stockUnits, language) })}
          </p>
          {sku.lots.length ? (
            <ul className="plain-list">
              {sku.lots.map((lot) => (
                <li key={lot.id}>
                  {t('certify.lotLine', { code: lot.code, date: dateOnly(lot.harvestDate), base: lot.baseName, units: formatCount(lot.availableUnits, language) })}
                  {lot.inspectionNote ? ` · ${lot.inspectionNote}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p className="cell-note">{t('skus.noLots')}</p>
          )}
        </div>
      ))}
    </>
  );
}

function SupplierEvidence({ org }: { org: OrganisationView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const labels = useLabels();
  return (
    <dl className="facts">
      <div>
        <dt>{t('verify.supplier')}</dt>
        <dd>{localize(org.name, org.nameEn)}</dd>
      </div>
      <div>
        <dt>{t('profile.verification')}</dt>
        <dd>
          <Badge tone={statusTone(org.verificationStatus)}>{labels.verification(org.verificationStatus)}</Badge>
        </dd>
      </div>
      <div>
        <dt>{t('profile.county')}</dt>
        <dd>
          <DivisionName code={org.divisionCode} />
        </dd>
      </div>
      <div>
        <dt>{t('profile.households')}</dt>
        <dd>
          {t('profile.householdsLine', {
            lifted: formatCount(org.householdsLifted, language),
            monitored: formatCount(org.householdsMonitored, language),
            atRisk: formatCount(org.householdsAtRisk, language),
          })}
        </dd>
      </div>
      <div>
        <dt>{t('profile.contact')}</dt>
        <dd>{[org.contactName, org.contactPhone].filter(Boolean).join(' · ') || '—'}</dd>
      </div>
    </dl>
  );
}

function Decided({ cert }: { cert: CertificationView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const labels = useLabels();
  return (
    <Section id="decision" title={t('certify.decisionSection')}>
      <dl className="facts" data-testid="decision">
        <div>
          <dt>{t('certify.status')}</dt>
          <dd>{labels.certification(cert.status)}</dd>
        </div>
        {cert.certificateNo ? (
          <div>
            <dt>{t('certification.certificateNo')}</dt>
            <dd>{cert.certificateNo}</dd>
          </div>
        ) : null}
        {cert.authority ? (
          <div>
            <dt>{t('certification.authority')}</dt>
            <dd>{cert.authority}</dd>
          </div>
        ) : null}
        {cert.validFrom ? (
          <div>
            <dt>{t('certification.validity')}</dt>
            <dd>{t('certification.validRange', { from: cert.validFrom, to: cert.validTo ?? '' })}</dd>
          </div>
        ) : null}
        {cert.householdsReached !== null ? (
          <div>
            <dt>{t('certify.householdsReached')}</dt>
            <dd>{formatCount(cert.householdsReached, language)}</dd>
          </div>
        ) : null}
        {cert.incomeModes.length ? (
          <div>
            <dt>{t('certification.incomeModes')}</dt>
            <dd>{cert.incomeModes.map(labels.incomeMode).join(t('common.listSeparator'))}</dd>
          </div>
        ) : null}
        {cert.revokedOn ? (
          <div>
            <dt>{t('certification.revokedOn')}</dt>
            <dd>{cert.revokedOn}</dd>
          </div>
        ) : null}
        {cert.decidedAt ? (
          <div>
            <dt>{t('certify.decidedAt')}</dt>
            <dd>{formatChinaTime(cert.decidedAt, language)}</dd>
          </div>
        ) : null}
        {cert.decisionNote ? (
          <div>
            <dt>{t('certification.decisionNote')}</dt>
            <dd>{cert.decisionNote}</dd>
          </div>
        ) : null}
      </dl>
    </Section>
  );
}

function DecisionForm({ cert, householdsDefault }: { cert: CertificationView; householdsDefault: number | null }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const decide = useDecideCertification(cert.id);
  const today = todayInChina();
  const [values, setValues] = useState<CertifyValues>({
    decision: 'certify',
    certificateNo: '',
    authority: workspace.organisationName,
    validFrom: today,
    validTo: `${Number(today.slice(0, 4)) + 1}-12-31`,
    householdsReached: householdsDefault === null ? '' : String(householdsDefault),
    incomeModes: [],
    note: '',
  });
  const [local, setLocal] = useState<Partial<Record<CertifyField, string>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const apiErrors = fieldErrorsOf(decide.error);
  const errorFor = (f: CertifyField) => local[f] ?? apiErrors[f];
  const general = decide.isError && Object.keys(apiErrors).length === 0 ? [errorText(decide.error, t)] : [];
  const set = (patch: Partial<CertifyValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setLocal((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch)) delete next[key as CertifyField];
      return next;
    });
  };
  // The supplier's households arrive after the form was first drawn: offer them once they are there.
  useEffect(() => {
    if (householdsDefault !== null) setValues((v) => (v.householdsReached === '' ? { ...v, householdsReached: String(householdsDefault) } : v));
  }, [householdsDefault]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { errors, input } = validateCertification(values, t);
    setLocal(errors);
    if (!input) {
      queueMicrotask(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .incomes[data-invalid] input')?.focus());
      return;
    }
    decide.mutate(input);
  };

  const certifying = values.decision === 'certify';
  return (
    <Section id="decide" title={t('certify.decide')}>
      <form ref={formRef} className="form panel" onSubmit={submit} noValidate aria-busy={decide.isPending} data-testid="certification-decision">
        <FormAlert messages={general} />
        <fieldset className="form-fieldset">
          <legend className="ui-field__label">{t('certify.decision')}</legend>
          <div className="choice-row">
            <label className="choice">
              <input type="radio" name="certification-decision" checked={certifying} onChange={() => set({ decision: 'certify' })} />
              <span>{t('certify.certify')}</span>
            </label>
            <label className="choice">
              <input type="radio" name="certification-decision" checked={!certifying} onChange={() => set({ decision: 'reject' })} />
              <span>{t('certify.reject')}</span>
            </label>
          </div>
        </fieldset>
        {certifying ? (
          <>
            <div className="form-grid">
              <TextField label={t('certification.certificateNo')} hint={t('certify.certificateNoHint')} value={values.certificateNo} error={errorFor('certificateNo')} maxLength={64} onChange={(e) => set({ certificateNo: e.target.value })} />
              <TextField label={t('certification.authority')} value={values.authority} error={errorFor('authority')} maxLength={200} onChange={(e) => set({ authority: e.target.value })} />
              <TextField label={t('certify.validFrom')} type="date" value={values.validFrom} error={errorFor('validFrom')} onChange={(e) => set({ validFrom: e.target.value })} />
              <TextField label={t('certify.validTo')} type="date" min={isIsoDay(values.validFrom) ? values.validFrom : undefined} value={values.validTo} error={errorFor('validTo')} onChange={(e) => set({ validTo: e.target.value })} />
              <TextField label={t('certify.householdsReached')} hint={t('certify.householdsHint')} inputMode="numeric" value={values.householdsReached} error={errorFor('householdsReached')} onChange={(e) => set({ householdsReached: e.target.value })} />
            </div>
            <fieldset className="form-fieldset incomes" data-invalid={errorFor('incomeModes') ? 'true' : undefined} aria-describedby={errorFor('incomeModes') ? 'income-modes-error' : undefined}>
              <legend className="ui-field__label">{t('certification.incomeModes')}</legend>
              {INCOME_MODES.map((mode) => (
                <Checkbox
                  key={mode}
                  label={t(`labels.incomeMode.${mode}`)}
                  checked={values.incomeModes.includes(mode)}
                  onChange={(e) => set({ incomeModes: e.target.checked ? [...values.incomeModes, mode] : values.incomeModes.filter((m) => m !== mode) })}
                />
              ))}
              {errorFor('incomeModes') ? (
                <p className="ui-field__error" id="income-modes-error">
                  {errorFor('incomeModes')}
                </p>
              ) : null}
            </fieldset>
          </>
        ) : null}
        <TextArea label={t(certifying ? 'certify.noteOptional' : 'certify.rejectNote')} value={values.note} error={errorFor('note')} maxLength={2000} rows={3} onChange={(e) => set({ note: e.target.value })} />
        <Button type="submit" variant="primary" disabled={decide.isPending}>
          {decide.isPending ? t('form.saving') : t(certifying ? 'certify.submitCertify' : 'certify.submitReject')}
        </Button>
      </form>
    </Section>
  );
}

function RevocationForm({ cert }: { cert: CertificationView }) {
  const { t } = useTranslation();
  const revoke = useRevokeCertification(cert.id);
  const today = todayInChina();
  const [revokedOn, setRevokedOn] = useState(today);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<{ revokedOn?: string; reason?: string }>({});
  const apiErrors = fieldErrorsOf(revoke.error);
  const general = revoke.isError && Object.keys(apiErrors).length === 0 ? [errorText(revoke.error, t)] : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof local = {};
    if (!isIsoDay(revokedOn)) errors.revokedOn = t('form.date');
    else if (revokedOn < today) errors.revokedOn = t('certify.errors.revokedOn');
    if (!reason.trim()) errors.reason = t('form.required');
    setLocal(errors);
    if (Object.keys(errors).length) return;
    revoke.mutate({ revokedOn, reason: reason.trim() });
  };
  return (
    <Section id="revoke" title={t('certify.revokeTitle')} description={t('certify.revokeIntro')}>
      <form className="form panel" onSubmit={submit} noValidate aria-busy={revoke.isPending} data-testid="revocation-form">
        <FormAlert messages={general} />
        <div className="form-grid">
          <TextField label={t('certification.revokedOn')} type="date" min={today} value={revokedOn} error={local.revokedOn ?? apiErrors.revokedOn} onChange={(e) => setRevokedOn(e.target.value)} />
        </div>
        <TextArea label={t('certify.revokeReason')} value={reason} error={local.reason ?? apiErrors.reason} maxLength={2000} rows={3} onChange={(e) => setReason(e.target.value)} />
        <Button type="submit" disabled={revoke.isPending}>
          {revoke.isPending ? t('form.saving') : t('certify.revoke')}
        </Button>
      </form>
    </Section>
  );
}
