import { describe, expect, it } from 'vitest';
import { buildProposal, type ProposalForm } from './proposal-model';

const form: ProposalForm = {
  skuId: 'sku-1',
  quantity: '20',
  priceYuan: '35.5',
  weekdays: [4, 1],
  startDate: '2026-12-07',
  endDate: '2027-03-31',
  deliverySiteId: 'site-1',
  paymentMethod: 'card',
  note: '  食堂 ',
};

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
    expect(buildProposal({ ...form, quantity: '2.5', priceYuan: '3.999', weekdays: [], endDate: '2026-12-01', deliverySiteId: '' })).toEqual({
      problems: ['quantity', 'price.unitPriceFen', 'schedule.weekdays', 'endDate', 'deliverySiteId'],
    });
  });

  it('leaves an empty note out and refuses a zero price', () => {
    const built = buildProposal({ ...form, note: ' ' });
    expect('body' in built && 'note' in built.body).toBe(false);
    expect(buildProposal({ ...form, priceYuan: '0' })).toEqual({ problems: ['price.unitPriceFen'] });
  });
});
