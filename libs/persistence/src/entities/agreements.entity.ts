import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type {
  AgreementPaymentMethod,
  AgreementSide,
  AgreementStatus,
  CommitmentStatus,
  DeliveryChangeKind,
  DeliveryChangeStatus,
  DeliveryOutcome,
  InvoicingMode,
  TermsStatus,
} from '@shanhai/domain';
import { bigintNumber } from '../column-types';

/**
 * 订单式销售: a procurement agreement between a buyer organisation and a cooperative. The terms live
 * in versions (the first proposal and every amendment, accepted or not: the history); the worker
 * turns each scheduled day into an ordinary order, recorded once in `agreement_deliveries`.
 */
@Entity('agreements')
@Index(['buyerId', 'createdAt'])
@Index(['supplierId', 'createdAt'])
@Index(['status'])
export class AgreementEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 }) number!: string;
  @Column({ name: 'buyer_id', type: 'uuid' }) buyerId!: string;
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId!: string;
  @Column({ type: 'varchar', length: 12 }) status!: AgreementStatus;
  @Column({ name: 'proposed_side', type: 'varchar', length: 8 }) proposedSide!: AgreementSide;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  /** The latest accepted terms version; null while the first proposal waits. */
  @Column({ name: 'current_version', type: 'integer', nullable: true }) currentVersion!: number | null;
  /** The buyer-side user who committed the organisation (proposed or accepted); generated orders are placed in their name. */
  @Column({ name: 'committed_by', type: 'uuid', nullable: true }) committedBy!: string | null;
  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true }) activatedAt!: Date | null;
  /** The last delivery day after an early termination under the notice terms. */
  @Column({ name: 'terminates_on', type: 'date', nullable: true }) terminatesOn!: string | null;
  @Column({ name: 'terminated_side', type: 'varchar', length: 8, nullable: true }) terminatedSide!: AgreementSide | null;
  @Column({ name: 'terminated_by', type: 'uuid', nullable: true }) terminatedBy!: string | null;
  @Column({ name: 'termination_reason', type: 'text', nullable: true }) terminationReason!: string | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  /** The pre-harvest commitment this agreement was made from, if any. */
  @Column({ name: 'commitment_id', type: 'uuid', nullable: true }) commitmentId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One version of an agreement's terms. At most one version is `proposed` at a time. */
@Entity('agreement_versions')
@Index(['agreementId', 'version'], { unique: true })
@Index('uq_agreement_versions_one_proposal', ['agreementId'], { unique: true, where: `status = 'proposed'` })
@Check('chk_agreement_versions_terms', '"quantity" > 0 AND "order_days_ahead" >= 0 AND "notice_days" >= 0 AND "ends_on" >= "starts_on"')
export class AgreementVersionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agreement_id', type: 'uuid' }) agreementId!: string;
  @ManyToOne(() => AgreementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: AgreementEntity;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'varchar', length: 12 }) status!: TermsStatus;
  @Column({ name: 'proposed_side', type: 'varchar', length: 8 }) proposedSide!: AgreementSide;
  @Column({ name: 'proposed_by', type: 'uuid' }) proposedBy!: string;
  @CreateDateColumn({ name: 'proposed_at', type: 'timestamptz' }) proposedAt!: Date;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote!: string | null;
  /** The first day this version governs. */
  @Column({ name: 'effective_from', type: 'date' }) effectiveFrom!: string;
  @Column({ name: 'sku_id', type: 'uuid' }) skuId!: string;
  @Column({ type: 'integer' }) quantity!: number;
  /** fixed | reference_band */
  @Column({ name: 'price_kind', type: 'varchar', length: 16 }) priceKind!: 'fixed' | 'reference_band';
  @Column({ name: 'unit_price_fen', type: 'bigint', nullable: true, transformer: bigintNumber }) unitPriceFen!: number | null;
  @Column({ name: 'base_price_fen', type: 'bigint', nullable: true, transformer: bigintNumber }) basePriceFen!: number | null;
  @Column({ name: 'band_permille', type: 'integer', nullable: true }) bandPermille!: number | null;
  /** weekly | dates */
  @Column({ name: 'schedule_kind', type: 'varchar', length: 8 }) scheduleKind!: 'weekly' | 'dates';
  @Column({ type: 'smallint', array: true, default: () => "'{}'" }) weekdays!: number[];
  @Column({ type: 'date', array: true, default: () => "'{}'" }) dates!: string[];
  /** Null while a cooperative's proposal waits for the buyer to name its site on acceptance. */
  @Column({ name: 'delivery_site_id', type: 'uuid', nullable: true }) deliverySiteId!: string | null;
  @Column({ name: 'starts_on', type: 'date' }) startsOn!: string;
  @Column({ name: 'ends_on', type: 'date' }) endsOn!: string;
  @Column({ name: 'payment_method', type: 'varchar', length: 16 }) paymentMethod!: AgreementPaymentMethod;
  @Column({ type: 'varchar', length: 12 }) invoicing!: InvoicingMode;
  @Column({ name: 'order_days_ahead', type: 'integer' }) orderDaysAhead!: number;
  @Column({ name: 'notice_days', type: 'integer' }) noticeDays!: number;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}

/** A break in deliveries: closed (school holidays) or open-ended until resumed. */
@Entity('agreement_pauses')
@Index(['agreementId', 'fromDate'])
export class AgreementPauseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agreement_id', type: 'uuid' }) agreementId!: string;
  @ManyToOne(() => AgreementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: AgreementEntity;
  @Column({ name: 'from_date', type: 'date' }) fromDate!: string;
  @Column({ name: 'until_date', type: 'date', nullable: true }) untilDate!: string | null;
  @Column({ type: 'varchar', length: 8 }) side!: AgreementSide;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'resumed_by', type: 'uuid', nullable: true }) resumedBy!: string | null;
}

/** A skip or a substitution (a nearby grade: another SKU of the same cooperative) for one delivery date. */
@Entity('agreement_delivery_changes')
@Index(['agreementId', 'deliveryDate'])
@Index('uq_agreement_delivery_changes_live', ['agreementId', 'deliveryDate'], { unique: true, where: `status IN ('proposed', 'accepted')` })
export class AgreementDeliveryChangeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agreement_id', type: 'uuid' }) agreementId!: string;
  @ManyToOne(() => AgreementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: AgreementEntity;
  @Column({ name: 'delivery_date', type: 'date' }) deliveryDate!: string;
  @Column({ type: 'varchar', length: 12 }) kind!: DeliveryChangeKind;
  @Column({ name: 'substitute_sku_id', type: 'uuid', nullable: true }) substituteSkuId!: string | null;
  @Column({ type: 'integer', nullable: true }) quantity!: number | null;
  @Column({ name: 'unit_price_fen', type: 'bigint', nullable: true, transformer: bigintNumber }) unitPriceFen!: number | null;
  @Column({ type: 'varchar', length: 12 }) status!: DeliveryChangeStatus;
  @Column({ name: 'proposed_side', type: 'varchar', length: 8 }) proposedSide!: AgreementSide;
  @Column({ name: 'proposed_by', type: 'uuid' }) proposedBy!: string;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/**
 * Units held out of open sale for one scheduled delivery, per lot (earliest harvest first), from
 * `lots.available_units` exactly as an order takes them. Generating the delivery's order turns the
 * hold into the order's line allocations; a skip, pause or end hands the units back to these lots.
 */
@Entity('agreement_holds')
@Check('chk_agreement_holds_quantity', '"quantity" > 0')
export class AgreementHoldEntity {
  @PrimaryColumn({ name: 'agreement_id', type: 'uuid' }) agreementId!: string;
  @PrimaryColumn({ name: 'delivery_date', type: 'date' }) deliveryDate!: string;
  @PrimaryColumn({ name: 'lot_id', type: 'uuid' }) lotId!: string;
  @ManyToOne(() => AgreementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: AgreementEntity;
  @Index()
  @Column({ name: 'sku_id', type: 'uuid' }) skuId!: string;
  @Column({ type: 'integer' }) quantity!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/**
 * What became of one scheduled delivery: its order, a skip, or a miss. The unique key on
 * (agreement_id, delivery_date), written in the same transaction as the order, is what makes
 * generation exactly once whatever the worker restarts, Redis losses and duplicate jobs.
 */
@Entity('agreement_deliveries')
@Index(['agreementId', 'deliveryDate'], { unique: true })
export class AgreementDeliveryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agreement_id', type: 'uuid' }) agreementId!: string;
  @ManyToOne(() => AgreementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: AgreementEntity;
  @Column({ name: 'delivery_date', type: 'date' }) deliveryDate!: string;
  @Column({ type: 'varchar', length: 8 }) outcome!: DeliveryOutcome;
  @Index({ unique: true, where: 'buyer_order_id IS NOT NULL' })
  @Column({ name: 'buyer_order_id', type: 'uuid', nullable: true }) buyerOrderId!: string | null;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'sku_id', type: 'uuid' }) skuId!: string;
  @Column({ type: 'integer' }) quantity!: number;
  @Column({ name: 'unit_price_fen', type: 'bigint', nullable: true, transformer: bigintNumber }) unitPriceFen!: number | null;
  @Column({ name: 'change_id', type: 'uuid', nullable: true }) changeId!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** 预购: a buyer's commitment to take a quantity of a SKU from a coming harvest month. */
@Entity('commitments')
@Index(['organisationId', 'createdAt'])
@Index(['supplierId', 'harvestMonth'])
@Check('chk_commitments_quantity', '"quantity" > 0')
export class CommitmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId!: string;
  @Column({ name: 'product_id', type: 'uuid' }) productId!: string;
  @Column({ name: 'sku_id', type: 'uuid' }) skuId!: string;
  /** The first day of the harvest month. */
  @Column({ name: 'harvest_month', type: 'date' }) harvestMonth!: string;
  @Column({ type: 'integer' }) quantity!: number;
  @Column({ name: 'target_price_fen', type: 'bigint', nullable: true, transformer: bigintNumber }) targetPriceFen!: number | null;
  @Column({ name: 'delivery_site_id', type: 'uuid', nullable: true }) deliverySiteId!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'varchar', length: 12 }) status!: CommitmentStatus;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote!: string | null;
  @Column({ name: 'agreement_id', type: 'uuid', nullable: true }) agreementId!: string | null;
  @Column({ name: 'buyer_order_id', type: 'uuid', nullable: true }) buyerOrderId!: string | null;
  @Column({ name: 'converted_at', type: 'timestamptz', nullable: true }) convertedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
