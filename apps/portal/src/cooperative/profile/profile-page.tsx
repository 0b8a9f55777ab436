import { Badge, Button, Container, Section, StatusMessage, TextField, useLanguage, useLocalize } from '@shanhai/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationView, ProductionBaseView } from '../../api/views';
import { errorText, fieldErrorsOf } from '../../common/errors';
import { FormAlert } from '../../common/form-alert';
import { formatChinaTime, formatCount, parseWholeNumber } from '../../common/format';
import { statusTone, useLabels } from '../../common/labels';
import { DivisionName } from '../../common/division-name';
import { PageTitle } from '../../common/page-title';
import { QueryView } from '../../common/query-view';
import { useDivision, useOrganisation, useProductionBases } from '../../common/shared.queries';
import { TextArea } from '../../common/text-area';
import { EvidenceDocuments } from '../../evidence/evidence-documents';
import { useCurrentWorkspace } from '../../identity/workspace-provider';
import { isCooperativeAdmin } from '../../identity/workspaces';
import { profileValuesFrom, validateProfile, type ProfileField, type ProfileValues } from './profile-form-model';
import { useAddProductionBase, useUpdateOrganisation } from './profile.queries';

/** The cooperative: verification status, profile, linked households (利益联结) and production bases. */
export function ProfilePage() {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const organisation = useOrganisation(workspace.organisationId);
  return (
    <Container className="page">
      <PageTitle>{t('profile.title')}</PageTitle>
      <QueryView query={organisation}>
        {(org) => (
          <>
            <VerificationPanel org={org} />
            <Section id="profile-details" title={t('profile.details')}>
              {isCooperativeAdmin(workspace) ? <ProfileForm org={org} /> : <ProfileFacts org={org} />}
            </Section>
            <BasesSection organisationId={org.id} countyCode={org.divisionCode} />
            <Section id="profile-documents" title={t('evidence.organisationTitle')} description={t('evidence.organisationIntro')}>
              {isCooperativeAdmin(workspace) ? null : <p className="cell-note">{t('evidence.organisationAdminOnly')}</p>}
              <EvidenceDocuments owner={{ kind: 'organisation', id: org.id }} canUpload={isCooperativeAdmin(workspace)} label={t('evidence.organisationTitle')} />
            </Section>
          </>
        )}
      </QueryView>
    </Container>
  );
}

function useCountyName(code: string | null): string {
  const localize = useLocalize();
  const division = useDivision(code);
  if (!division.data) return code ?? '';
  return division.data.path.map((d) => localize(d.name, d.nameEn)).join(' › ');
}

function VerificationPanel({ org }: { org: OrganisationView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const labels = useLabels();
  const county = useCountyName(org.divisionCode);
  return (
    <section className={`panel verification verification--${org.verificationStatus}`} aria-labelledby="verification-title" data-testid="verification">
      <h2 id="verification-title" className="panel__title">
        {t('profile.verification')} <Badge tone={statusTone(org.verificationStatus)}>{labels.verification(org.verificationStatus)}</Badge>
      </h2>
      <p>{t(`profile.verificationText.${org.verificationStatus}`)}</p>
      {org.verificationNote ? <p>{t('profile.verificationNote', { note: org.verificationNote })}</p> : null}
      {org.verifiedAt ? <p className="cell-note">{t('profile.decidedAt', { time: formatChinaTime(org.verifiedAt, language) })}</p> : null}
      <dl className="facts">
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
          <dd>{county}</dd>
        </div>
      </dl>
    </section>
  );
}

function ProfileFacts({ org }: { org: OrganisationView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <>
      <p className="cell-note">{t('profile.adminOnly')}</p>
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
          <dt>{t('profile.contact')}</dt>
          <dd>{[org.contactName, org.contactPhone].filter(Boolean).join(' · ') || '—'}</dd>
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
          <dt>{t('profile.description')}</dt>
          <dd>{org.description ?? '—'}</dd>
        </div>
      </dl>
    </>
  );
}

const PROFILE_FIELDS: ProfileField[] = ['name', 'nameEn', 'description', 'contactName', 'contactPhone', 'householdsLifted', 'householdsMonitored', 'householdsAtRisk'];

function ProfileForm({ org }: { org: OrganisationView }) {
  const { t } = useTranslation();
  const update = useUpdateOrganisation(org.id);
  const [values, setValues] = useState<ProfileValues>(() => profileValuesFrom(org));
  const [local, setLocal] = useState<Partial<Record<ProfileField, string>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const apiErrors = fieldErrorsOf(update.error);
  const errorFor = (f: ProfileField) => local[f] ?? apiErrors[f];
  const general = update.isError && !PROFILE_FIELDS.some((f) => apiErrors[f]) ? [errorText(update.error, t)] : [];
  const set = (f: ProfileField, v: string) => {
    setValues((all) => ({ ...all, [f]: v }));
    setLocal((e) => (e[f] ? { ...e, [f]: undefined } : e));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { errors, input } = validateProfile(values, t);
    setLocal(errors);
    if (!input) {
      queueMicrotask(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    update.mutate(input);
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-busy={update.isPending} data-testid="profile-form">
      <FormAlert messages={general} />
      <div className="form-grid">
        <TextField label={t('profile.name')} value={values.name} error={errorFor('name')} maxLength={200} onChange={(e) => set('name', e.target.value)} />
        <TextField label={t('profile.nameEn')} value={values.nameEn} error={errorFor('nameEn')} maxLength={200} lang="en" onChange={(e) => set('nameEn', e.target.value)} />
        <TextField label={t('profile.contactName')} value={values.contactName} error={errorFor('contactName')} maxLength={100} onChange={(e) => set('contactName', e.target.value)} />
        <TextField label={t('profile.contactPhone')} type="tel" value={values.contactPhone} error={errorFor('contactPhone')} maxLength={32} onChange={(e) => set('contactPhone', e.target.value)} />
      </div>
      <fieldset className="form-fieldset">
        <legend className="ui-field__label">{t('profile.households')}</legend>
        <p className="ui-field__hint">{t('profile.householdsHint')}</p>
        <div className="form-grid form-grid--three">
          <TextField label={t('profile.lifted')} inputMode="numeric" value={values.householdsLifted} error={errorFor('householdsLifted')} onChange={(e) => set('householdsLifted', e.target.value)} />
          <TextField label={t('profile.monitored')} inputMode="numeric" value={values.householdsMonitored} error={errorFor('householdsMonitored')} onChange={(e) => set('householdsMonitored', e.target.value)} />
          <TextField label={t('profile.atRisk')} inputMode="numeric" value={values.householdsAtRisk} error={errorFor('householdsAtRisk')} onChange={(e) => set('householdsAtRisk', e.target.value)} />
        </div>
      </fieldset>
      <TextArea label={t('profile.description')} value={values.description} error={errorFor('description')} maxLength={2000} onChange={(e) => set('description', e.target.value)} />
      <Button type="submit" variant="primary" disabled={update.isPending}>
        {update.isPending ? t('form.saving') : t('form.save')}
      </Button>
      {update.isSuccess ? (
        <p className="notice" role="status">
          {t('form.saved')}
        </p>
      ) : null}
    </form>
  );
}

function BasesSection({ organisationId, countyCode }: { organisationId: string; countyCode: string | null }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const bases = useProductionBases(organisationId);
  return (
    <Section id="profile-bases" title={t('profile.bases')} description={t('profile.basesIntro')}>
      <QueryView query={bases}>
        {(list) =>
          list.length === 0 ? (
            <StatusMessage tone="empty" title={t('profile.noBases')} />
          ) : (
            <ProductionBasesTable list={list} />
          )
        }
      </QueryView>
      {isCooperativeAdmin(workspace) ? <NewBaseForm organisationId={organisationId} countyCode={countyCode ?? ''} /> : null}
    </Section>
  );
}

/** A supplier's production bases with county, address and area (m² and 亩): its profile, and the official's review. */
export function ProductionBasesTable({ list }: { list: readonly ProductionBaseView[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div className="table-scroll" role="region" aria-label={t('profile.bases')} tabIndex={0}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('profile.baseName')}</th>
            <th scope="col">{t('profile.baseCountyColumn')}</th>
            <th scope="col">{t('profile.baseAddress')}</th>
            <th scope="col">{t('profile.baseArea')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((b) => (
            <tr key={b.id} data-testid="base-row">
              <th scope="row">{b.name}</th>
              <td>
                <DivisionName code={b.countyCode} short />
              </td>
              <td>{b.address ?? '—'}</td>
              <td className="numeric">{b.areaM2 === null ? '—' : t('profile.areaValue', { m2: formatCount(b.areaM2, language), mu: formatCount(Math.round(b.areaM2 / 666.67), language) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NewBaseForm({ organisationId, countyCode }: { organisationId: string; countyCode: string }) {
  const { t } = useTranslation();
  const add = useAddProductionBase(organisationId);
  const empty = { name: '', countyCode, address: '', area: '' };
  const [values, setValues] = useState(empty);
  const [local, setLocal] = useState<Partial<Record<'name' | 'countyCode' | 'areaM2', string>>>({});
  const apiErrors = fieldErrorsOf(add.error);
  const general = add.isError && Object.keys(apiErrors).length === 0 ? [errorText(add.error, t)] : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof local = {};
    if (!values.name.trim()) errors.name = t('form.required');
    if (!/^[1-9]\d{5}$/.test(values.countyCode.trim())) errors.countyCode = t('profile.errors.county');
    const area = parseWholeNumber(values.area);
    if (area !== null && (Number.isNaN(area) || area < 1)) errors.areaM2 = t('form.wholeNumberBetween', { min: 1, max: 2_000_000_000 });
    setLocal(errors);
    if (Object.keys(errors).length) return;
    add.mutate(
      { name: values.name.trim(), countyCode: values.countyCode.trim(), ...(values.address.trim() ? { address: values.address.trim() } : {}), ...(area ? { areaM2: area } : {}) },
      { onSuccess: () => setValues(empty) },
    );
  };

  return (
    <form className="form panel" onSubmit={submit} noValidate aria-busy={add.isPending} data-testid="base-form">
      <h3 className="panel__title">{t('profile.addBase')}</h3>
      <FormAlert messages={general} />
      <div className="form-grid">
        <TextField label={t('profile.baseName')} value={values.name} error={local.name ?? apiErrors.name} maxLength={200} onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))} />
        <TextField label={t('profile.baseCounty')} hint={t('profile.baseCountyHint')} inputMode="numeric" value={values.countyCode} error={local.countyCode ?? apiErrors.countyCode} maxLength={6} onChange={(e) => setValues((v) => ({ ...v, countyCode: e.target.value }))} />
        <TextField label={t('profile.baseAddress')} value={values.address} error={apiErrors.address} maxLength={500} onChange={(e) => setValues((v) => ({ ...v, address: e.target.value }))} />
        <TextField label={t('profile.baseAreaInput')} inputMode="numeric" value={values.area} error={local.areaM2 ?? apiErrors.areaM2} onChange={(e) => setValues((v) => ({ ...v, area: e.target.value }))} />
      </div>
      <Button type="submit" variant="primary" disabled={add.isPending}>
        {add.isPending ? t('form.saving') : t('profile.addBase')}
      </Button>
      {add.isSuccess ? (
        <p className="notice" role="status">
          {t('profile.baseAdded')}
        </p>
      ) : null}
    </form>
  );
}
