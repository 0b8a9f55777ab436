import type { Role } from '@shanhai/domain';
import { forbidden, invalid } from '../common/app-error';
import { Principal } from '../identity/principal';

const BUYER_ROLES: Role[] = ['buyer_purchaser', 'buyer_approver', 'buyer_admin'];

/**
 * The buyer organisation a request acts for: the one named, which the caller must belong to with one
 * of `roles`, or the caller's only buyer organisation.
 */
export function resolveBuyerOrg(principal: Principal, organisationId: string | undefined, roles: readonly Role[] = BUYER_ROLES): string {
  if (organisationId) {
    if (!principal.rolesIn(organisationId).some((r) => roles.includes(r))) {
      throw forbidden(`this needs one of the roles ${roles.join(', ')} in organisation ${organisationId}`);
    }
    return organisationId;
  }
  const orgs = principal.orgIdsWithRoles(...roles);
  if (orgs.length === 1) return orgs[0];
  if (orgs.length === 0) throw forbidden(`this needs one of the roles ${roles.join(', ')} in a buyer organisation`);
  throw invalid('organisationId', 'you belong to several buyer organisations; say which one');
}
