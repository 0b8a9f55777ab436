import { Badge, Button, Container, Section, Select, StatusMessage, useLanguage, useLocalize } from '@shanhai/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CertificationView, SupplierProductView } from '../../api/views';
import { errorText, fieldErrorsOf } from '../../common/errors';
import { FormAlert } from '../../common/form-alert';
import { formatChinaTime } from '../../common/format';
import { statusTone, useLabels } from '../../common/labels';
import { PageTitle } from '../../common/page-title';
import { QueryView } from '../../common/query-view';
import { TextArea } from '../../common/text-area';
import { EvidenceDocuments } from '../../evidence/evidence-documents';
import { useCurrentWorkspace } from '../../identity/workspace-provider';
import { useApplyCertification, useCertifications, useSupplierProducts } from '../catalog/catalog.queries';

/** 帮扶产品认定: apply for a product with the evidence the county's officials should look at, and follow the decisions. */
export function CertificationPage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const products = useSupplierProducts(workspace.organisationId);
  const certifications = useCertifications(null);
  return (
    <Container className="page">
      <PageTitle>{t('certification.title')}</PageTitle>
      <p className="page__intro">{t('certification.intro')}</p>
      <Section id="certification-apply" title={t('certification.applyTitle')}>
        <QueryView query={products}>{(items) => <ApplyForm products={items} />}</QueryView>
      </Section>
      <Section id="certification-list" title={t('certification.listTitle')}>
        <QueryView query={certifications}>{(items) => <ApplicationsTable items={items} />}</QueryView>
      </Section>
      {(certifications.data ?? [])
        .filter((c) => c.status === 'applied')
        .map((c) => (
          <PendingDocuments key={c.id} application={c} />
        ))}
    </Container>
  );
}

/** The evidence documents of an application waiting for the officials: listed, added, removed. */
function PendingDocuments({ application }: { application: CertificationView }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const product = localize(application.productNameZh, application.productNameEn);
  return (
    <Section id={`certification-documents-${application.id}`} title={t('evidence.certificationFor', { product })} description={t('evidence.certificationIntro')}>
      <EvidenceDocuments owner={{ kind: 'certification', id: application.id }} canUpload label={t('evidence.certificationFor', { product })} />
    </Section>
  );
}

function ApplyForm({ products }: { products: readonly SupplierProductView[] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [params] = useSearchParams();
  const preselected = products.some((p) => p.id === params.get('product')) ? (params.get('product') as string) : '';
  const [productId, setProductId] = useState(preselected);
  const [evidence, setEvidence] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const apply = useApplyCertification();
  const apiFields = fieldErrorsOf(apply.error);
  const general = apply.isError && !apiFields.evidence ? [errorText(apply.error, t)] : [];
  if (products.length === 0) return <StatusMessage tone="empty" title={t('certification.noProducts')} action={<Link to="/products/new">{t('products.list.new')}</Link>} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!productId) {
      setLocal(t('form.choose'));
      return;
    }
    setLocal(null);
    apply.mutate({ productId, evidence: evidence.trim() }, { onSuccess: () => setEvidence('') });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={apply.isPending} data-testid="certification-apply">
      <FormAlert messages={general} />
      <Select
        label={t('certification.product')}
        value={productId}
        error={local ?? undefined}
        onChange={(e) => setProductId(e.target.value)}
        options={[{ value: '', label: t('form.choosePlaceholder') }, ...products.map((p) => ({ value: p.id, label: localize(p.nameZh, p.nameEn) }))]}
      />
      <TextArea label={t('certification.evidence')} hint={t('certification.evidenceHint')} value={evidence} error={apiFields.evidence} maxLength={5000} rows={5} onChange={(e) => setEvidence(e.target.value)} />
      <Button type="submit" variant="primary" disabled={apply.isPending}>
        {apply.isPending ? t('form.saving') : t('certification.apply')}
      </Button>
      {apply.isSuccess ? (
        <p className="notice" role="status">
          {t('certification.applied')}
        </p>
      ) : null}
    </form>
  );
}

function ApplicationsTable({ items }: { items: readonly CertificationView[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const labels = useLabels();
  if (items.length === 0) return <StatusMessage tone="empty" title={t('certification.none')} />;
  const newestFirst = [...items].sort((a, b) => b.appliedAt.localeCompare(a.appliedAt));
  return (
    <div className="table-scroll" role="region" aria-label={t('certification.listTitle')} tabIndex={0}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('certification.product')}</th>
            <th scope="col">{t('certification.appliedAt')}</th>
            <th scope="col">{t('certification.status')}</th>
            <th scope="col">{t('certification.certificateNo')}</th>
            <th scope="col">{t('certification.validity')}</th>
            <th scope="col">{t('certification.decisionNote')}</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((c) => (
            <tr key={c.id} data-testid="certification-row">
              <th scope="row">
                <Link to={`/products/${c.productId}`}>{c.productNameZh}</Link>
              </th>
              <td>{formatChinaTime(c.appliedAt, language)}</td>
              <td>
                <Badge tone={statusTone(c.status)}>{labels.certification(c.status)}</Badge>
              </td>
              <td>{c.certificateNo ?? '—'}</td>
              <td>
                {c.validFrom ? t('certification.validRange', { from: c.validFrom, to: c.validTo ?? '' }) : '—'}
                {c.revokedOn ? <span className="cell-note">{t('certification.revokedFrom', { day: c.revokedOn })}</span> : null}
              </td>
              <td>{c.decisionNote ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
