import type { TFunction } from 'i18next';
import type { OrganisationView } from '../../api/views';
import { parseWholeNumber } from '../../common/format';
import type { OrganisationUpdate } from './profile.queries';

export interface ProfileValues {
  name: string;
  nameEn: string;
  description: string;
  contactName: string;
  contactPhone: string;
  householdsLifted: string;
  householdsMonitored: string;
  householdsAtRisk: string;
}

export type ProfileField = keyof ProfileValues;

export function profileValuesFrom(org: OrganisationView): ProfileValues {
  return {
    name: org.name,
    nameEn: org.nameEn ?? '',
    description: org.description ?? '',
    contactName: org.contactName ?? '',
    contactPhone: org.contactPhone ?? '',
    householdsLifted: String(org.householdsLifted),
    householdsMonitored: String(org.householdsMonitored),
    householdsAtRisk: String(org.householdsAtRisk),
  };
}

const HOUSEHOLDS = ['householdsLifted', 'householdsMonitored', 'householdsAtRisk'] as const;

/** The profile's checks, as the API makes them: name 2–200, phone digits, households whole numbers. */
export function validateProfile(values: ProfileValues, t: TFunction): { errors: Partial<Record<ProfileField, string>>; input: OrganisationUpdate | null } {
  const errors: Partial<Record<ProfileField, string>> = {};
  const name = values.name.trim();
  if (name.length < 2 || name.length > 200) errors.name = t('form.lengthBetween', { min: 2, max: 200 });
  if (values.nameEn.trim().length > 200) errors.nameEn = t('form.tooLong', { max: 200 });
  if (values.description.trim().length > 2000) errors.description = t('form.tooLong', { max: 2000 });
  if (values.contactName.trim().length > 100) errors.contactName = t('form.tooLong', { max: 100 });
  if (values.contactPhone.trim() && !/^[0-9+\- ]{5,32}$/.test(values.contactPhone.trim())) errors.contactPhone = t('profile.errors.phone');
  const households: Partial<Record<(typeof HOUSEHOLDS)[number], number>> = {};
  for (const field of HOUSEHOLDS) {
    const n = parseWholeNumber(values[field]);
    if (n === null || Number.isNaN(n) || n > 10_000_000) errors[field] = t('form.wholeNumberBetween', { min: 0, max: 10_000_000 });
    else households[field] = n;
  }
  if (Object.keys(errors).length) return { errors, input: null };
  return {
    errors,
    input: {
      name,
      nameEn: values.nameEn.trim(),
      description: values.description.trim(),
      contactName: values.contactName.trim(),
      ...(values.contactPhone.trim() ? { contactPhone: values.contactPhone.trim() } : {}),
      ...households,
    },
  };
}
