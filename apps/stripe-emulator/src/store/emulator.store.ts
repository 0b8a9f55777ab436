import { CheckoutSessionRecord } from '../models/checkout.model';
import { CustomerObject } from '../models/customer.model';
import { InvoiceItemObject, InvoiceRecord } from '../models/invoice.model';
import { ChargeObject, PaymentIntentObject, RefundObject } from '../models/payment.model';
import { ResolvedPaymentMethod } from '../payments/test-payment-methods';
import { ResourceTable } from './resource-table';

/** All emulated API state. In memory on purpose: a restart (or `/__emulator/reset`) is a clean account. */
export class EmulatorStore {
  readonly customers = new ResourceTable<CustomerObject>('customer');
  readonly checkoutSessions = new ResourceTable<CheckoutSessionRecord>('checkout.session');
  readonly paymentIntents = new ResourceTable<PaymentIntentObject>('payment_intent');
  readonly charges = new ResourceTable<ChargeObject>('charge');
  readonly refunds = new ResourceTable<RefundObject>('refund');
  readonly invoiceItems = new ResourceTable<InvoiceItemObject>('invoiceitem');
  readonly invoices = new ResourceTable<InvoiceRecord>('invoice');
  /** PaymentMethods created from test aliases (`pm_card_visa` → `pm_…`), so they can be reused by id. */
  readonly paymentMethods = new Map<string, ResolvedPaymentMethod>();

  /** Resolves an id of any type, for `expand[]`. */
  findById(id: string): object | undefined {
    const prefix = id.slice(0, id.indexOf('_') + 1);
    switch (prefix) {
      case 'cus_':
        return this.customers.get(id);
      case 'cs_':
        return this.checkoutSessions.get(id)?.session;
      case 'pi_':
        return this.paymentIntents.get(id);
      case 'ch_':
        return this.charges.get(id);
      case 're_':
        return this.refunds.get(id);
      case 'ii_':
        return this.invoiceItems.get(id);
      case 'in_':
        return this.invoices.get(id)?.invoice;
      default:
        return undefined;
    }
  }

  reset(): void {
    for (const table of [
      this.customers,
      this.checkoutSessions,
      this.paymentIntents,
      this.charges,
      this.refunds,
      this.invoiceItems,
      this.invoices,
    ]) {
      table.clear();
    }
    this.paymentMethods.clear();
  }
}
