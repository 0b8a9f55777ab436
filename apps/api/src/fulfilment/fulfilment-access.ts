import { assertTransition, IllegalTransitionError, SUPPLIER_ORDER_TRANSITIONS } from '@shanhai/domain';
import type { Role, SupplierOrderStatus } from '@shanhai/domain';
import { AppError, conflict, invalid, notFound } from '../common/app-error';
import { Principal } from '../identity/principal';
import type { SupplierOrderRef } from './supplier-order.repository';

export const SUPPLIER_ROLES: readonly Role[] = ['supplier_staff', 'supplier_admin'];
/** Who records receipts and evaluations for a buyer organisation. */
export const RECEIVING_ROLES: readonly Role[] = ['buyer_purchaser', 'buyer_admin'];

export function worksFor(principal: Principal, supplierId: string): boolean {
  return principal.rolesIn(supplierId).some((r) => SUPPLIER_ROLES.includes(r));
}

/**
 * The cooperative's side: only its own staff. Anyone else gets the same 404 as for an order that
 * does not exist, so order ids do not leak between cooperatives.
 */
export function requireSupplierSide(principal: Principal, ref: SupplierOrderRef | null, id: string): asserts ref is SupplierOrderRef {
  if (!ref || !worksFor(principal, ref.supplierId)) throw notFound('supplier order', id);
}

/** The buyer's side: members of the buyer organisation see it (404 otherwise); purchasers and admins act (403 otherwise). */
export function requireReceivingSide(principal: Principal, ref: SupplierOrderRef | null, id: string): asserts ref is SupplierOrderRef {
  if (!ref || !principal.isMemberOf(ref.buyerOrganisationId)) throw notFound('supplier order', id);
  principal.requireOrgRole(ref.buyerOrganisationId, RECEIVING_ROLES);
}

/** Reading: the cooperative, the buyer organisation's members, and the operator (disputes). */
export function canRead(principal: Principal, ref: SupplierOrderRef): boolean {
  return principal.isOperator || worksFor(principal, ref.supplierId) || principal.isMemberOf(ref.buyerOrganisationId);
}

/** The cooperative a supplier-side request acts for: the one named (404 unless the caller works for it), or the caller's only one. */
export function resolveSupplierOrg(principal: Principal, supplierId: string | undefined): string {
  if (supplierId) {
    if (!worksFor(principal, supplierId)) throw notFound('supplier', supplierId);
    return supplierId;
  }
  const mine = principal.orgIdsWithRoles(...SUPPLIER_ROLES);
  if (mine.length === 1) return mine[0];
  if (mine.length === 0) throw notFound('supplier', 'of yours');
  throw invalid('supplierId', 'you work for several cooperatives; say which one');
}

/** Moves a supplier order through the domain's transition table; an illegal move is a 409 with the current status. */
export function moveSupplierOrder(from: SupplierOrderStatus, to: SupplierOrderStatus): void {
  try {
    assertTransition('supplier order', SUPPLIER_ORDER_TRANSITIONS, from, to);
  } catch (err) {
    if (err instanceof IllegalTransitionError) throw illegalTransition(from, to);
    throw err;
  }
}

export function illegalTransition(from: string, to: string, hint?: string): AppError {
  return conflict('ILLEGAL_TRANSITION', `a supplier order that is ${from} cannot become ${to}${hint ? `: ${hint}` : ''}`, { currentStatus: from });
}
