import { describe, expect, it } from 'vitest';
import { buildDeliveryChange, buildPause, buildTermination, emptyChange } from './actions-model';
import { buildProposal, emptyProposal, parseDates, proposalFieldOf, type ProposalValues } from './proposal-model';

const values: ProposalValues = {
  ...emptyProposal('2026-11-29', 'buyer-1'),
  skuId: 'sku-1',
  quantity: '20',
  unitPriceYuan: '35.5',
  weekdays: [4, 1],
  startDate: '2026-12-07',
  endDate: '2027-03-31',
  note: '  食堂 ',
};

describe('the cooperative’s agreement terms', () => {
  it('proposes to a buyer: typed yuan as integer fen, weekdays in order, no delivery site, the trimmed note', () => {
    expect(buildProposal(values, 'propose')).toEqual({
      body: {
        buyerId: 'buyer-1',
        skuId: 'sku-1',
        quantity: 20,
        price: { kind: 'fixed', unitPriceFen: 3550 },
        schedule: { kind: 'weekly', weekdays: [1, 4] },
        startDate: '2026-12-07',
        endDate: '2027-03-31',
        paymentMethod: 'card',
        note: '食堂',
      },
    });
  });

  it('a reference price with its band, a date list, invoicing monthly and the optional days', () => {
    const built = buildProposal(
      {
        ...values,
        priceKind: 'reference_band',
        basePriceYuan: '40',
        bandPermille: '100',
        scheduleKind: 'dates',
        dates: '2026-12-10\n2026-12-08，2026-12-10',
        paymentMethod: 'invoice',
        invoicing: 'monthly',
        orderDaysAhead: '5',
        noticeDays: '１４',
        note: '',
        effectiveFrom: '2026-12-01',
      },
      'amend',
    );
    expect(built).toEqual({
      body: {
        skuId: 'sku-1',
        quantity: 20,
        price: { kind: 'reference_band', basePriceFen: 4000, bandPermille: 100 },
        schedule: { kind: 'dates', dates: ['2026-12-08', '2026-12-10'] },
        startDate: '2026-12-07',
        endDate: '2027-03-31',
        paymentMethod: 'invoice',
        invoicing: 'monthly',
        orderDaysAhead: 5,
        noticeDays: 14,
        effectiveFrom: '2026-12-01',
      },
    });
  });

  it('a commitment’s proposal carries the commitment’s site and never a buyer', () => {
    const built = buildProposal({ ...values, deliverySiteId: 'site-1' }, 'commitment');
    expect('body' in built && built.body.deliverySiteId).toBe('site-1');
    expect('body' in built && 'buyerId' in built.body).toBe(false);
  });

  it('names every field it cannot send, by the API’s names', () => {
    expect(buildProposal({ ...values, buyerId: '', quantity: '2.5', unitPriceYuan: '3.999', weekdays: [], endDate: '2026-12-01', orderDaysAhead: 'x' }, 'propose')).toEqual({
      problems: { buyerId: 'required', quantity: 'wholeNumber', 'price.unitPriceFen': 'amount', 'schedule.weekdays': 'required', endDate: 'endBeforeStart', orderDaysAhead: 'wholeNumber' },
    });
    expect(buildProposal({ ...values, priceKind: 'reference_band', basePriceYuan: '', bandPermille: '501', scheduleKind: 'dates', dates: '2026-13-01' }, 'propose')).toEqual({
      problems: { 'price.basePriceFen': 'required', 'price.bandPermille': 'band', 'schedule.dates': 'days' },
    });
  });

  it('checks the SKU’s minimum and multiple when it knows them', () => {
    expect(buildProposal({ ...values, quantity: '1' }, 'propose', { minOrderQuantity: 2, orderMultiple: 1 })).toEqual({ problems: { quantity: 'minimum' } });
    expect(buildProposal({ ...values, quantity: '15' }, 'propose', { minOrderQuantity: 10, orderMultiple: 10 })).toEqual({ problems: { quantity: 'multiple' } });
  });

  it('puts the API’s nested field paths beside the field shown', () => {
    expect(proposalFieldOf('schedule.dates[3]', values)).toBe('schedule.dates');
    expect(proposalFieldOf('price', { ...values, priceKind: 'reference_band' })).toBe('price.basePriceFen');
    expect(proposalFieldOf('deliverySiteId', values)).toBeNull();
    expect(parseDates('')).toEqual([]);
  });
});

describe('pauses, early ends and delivery changes', () => {
  it('a break has both days; a pause until resumed only its first', () => {
    expect(buildPause({ from: '2027-01-15', until: '2027-02-20', reason: ' 寒假 ' })).toEqual({ body: { from: '2027-01-15', until: '2027-02-20', reason: '寒假' } });
    expect(buildPause({ from: '2027-01-15', until: '', reason: '' })).toEqual({ body: { from: '2027-01-15' } });
    expect(buildPause({ from: '2027-01-15', until: '2027-01-14', reason: '' })).toEqual({ problems: { until: 'untilBeforeFrom' } });
  });

  it('an early end needs its reason', () => {
    expect(buildTermination({ lastDeliveryOn: '', reason: ' ' })).toEqual({ problems: { reason: 'required' } });
    expect(buildTermination({ lastDeliveryOn: '2027-01-31', reason: '减产' })).toEqual({ body: { lastDeliveryOn: '2027-01-31', reason: '减产' } });
  });

  it('a substitution with its own units and price in fen; a skip with only its day', () => {
    expect(buildDeliveryChange('2026-12-10', { ...emptyChange(), substituteSkuId: 'sku-2', quantity: '18', unitPriceYuan: '33.8' })).toEqual({
      body: { deliveryDate: '2026-12-10', kind: 'substitute', substituteSkuId: 'sku-2', quantity: 18, unitPriceFen: 3380 },
    });
    expect(buildDeliveryChange('2026-12-10', { ...emptyChange(), kind: 'skip', substituteSkuId: 'sku-2' })).toEqual({ body: { deliveryDate: '2026-12-10', kind: 'skip' } });
    expect(buildDeliveryChange('2026-12-10', emptyChange())).toEqual({ problems: { substituteSkuId: 'required' } });
  });
});
