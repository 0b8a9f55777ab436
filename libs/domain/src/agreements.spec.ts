import {
  AGREEMENT_TRANSITIONS,
  agreementUnitPriceFen,
  AgreementTerms,
  canTransition,
  checkTerms,
  COMMITMENT_TRANSITIONS,
  cstStartOfDay,
  deliveredOnTime,
  describeShortage,
  expandDeliveries,
  generationState,
  generationWindow,
  isoWeekday,
  monthStart,
  priceBand,
  scheduleDates,
  statementDay,
} from './index';

const terms = (over: Partial<AgreementTerms> = {}): AgreementTerms => ({
  quantity: 20,
  price: { kind: 'fixed', unitPriceFen: 3_600 },
  schedule: { kind: 'weekly', weekdays: [1, 4] },
  startDate: '2026-09-01',
  endDate: '2026-12-31',
  paymentMethod: 'invoice',
  invoicing: 'monthly',
  orderDaysAhead: 3,
  noticeDays: 7,
  ...over,
});

describe('agreement state machine', () => {
  it('allows acceptance, decline and withdrawal only from proposed, and pause/resume/end only while running', () => {
    expect(canTransition(AGREEMENT_TRANSITIONS, 'proposed', 'active')).toBe(true);
    expect(canTransition(AGREEMENT_TRANSITIONS, 'proposed', 'paused')).toBe(false);
    expect(canTransition(AGREEMENT_TRANSITIONS, 'active', 'paused')).toBe(true);
    expect(canTransition(AGREEMENT_TRANSITIONS, 'paused', 'active')).toBe(true);
    expect(canTransition(AGREEMENT_TRANSITIONS, 'active', 'proposed')).toBe(false);
    for (const final of ['ended', 'completed', 'declined', 'withdrawn'] as const) expect(AGREEMENT_TRANSITIONS[final]).toEqual([]);
  });

  it('lets a converted commitment stand again when its agreement proposal falls through', () => {
    expect(canTransition(COMMITMENT_TRANSITIONS, 'converted', 'open')).toBe(true);
    expect(canTransition(COMMITMENT_TRANSITIONS, 'cancelled', 'open')).toBe(false);
  });
});

describe('price rules', () => {
  it('keeps a fixed price whatever the list price does', () => {
    expect(agreementUnitPriceFen({ kind: 'fixed', unitPriceFen: 3_600 }, 9_999)).toBe(3_600);
  });

  it('follows the reference price inside the band and stops at its edges, in whole fen inside the band', () => {
    const rule = { kind: 'reference_band', basePriceFen: 4_000, bandPermille: 100 } as const;
    expect(priceBand(4_000, 100)).toEqual({ floorFen: 3_600, ceilingFen: 4_400 });
    expect(agreementUnitPriceFen(rule, 4_100)).toBe(4_100);
    expect(agreementUnitPriceFen(rule, 5_000)).toBe(4_400);
    expect(agreementUnitPriceFen(rule, 1_000)).toBe(3_600);
    // 333 × 0.9 = 299.7 → 300 (rounded into the band); 333 × 1.1 = 366.3 → 366.
    expect(priceBand(333, 100)).toEqual({ floorFen: 300, ceilingFen: 366 });
    expect(agreementUnitPriceFen({ kind: 'reference_band', basePriceFen: 333, bandPermille: 0 }, 400)).toBe(333);
  });
});

describe('schedules', () => {
  it('knows ISO weekdays', () => {
    expect(isoWeekday('2026-09-07')).toBe(1); // a Monday
    expect(isoWeekday('2026-09-13')).toBe(7);
  });

  it('expands a weekly schedule on the chosen weekdays within the period', () => {
    expect(scheduleDates({ kind: 'weekly', weekdays: [1, 4] }, '2026-09-01', '2026-09-14')).toEqual(['2026-09-03', '2026-09-07', '2026-09-10', '2026-09-14']);
  });

  it('keeps only the listed dates inside the window, sorted and once', () => {
    expect(scheduleDates({ kind: 'dates', dates: ['2026-10-05', '2026-09-20', '2026-09-20', '2027-01-01'] }, '2026-09-01', '2026-12-31')).toEqual(['2026-09-20', '2026-10-05']);
  });

  it('skips paused ranges, closed or open-ended, and stops at a termination', () => {
    const v = [{ version: 1, effectiveFrom: '2026-09-01', startDate: '2026-09-01', endDate: '2026-09-30', schedule: { kind: 'weekly', weekdays: [1] } as const }];
    const all = expandDeliveries(v, [], { from: '2026-09-01', to: '2026-09-30' }).map((d) => d.date);
    expect(all).toEqual(['2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28']);
    expect(expandDeliveries(v, [{ from: '2026-09-10', until: '2026-09-16' }], { from: '2026-09-01', to: '2026-09-30' }).map((d) => d.date)).toEqual(['2026-09-07', '2026-09-21', '2026-09-28']);
    expect(expandDeliveries(v, [{ from: '2026-09-20', until: null }], { from: '2026-09-01', to: '2026-09-30' }).map((d) => d.date)).toEqual(['2026-09-07', '2026-09-14']);
    expect(expandDeliveries(v, [], { from: '2026-09-01', to: '2026-09-30' }, '2026-09-14').map((d) => d.date)).toEqual(['2026-09-07', '2026-09-14']);
  });

  it('hands each day to the terms version in force that day: an amendment governs from its effective day', () => {
    const v1 = { version: 1, effectiveFrom: '2026-09-01', startDate: '2026-09-01', endDate: '2026-09-30', schedule: { kind: 'weekly', weekdays: [1] } as const };
    const v2 = { version: 2, effectiveFrom: '2026-09-15', startDate: '2026-09-01', endDate: '2026-10-15', schedule: { kind: 'weekly', weekdays: [3] } as const };
    expect(expandDeliveries([v2, v1], [], { from: '2026-09-01', to: '2026-12-31' })).toEqual([
      { date: '2026-09-07', version: 1 },
      { date: '2026-09-14', version: 1 },
      { date: '2026-09-16', version: 2 },
      { date: '2026-09-23', version: 2 },
      { date: '2026-09-30', version: 2 },
      { date: '2026-10-07', version: 2 },
      { date: '2026-10-14', version: 2 },
    ]);
    // Two versions effective the same day: the later one wins.
    const v3 = { ...v2, version: 3, schedule: { kind: 'weekly', weekdays: [5] } as const };
    expect(expandDeliveries([v1, v2, v3], [], { from: '2026-09-15', to: '2026-09-20' })).toEqual([{ date: '2026-09-18', version: 3 }]);
  });
});

describe('terms', () => {
  it('accepts sound terms', () => {
    expect(checkTerms(terms(), '2026-08-20')).toEqual([]);
  });

  it('names the field of each problem', () => {
    const fields = (t: AgreementTerms) => checkTerms(t, '2026-08-20').map((p) => p.field);
    expect(fields(terms({ endDate: '2026-08-31' }))).toContain('endDate');
    expect(fields(terms({ endDate: '2027-12-31' }))).toEqual(['endDate']);
    expect(fields(terms({ quantity: 0 }))).toEqual(['quantity']);
    expect(fields(terms({ price: { kind: 'fixed', unitPriceFen: 0 } }))).toEqual(['price.unitPriceFen']);
    expect(fields(terms({ price: { kind: 'reference_band', basePriceFen: 4_000, bandPermille: 900 } }))).toEqual(['price.bandPermille']);
    expect(fields(terms({ schedule: { kind: 'weekly', weekdays: [1, 8, 1] } }))).toEqual(['schedule.weekdays[1]', 'schedule.weekdays[2]']);
    expect(fields(terms({ schedule: { kind: 'dates', dates: ['2026-09-10', '2027-02-01'] } }))).toEqual(['schedule.dates[1]']);
    expect(fields(terms({ paymentMethod: 'card', invoicing: 'monthly' }))).toEqual(['invoicing']);
    expect(fields(terms({ orderDaysAhead: 31, noticeDays: -1 }))).toEqual(['orderDaysAhead', 'noticeDays']);
    expect(fields(terms({ startDate: '2026-09-07', endDate: '2026-09-09', schedule: { kind: 'weekly', weekdays: [5] } }))).toEqual(['schedule']);
  });
});

describe('generation timing', () => {
  it('opens orderDaysAhead before the delivery and closes when the lead time no longer allows it', () => {
    expect(generationWindow('2026-09-10', 3, 1)).toEqual({ opensOn: '2026-09-07', closesOn: '2026-09-09' });
    // A lead time longer than the agreed notice opens generation earlier.
    expect(generationWindow('2026-09-10', 2, 5)).toEqual({ opensOn: '2026-09-05', closesOn: '2026-09-05' });
    expect(generationState('2026-09-06', '2026-09-10', 3, 1)).toBe('not_yet');
    expect(generationState('2026-09-07', '2026-09-10', 3, 1)).toBe('due');
    expect(generationState('2026-09-09', '2026-09-10', 3, 1)).toBe('due');
    expect(generationState('2026-09-10', '2026-09-10', 3, 1)).toBe('missed');
  });

  it('issues a month’s invoices on the first day of the next month', () => {
    expect(statementDay('2026-09-30')).toBe('2026-10-01');
    expect(statementDay('2026-12-03')).toBe('2027-01-01');
  });

  it('starts a business day at midnight Beijing time', () => {
    expect(cstStartOfDay('2026-09-10').toISOString()).toBe('2026-09-09T16:00:00.000Z');
  });

  it('counts a delivery on time when received on or before its date', () => {
    expect(deliveredOnTime('2026-09-10', '2026-09-10')).toBe(true);
    expect(deliveredOnTime('2026-09-11', '2026-09-10')).toBe(false);
  });
});

describe('commitments and shortages', () => {
  it('reads harvest months', () => {
    expect(monthStart('2026-10')).toBe('2026-10-01');
    expect(monthStart('2026-13')).toBeNull();
    expect(monthStart('2026-1')).toBeNull();
  });

  it('says plainly when units are reserved for agreements', () => {
    expect(describeShortage({ available: 3, requested: 5, heldForAgreements: 0 })).toBe('3 units available, 5 requested');
    expect(describeShortage({ available: 0, requested: 5, heldForAgreements: 40 })).toContain('40 more units are reserved for procurement agreements');
  });
});
