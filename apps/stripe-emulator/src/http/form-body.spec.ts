import { canonicalForm, FormBodyError, parseFormBody } from './form-body';

describe('parseFormBody', () => {
  it('builds nested objects from bracketed keys and keeps values as strings', () => {
    const body = [
      'mode=payment',
      'line_items[0][price_data][currency]=cny',
      'line_items[0][price_data][unit_amount]=1250',
      'line_items[0][price_data][product_data][name]=%E8%8B%B9%E6%9E%9C+Apple',
      'line_items[0][quantity]=2',
      'line_items[1][quantity]=1',
      'metadata%5Border_id%5D=o_1',
      'expand[]=payment_intent',
      'expand[]=line_items',
    ].join('&');
    expect(parseFormBody(body)).toEqual({
      mode: 'payment',
      line_items: {
        0: { price_data: { currency: 'cny', unit_amount: '1250', product_data: { name: '苹果 Apple' } }, quantity: '2' },
        1: { quantity: '1' },
      },
      metadata: { order_id: 'o_1' },
      expand: ['payment_intent', 'line_items'],
    });
  });

  it('keeps empty values, which Stripe uses to unset fields', () => {
    expect(parseFormBody('metadata[tier]=&description=')).toEqual({ metadata: { tier: '' }, description: '' });
  });

  it('rejects conflicting shapes and prototype keys', () => {
    expect(() => parseFormBody('a=1&a[b]=2')).toThrow(FormBodyError);
    expect(() => parseFormBody('__proto__[polluted]=1')).toThrow(FormBodyError);
    expect(() => parseFormBody('a=%E0%A4%A')).toThrow(FormBodyError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('fingerprints parameters independently of key order', () => {
    expect(canonicalForm(parseFormBody('a=1&b[c]=2&b[d]=3'))).toBe(canonicalForm(parseFormBody('b[d]=3&a=1&b[c]=2')));
    expect(canonicalForm(parseFormBody('a=1'))).not.toBe(canonicalForm(parseFormBody('a=2')));
  });
});
