export const STORAGE_CLASSES = ['ambient', 'chilled', 'frozen'] as const;
export type StorageClass = (typeof STORAGE_CLASSES)[number];

export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const INCOME_MODES = ['wages', 'assets', 'operating'] as const;
export type IncomeMode = (typeof INCOME_MODES)[number];

export const CERTIFICATION_STATUSES = ['applied', 'certified', 'rejected', 'revoked'] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];

/** Every allowed move of a certification, in one table. */
export const CERTIFICATION_TRANSITIONS: Record<CertificationStatus, readonly CertificationStatus[]> = {
  applied: ['certified', 'rejected'],
  certified: ['revoked'],
  rejected: [],
  revoked: [],
};

export function canMoveCertification(from: CertificationStatus, to: CertificationStatus): boolean {
  return CERTIFICATION_TRANSITIONS[from].includes(to);
}

export interface CertificateValidity {
  readonly status: CertificationStatus;
  readonly validFrom: string | null; // YYYY-MM-DD
  readonly validTo: string | null; // YYYY-MM-DD, inclusive
  readonly revokedOn: string | null; // YYYY-MM-DD: stops counting from this day
}

/** Whether a certificate makes its product count as certified on `day` (YYYY-MM-DD). */
export function isCertifiedOn(cert: CertificateValidity, day: string): boolean {
  if (cert.status !== 'certified' && cert.status !== 'revoked') return false;
  if (!cert.validFrom || !cert.validTo) return false;
  if (day < cert.validFrom || day > cert.validTo) return false;
  if (cert.revokedOn && day >= cert.revokedOn) return false;
  return true;
}

/** Months of the year (1–12) in which a product is in season. */
export function isValidSeasonList(months: readonly number[]): boolean {
  return months.every((m) => Number.isInteger(m) && m >= 1 && m <= 12) && new Set(months).size === months.length;
}
