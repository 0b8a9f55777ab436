export const ORGANISATION_KINDS = ['buyer', 'supplier', 'jurisdiction', 'operator'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const BUYER_TYPES = ['enterprise', 'school', 'supermarket', 'government', 'hospital', 'other'] as const;
export type BuyerType = (typeof BUYER_TYPES)[number];

export const SUPPLIER_TYPES = ['cooperative', 'enterprise', 'family_farm'] as const;
export type SupplierType = (typeof SUPPLIER_TYPES)[number];

export const VERIFICATION_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const ROLES = [
  'buyer_purchaser',
  'buyer_approver',
  'buyer_admin',
  'supplier_staff',
  'supplier_admin',
  'official',
  'operator',
] as const;
export type Role = (typeof ROLES)[number];

/** Which roles a membership in an organisation of each kind may carry. */
export const ROLES_BY_KIND: Record<OrganisationKind, readonly Role[]> = {
  buyer: ['buyer_purchaser', 'buyer_approver', 'buyer_admin'],
  supplier: ['supplier_staff', 'supplier_admin'],
  jurisdiction: ['official'],
  operator: ['operator'],
};

export function roleFitsKind(role: Role, kind: OrganisationKind): boolean {
  return ROLES_BY_KIND[kind].includes(role);
}

export const HOUSEHOLD_KINDS = ['lifted', 'monitored', 'at_risk'] as const;
export type HouseholdKind = (typeof HOUSEHOLD_KINDS)[number];
