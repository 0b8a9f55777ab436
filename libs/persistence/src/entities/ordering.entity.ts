import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { BuyerOrderStatus, PaymentMethod, SupplierOrderStatus } from '@shanhai/domain';
import { bigintNumber } from '../column-types';

/** One cart per buyer user and buyer organisation; lines may span several cooperatives. */
@Entity('carts')
@Index(['userId', 'organisationId'], { unique: true })
export class CartEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('cart_items')
@Index(['cartId', 'skuId'], { unique: true })
@Check('chk_cart_items_quantity', '"quantity" > 0')
export class CartItemEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'cart_id', type: 'uuid' }) cartId!: string;
  @ManyToOne(() => CartEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cart_id' })
  cart?: CartEntity;
  @Column({ name: 'sku_id', type: 'uuid' }) skuId!: string;
  @Column({ type: 'integer' }) quantity!: number;
  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' }) addedAt!: Date;
}

/**
 * What a buyer organisation ordered in one checkout. It splits into one supplier order per
 * cooperative. Attribution fields (site county/city/province, buyer type) are copied at placement
 * so later edits to the organisation or site never move past statistics.
 */
@Entity('buyer_orders')
@Index(['organisationId', 'createdAt'])
@Index(['status', 'paymentDueAt'])
@Index(['paidAt'])
@Index(['completedAt'])
export class BuyerOrderEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 }) number!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'placed_by', type: 'uuid' }) placedBy!: string;
  @Column({ type: 'varchar', length: 20 }) status!: BuyerOrderStatus;
  @Column({ name: 'payment_method', type: 'varchar', length: 16 }) paymentMethod!: PaymentMethod;
  @Column({ name: 'payment_status', type: 'varchar', length: 20, default: 'unpaid' }) paymentStatus!: 'unpaid' | 'paid' | 'partially_refunded' | 'refunded';
  @Column({ name: 'delivery_site_id', type: 'uuid' }) deliverySiteId!: string;
  @Column({ name: 'delivery_date', type: 'date' }) deliveryDate!: string;
  @Column({ name: 'site_county_code', type: 'char', length: 6 }) siteCountyCode!: string;
  @Column({ name: 'site_city_code', type: 'char', length: 6 }) siteCityCode!: string;
  @Column({ name: 'site_province_code', type: 'char', length: 6 }) siteProvinceCode!: string;
  @Column({ name: 'buyer_type', type: 'varchar', length: 16 }) buyerType!: string;
  @Column({ name: 'produce_fen', type: 'bigint', transformer: bigintNumber }) produceFen!: number;
  @Column({ name: 'delivery_fee_fen', type: 'bigint', transformer: bigintNumber }) deliveryFeeFen!: number;
  @Column({ name: 'total_fen', type: 'bigint', transformer: bigintNumber }) totalFen!: number;
  @Column({ name: 'refunded_fen', type: 'bigint', default: 0, transformer: bigintNumber }) refundedFen!: number;
  @Column({ name: 'credited_fen', type: 'bigint', default: 0, transformer: bigintNumber }) creditedFen!: number;
  @Column({ type: 'char', length: 3, default: 'CNY' }) currency!: string;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'approved_by', type: 'uuid', nullable: true }) approvedBy!: string | null;
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt!: Date | null;
  /** Reserved stock is released when an unpaid order passes this moment. */
  @Column({ name: 'payment_due_at', type: 'timestamptz', nullable: true }) paymentDueAt!: Date | null;
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true }) paidAt!: Date | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
  @Column({ name: 'cancel_reason', type: 'varchar', length: 200, nullable: true }) cancelReason!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('supplier_orders')
@Index(['supplierId', 'status'])
export class SupplierOrderEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index()
  @Column({ name: 'buyer_order_id', type: 'uuid' }) buyerOrderId!: string;
  @ManyToOne(() => BuyerOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'buyer_order_id' })
  buyerOrder?: BuyerOrderEntity;
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId!: string;
  @Column({ name: 'supplier_county_code', type: 'char', length: 6 }) supplierCountyCode!: string;
  @Column({ type: 'varchar', length: 16 }) status!: SupplierOrderStatus;
  @Column({ name: 'produce_fen', type: 'bigint', transformer: bigintNumber }) produceFen!: number;
  @Column({ name: 'delivery_fee_fen', type: 'bigint', transformer: bigintNumber }) deliveryFeeFen!: number;
  @Column({ name: 'distance_band', type: 'varchar', length: 8 }) distanceBand!: string;
  @Column({ name: 'weight_g', type: 'bigint', transformer: bigintNumber }) weightG!: number;
  @Column({ type: 'varchar', length: 100, nullable: true }) carrier!: string | null;
  @Column({ name: 'tracking_no', type: 'varchar', length: 100, nullable: true }) trackingNo!: string | null;
  @Column({ name: 'shipped_on', type: 'date', nullable: true }) shippedOn!: string | null;
  @Column({ name: 'received_at', type: 'timestamptz', nullable: true }) receivedAt!: Date | null;
  @Column({ name: 'evaluation_rating', type: 'smallint', nullable: true }) evaluationRating!: number | null;
  @Column({ name: 'evaluation_comment', type: 'text', nullable: true }) evaluationComment!: string | null;
  @Column({ name: 'evaluated_at', type: 'timestamptz', nullable: true }) evaluatedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One SKU in a supplier order, with the price and product facts as they were at placement. */
@Entity('order_lines')
@Check('chk_order_lines_quantities', '"quantity" > 0 AND "unit_price_fen" > 0 AND "received_quantity" >= 0 AND "short_quantity" >= 0 AND "damaged_quantity" >= 0')
export class OrderLineEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index()
  @Column({ name: 'supplier_order_id', type: 'uuid' }) supplierOrderId!: string;
  @ManyToOne(() => SupplierOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'supplier_order_id' })
  supplierOrder?: SupplierOrderEntity;
  @Index()
  @Column({ name: 'buyer_order_id', type: 'uuid' }) buyerOrderId!: string;
  @Column({ name: 'line_no', type: 'integer' }) lineNo!: number;
  @Index()
  @Column({ name: 'sku_id', type: 'uuid' }) skuId!: string;
  @Column({ name: 'product_id', type: 'uuid' }) productId!: string;
  @Column({ name: 'sku_code', type: 'varchar', length: 64 }) skuCode!: string;
  @Column({ name: 'product_name_zh', type: 'varchar', length: 200 }) productNameZh!: string;
  @Column({ name: 'product_name_en', type: 'varchar', length: 200, nullable: true }) productNameEn!: string | null;
  @Column({ name: 'packing_unit_zh', type: 'varchar', length: 50 }) packingUnitZh!: string;
  @Column({ name: 'category_id', type: 'integer' }) categoryId!: number;
  @Column({ name: 'origin_county_code', type: 'char', length: 6 }) originCountyCode!: string;
  @Column({ name: 'net_weight_g', type: 'integer' }) netWeightG!: number;
  @Column({ type: 'integer' }) quantity!: number;
  @Column({ name: 'unit_price_fen', type: 'bigint', transformer: bigintNumber }) unitPriceFen!: number;
  @Column({ name: 'line_fen', type: 'bigint', transformer: bigintNumber }) lineFen!: number;
  /** pending → accepted | rejected (by the supplier). */
  @Column({ type: 'varchar', length: 12, default: 'pending' }) status!: 'pending' | 'accepted' | 'rejected';
  @Column({ name: 'received_quantity', type: 'integer', default: 0 }) receivedQuantity!: number;
  @Column({ name: 'short_quantity', type: 'integer', default: 0 }) shortQuantity!: number;
  @Column({ name: 'damaged_quantity', type: 'integer', default: 0 }) damagedQuantity!: number;
  @Column({ name: 'receipt_note', type: 'text', nullable: true }) receiptNote!: string | null;
  @Column({ name: 'receipt_photo_key', type: 'varchar', length: 300, nullable: true }) receiptPhotoKey!: string | null;
  @Column({ name: 'received_at', type: 'timestamptz', nullable: true }) receivedAt!: Date | null;
  @Column({ name: 'refunded_fen', type: 'bigint', default: 0, transformer: bigintNumber }) refundedFen!: number;
  @Column({ name: 'credited_fen', type: 'bigint', default: 0, transformer: bigintNumber }) creditedFen!: number;
}

/** Which lots an order line's units were reserved from: earliest harvest first. */
@Entity('line_allocations')
@Check('chk_line_allocations_quantity', '"quantity" > 0')
export class LineAllocationEntity {
  @PrimaryColumn({ name: 'order_line_id', type: 'uuid' }) orderLineId!: string;
  @PrimaryColumn({ name: 'lot_id', type: 'uuid' }) lotId!: string;
  @ManyToOne(() => OrderLineEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_line_id' })
  line?: OrderLineEntity;
  @Column({ type: 'integer' }) quantity!: number;
  /** Units handed back to the lot (cancellation, rejection, expiry). */
  @Column({ name: 'released_quantity', type: 'integer', default: 0 }) releasedQuantity!: number;
}

/**
 * Idempotency-Key of order placement, stored in the same transaction as the order it created: a
 * retry finds it and returns the first result; an attempt that failed left nothing behind.
 */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 }) key!: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'varchar', length: 100 }) scope!: string;
  @Column({ name: 'request_hash', type: 'char', length: 64 }) requestHash!: string;
  @Column({ name: 'response_status', type: 'integer' }) responseStatus!: number;
  @Column({ name: 'response_body', type: 'jsonb' }) responseBody!: unknown;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/**
 * The transactional outbox: the transaction that changes an order writes the event row too; the
 * statistics drain it (a BullMQ job) in id order. Never written to from anywhere else.
 */
@Entity('outbox_events')
@Index(['type', 'id'])
@Index(['txId', 'id'])
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  /**
   * The writing transaction's id: the statistics drain events in (tx_id, id) order and only from
   * transactions older than every one still running, so none commits behind the watermark. Written
   * by OutboxRepository as pg_current_xact_id().
   */
  @Column({ name: 'tx_id', type: 'bigint' }) txId!: string;
  @Column({ type: 'varchar', length: 40 }) type!: string;
  @Column({ name: 'aggregate_id', type: 'uuid' }) aggregateId!: string;
  /** The business day (China Standard Time) the event counts on. */
  @Column({ name: 'business_day', type: 'date' }) businessDay!: string;
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
}
