import { isApiError } from '@shanhai/api-client';
import type { AgreementTermsView, AgreementView } from '@shanhai/contract';
import { Button, Section, StatusMessage, TextField, useLocalize } from '@shanhai/ui';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeliverySites } from '../identity/identity.queries';
import { useAgreementAction, useCooperativeSkus } from './agreements.queries';
import { formFromTerms } from './proposal-model';
import { TermsForm, type SkuChoice } from './terms-form';

/** "Propose an amendment": the whole terms again, prefilled from those in force, and the day they start. */
export function AmendmentSection({ agreement, current, organisationId }: { agreement: AgreementView; current: AgreementTermsView; organisationId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  return (
    <Section id="agreement-amend-section" title={t('agreementActions.amend.title')} className="agreement__section">
      {done !== null ? (
        <p role="status" data-testid="amend-done">
          {t('agreementActions.amend.done', { version: done })}
        </p>
      ) : null}
      {agreement.pending ? (
        <p>{t('agreementActions.amend.pendingFirst', { version: agreement.pending.version })}</p>
      ) : open ? (
        <AmendmentForm
          agreement={agreement}
          current={current}
          organisationId={organisationId}
          onCancel={() => {
            setOpen(false);
            setTimeout(() => openRef.current?.focus(), 0);
          }}
          onDone={(version) => {
            setOpen(false);
            setDone(version);
          }}
        />
      ) : (
        <>
          <p>{t('agreementActions.amend.hint', { version: current.version })}</p>
          <Button ref={openRef} onClick={() => setOpen(true)}>
            {t('agreementActions.amend.open')}
          </Button>
        </>
      )}
    </Section>
  );
}

function AmendmentForm({
  agreement,
  current,
  organisationId,
  onCancel,
  onDone,
}: {
  agreement: AgreementView;
  current: AgreementTermsView;
  organisationId: string;
  onCancel: () => void;
  onDone: (version: number) => void;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const sites = useDeliverySites(organisationId);
  const skus = useCooperativeSkus(agreement.supplier.id, true);
  const { amend } = useAgreementAction(agreement.id);
  const [effectiveFrom, setEffectiveFrom] = useState('');
  if (sites.isPending || skus.isPending) return <StatusMessage tone="loading" />;
  if (sites.isError) return <StatusMessage tone="error" title={t('errors.sectionFailed')} onRetry={() => void sites.refetch()} />;
  const own: SkuChoice = {
    id: current.sku.id,
    label: `${localize(current.sku.productNameZh, current.sku.productNameEn)} · ${current.sku.code} · ${localize(current.sku.packingUnitZh, current.sku.packingUnitEn)}`,
    minOrderQuantity: current.sku.minOrderQuantity,
    orderMultiple: current.sku.orderMultiple,
    priceFen: current.sku.listPriceFen,
  };
  // The cooperative's other SKUs when the catalog answers; the agreement's own SKU always.
  const others: SkuChoice[] = (skus.data ?? [])
    .filter((s) => s.sku.id !== current.sku.id)
    .map((s) => ({
      id: s.sku.id,
      label: `${localize(s.productNameZh, s.productNameEn)} · ${s.sku.code} · ${localize(s.sku.packingUnitZh, s.sku.packingUnitEn)}`,
      minOrderQuantity: s.sku.minOrderQuantity,
      orderMultiple: s.sku.orderMultiple,
      priceFen: s.sku.priceFen,
    }));
  const effectiveError = isApiError(amend.error) ? amend.error.fieldErrors()['effectiveFrom'] : undefined;
  return (
    <TermsForm
      label={t('agreementActions.amend.formLabel', { version: current.version })}
      skus={[own, ...others]}
      sites={sites.data}
      initial={formFromTerms(current, sites.data[0]?.id)}
      submitLabel={t('agreementActions.amend.submit')}
      pending={amend.isPending}
      error={amend.error}
      onSubmit={(body) =>
        // The promise, not the per-call callback: the form is gone as soon as the new pending version is in the cache.
        void amend.mutateAsync({ ...body, ...(effectiveFrom ? { effectiveFrom } : {}) }).then(
          (view) => onDone(view.pending?.version ?? current.version + 1),
          () => undefined,
        )
      }
      extra={
        <TextField
          label={t('agreementActions.amend.effectiveFrom')}
          type="date"
          value={effectiveFrom}
          onChange={(e) => setEffectiveFrom(e.target.value)}
          hint={t('agreementActions.amend.effectiveFromHint')}
          error={effectiveError}
        />
      }
      extraFields={['effectiveFrom']}
      onCancel={onCancel}
      cancelLabel={t('agreementActions.amend.cancel')}
    />
  );
}
