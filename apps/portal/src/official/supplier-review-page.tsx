import { Badge, Button, Container, Section, StatusMessage, useLanguage, useLocalize } from '@shanhai/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { OrganisationView } from '../api/views';
import { errorText } from '../common/errors';
import { FormAlert } from '../common/form-alert';
import { formatChinaTime, formatCount } from '../common/format';
import { statusTone, useLabels } from '../common/labels';
import { PageTitle } from '../common/page-title';
import { QueryView } from '../common/query-view';
import { useOrganisation, useProductionBases } from '../common/shared.queries';
import { TextArea } from '../common/text-area';
import { useSupplierProducts } from '../cooperative/catalog/catalog.queries';
import { SupplierProductsTable } from '../cooperative/catalog/products-page';
import { ProductionBasesTable } from '../cooperative/profile/profile-page';
import { EvidenceDocuments } from '../evidence/evidence-documents';
import { DivisionName } from './official-bits';
import { useVerifySupplier } from './official.queries';

/** One supplier of the jurisdiction: what it registered (the evidence there is) and the verification decision. */
export function SupplierReviewPage() {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const organisation = useOrganisation(organisationId);
  return (
    <Container className="page">
      <p className="back-link">
        <Link to="/suppliers">{t('verify.back')}</Link>
      </p>
      <QueryView query={organisation} errorTitle={t('verify.notFound')}>
        {(org) => <Review org={org} />}
      </QueryView>
    </Container>
  );
}

function Review({ org }: { org: OrganisationView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const localize = useLocalize();
  const labels = useLabels();
  const bases = useProductionBases(org.id);
  const products = useSupplierProducts(org.id);
  const name = localize(org.name, org.nameEn);
  return (
    <>
      <PageTitle>{name}</PageTitle>
      <p className="badges">
        <Badge tone={statusTone(org.verificationStatus)}>
          <span data-testid="verification-status">{labels.verification(org.verificationStatus)}</span>
        </Badge>
      </p>
      <div className="review-grid">
        <Section id="supplier-registration" title={t('verify.registration')}>
          <dl className="facts">
            <div>
              <dt>{t('profile.name')}</dt>
              <dd>{org.name}</dd>
            </div>
            <div>
              <dt>{t('profile.nameEn')}</dt>
              <dd>{org.nameEn ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('profile.creditCode')}</dt>
              <dd className="code">{org.creditCode ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('profile.type')}</dt>
              <dd>{labels.supplierType(org.supplierType)}</dd>
            </div>
            <div>
              <dt>{t('profile.county')}</dt>
              <dd>
                <DivisionName code={org.divisionCode} />
              </dd>
            </div>
            <div>
              <dt>{t('profile.contact')}</dt>
              <dd>{[org.contactName, org.contactPhone].filter(Boolean).join(' · ') || '—'}</dd>
            </div>
            <div>
              <dt>{t('verify.registered')}</dt>
              <dd>{formatChinaTime(org.createdAt, language)}</dd>
            </div>
            <div>
              <dt>{t('profile.description')}</dt>
              <dd>{org.description ?? '—'}</dd>
            </div>
          </dl>
        </Section>
        <Section id="supplier-households" title={t('profile.households')} description={t('verify.householdsIntro')}>
          <dl className="facts">
            <div>
              <dt>{t('profile.lifted')}</dt>
              <dd className="numeric">{formatCount(org.householdsLifted, language)}</dd>
            </div>
            <div>
              <dt>{t('profile.monitored')}</dt>
              <dd className="numeric">{formatCount(org.householdsMonitored, language)}</dd>
            </div>
            <div>
              <dt>{t('profile.atRisk')}</dt>
              <dd className="numeric">{formatCount(org.householdsAtRisk, language)}</dd>
            </div>
          </dl>
        </Section>
      </div>
      <Section id="supplier-documents" title={t('evidence.organisationTitle')} description={t('evidence.reviewIntro')}>
        <EvidenceDocuments owner={{ kind: 'organisation', id: org.id }} canUpload={false} label={t('evidence.organisationTitle')} />
      </Section>
      <Section id="supplier-products" title={t('verify.products')} description={t('verify.productsIntro')}>
        <QueryView query={products}>
          {(items) => (items.length === 0 ? <StatusMessage tone="empty" title={t('verify.noProducts')} /> : <SupplierProductsTable items={items} />)}
        </QueryView>
      </Section>
      <Section id="supplier-bases" title={t('profile.bases')}>
        <QueryView query={bases}>
          {(list) =>
            list.length === 0 ? (
              <StatusMessage tone="empty" title={t('profile.noBases')} />
            ) : (
              <ProductionBasesTable list={list} />
            )
          }
        </QueryView>
      </Section>
      {org.verificationNote || org.verifiedAt ? (
        <Section id="supplier-last-decision" title={t('verify.lastDecision')}>
          <p>
            {labels.verification(org.verificationStatus)}
            {org.verifiedAt ? ` · ${formatChinaTime(org.verifiedAt, language)}` : null}
          </p>
          {org.verificationNote ? <p>{org.verificationNote}</p> : null}
        </Section>
      ) : null}
      <VerificationForm org={org} />
    </>
  );
}

function VerificationForm({ org }: { org: OrganisationView }) {
  const { t } = useTranslation();
  const verify = useVerifySupplier(org.id);
  const [decision, setDecision] = useState<'verified' | 'rejected'>('verified');
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate({ decision, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: () => setNote('') });
  };
  return (
    <Section id="supplier-decision" title={t(org.verificationStatus === 'pending' ? 'verify.decide' : 'verify.change')}>
      <form className="form panel" onSubmit={submit} noValidate aria-busy={verify.isPending} data-testid="verification-form">
        <FormAlert messages={verify.isError ? [errorText(verify.error, t)] : []} />
        <fieldset className="form-fieldset">
          <legend className="ui-field__label">{t('verify.decision')}</legend>
          <div className="choice-row">
            <label className="choice">
              <input type="radio" name="verification-decision" checked={decision === 'verified'} onChange={() => setDecision('verified')} />
              <span>{t('verify.approve')}</span>
            </label>
            <label className="choice">
              <input type="radio" name="verification-decision" checked={decision === 'rejected'} onChange={() => setDecision('rejected')} />
              <span>{t('verify.reject')}</span>
            </label>
          </div>
        </fieldset>
        <TextArea label={t('verify.note')} hint={t('verify.noteHint')} value={note} maxLength={2000} rows={3} onChange={(e) => setNote(e.target.value)} />
        <p className="cell-note">{t(decision === 'verified' ? 'verify.approveEffect' : 'verify.rejectEffect')}</p>
        <Button type="submit" variant="primary" disabled={verify.isPending}>
          {verify.isPending ? t('form.saving') : t('verify.submit')}
        </Button>
        {verify.isSuccess ? (
          <p className="notice" role="status">
            {t('verify.done')}
          </p>
        ) : null}
      </form>
    </Section>
  );
}
