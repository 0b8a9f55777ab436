import { Principal } from '../identity/principal';

/**
 * Who reads an application or certificate (and its evidence documents): the supplier's members, the officials
 * governing the product's county (or the prefecture or province above it) and the operator. Anyone else is answered
 * 404, as if it did not exist. The list applies the same rule in SQL (`CertificationService.list`).
 */
export function readsCertification(principal: Principal, cert: { supplierId: string; countyCode: string }): boolean {
  return principal.isOperator || principal.isMemberOf(cert.supplierId) || principal.governs(cert.countyCode);
}
