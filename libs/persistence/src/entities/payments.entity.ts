import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { InvoiceStatus } from '@shanhai/domain';
import { bigintNumber } from '../column-types';

/** One attempt to collect a buyer order's amount through Stripe (a Checkout Session). */
@Entity('payments')
@Index(['buyerOrderId', 'createdAt'])
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'buyer_order_id', type: 'uuid' }) buyerOrderId!: string;
  @Column({ type: 'varchar', length: 16 }) method!: string;
  @Index({ unique: true, where: 'checkout_session_id IS NOT NULL' })
  @Column({ name: 'checkout_session_id', type: 'varchar', length: 255, nullable: true }) checkoutSessionId!: string | null;
  @Index({ unique: true, where: 'payment_intent_id IS NOT NULL' })
  @Column({ name: 'payment_intent_id', type: 'varchar', length: 255, nullable: true }) paymentIntentId!: string | null;
  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintNumber }) amountFen!: number;
  @Column({ type: 'char', length: 3, default: 'CNY' }) currency!: string;
  /** open → succeeded | failed | expired */
  @Column({ type: 'varchar', length: 16 }) status!: string;
  @Column({ name: 'checkout_url', type: 'text', nullable: true }) checkoutUrl!: string | null;
  /** When the Checkout Session stops accepting payment (never after the order's reservation). */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt!: Date | null;
  @Column({ name: 'succeeded_at', type: 'timestamptz', nullable: true }) succeededAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** A shortfall, damage or rejection that the buyer is owed money for, settled by refund or credit note. */
@Entity('claims')
@Index(['buyerOrderId'])
@Index(['orderLineId'])
@Index(['settledAt'])
export class ClaimEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'buyer_order_id', type: 'uuid' }) buyerOrderId!: string;
  /** The line the money is owed for; null for a supplier order's delivery fee. */
  @Column({ name: 'order_line_id', type: 'uuid', nullable: true }) orderLineId!: string | null;
  @Column({ name: 'supplier_order_id', type: 'uuid' }) supplierOrderId!: string;
  /** short | damaged | rejected | cancelled | delivery_fee */
  @Column({ type: 'varchar', length: 16 }) reason!: string;
  @Column({ type: 'integer', default: 0 }) quantity!: number;
  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintNumber }) amountFen!: number;
  /** open → refunded | credited | waived (nothing had been paid or invoiced) */
  @Column({ type: 'varchar', length: 16, default: 'open' }) status!: string;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true }) settledAt!: Date | null;
}

@Entity('refunds')
export class RefundEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index()
  @Column({ name: 'buyer_order_id', type: 'uuid' }) buyerOrderId!: string;
  @Index({ unique: true, where: 'claim_id IS NOT NULL' })
  @Column({ name: 'claim_id', type: 'uuid', nullable: true }) claimId!: string | null;
  @Column({ name: 'payment_id', type: 'uuid' }) paymentId!: string;
  /** refund:<order>:<claim> — also the Stripe idempotency key. */
  @Index({ unique: true })
  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 }) idempotencyKey!: string;
  @Index({ unique: true, where: 'stripe_refund_id IS NOT NULL' })
  @Column({ name: 'stripe_refund_id', type: 'varchar', length: 255, nullable: true }) stripeRefundId!: string | null;
  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintNumber }) amountFen!: number;
  /** pending → succeeded | failed */
  @Column({ type: 'varchar', length: 16 }) status!: string;
  /** claim | late_payment (the order was cancelled or expired before the money arrived) | duplicate_payment */
  @Column({ type: 'varchar', length: 20, default: 'claim' }) reason!: string;
  /** Why the payment provider refused it, for the operator. */
  @Column({ name: 'failure_message', type: 'text', nullable: true }) failureMessage!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true }) settledAt!: Date | null;
}

@Entity('invoices')
@Index(['status', 'dueDate'])
export class InvoiceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index({ unique: true })
  @Column({ name: 'buyer_order_id', type: 'uuid' }) buyerOrderId!: string;
  @Index({ unique: true, where: 'stripe_invoice_id IS NOT NULL' })
  @Column({ name: 'stripe_invoice_id', type: 'varchar', length: 255, nullable: true }) stripeInvoiceId!: string | null;
  @Column({ type: 'varchar', length: 16 }) status!: InvoiceStatus;
  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintNumber }) amountFen!: number;
  @Column({ name: 'credited_fen', type: 'bigint', default: 0, transformer: bigintNumber }) creditedFen!: number;
  /** The invoice number the payment provider gave at finalisation. */
  @Column({ type: 'varchar', length: 64, nullable: true }) number!: string | null;
  @Column({ name: 'hosted_invoice_url', type: 'text', nullable: true }) hostedInvoiceUrl!: string | null;
  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true }) issuedAt!: Date | null;
  @Column({ name: 'due_date', type: 'date', nullable: true }) dueDate!: string | null;
  /**
   * A draft is issued no earlier than this business day (China Standard Time): the statement day of
   * an agreement invoiced monthly (docs/agreements.md). Null: issue at once.
   */
  @Column({ name: 'issue_on', type: 'date', nullable: true }) issueOn!: string | null;
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true }) paidAt!: Date | null;
  /** The bank transfer the operator recorded (Stripe does not take CNY transfers): reference and value date. */
  @Column({ name: 'transfer_reference', type: 'varchar', length: 200, nullable: true }) transferReference!: string | null;
  @Column({ name: 'transfer_date', type: 'date', nullable: true }) transferDate!: string | null;
  @Column({ name: 'transfer_recorded_by', type: 'uuid', nullable: true }) transferRecordedBy!: string | null;
  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true }) voidedAt!: Date | null;
  @Column({ name: 'void_reason', type: 'varchar', length: 200, nullable: true }) voidReason!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('credit_notes')
export class CreditNoteEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index()
  @Column({ name: 'invoice_id', type: 'uuid' }) invoiceId!: string;
  @Index({ unique: true })
  @Column({ name: 'claim_id', type: 'uuid' }) claimId!: string;
  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintNumber }) amountFen!: number;
  @Column({ type: 'varchar', length: 200 }) reason!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** Every Stripe event id applied, written in the same transaction as its effect: a replay changes nothing. */
@Entity('stripe_events')
export class StripeEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 255 }) eventId!: string;
  @Column({ type: 'varchar', length: 100 }) type!: string;
  @CreateDateColumn({ name: 'processed_at', type: 'timestamptz' }) processedAt!: Date;
}

/** Per cooperative: what supplier orders earned once accepted by the buyer, and what was paid out. */
@Entity('settlement_entries')
@Index(['supplierId', 'createdAt'])
export class SettlementEntryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId!: string;
  /** earned | payout | adjustment */
  @Column({ type: 'varchar', length: 16 }) kind!: string;
  @Index({ unique: true, where: 'reference IS NOT NULL' })
  @Column({ type: 'varchar', length: 200, nullable: true }) reference!: string | null;
  @Column({ name: 'supplier_order_id', type: 'uuid', nullable: true }) supplierOrderId!: string | null;
  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintNumber }) amountFen!: number;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/**
 * One run of the payment reconciliation: what Stripe and our orders were compared over, what was
 * settled automatically (orphaned payments, pending refunds, invoices paid elsewhere) and what is
 * left for the operator.
 */
@Entity('payment_reconciliation_reports')
@Index(['startedAt'])
export class PaymentReconciliationReportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** schedule | operator */
  @Column({ type: 'varchar', length: 16 }) trigger!: string;
  @Column({ name: 'requested_by', type: 'uuid', nullable: true }) requestedBy!: string | null;
  /** queued → running → completed | failed */
  @Column({ type: 'varchar', length: 16 }) status!: string;
  @Column({ name: 'window_from', type: 'timestamptz' }) windowFrom!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) checked!: Record<string, number>;
  @Column({ type: 'jsonb', default: () => "'[]'" }) settled!: unknown[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) mismatches!: unknown[];
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
