import type { OrganisationKind, Role } from '@shanhai/domain';
import { isWithinDivision } from '@shanhai/domain';
import { forbidden } from '../common/app-error';

export interface PrincipalMembership {
  readonly organisationId: string;
  readonly organisationKind: OrganisationKind;
  readonly organisationName: string;
  readonly role: Role;
  /** Jurisdictions: the division governed; suppliers: their county. */
  readonly divisionCode: string | null;
}

/** Who is calling: the signed-in user and every organisation role they hold. */
export class Principal {
  constructor(
    readonly userId: string,
    readonly sessionId: string,
    readonly memberships: readonly PrincipalMembership[],
  ) {}

  get isOperator(): boolean {
    return this.memberships.some((m) => m.role === 'operator');
  }

  hasRole(...roles: Role[]): boolean {
    return this.memberships.some((m) => roles.includes(m.role));
  }

  rolesIn(organisationId: string): Role[] {
    return this.memberships.filter((m) => m.organisationId === organisationId).map((m) => m.role);
  }

  isMemberOf(organisationId: string): boolean {
    return this.memberships.some((m) => m.organisationId === organisationId);
  }

  /** Throws 403 unless the caller holds one of `roles` in the organisation (operators pass when `operatorToo`). */
  requireOrgRole(organisationId: string, roles: readonly Role[], operatorToo = false): void {
    if (operatorToo && this.isOperator) return;
    if (!this.memberships.some((m) => m.organisationId === organisationId && roles.includes(m.role))) {
      throw forbidden(`this needs one of the roles ${roles.join(', ')} in organisation ${organisationId}`);
    }
  }

  /** Divisions whose officials the caller is. */
  get officialDivisions(): string[] {
    return this.memberships.filter((m) => m.role === 'official' && m.divisionCode).map((m) => m.divisionCode as string);
  }

  /** An official whose jurisdiction contains `divisionCode` (a county code, typically). */
  governs(divisionCode: string): boolean {
    return this.officialDivisions.some((d) => isWithinDivision(d, divisionCode));
  }

  orgIdsWithRoles(...roles: Role[]): string[] {
    return [...new Set(this.memberships.filter((m) => roles.includes(m.role)).map((m) => m.organisationId))];
  }
}
