import type { TFunction } from 'i18next';
import { isIsoDay, parseWholeNumber } from '../common/format';
import type { CertificationDecision } from './official.queries';

export type IncomeMode = 'wages' | 'assets' | 'operating';

export interface CertifyValues {
  decision: 'certify' | 'reject';
  certificateNo: string;
  authority: string;
  validFrom: string;
  validTo: string;
  householdsReached: string;
  incomeModes: IncomeMode[];
  note: string;
}

export type CertifyField = 'certificateNo' | 'authority' | 'validFrom' | 'validTo' | 'householdsReached' | 'incomeModes' | 'note';

/**
 * A certificate needs its number, authority, validity and the households its income reaches and how (the
 * API refuses a certification without them, and again checks the county is helped on `validFrom`).
 */
export function validateCertification(values: CertifyValues, t: TFunction): { errors: Partial<Record<CertifyField, string>>; input: CertificationDecision | null } {
  const errors: Partial<Record<CertifyField, string>> = {};
  const note = values.note.trim();
  if (note.length > 2000) errors.note = t('form.tooLong', { max: 2000 });
  if (values.decision === 'reject') {
    return Object.keys(errors).length ? { errors, input: null } : { errors, input: { decision: 'reject', ...(note ? { note } : {}) } };
  }
  const certificateNo = values.certificateNo.trim();
  if (!certificateNo) errors.certificateNo = t('form.required');
  else if (certificateNo.length > 64) errors.certificateNo = t('form.tooLong', { max: 64 });
  const authority = values.authority.trim();
  if (!authority) errors.authority = t('form.required');
  else if (authority.length > 200) errors.authority = t('form.tooLong', { max: 200 });
  if (!isIsoDay(values.validFrom)) errors.validFrom = t('form.date');
  if (!isIsoDay(values.validTo)) errors.validTo = t('form.date');
  else if (isIsoDay(values.validFrom) && values.validTo < values.validFrom) errors.validTo = t('certify.errors.validTo');
  const households = parseWholeNumber(values.householdsReached);
  if (households === null || Number.isNaN(households) || households > 10_000_000) errors.householdsReached = t('form.wholeNumberBetween', { min: 0, max: 10_000_000 });
  if (values.incomeModes.length === 0) errors.incomeModes = t('certify.errors.incomeModes');
  if (Object.keys(errors).length) return { errors, input: null };
  return {
    errors,
    input: {
      decision: 'certify',
      certificateNo,
      authority,
      validFrom: values.validFrom,
      validTo: values.validTo,
      householdsReached: households as number,
      incomeModes: [...values.incomeModes],
      ...(note ? { note } : {}),
    },
  };
}
