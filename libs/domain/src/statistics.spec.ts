import { dayOfYear, isAcceptableReservedShare, progressBasisPoints, projectYearEndFen, reservedAmountFen } from './statistics';

describe('statistics rules', () => {
  it('counts days of the year, leap years included', () => {
    expect(dayOfYear('2026-01-01')).toBe(1);
    expect(dayOfYear('2026-12-31')).toBe(365);
    expect(dayOfYear('2028-12-31')).toBe(366);
  });

  it('projects the year end from the run rate', () => {
    expect(projectYearEndFen(1_000_000, '2026-12-31')).toBe(1_000_000);
    expect(projectYearEndFen(500_000, '2026-07-02')).toBe(Math.round((500_000 * 365) / 183));
    expect(projectYearEndFen(0, '2026-03-01')).toBe(0);
  });

  it('gives progress in basis points and none without a target', () => {
    expect(progressBasisPoints(1_234, 10_000)).toBe(1_234);
    expect(progressBasisPoints(20_000, 10_000)).toBe(20_000);
    expect(progressBasisPoints(5, 0)).toBeNull();
  });

  it('computes the reserved amount and enforces the 10% floor', () => {
    expect(reservedAmountFen(10_000_000, 150)).toBe(1_500_000);
    expect(reservedAmountFen(333, 100)).toBe(33);
    expect(isAcceptableReservedShare(99)).toBe(false);
    expect(isAcceptableReservedShare(100)).toBe(true);
    expect(isAcceptableReservedShare(120, 150)).toBe(false);
    expect(isAcceptableReservedShare(1001)).toBe(false);
  });
});
