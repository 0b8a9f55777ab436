import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Stripe from 'stripe';
import { DataSource, EntityManager } from 'typeorm';
import { businessDay } from '@shanhai/domain';
import type { InvoicePage, InvoiceView } from '@shanhai/contract';
import { InvoiceRepository, InvoiceRow, InvoiceSync, isPermanentStripeError, PaymentsCore } from '@shanhai/payments';
import { conflict, invalid, notFound } from '../common/app-error';
import { Principal } from '../identity/principal';
import { resolveBuyerOrg } from '../ordering/buyer-scope';
import { paymentError, translatingPaymentErrors } from './payment-errors';
import { PAYMENTS_CORE } from './payments-core.provider';
import { InvoiceQueryDto, RecordTransferDto, VoidInvoiceDto } from './payments.dto';

const UNPAID = ['draft', 'open', 'uncollectible'];

/**
 * Invoices of orders on net terms. The worker issues them through Stripe Invoicing; Stripe does
 * not take CNY bank transfers, so the operator records the transfer here and the Stripe invoice is
 * marked paid out of band.
 */
@Injectable()
export class InvoiceService {
  private readonly logger = new Logger(InvoiceService.name);
  private readonly invoices = new InvoiceRepository();
  private readonly sync = new InvoiceSync(this.invoices);
  private readonly stripe: Stripe;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PAYMENTS_CORE) core: PaymentsCore,
  ) {
    this.stripe = core.stripe;
  }

  /** The operator sees every invoice; a buyer its organisation's. `overdue`: open past the due date. */
  async list(principal: Principal, query: InvoiceQueryDto): Promise<InvoicePage> {
    const orgId = principal.isOperator ? (query.organisationId ?? null) : resolveBuyerOrg(principal, query.organisationId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const today = businessDay();
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT i.id, count(*) OVER () AS total
         FROM invoices i JOIN buyer_orders o ON o.id = i.buyer_order_id
        WHERE ($1::uuid IS NULL OR o.organisation_id = $1)
          AND ($2::text IS NULL OR i.status = $2)
          AND ($3::boolean IS NULL OR (i.status = 'open' AND i.due_date < $4::date) = $3)
        ORDER BY CASE WHEN $3::boolean THEN i.due_date END ASC, i.created_at DESC, i.id
        LIMIT $5 OFFSET $6`,
      [orgId, query.status ?? null, query.overdue ?? null, today, pageSize, (page - 1) * pageSize],
    );
    const items = await this.views(this.db.manager, rows.map((r) => r.id as string));
    const total = rows.length ? Number(rows[0].total) : await this.count(orgId, query, today);
    return { items, total, page, pageSize };
  }

  async get(principal: Principal, id: string): Promise<InvoiceView> {
    const [view] = await this.views(this.db.manager, [id]);
    if (!view || !(principal.isOperator || principal.isMemberOf(view.organisationId))) throw notFound('invoice', id);
    return view;
  }

  /**
   * The operator records the buyer's bank transfer. The reference is stored first, then the Stripe
   * invoice is paid out of band (idempotency key `invoice-pay:<invoice>`), then ours becomes paid
   * with outbox `invoice.paid` and the order completes if it can. If Stripe cannot be reached the
   * transfer stays recorded, and a retry or the reconciliation job completes it.
   */
  async recordTransfer(principal: Principal, id: string, dto: RecordTransferDto): Promise<InvoiceView> {
    if (dto.transferDate > businessDay()) throw invalid('transferDate', 'a transfer cannot be dated in the future');
    const recorded = await this.db.transaction(async (tx) => {
      const invoice = await this.lockedInvoice(tx, id);
      if (invoice.status === 'paid') throw conflict('INVOICE_ALREADY_PAID', `invoice ${invoice.number ?? id} is already paid${invoice.transferReference ? ` (transfer ${invoice.transferReference})` : ''}`, { currentStatus: invoice.status });
      if (invoice.status === 'draft') throw conflict('INVOICE_NOT_ISSUED', 'this invoice has not been issued yet; a transfer can be recorded once it is open', { currentStatus: invoice.status });
      if (invoice.status === 'void') throw conflict('ILLEGAL_TRANSITION', 'a void invoice cannot be paid', { currentStatus: invoice.status });
      const dueFen = invoice.amountFen - invoice.creditedFen;
      if (dto.amountFen !== undefined && dto.amountFen !== dueFen) throw invalid('amountFen', `the invoice is due ${dueFen} fen (amount ${invoice.amountFen} less credit notes ${invoice.creditedFen}); record a transfer of exactly that`);
      await this.invoices.recordTransfer(tx, id, dto.reference, dto.transferDate, principal.userId);
      return invoice;
    });
    await translatingPaymentErrors(async () => {
      let theirs: Stripe.Invoice;
      try {
        theirs = await this.stripe.invoices.pay(recorded.stripeInvoiceId!, { paid_out_of_band: true }, { idempotencyKey: `invoice-pay:${id}` });
      } catch (err) {
        // Paid already (a retry whose first answer was lost, or paid in the Dashboard): take Stripe's word.
        if (!isPermanentStripeError(err)) throw err;
        theirs = await this.stripe.invoices.retrieve(recorded.stripeInvoiceId!);
        if (theirs.status !== 'paid') throw err;
      }
      await this.db.transaction((tx) => this.sync.apply(tx, theirs));
    });
    return (await this.views(this.db.manager, [id]))[0];
  }

  /** Only an unpaid invoice can be voided; Stripe's copy is voided too (key `invoice-void:<invoice>`); outbox `invoice.voided`. */
  async void(principal: Principal, id: string, dto: VoidInvoiceDto): Promise<InvoiceView> {
    const reason = dto.reason?.trim() || 'voided by the operator';
    const invoice = await this.db.transaction(async (tx) => {
      const row = await this.lockedInvoice(tx, id);
      if (row.status === 'paid') throw conflict('INVOICE_ALREADY_PAID', 'a paid invoice cannot be voided; settle differences with credit notes', { currentStatus: row.status });
      if (!UNPAID.includes(row.status)) throw conflict('ILLEGAL_TRANSITION', `an invoice that is ${row.status} cannot become void`, { currentStatus: row.status });
      // Not finalized at Stripe yet: void ours now; the issuer sees it and stops (or voids what it finalized).
      if (row.status === 'draft' || !row.stripeInvoiceId) {
        await this.guard(() => this.invoices.markVoid(tx, row, reason, new Date()));
        return null;
      }
      return row;
    });
    if (invoice) {
      await translatingPaymentErrors(async () => {
        let theirs = await this.stripe.invoices.retrieve(invoice.stripeInvoiceId!);
        if (theirs.status === 'open' || theirs.status === 'uncollectible') {
          theirs = await this.stripe.invoices.voidInvoice(theirs.id, {}, { idempotencyKey: `invoice-void:${id}` });
        }
        const stripeStatus = theirs.status;
        await this.db.transaction(async (tx) => {
          const row = await this.lockedInvoice(tx, id);
          if (stripeStatus === 'paid') {
            await this.sync.apply(tx, theirs);
            return;
          }
          if (UNPAID.includes(row.status)) await this.invoices.markVoid(tx, row, reason, new Date());
        });
        if (stripeStatus === 'paid') throw conflict('INVOICE_ALREADY_PAID', 'Stripe reports this invoice paid: it was marked paid here too, not voided', { currentStatus: 'paid' });
      });
    }
    this.logger.log({ invoiceId: id, by: principal.userId, reason }, 'invoice voided');
    return (await this.views(this.db.manager, [id]))[0];
  }

  private async lockedInvoice(tx: EntityManager, id: string): Promise<InvoiceRow> {
    const head = await this.invoices.get(tx, id);
    if (!head) throw notFound('invoice', id);
    await this.invoices.lockOrder(tx, head.buyerOrderId);
    return (await this.invoices.get(tx, id, true))!;
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw paymentError(err);
    }
  }

  private async count(orgId: string | null, query: InvoiceQueryDto, today: string): Promise<number> {
    const [r] = await this.db.query(
      `SELECT count(*)::int AS n FROM invoices i JOIN buyer_orders o ON o.id = i.buyer_order_id
        WHERE ($1::uuid IS NULL OR o.organisation_id = $1) AND ($2::text IS NULL OR i.status = $2)
          AND ($3::boolean IS NULL OR (i.status = 'open' AND i.due_date < $4::date) = $3)`,
      [orgId, query.status ?? null, query.overdue ?? null, today],
    );
    return r.n;
  }

  private async views(db: EntityManager, ids: readonly string[]): Promise<InvoiceView[]> {
    if (ids.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await db.query(
      `SELECT i.id, i.buyer_order_id, o.number AS order_number, o.organisation_id, org.name AS organisation_name, i.status, i.number,
              i.amount_fen, i.credited_fen, i.issued_at, i.due_date::text AS due_date, i.hosted_invoice_url, i.paid_at,
              i.transfer_reference, i.transfer_date::text AS transfer_date, i.voided_at, i.void_reason, i.created_at
         FROM invoices i JOIN buyer_orders o ON o.id = i.buyer_order_id JOIN organisations org ON org.id = o.organisation_id
        WHERE i.id = ANY($1::uuid[])`,
      [ids],
    );
    const notes: Array<Record<string, unknown>> = await db.query(
      `SELECT id, invoice_id, claim_id, amount_fen, reason, created_at FROM credit_notes WHERE invoice_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [ids],
    );
    const today = businessDay();
    const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);
    const byId = new Map(
      rows.map((r) => {
        const status = r.status as string;
        const dueDate = (r.due_date as string | null) ?? null;
        const overdue = status === 'open' && dueDate !== null && dueDate < today;
        const daysOverdue = overdue ? Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000) : 0;
        const amountFen = Number(r.amount_fen);
        const creditedFen = Number(r.credited_fen);
        const view: InvoiceView = {
          id: r.id as string,
          buyerOrderId: r.buyer_order_id as string,
          orderNumber: r.order_number as string,
          organisationId: r.organisation_id as string,
          organisationName: r.organisation_name as string,
          status,
          number: (r.number as string | null) ?? null,
          amountFen,
          creditedFen,
          amountDueFen: UNPAID.includes(status) ? amountFen - creditedFen : 0,
          currency: 'CNY',
          issuedAt: iso(r.issued_at),
          dueDate,
          overdue,
          daysOverdue,
          hostedInvoiceUrl: (r.hosted_invoice_url as string | null) ?? null,
          paidAt: iso(r.paid_at),
          transferReference: (r.transfer_reference as string | null) ?? null,
          transferDate: (r.transfer_date as string | null) ?? null,
          voidedAt: iso(r.voided_at),
          voidReason: (r.void_reason as string | null) ?? null,
          creditNotes: notes
            .filter((n) => n.invoice_id === r.id)
            .map((n) => ({ id: n.id as string, claimId: n.claim_id as string, amountFen: Number(n.amount_fen), reason: n.reason as string, createdAt: iso(n.created_at)! })),
          createdAt: iso(r.created_at)!,
        };
        return [view.id, view];
      }),
    );
    return ids.map((id) => byId.get(id)).filter((v): v is InvoiceView => v !== undefined);
  }
}

