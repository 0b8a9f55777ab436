/** A Stripe Checkout Session opened for a buyer order: send the buyer to `checkoutUrl`. */
export interface CheckoutView {
  paymentId: string;
  sessionId: string;
  checkoutUrl: string;
  method: 'card' | 'wechat_pay' | 'alipay';
  amountFen: number;
  currency: 'CNY';
  /** When the session stops accepting payment. */
  expiresAt: string;
  /** The order's payment deadline (extended when Stripe's 30-minute minimum outlasts it). */
  paymentDueAt: string | null;
  /** true when an open session was handed out again instead of a new one. */
  reused: boolean;
}

export interface InvoiceView {
  id: string;
  buyerOrderId: string;
  orderNumber: string;
  organisationId: string;
  organisationName: string;
  /** draft → open → paid | void | uncollectible */
  status: string;
  number: string | null;
  amountFen: number;
  creditedFen: number;
  /** What the buyer still has to transfer: amount less credit notes (0 once paid or void). */
  amountDueFen: number;
  currency: 'CNY';
  issuedAt: string | null;
  dueDate: string | null;
  /** Open and past its due date (China Standard Time). */
  overdue: boolean;
  daysOverdue: number;
  hostedInvoiceUrl: string | null;
  paidAt: string | null;
  transferReference: string | null;
  transferDate: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  creditNotes: Array<{ id: string; claimId: string; amountFen: number; reason: string; createdAt: string }>;
  createdAt: string;
}

export interface InvoicePage {
  items: InvoiceView[];
  total: number;
  page: number;
  pageSize: number;
}

export interface SettlementEntryView {
  id: string;
  /** earned (+) | payout (−) | adjustment (±) — signed from the cooperative's side: positive is owed to it. */
  kind: string;
  amountFen: number;
  reference: string | null;
  supplierOrderId: string | null;
  note: string | null;
  recordedBy: string | null;
  createdAt: string;
}

export interface SettlementView {
  supplierId: string;
  supplierName: string;
  currency: 'CNY';
  earnedFen: number;
  adjustmentsFen: number;
  paidOutFen: number;
  /** earned + adjustments − paid out: what the platform still owes the cooperative. */
  owedFen: number;
  entries: SettlementEntryView[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PayoutView {
  entry: SettlementEntryView;
  provider: string;
  providerReference: string | null;
  /** true when this reference had been recorded before: nothing new was paid. */
  replayed: boolean;
  owedFen: number;
}

export interface ReconciliationFindingView {
  kind: string;
  buyerOrderId?: string | null;
  reference?: string | null;
  amountFen?: number | null;
  detail: string;
}

export interface ReconciliationReportView {
  id: string;
  trigger: string;
  /** queued → running → completed | failed */
  status: string;
  windowFrom: string;
  startedAt: string | null;
  finishedAt: string | null;
  checked: Record<string, number>;
  settled: ReconciliationFindingView[];
  mismatches: ReconciliationFindingView[];
  error: string | null;
  createdAt: string;
}
