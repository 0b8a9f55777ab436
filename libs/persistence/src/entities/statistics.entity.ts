import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from '../column-types';

/**
 * One attribution record per order line and event that moves a figure (docs/statistics.md): the line's
 * sale (figure `sales`) or completion (figure `counted`) with every dimension of the counting rules, a
 * refund or credit note after that moment as its own negative record, and `reversal` records written
 * by a recomputation that found a difference. Never updated; corrections are new rows.
 */
@Entity('stat_attributions')
@Index('uq_stat_attributions_fact', ['figure', 'orderLineId', 'kind', 'sourceKey'], { unique: true })
@Index(['figure', 'businessDay'])
@Index(['buyerOrgId', 'figure', 'businessDay'])
@Index(['buyerOrderId'])
// A cooperative's records (its drill-down) and its linked households as last recorded (households reached).
@Index(['supplierId', 'figure', 'businessDay'])
@Check('chk_stat_attributions_kind', `"kind" IN ('sale', 'completion', 'refund', 'credit', 'reversal')`)
@Check('chk_stat_attributions_figure', `"figure" IN ('sales', 'counted')`)
export class StatAttributionEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ type: 'varchar', length: 8 }) figure!: 'sales' | 'counted';
  @Column({ type: 'varchar', length: 10 }) kind!: 'sale' | 'completion' | 'refund' | 'credit' | 'reversal';
  /** '' for a sale or completion, the claim id for a refund or credit, the run and row for a reversal. */
  @Column({ name: 'source_key', type: 'varchar', length: 80, default: '' }) sourceKey!: string;
  /** The outbox event that wrote the record; null for a reversal written by a recomputation. */
  @Column({ name: 'event_id', type: 'bigint', nullable: true }) eventId!: string | null;
  @Column({ name: 'recompute_run_id', type: 'uuid', nullable: true }) recomputeRunId!: string | null;
  /** The day the record counts on (China Standard Time). */
  @Column({ name: 'business_day', type: 'date' }) businessDay!: string;
  /** The day the statistics learned of it: `asOf` reads only what was recorded by then. */
  @Column({ name: 'recorded_on', type: 'date' }) recordedOn!: string;
  @Column({ name: 'order_line_id', type: 'uuid' }) orderLineId!: string;
  @Column({ name: 'buyer_order_id', type: 'uuid' }) buyerOrderId!: string;
  @Column({ name: 'supplier_order_id', type: 'uuid' }) supplierOrderId!: string;
  @Column({ name: 'pairing_id', type: 'uuid', nullable: true }) pairingId!: string | null;
  @Column({ name: 'supplier_county_code', type: 'char', length: 6 }) supplierCountyCode!: string;
  @Column({ name: 'buyer_city_code', type: 'char', length: 6 }) buyerCityCode!: string;
  @Column({ name: 'buyer_province_code', type: 'char', length: 6 }) buyerProvinceCode!: string;
  @Column({ name: 'buyer_type', type: 'varchar', length: 16 }) buyerType!: string;
  @Column({ name: 'buyer_org_id', type: 'uuid' }) buyerOrgId!: string;
  @Column({ name: 'category_id', type: 'integer' }) categoryId!: number;
  @Column({ type: 'boolean' }) certified!: boolean;
  @Column({ name: 'certificate_no', type: 'varchar', length: 64, nullable: true }) certificateNo!: string | null;
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId!: string;
  /** Households linked to the supplier (lifted + monitored + at risk) when the line counted. */
  @Column({ name: 'households_linked', type: 'integer', default: 0 }) householdsLinked!: number;
  @Column({ name: 'gross_fen', type: 'bigint', transformer: bigintNumber }) grossFen!: number;
  @Column({ name: 'refund_fen', type: 'bigint', transformer: bigintNumber }) refundFen!: number;
  @Column({ name: 'net_fen', type: 'bigint', transformer: bigintNumber }) netFen!: number;
  /** 1 for a sale or completion, 0 for money given back; a reversal carries the difference. */
  @Column({ type: 'integer' }) lines!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** Daily roll-up of the attribution records over every dimension (and the day they were recorded, for `asOf`). */
@Entity('stat_daily')
@Index('uq_stat_daily_key', ['figure', 'businessDay', 'recordedOn', 'pairingKey', 'supplierCountyCode', 'buyerCityCode', 'buyerProvinceCode', 'buyerType', 'categoryId', 'certified', 'supplierId'], { unique: true })
export class StatDailyEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ type: 'varchar', length: 8 }) figure!: string;
  @Column({ name: 'business_day', type: 'date' }) businessDay!: string;
  @Column({ name: 'recorded_on', type: 'date' }) recordedOn!: string;
  /** The pairing id, or '' outside any pairing. */
  @Column({ name: 'pairing_key', type: 'varchar', length: 36 }) pairingKey!: string;
  @Column({ name: 'supplier_county_code', type: 'char', length: 6 }) supplierCountyCode!: string;
  @Column({ name: 'buyer_city_code', type: 'char', length: 6 }) buyerCityCode!: string;
  @Column({ name: 'buyer_province_code', type: 'char', length: 6 }) buyerProvinceCode!: string;
  @Column({ name: 'buyer_type', type: 'varchar', length: 16 }) buyerType!: string;
  @Column({ name: 'category_id', type: 'integer' }) categoryId!: number;
  @Column({ type: 'boolean' }) certified!: boolean;
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId!: string;
  @Column({ name: 'gross_fen', type: 'bigint', transformer: bigintNumber }) grossFen!: number;
  @Column({ name: 'refund_fen', type: 'bigint', transformer: bigintNumber }) refundFen!: number;
  @Column({ name: 'net_fen', type: 'bigint', transformer: bigintNumber }) netFen!: number;
  @Column({ type: 'integer' }) lines!: number;
}

/**
 * Monthly roll-ups in narrow "grains" (docs/statistics.md): each grain keeps one side's place code
 * (the supplier's county or the buyer site's city, or both) and at most one other dimension, so a
 * year of a jurisdiction's totals by month, county or category reads a few thousand rows.
 * Columns not in a row's grain hold ''.
 */
@Entity('stat_monthly')
@Index('uq_stat_monthly_key', ['figure', 'grain', 'month', 'supplierCountyCode', 'buyerCityCode', 'dimKey'], { unique: true })
export class StatMonthlyEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ type: 'varchar', length: 8 }) figure!: string;
  /** The first day of the month. */
  @Column({ type: 'date' }) month!: string;
  @Column({ type: 'smallint' }) grain!: number;
  @Column({ name: 'supplier_county_code', type: 'varchar', length: 6 }) supplierCountyCode!: string;
  @Column({ name: 'buyer_city_code', type: 'varchar', length: 6 }) buyerCityCode!: string;
  @Column({ name: 'dim_key', type: 'varchar', length: 36 }) dimKey!: string;
  @Column({ name: 'gross_fen', type: 'bigint', transformer: bigintNumber }) grossFen!: number;
  @Column({ name: 'refund_fen', type: 'bigint', transformer: bigintNumber }) refundFen!: number;
  @Column({ name: 'net_fen', type: 'bigint', transformer: bigintNumber }) netFen!: number;
  @Column({ type: 'integer' }) lines!: number;
}

/** The processed-event ledger: an outbox event is applied to the statistics in the transaction that inserts its row here. */
@Entity('stat_event_ledger')
export class StatEventLedgerEntity {
  @PrimaryColumn({ name: 'event_id', type: 'bigint' }) eventId!: string;
  @Column({ type: 'integer' }) records!: number;
  @CreateDateColumn({ name: 'applied_at', type: 'timestamptz' }) appliedAt!: Date;
}

/**
 * How far a consumer has drained the outbox, as (transaction id, event id): events are read in that
 * order and only from transactions older than every running one, so a slow transaction's event can
 * never slip in behind the mark.
 */
@Entity('stat_watermarks')
export class StatWatermarkEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 }) consumer!: string;
  @Column({ name: 'last_tx_id', type: 'bigint', default: 0 }) lastTxId!: string;
  @Column({ name: 'last_event_id', type: 'bigint', default: 0 }) lastEventId!: string;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

/** One recomputation of a date range from the orders: what it compared, every difference, what it repaired. */
@Entity('stat_recompute_runs')
export class StatRecomputeRunEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 16 }) trigger!: 'schedule' | 'operator' | 'command';
  @Column({ name: 'requested_by', type: 'uuid', nullable: true }) requestedBy!: string | null;
  @Column({ name: 'from_day', type: 'date' }) fromDay!: string;
  @Column({ name: 'to_day', type: 'date' }) toDay!: string;
  @Column({ type: 'boolean', default: true }) repair!: boolean;
  /** queued → running → done | failed */
  @Column({ type: 'varchar', length: 12 }) status!: string;
  @Column({ name: 'facts_compared', type: 'integer', default: 0 }) factsCompared!: number;
  @Column({ name: 'differences_count', type: 'integer', default: 0 }) differencesCount!: number;
  /** Each difference: figure, line, kind, day, expected and recorded amounts. */
  @Column({ type: 'jsonb', default: () => "'[]'" }) differences!: unknown[];
  @Column({ name: 'repaired_records', type: 'integer', default: 0 }) repairedRecords!: number;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}

/** A jurisdiction's yearly target for one figure. */
@Entity('stat_targets')
@Index(['jurisdictionId', 'year', 'figure'], { unique: true })
@Check('chk_stat_targets_amount', '"amount_fen" > 0')
export class StatTargetEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'jurisdiction_id', type: 'uuid' }) jurisdictionId!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'varchar', length: 8 }) figure!: string;
  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintNumber }) amountFen!: number;
  @Column({ name: 'set_by', type: 'uuid' }) setBy!: string;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

/**
 * 预留份额: a public buyer's yearly filing of its canteen food budget and the share it reserves for
 * produce of helped areas. Units sharing one canteen file once (the others point at the filer);
 * a unit without a canteen files `no_canteen`.
 */
@Entity('reserved_share_filings')
@Index(['organisationId', 'year'], { unique: true })
@Check('chk_reserved_share_kind', `"kind" IN ('own_canteen', 'shared_canteen', 'no_canteen')`)
export class ReservedShareFilingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'varchar', length: 16 }) kind!: 'own_canteen' | 'shared_canteen' | 'no_canteen';
  /** The unit whose filing covers the shared canteen. */
  @Column({ name: 'shared_with_id', type: 'uuid', nullable: true }) sharedWithId!: string | null;
  @Column({ name: 'canteen_budget_fen', type: 'bigint', nullable: true, transformer: bigintNumber }) canteenBudgetFen!: number | null;
  @Column({ name: 'share_permille', type: 'integer', nullable: true }) sharePermille!: number | null;
  @Column({ name: 'reserved_fen', type: 'bigint', nullable: true, transformer: bigintNumber }) reservedFen!: number | null;
  @Column({ name: 'filed_by', type: 'uuid' }) filedBy!: string;
  @CreateDateColumn({ name: 'filed_at', type: 'timestamptz' }) filedAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
