import Stripe from 'stripe';
import { Harness, startHarness, verifiedEvents } from './support/emulator-harness';

describe('invoices (B2B send_invoice flow)', () => {
  let h: Harness;
  let customer: Stripe.Customer;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    h.emulator.reset();
    h.receiver.clear();
    customer = await h.stripe.customers.create({ email: 'ap@canteen.example', name: '成都某某食堂', invoice_prefix: 'SHCD' });
  });

  async function draftInvoice(): Promise<Stripe.Invoice> {
    return h.stripe.invoices.create({
      customer: customer.id,
      collection_method: 'send_invoice',
      days_until_due: 30,
      auto_advance: false,
      currency: 'cny',
      metadata: { order_id: 'order_7' },
    });
  }

  it('create → invoice items → finalize → send → pay out of band', async () => {
    const draft = await draftInvoice();
    expect(draft).toMatchObject({ object: 'invoice', status: 'draft', amount_due: 0, number: null, due_date: null, currency: 'cny' });
    expect(draft.id).toMatch(/^in_/);

    const item1 = await h.stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 120_000, currency: 'cny', description: '大米 Rice 1t' });
    expect(item1.id).toMatch(/^ii_/);
    expect(item1.invoice).toBe(draft.id);
    const freight = await h.stripe.invoiceItems.create({
      customer: customer.id,
      invoice: draft.id,
      quantity: 3,
      unit_amount_decimal: Stripe.Decimal.from('2500'),
      description: '运费 Freight',
    });
    expect(freight.amount).toBe(7_500);
    expect(freight.quantity_decimal.toString()).toBe('3');
    const pending = await h.stripe.invoiceItems.create({ customer: customer.id, amount: 999, currency: 'cny', description: 'not on this invoice' });
    expect(pending.invoice).toBeNull();

    const finalized = await h.stripe.invoices.finalizeInvoice(draft.id);
    expect(finalized.status).toBe('open');
    expect(finalized.number).toBe('SHCD-0001');
    expect(finalized.amount_due).toBe(127_500);
    expect(finalized.amount_remaining).toBe(127_500);
    expect(finalized.lines.data.map((l) => l.amount)).toEqual([120_000, 7_500]);
    expect(finalized.lines.data[1].quantity).toBe(3);
    expect(finalized.status_transitions.finalized_at).toEqual(expect.any(Number));
    expect(finalized.due_date).toBe((finalized.status_transitions.finalized_at as number) + 30 * 86_400);

    const lines = await h.stripe.invoices.listLineItems(draft.id, { limit: 1 });
    expect(lines.has_more).toBe(true);
    expect((await h.stripe.invoiceItems.list({ customer: customer.id, pending: true })).data.map((i) => i.id)).toEqual([pending.id]);

    const sent = await h.stripe.invoices.sendInvoice(draft.id);
    expect(sent.status).toBe('open');

    const paid = await h.stripe.invoices.pay(draft.id, { paid_out_of_band: true });
    expect(paid.status).toBe('paid');
    expect(paid.amount_paid).toBe(127_500);
    expect(paid.amount_remaining).toBe(0);
    expect(paid.status_transitions.paid_at).toEqual(expect.any(Number));

    await h.receiver.waitFor((received) => received.some((w) => w.eventType === 'invoice.paid'));
    const invoiceEvents = verifiedEvents(h).filter((e) => e.type.startsWith('invoice.'));
    expect(invoiceEvents.map((e) => e.type).sort()).toEqual(['invoice.created', 'invoice.finalized', 'invoice.paid', 'invoice.sent']);
    const finalizedEvent = invoiceEvents.find((e) => e.type === 'invoice.finalized') as Stripe.InvoiceFinalizedEvent;
    expect(finalizedEvent.data.object.status).toBe('open');
    expect(finalizedEvent.data.object.metadata).toEqual({ order_id: 'order_7' });

    const listed = await h.stripe.events.list({ type: 'invoice.*' });
    expect(listed.data.map((e) => e.type)).toEqual(['invoice.paid', 'invoice.sent', 'invoice.finalized', 'invoice.created']);
    expect((await h.stripe.invoices.list({ customer: customer.id, status: 'paid' })).data.map((i) => i.id)).toEqual([draft.id]);
  });

  it('voids an open invoice and refuses illegal transitions', async () => {
    const draft = await draftInvoice();
    await h.stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 5_000, currency: 'cny' });

    const voidDraft = await h.stripe.invoices.voidInvoice(draft.id).catch((e: unknown) => e);
    expect(voidDraft).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(h.stripe.invoices.pay(draft.id, { paid_out_of_band: true })).rejects.toMatchObject({ statusCode: 400 });
    await expect(h.stripe.invoices.sendInvoice(draft.id)).rejects.toMatchObject({ statusCode: 400 });

    await h.stripe.invoices.finalizeInvoice(draft.id);
    await expect(h.stripe.invoices.finalizeInvoice(draft.id)).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(
      h.stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 1, currency: 'cny' }),
    ).rejects.toMatchObject({ code: 'invoice_not_editable' });

    const voided = await h.stripe.invoices.voidInvoice(draft.id);
    expect(voided.status).toBe('void');
    expect(voided.status_transitions.voided_at).toEqual(expect.any(Number));
    await expect(h.stripe.invoices.pay(draft.id, { paid_out_of_band: true })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
    });
    await expect(h.stripe.invoices.markUncollectible(draft.id)).rejects.toMatchObject({ statusCode: 400 });

    await h.receiver.waitFor((received) => received.some((w) => w.eventType === 'invoice.voided'));
  });

  it('marks an invoice uncollectible and can still collect it later', async () => {
    const draft = await draftInvoice();
    await h.stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 5_000, currency: 'cny' });
    await h.stripe.invoices.finalizeInvoice(draft.id);
    expect((await h.stripe.invoices.markUncollectible(draft.id)).status).toBe('uncollectible');
    expect((await h.stripe.invoices.pay(draft.id, { paid_out_of_band: true })).status).toBe('paid');
  });

  it('pulls pending items only when asked, and settles a zero invoice on finalize', async () => {
    await h.stripe.invoiceItems.create({ customer: customer.id, amount: 4_200, currency: 'cny' });
    const excluded = await draftInvoice();
    expect(excluded.amount_due).toBe(0);
    const zero = await h.stripe.invoices.finalizeInvoice(excluded.id);
    expect(zero.status).toBe('paid');

    const included = await h.stripe.invoices.create({
      customer: customer.id,
      collection_method: 'send_invoice',
      days_until_due: 7,
      pending_invoice_items_behavior: 'include',
    });
    expect(included.amount_due).toBe(4_200);

    await expect(
      h.stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice' }),
    ).rejects.toMatchObject({ param: 'days_until_due' });
  });
});
