import type { AgreementTermsView } from '@shanhai/contract';
import { describe, expect, it } from 'vitest';
import { emptyProposal } from './proposal-defaults';
import { buildProposal, formFromTerms, parseBand, termsChanges, type ProposalForm } from './proposal-model';

const form: ProposalForm = emptyProposal({
  skuId: 'sku-1',
  quantity: '20',
  priceYuan: '35.5',
  startDate: '2026-12-07',
  endDate: '2027-03-31',
  deliverySiteId: 'site-1',
});
form.weekdays = [4, 1];
form.note = '  食堂 ';

function termsView(overrides: Partial<AgreementTermsView> = {}): AgreementTermsView {
  return {
    version: 1,
    status: 'accepted',
    proposedSide: 'buyer',
    proposedBy: 'u1',
    proposedByName: null,
    proposedAt: '2026-11-01T02:00:00.000Z',
    decidedBy: null,
    decidedByName: null,
    decidedAt: null,
    decisionNote: null,
    effectiveFrom: '2026-11-02',
    sku: { id: 'sku-1', code: 'POTATO-01-1', productId: 'p1', productNameZh: '高山黄心土豆', productNameEn: null, packingUnitZh: '箱', packingUnitEn: 'case', netWeightG: 10000, listPriceFen: 3800, leadTimeDays: 2, minOrderQuantity: 5, orderMultiple: 5 },
    quantity: 20,
    price: { kind: 'fixed', unitPriceFen: 3500, basePriceFen: null, bandPermille: null, floorFen: null, ceilingFen: null },
    schedule: { kind: 'weekly', weekdays: [1, 4], dates: [] },
    deliverySite: { id: 'site-1', name: '食堂', address: '—', countyCode: '339801' },
    startDate: '2026-11-02',
    endDate: '2027-02-28',
    paymentMethod: 'card',
    invoicing: 'per_delivery',
    orderDaysAhead: 4,
    noticeDays: 7,
    note: null,
    ...overrides,
  };
}

describe('an agreement proposal', () => {
  it('sends the typed yuan as integer fen, weekdays in order and the trimmed note', () => {
    expect(buildProposal(form)).toEqual({
      body: {
        skuId: 'sku-1',
        quantity: 20,
        price: { kind: 'fixed', unitPriceFen: 3550 },
        schedule: { kind: 'weekly', weekdays: [1, 4] },
        deliverySiteId: 'site-1',
        startDate: '2026-12-07',
        endDate: '2027-03-31',
        paymentMethod: 'card',
        note: '食堂',
      },
    });
  });

  it('names every field it cannot send, with the API’s field names', () => {
    expect(buildProposal({ ...form, quantity: '2.5', priceYuan: '3.999', weekdays: [], endDate: '2026-12-01', deliverySiteId: '', orderDaysAhead: 'x', noticeDays: '91' })).toEqual({
      problems: ['quantity', 'price.unitPriceFen', 'schedule.weekdays', 'endDate', 'deliverySiteId', 'orderDaysAhead', 'noticeDays'],
    });
  });

  it('leaves an empty note out and refuses a zero price', () => {
    const built = buildProposal({ ...form, note: ' ' });
    expect('body' in built && 'note' in built.body).toBe(false);
    expect(buildProposal({ ...form, priceYuan: '0' })).toEqual({ problems: ['price.unitPriceFen'] });
  });

  it('sends a reference price with its band in ‰, typed in ‰ or in %', () => {
    const band = { ...form, priceKind: 'reference_band' as const, priceYuan: '40', band: '12.5', bandUnit: 'percent' as const };
    const built = buildProposal(band);
    expect('body' in built && built.body.price).toEqual({ kind: 'reference_band', basePriceFen: 4000, bandPermille: 125 });
    expect(buildProposal({ ...band, band: '100', bandUnit: 'permille' })).toMatchObject({ body: { price: { kind: 'reference_band', basePriceFen: 4000, bandPermille: 100 } } });
    expect(buildProposal({ ...band, band: '501', bandUnit: 'permille' })).toEqual({ problems: ['price.bandPermille'] });
    expect(buildProposal({ ...band, priceYuan: '' })).toEqual({ problems: ['price.basePriceFen'] });
    expect(parseBand('10%', 'percent')).toBe(100);
    expect(parseBand('12.5', 'permille')).toBeNull();
  });

  it('sends a harvest calendar sorted, without empty rows or repeats, and names a bad row by its index', () => {
    const dates = { ...form, scheduleKind: 'dates' as const, dates: ['2027-01-20', '', '2026-12-10', '2027-01-20'] };
    expect(buildProposal(dates)).toMatchObject({ body: { schedule: { kind: 'dates', dates: ['2026-12-10', '2027-01-20'] } } });
    expect(buildProposal({ ...dates, dates: ['', ' '] })).toEqual({ problems: ['schedule.dates'] });
    expect(buildProposal({ ...dates, dates: ['2027-01-20', '2027-02-30'] })).toEqual({ problems: ['schedule.dates[1]'] });
  });

  it('pays by invoice with its invoicing, and sends the generation and notice days when given', () => {
    expect(buildProposal({ ...form, paymentMethod: 'invoice', invoicing: 'monthly', orderDaysAhead: '5', noticeDays: '14' })).toMatchObject({
      body: { paymentMethod: 'invoice', invoicing: 'monthly', orderDaysAhead: 5, noticeDays: 14 },
    });
    const card = buildProposal({ ...form, invoicing: 'monthly' });
    expect('body' in card && 'invoicing' in card.body).toBe(false);
  });
});

describe('an amendment', () => {
  it('starts from the terms in force and sends them back unchanged', () => {
    const terms = termsView({ price: { kind: 'reference_band', unitPriceFen: null, basePriceFen: 4050, bandPermille: 80, floorFen: 3726, ceilingFen: 4374 }, note: '早上送' });
    expect(buildProposal(formFromTerms(terms))).toEqual({
      body: {
        skuId: 'sku-1',
        quantity: 20,
        price: { kind: 'reference_band', basePriceFen: 4050, bandPermille: 80 },
        schedule: { kind: 'weekly', weekdays: [1, 4] },
        deliverySiteId: 'site-1',
        startDate: '2026-11-02',
        endDate: '2027-02-28',
        paymentMethod: 'card',
        orderDaysAhead: 4,
        noticeDays: 7,
        note: '早上送',
      },
    });
  });

  it('names what a version changes', () => {
    const before = termsView();
    const after = termsView({ version: 2, quantity: 25, schedule: { kind: 'dates', weekdays: [], dates: ['2026-12-01'] }, note: null });
    expect(termsChanges(before, after)).toEqual(['quantity', 'schedule']);
    expect(termsChanges(before, termsView({ version: 2 }))).toEqual([]);
  });
});
