import { isCertifiedOn, canMoveCertification } from './catalog';
import { creditCodeCheckChar, isValidCreditCode } from './credit-code';
import { divisionLevel, isWithinDivision, provinceOf } from './division';
import { roleFitsKind } from './identity';

describe('unified social credit code', () => {
  it('accepts a code whose check character matches and refuses others', () => {
    const body = '91330100MA2AXXXX0';
    const code = body + creditCodeCheckChar(body);
    expect(isValidCreditCode(code)).toBe(true);
    const wrong = body + (code[17] === '0' ? '1' : '0');
    expect(isValidCreditCode(wrong)).toBe(false);
    expect(isValidCreditCode('91330100MA2AXXXXI0')).toBe(false); // I is not in the alphabet
    expect(isValidCreditCode('123')).toBe(false);
  });
});

describe('divisions', () => {
  it('knows levels and containment by code prefix', () => {
    expect(divisionLevel('620000')).toBe('province');
    expect(divisionLevel('621100')).toBe('prefecture');
    expect(divisionLevel('621121')).toBe('county');
    expect(provinceOf('621121')).toBe('620000');
    expect(isWithinDivision('620000', '621121')).toBe(true);
    expect(isWithinDivision('621100', '621121')).toBe(true);
    expect(isWithinDivision('621100', '622921')).toBe(false);
    expect(isWithinDivision('621121', '621121')).toBe(true);
  });
});

describe('certification', () => {
  const cert = { status: 'certified' as const, validFrom: '2026-01-01', validTo: '2026-12-31', revokedOn: null };
  it('counts within validity only', () => {
    expect(isCertifiedOn(cert, '2025-12-31')).toBe(false);
    expect(isCertifiedOn(cert, '2026-01-01')).toBe(true);
    expect(isCertifiedOn(cert, '2026-12-31')).toBe(true);
    expect(isCertifiedOn(cert, '2027-01-01')).toBe(false);
  });
  it('stops counting from the day of revocation', () => {
    const revoked = { ...cert, status: 'revoked' as const, revokedOn: '2026-06-15' };
    expect(isCertifiedOn(revoked, '2026-06-14')).toBe(true);
    expect(isCertifiedOn(revoked, '2026-06-15')).toBe(false);
  });
  it('allows only the transitions in the table', () => {
    expect(canMoveCertification('applied', 'certified')).toBe(true);
    expect(canMoveCertification('rejected', 'certified')).toBe(false);
    expect(canMoveCertification('certified', 'applied')).toBe(false);
  });
  it('ties roles to organisation kinds', () => {
    expect(roleFitsKind('official', 'jurisdiction')).toBe(true);
    expect(roleFitsKind('buyer_admin', 'supplier')).toBe(false);
  });
});

import { addDays, businessDay, isIsoDay } from './calendar';

describe('business calendar', () => {
  it('counts days in China Standard Time', () => {
    expect(businessDay(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
    expect(businessDay(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
  });
  it('validates and shifts days', () => {
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2028-02-29')).toBe(true);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
