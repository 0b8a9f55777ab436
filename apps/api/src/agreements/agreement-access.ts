import { assertTransition, IllegalTransitionError } from '@shanhai/domain';
import type { AgreementSide, Role } from '@shanhai/domain';
import { AppError, conflict, forbidden, notFound } from '../common/app-error';
import { Principal } from '../identity/principal';

/** Who commits an organisation to an agreement (propose, accept, amend, pause, resume, end). */
export const COMMIT_ROLES: Record<AgreementSide, readonly Role[]> = {
  buyer: ['buyer_admin', 'buyer_approver'],
  supplier: ['supplier_admin'],
};

/** Who handles single deliveries (skips, substitutions) and commitments day to day. */
export const OPERATE_ROLES: Record<AgreementSide, readonly Role[]> = {
  buyer: ['buyer_purchaser', 'buyer_admin', 'buyer_approver'],
  supplier: ['supplier_staff', 'supplier_admin'],
};

export interface Parties {
  readonly buyerId: string;
  readonly supplierId: string;
}

/** The side the caller belongs to, or null for anyone else (the operator included). */
export function sideOf(principal: Principal, parties: Parties): AgreementSide | null {
  if (principal.isMemberOf(parties.buyerId)) return 'buyer';
  if (principal.isMemberOf(parties.supplierId)) return 'supplier';
  return null;
}

/** Reading: the two parties and the operator; anyone else is told it does not exist. */
export function requireReader(principal: Principal, parties: Parties | null, what: string, id: string): asserts parties is Parties {
  if (!parties || (!principal.isOperator && sideOf(principal, parties) === null)) throw notFound(what, id);
}

/**
 * Acting: a member of one party with one of the roles for that side (403 for a member without it,
 * 404 for everyone else, so ids do not leak). Returns the caller's side.
 */
export function requireActor(principal: Principal, parties: Parties | null, roles: Record<AgreementSide, readonly Role[]>, what: string, id: string): AgreementSide {
  if (!parties) throw notFound(what, id);
  const side = sideOf(principal, parties);
  if (!side) throw notFound(what, id);
  const org = side === 'buyer' ? parties.buyerId : parties.supplierId;
  if (!principal.rolesIn(org).some((r) => roles[side].includes(r))) {
    throw forbidden(`this needs one of the roles ${roles[side].join(', ')} in organisation ${org}`);
  }
  return side;
}

/** Moves through a transition table of the domain; an illegal move is 409 with the current status. */
export function move<S extends string>(machine: string, table: Record<S, readonly S[]>, from: S, to: S, hint?: string): void {
  try {
    assertTransition(machine, table, from, to);
  } catch (err) {
    if (err instanceof IllegalTransitionError) throw illegal(machine, from, to, hint);
    throw err;
  }
}

export function illegal(machine: string, from: string, to: string, hint?: string): AppError {
  return conflict('ILLEGAL_TRANSITION', `${/^[aeiou]/.test(machine) ? 'an' : 'a'} ${machine} that is ${from} cannot become ${to}${hint ? `: ${hint}` : ''}`, { currentStatus: from });
}
