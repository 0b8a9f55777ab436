import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import { signatureHeader } from './webhook-signature';

describe('signatureHeader', () => {
  const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'customer.created', data: { object: {} } }, null, 2);

  it('is HMAC-SHA256 of "<t>.<payload>" keyed with the whole secret', () => {
    const expected = createHmac('sha256', 'whsec_abc').update(`1700000000.${payload}`).digest('hex');
    expect(signatureHeader(payload, 'whsec_abc', 1700000000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('is accepted by the official SDK and rejected with another secret', () => {
    const stripe = new Stripe('sk_test_unit');
    const header = signatureHeader(payload, 'whsec_abc', Math.floor(Date.now() / 1000));
    expect(stripe.webhooks.constructEvent(payload, header, 'whsec_abc').id).toBe('evt_1');
    expect(() => stripe.webhooks.constructEvent(payload, header, 'whsec_other')).toThrow(Stripe.errors.StripeSignatureVerificationError);
    const stale = signatureHeader(payload, 'whsec_abc', Math.floor(Date.now() / 1000) - 3600);
    expect(() => stripe.webhooks.constructEvent(payload, stale, 'whsec_abc')).toThrow(/Timestamp outside the tolerance zone/);
  });
});
