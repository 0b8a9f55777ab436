import { isApiError } from '@shanhai/api-client';
import { reservedAmountFen } from '@shanhai/domain';
import { Button, fenToYuanInput, parseYuanToFen, Price, TextField } from '@shanhai/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ENCOURAGED_PERMILLE, minimumFromReason, parsePercentToPermille, permilleToPercentText } from './reserved-share-format';
import { useFileReservedShare, type FilingKind, type ReservedShareFiling, type ReservedShareView } from './reserved-share.queries';

type Field = 'kind' | 'canteenBudgetFen' | 'sharePermille' | 'sharedWithId';
type FieldErrors = Partial<Record<Field, string>>;
const FIELDS: readonly Field[] = ['kind', 'canteenBudgetFen', 'sharePermille', 'sharedWithId'];
const KINDS: readonly FilingKind[] = ['own_canteen', 'shared_canteen', 'no_canteen'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FormValues {
  readonly kind: FilingKind;
  readonly budget: string;
  readonly share: string;
  readonly sharedWithId: string;
}

/**
 * Checks what the browser can (amounts that parse, a host id that is an id) and builds the request; the
 * minimum share is the API's to decide (it knows every jurisdiction's rule) and comes back as a 400 on
 * `sharePermille`. Budget in yuan → integer fen, share in percent (one decimal) → per-mille.
 */
export function validateFiling(organisationId: string, values: FormValues, t: (key: FieldMessageKey) => string): { filing: ReservedShareFiling | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (values.kind === 'own_canteen') {
    const fen = values.budget.trim() ? parseYuanToFen(values.budget) : null;
    if (!values.budget.trim()) errors.canteenBudgetFen = t('reservedShare.form.errors.budgetRequired');
    else if (fen === null || fen <= 0) errors.canteenBudgetFen = t('reservedShare.form.errors.budgetInvalid');
    const permille = values.share.trim() ? parsePercentToPermille(values.share) : null;
    if (!values.share.trim()) errors.sharePermille = t('reservedShare.form.errors.shareRequired');
    else if (permille === null) errors.sharePermille = t('reservedShare.form.errors.shareInvalid');
    if (errors.canteenBudgetFen || errors.sharePermille || fen === null || permille === null) return { filing: null, errors };
    return { filing: { organisationId, kind: 'own_canteen', canteenBudgetFen: fen, sharePermille: permille }, errors };
  }
  if (values.kind === 'shared_canteen') {
    const host = values.sharedWithId.trim();
    if (!host) errors.sharedWithId = t('reservedShare.form.errors.hostRequired');
    else if (!UUID.test(host)) errors.sharedWithId = t('reservedShare.form.errors.hostInvalid');
    if (errors.sharedWithId) return { filing: null, errors };
    return { filing: { organisationId, kind: 'shared_canteen', sharedWithId: host }, errors };
  }
  return { filing: { organisationId, kind: 'no_canteen' }, errors };
}

export type FieldMessageKey =
  | 'reservedShare.form.errors.budgetRequired'
  | 'reservedShare.form.errors.budgetInvalid'
  | 'reservedShare.form.errors.shareRequired'
  | 'reservedShare.form.errors.shareInvalid'
  | 'reservedShare.form.errors.hostRequired'
  | 'reservedShare.form.errors.hostInvalid';

/** The admin's filing form for one year: starts from what is filed (or an own canteen at the encouraged 15%). */
export function ReservedShareForm({ organisationId, year, view }: { organisationId: string; year: number; view: ReservedShareView }) {
  const { t } = useTranslation();
  const file = useFileReservedShare(year);
  const [kind, setKind] = useState<FilingKind>(view.kind ?? 'own_canteen');
  const [budget, setBudget] = useState(view.canteenBudgetFen !== null ? fenToYuanInput(view.canteenBudgetFen) : '');
  const [share, setShare] = useState(permilleToPercentText(view.sharePermille ?? Math.max(ENCOURAGED_PERMILLE, view.minimumPermille)));
  const [sharedWithId, setSharedWithId] = useState(view.sharedWithId ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const refs = {
    kind: useRef<HTMLInputElement>(null),
    canteenBudgetFen: useRef<HTMLInputElement>(null),
    sharePermille: useRef<HTMLInputElement>(null),
    sharedWithId: useRef<HTMLInputElement>(null),
  };
  const alertRef = useRef<HTMLDivElement>(null);
  const minimum = `${permilleToPercentText(view.minimumPermille)}%`;

  const focusFirst = (shown: FieldErrors) => {
    const first = FIELDS.find((f) => shown[f]);
    if (first) refs[first].current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setFormError(null);
    const { filing, errors: local } = validateFiling(organisationId, { kind, budget, share, sharedWithId }, t);
    setErrors(local);
    if (!filing) {
      focusFirst(local);
      return;
    }
    try {
      await file.mutateAsync(filing);
      setSaved(true);
    } catch (error) {
      if (isApiError(error) && error.details.length > 0) {
        const byField = error.fieldErrors();
        const shown: FieldErrors = {};
        for (const field of FIELDS) if (byField[field]) shown[field] = byField[field];
        if (shown.sharePermille) {
          // The API's reason is English; say it in the page's language with the minimum it names.
          const min = minimumFromReason(shown.sharePermille) ?? view.minimumPermille;
          shown.sharePermille = t('reservedShare.form.errors.shareBelowMinimum', { minimum: `${permilleToPercentText(min)}%` });
        }
        const other = error.details.filter((d) => !(FIELDS as readonly string[]).includes(d.field));
        setErrors(shown);
        if (other.length) setFormError(other.map((d) => `${d.field}: ${d.reason}`).join('; '));
        if (Object.keys(shown).length) focusFirst(shown);
        else queueMicrotask(() => alertRef.current?.focus());
        return;
      }
      setFormError(
        isApiError(error) && error.code === 'NOT_A_PUBLIC_BUYER'
          ? t('reservedShare.notPublicBuyer')
          : isApiError(error) && error.code === 'NETWORK'
            ? t('errors.network')
            : t('errors.tryLater'),
      );
      queueMicrotask(() => alertRef.current?.focus());
    }
  };

  const heading = view.kind ? t('reservedShare.form.amendTitle', { year }) : t('reservedShare.form.title', { year });
  return (
    <section className="reserved-share__card" aria-labelledby="reserved-share-form-heading">
      <h2 className="reserved-share__heading" id="reserved-share-form-heading">
        {heading}
      </h2>
      {formError ? (
        <div className="reserved-share__alert" role="alert" tabIndex={-1} ref={alertRef}>
          {formError}
        </div>
      ) : null}
      {saved ? (
        <p className="reserved-share__saved" role="status" data-testid="reserved-share-saved">
          {t('reservedShare.form.saved', { year })}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate aria-busy={file.isPending} className="reserved-share__form">
        <fieldset className="reserved-share__kinds">
          <legend>{t('reservedShare.form.kind')}</legend>
          {KINDS.map((k, i) => (
            <label key={k} className="reserved-share__kind">
              <input
                ref={i === 0 ? refs.kind : undefined}
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setErrors({});
                }}
              />
              <span>
                <span className="reserved-share__kind-name">{t(`reservedShare.kind.${k}`)}</span>
                <span className="reserved-share__kind-hint">{t(`reservedShare.kindHint.${k}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {kind === 'own_canteen' ? (
          <>
            <TextField
              ref={refs.canteenBudgetFen}
              label={t('reservedShare.form.budget')}
              hint={t('reservedShare.form.budgetHint')}
              name="canteenBudget"
              inputMode="decimal"
              autoComplete="off"
              value={budget}
              error={errors.canteenBudgetFen}
              onChange={(e) => setBudget(e.target.value)}
            />
            <TextField
              ref={refs.sharePermille}
              label={t('reservedShare.form.share')}
              hint={t('reservedShare.form.shareHint', { minimum })}
              name="sharePercent"
              inputMode="decimal"
              autoComplete="off"
              value={share}
              error={errors.sharePermille}
              onChange={(e) => setShare(e.target.value)}
            />
            <ReservedPreview budget={budget} share={share} />
          </>
        ) : null}
        {kind === 'shared_canteen' ? (
          <TextField
            ref={refs.sharedWithId}
            label={t('reservedShare.form.host')}
            hint={t('reservedShare.form.hostHint')}
            name="sharedWithId"
            autoComplete="off"
            spellCheck={false}
            value={sharedWithId}
            error={errors.sharedWithId}
            onChange={(e) => setSharedWithId(e.target.value)}
          />
        ) : null}
        <Button type="submit" variant="primary" disabled={file.isPending}>
          {file.isPending ? t('reservedShare.form.submitting') : view.kind ? t('reservedShare.form.amend') : t('reservedShare.form.submit')}
        </Button>
      </form>
    </section>
  );
}

/** What the typed budget and share reserve, worked out as the API does (`reservedAmountFen`, rounded half up to the fen), before filing. */
function ReservedPreview({ budget, share }: { budget: string; share: string }) {
  const { t } = useTranslation();
  const fen = budget.trim() ? parseYuanToFen(budget) : null;
  const permille = share.trim() ? parsePercentToPermille(share) : null;
  if (fen === null || permille === null) return null;
  return (
    <p className="reserved-share__note" aria-live="polite" data-testid="reserved-preview">
      {t('reservedShare.form.preview')} <Price fen={reservedAmountFen(fen, permille)} />
    </p>
  );
}
