import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CertificationStatus, IncomeMode, PriceTier, ProductStatus, StorageClass } from '@shanhai/domain';
import { bigintNumber } from '../column-types';
import { OrganisationEntity, ProductionBaseEntity } from './identity.entity';

@Entity('categories')
export class CategoryEntity {
  @PrimaryGeneratedColumn('increment') id!: number;
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40 }) code!: string;
  @Column({ name: 'name_zh', type: 'varchar', length: 100 }) nameZh!: string;
  @Column({ name: 'name_en', type: 'varchar', length: 100 }) nameEn!: string;
  @Column({ name: 'sort_order', type: 'integer', default: 0 }) sortOrder!: number;
}

/**
 * A product as the supplier describes it. The columns after `status` are kept by the catalog
 * service in the same transaction as the change that moves them, so that browse and search read
 * one table with plain indexes (see docs/catalog-search.md).
 */
@Entity('products')
// GIN over search tokens, created by hand in CatalogSearchIndex (TypeORM cannot describe it).
@Index('idx_products_search_terms', { synchronize: false })
// Created by hand in CatalogBrowseIndexes (INCLUDE, DESC NULLS LAST, an expression): facet counts, sorts, one-letter prefix.
@Index('idx_products_facets', { synchronize: false })
@Index('idx_products_name', { synchronize: false })
@Index('idx_products_price_desc', { synchronize: false })
@Index('idx_products_name_en_prefix', { synchronize: false })
@Index(['visible', 'categoryId'])
@Index(['visible', 'originCountyCode'])
@Index(['visible', 'minPriceFen'])
@Index(['visible', 'createdAt'])
export class ProductEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index()
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId!: string;
  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'supplier_id' })
  supplier?: OrganisationEntity;
  @Column({ name: 'category_id', type: 'integer' }) categoryId!: number;
  @ManyToOne(() => CategoryEntity)
  @JoinColumn({ name: 'category_id' })
  category?: CategoryEntity;
  @Column({ name: 'origin_county_code', type: 'char', length: 6 }) originCountyCode!: string;
  @Column({ name: 'origin_province_code', type: 'char', length: 6 }) originProvinceCode!: string;
  @Column({ name: 'name_zh', type: 'varchar', length: 200 }) nameZh!: string;
  @Column({ name: 'name_en', type: 'varchar', length: 200, nullable: true }) nameEn!: string | null;
  @Column({ name: 'description_zh', type: 'text', nullable: true }) descriptionZh!: string | null;
  @Column({ name: 'description_en', type: 'text', nullable: true }) descriptionEn!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) grade!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) spec!: string | null;
  @Column({ name: 'storage_class', type: 'varchar', length: 12 }) storageClass!: StorageClass;
  @Column({ name: 'shelf_life_days', type: 'integer', nullable: true }) shelfLifeDays!: number | null;
  /** Months 1–12 in season. */
  @Column({ type: 'smallint', array: true, default: () => "'{}'" }) seasons!: number[];
  @Column({ type: 'varchar', length: 12, default: 'draft' }) status!: ProductStatus;

  /** status = active and the supplier is verified. */
  @Column({ type: 'boolean', default: false }) visible!: boolean;
  @Column({ name: 'min_price_fen', type: 'bigint', nullable: true, transformer: bigintNumber }) minPriceFen!: number | null;
  @Column({ name: 'stock_units', type: 'bigint', default: 0, transformer: bigintNumber }) stockUnits!: number;
  /** The current certificate's counting window, [from, until): until is valid_to + 1 or the revocation day. */
  @Column({ name: 'certified_from', type: 'date', nullable: true }) certifiedFrom!: string | null;
  @Column({ name: 'certified_until', type: 'date', nullable: true }) certifiedUntil!: string | null;
  /** Tokens for Chinese, pinyin, initials and English search; GIN-indexed by a hand-written migration. */
  @Column({ name: 'search_terms', type: 'text', array: true, default: () => "'{}'" }) searchTerms!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('product_images')
export class ProductImageEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index()
  @Column({ name: 'product_id', type: 'uuid' }) productId!: string;
  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;
  @Column({ name: 'storage_key', type: 'varchar', length: 300 }) storageKey!: string;
  @Column({ name: 'content_type', type: 'varchar', length: 64 }) contentType!: string;
  @Column({ name: 'byte_size', type: 'integer' }) byteSize!: number;
  @Column({ name: 'sort_order', type: 'integer', default: 0 }) sortOrder!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('skus')
@Check('chk_skus_amounts', '"price_fen" > 0 AND "min_order_quantity" >= 1 AND "order_multiple" >= 1 AND "net_weight_g" > 0 AND "lead_time_days" >= 0 AND "stock_units" >= 0')
export class SkuEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index()
  @Column({ name: 'product_id', type: 'uuid' }) productId!: string;
  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 }) code!: string;
  @Column({ name: 'packing_unit_zh', type: 'varchar', length: 50 }) packingUnitZh!: string;
  @Column({ name: 'packing_unit_en', type: 'varchar', length: 50, nullable: true }) packingUnitEn!: string | null;
  @Column({ name: 'net_weight_g', type: 'integer' }) netWeightG!: number;
  @Column({ name: 'price_fen', type: 'bigint', transformer: bigintNumber }) priceFen!: number;
  @Column({ type: 'char', length: 3, default: 'CNY' }) currency!: string;
  @Column({ name: 'price_tiers', type: 'jsonb', default: () => "'[]'" }) priceTiers!: PriceTier[];
  @Column({ name: 'min_order_quantity', type: 'integer', default: 1 }) minOrderQuantity!: number;
  @Column({ name: 'order_multiple', type: 'integer', default: 1 }) orderMultiple!: number;
  @Column({ name: 'lead_time_days', type: 'integer', default: 1 }) leadTimeDays!: number;
  /** Sum of the lots' available units, kept in the same transaction as any lot change. */
  @Column({ name: 'stock_units', type: 'integer', default: 0 }) stockUnits!: number;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** 批次: a harvest lot; stock is held per lot so an order line can name the lot it came from. */
@Entity('lots')
@Check('chk_lots_units', '"quantity_units" >= 0 AND "available_units" >= 0 AND "available_units" <= "quantity_units"')
@Index(['skuId', 'harvestDate'])
export class LotEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'sku_id', type: 'uuid' }) skuId!: string;
  @ManyToOne(() => SkuEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sku_id' })
  sku?: SkuEntity;
  @Index()
  @Column({ name: 'base_id', type: 'uuid' }) baseId!: string;
  @ManyToOne(() => ProductionBaseEntity)
  @JoinColumn({ name: 'base_id' })
  base?: ProductionBaseEntity;
  @Column({ type: 'varchar', length: 64 }) code!: string;
  @Column({ name: 'harvest_date', type: 'date' }) harvestDate!: string;
  @Column({ name: 'quantity_units', type: 'integer' }) quantityUnits!: number;
  @Column({ name: 'available_units', type: 'integer' }) availableUnits!: number;
  @Column({ name: 'inspection_note', type: 'text', nullable: true }) inspectionNote!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** 帮扶产品认定: an application and, once decided, the certificate. */
@Entity('certifications')
@Index(['status', 'appliedAt'])
export class CertificationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index()
  @Column({ name: 'product_id', type: 'uuid' }) productId!: string;
  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;
  @Column({ name: 'supplier_id', type: 'uuid' }) supplierId!: string;
  /** Copied from the product when applying: the county whose officials decide. */
  @Index()
  @Column({ name: 'county_code', type: 'char', length: 6 }) countyCode!: string;
  @Column({ type: 'varchar', length: 12, default: 'applied' }) status!: CertificationStatus;
  @Column({ type: 'text', nullable: true }) evidence!: string | null;
  @CreateDateColumn({ name: 'applied_at', type: 'timestamptz' }) appliedAt!: Date;
  @Column({ name: 'applied_by', type: 'uuid' }) appliedBy!: string;
  @Index({ unique: true, where: 'certificate_no IS NOT NULL' })
  @Column({ name: 'certificate_no', type: 'varchar', length: 64, nullable: true }) certificateNo!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) authority!: string | null;
  @Column({ name: 'valid_from', type: 'date', nullable: true }) validFrom!: string | null;
  @Column({ name: 'valid_to', type: 'date', nullable: true }) validTo!: string | null;
  @Column({ name: 'households_reached', type: 'integer', nullable: true }) householdsReached!: number | null;
  @Column({ name: 'income_modes', type: 'varchar', array: true, default: () => "'{}'" }) incomeModes!: IncomeMode[];
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote!: string | null;
  @Column({ name: 'revoked_on', type: 'date', nullable: true }) revokedOn!: string | null;
}
