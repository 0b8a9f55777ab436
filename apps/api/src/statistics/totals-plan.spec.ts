import { chooseGrain, planTotals, splitMonths } from './totals-plan';

describe('totals plan: which roll-up answers', () => {
  const west = { kind: 'jurisdiction', side: 'west', prefix: '6298' } as const;
  const east = { kind: 'jurisdiction', side: 'east', prefix: '3398' } as const;

  it('splits a range into whole months and the days around them', () => {
    expect(splitMonths('2026-01-01', '2026-12-31')).toEqual({ months: ['2026-01-01', '2026-12-01'], days: [] });
    expect(splitMonths('2026-01-15', '2026-03-10')).toEqual({ months: ['2026-02-01', '2026-02-01'], days: [['2026-01-15', '2026-01-31'], ['2026-03-01', '2026-03-10']] });
    expect(splitMonths('2026-02-03', '2026-02-20')).toEqual({ months: null, days: [['2026-02-03', '2026-02-20']] });
    expect(splitMonths('2024-02-01', '2024-02-29')).toEqual({ months: ['2024-02-01', '2024-02-01'], days: [] });
  });

  it('picks the grain holding every dimension a query uses, or none', () => {
    expect(chooseGrain({ groupBy: 'month', filters: {}, scope: west })).toBe(0);
    expect(chooseGrain({ groupBy: 'category', filters: {}, scope: west })).toBe(2);
    expect(chooseGrain({ groupBy: 'category', filters: {}, scope: east })).toBe(7);
    expect(chooseGrain({ groupBy: 'supplierCounty', filters: { buyerType: 'school' }, scope: east })).toBeNull();
    expect(chooseGrain({ groupBy: 'category', filters: { buyerType: 'school' }, scope: { kind: 'all' } })).toBeNull();
    expect(chooseGrain({ groupBy: 'buyerCity', filters: {}, scope: west })).toBe(0);
    expect(chooseGrain({ groupBy: 'supplier', filters: { supplierCounty: '629801' }, scope: { kind: 'all' } })).toBe(5);
  });

  it('reads the daily roll-up for asOf in the past and for days, and passes every value as a parameter', () => {
    const base = { figure: 'counted', from: '2026-01-01', to: '2026-12-31', filters: { category: "1' OR 1=1" }, scope: west } as const;
    expect(planTotals({ ...base, groupBy: 'month', asOf: null }, '2026-11-28').source).toBe('monthly');
    const past = planTotals({ ...base, groupBy: 'month', asOf: '2026-06-30' }, '2026-11-28');
    expect(past.source).toBe('daily');
    expect(past.sql).toContain('recorded_on <=');
    expect(planTotals({ ...base, groupBy: 'day', asOf: null }, '2026-11-28').source).toBe('daily');
    expect(past.sql).not.toContain('1=1');
    expect(past.params).toContain("1' OR 1=1");
  });
});
