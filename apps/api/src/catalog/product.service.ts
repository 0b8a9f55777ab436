import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { checkPriceTiers, provinceOf } from '@shanhai/domain';
import {
  CategoryEntity,
  LotEntity,
  OrganisationEntity,
  ProductEntity,
  ProductionBaseEntity,
  SkuEntity,
} from '@shanhai/persistence';
import { AppError, invalid, notFound } from '../common/app-error';
import { OrganisationService } from '../identity/organisation.service';
import { Principal } from '../identity/principal';
import { DivisionService } from '../places/division.service';
import { AdjustLotDto, LotDto, ProductDto, SkuDto, SupplierProductQueryDto, UpdateProductDto, UpdateSkuDto } from './catalog.dto';
import { CatalogRepository } from './catalog.repository';
import { indexTerms } from './search-terms';

const SUPPLIER_ROLES = ['supplier_staff', 'supplier_admin'] as const;

/** What cooperatives do to their own catalog: products, SKUs with tiers, and lots that hold the stock. */
@Injectable()
export class ProductService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly divisions: DivisionService,
    private readonly catalog: CatalogRepository,
    private readonly organisations: OrganisationService,
  ) {}

  async create(principal: Principal, supplierId: string, dto: ProductDto): Promise<ProductEntity> {
    principal.requireOrgRole(supplierId, [...SUPPLIER_ROLES]);
    const supplier = await this.db.getRepository(OrganisationEntity).findOne({ where: { id: supplierId } });
    if (!supplier || supplier.kind !== 'supplier') throw invalid('supplierId', 'not a supplier organisation');
    const category = await this.category(dto.categoryCode);
    await this.divisions.requireCounty(dto.originCountyCode, 'originCountyCode');
    return this.db.transaction(async (tx) => {
      const product = tx.create(ProductEntity, {
        supplierId,
        categoryId: category.id,
        originCountyCode: dto.originCountyCode,
        originProvinceCode: provinceOf(dto.originCountyCode),
        nameZh: dto.nameZh.trim(),
        nameEn: dto.nameEn?.trim() || null,
        descriptionZh: dto.descriptionZh ?? null,
        descriptionEn: dto.descriptionEn ?? null,
        grade: dto.grade ?? null,
        spec: dto.spec ?? null,
        storageClass: dto.storageClass,
        shelfLifeDays: dto.shelfLifeDays ?? null,
        seasons: [...new Set(dto.seasons ?? [])].sort((a, b) => a - b),
        status: dto.status ?? 'draft',
      });
      product.searchTerms = await this.searchTerms(product, category, supplier);
      const saved = await tx.save(product);
      await this.catalog.refreshProduct(tx, saved.id);
      return tx.findOneOrFail(ProductEntity, { where: { id: saved.id } });
    });
  }

  /**
   * A supplier's products, drafts and hidden ones included: for its staff, the operator, and the officials governing
   * its county (who verify it and certify its products, and must see what it has described before it is visible).
   */
  async listOwn(principal: Principal, supplierId: string, query: SupplierProductQueryDto): Promise<ProductEntity[]> {
    // Whoever may read the supplier's organisation (its members, the officials governing it, the operator); 404 otherwise.
    const supplier = await this.organisations.get(principal, supplierId);
    if (supplier.kind !== 'supplier') throw notFound('supplier', supplierId);
    return this.db.getRepository(ProductEntity).find({
      where: { supplierId, ...(query.status ? { status: query.status as ProductEntity['status'] } : {}) },
      order: { createdAt: 'DESC' },
      take: 1000,
    });
  }

  async update(principal: Principal, productId: string, dto: UpdateProductDto): Promise<ProductEntity> {
    return this.db.transaction(async (tx) => {
      const product = await this.ownProduct(tx, principal, productId, true);
      const { categoryCode, ...rest } = dto;
      if (categoryCode) product.categoryId = (await this.category(categoryCode)).id;
      Object.assign(product, rest);
      if (rest.seasons) product.seasons = [...new Set(rest.seasons)].sort((a, b) => a - b);
      const category = await tx.findOneOrFail(CategoryEntity, { where: { id: product.categoryId } });
      const supplier = await tx.findOneOrFail(OrganisationEntity, { where: { id: product.supplierId } });
      product.searchTerms = await this.searchTerms(product, category, supplier);
      await tx.save(product);
      await this.catalog.refreshProduct(tx, productId);
      return tx.findOneOrFail(ProductEntity, { where: { id: productId } });
    });
  }

  async addSku(principal: Principal, productId: string, dto: SkuDto): Promise<SkuEntity> {
    this.checkTiers(dto.priceFen, dto.priceTiers ?? []);
    return this.db.transaction(async (tx) => {
      await this.ownProduct(tx, principal, productId, true);
      if (await tx.exists(SkuEntity, { where: { code: dto.code } })) {
        throw new AppError(409, 'SKU_CODE_TAKEN', `code: SKU code ${dto.code} is already in use`, [{ field: 'code', reason: 'already in use' }]);
      }
      const sku = await tx.save(
        tx.create(SkuEntity, {
          productId,
          code: dto.code,
          packingUnitZh: dto.packingUnitZh,
          packingUnitEn: dto.packingUnitEn ?? null,
          netWeightG: dto.netWeightG,
          priceFen: dto.priceFen,
          currency: 'CNY',
          priceTiers: (dto.priceTiers ?? []).map((t) => ({ minQuantity: t.minQuantity, unitPriceFen: t.unitPriceFen })),
          minOrderQuantity: dto.minOrderQuantity ?? 1,
          orderMultiple: dto.orderMultiple ?? 1,
          leadTimeDays: dto.leadTimeDays ?? 1,
          stockUnits: 0,
          active: true,
        }),
      );
      await this.catalog.refreshProduct(tx, productId);
      return sku;
    });
  }

  async updateSku(principal: Principal, skuId: string, dto: UpdateSkuDto): Promise<SkuEntity> {
    return this.db.transaction(async (tx) => {
      const sku = await tx.findOne(SkuEntity, { where: { id: skuId }, lock: { mode: 'pessimistic_write' } });
      if (!sku) throw notFound('sku', skuId);
      await this.ownProduct(tx, principal, sku.productId, false).catch(() => {
        throw notFound('sku', skuId);
      });
      Object.assign(sku, dto);
      this.checkTiers(sku.priceFen, sku.priceTiers);
      await tx.save(sku);
      await this.catalog.refreshProduct(tx, sku.productId);
      return sku;
    });
  }

  async skus(productId: string): Promise<SkuEntity[]> {
    return this.db.getRepository(SkuEntity).find({ where: { productId }, order: { priceFen: 'ASC' } });
  }

  async addLot(principal: Principal, skuId: string, dto: LotDto): Promise<LotEntity> {
    return this.db.transaction(async (tx) => {
      const sku = await tx.findOne(SkuEntity, { where: { id: skuId }, lock: { mode: 'pessimistic_write' } });
      if (!sku) throw notFound('sku', skuId);
      const product = await this.ownProduct(tx, principal, sku.productId, false).catch(() => {
        throw notFound('sku', skuId);
      });
      const base = await tx.findOne(ProductionBaseEntity, { where: { id: dto.baseId } });
      if (!base || base.organisationId !== product.supplierId) throw invalid('baseId', 'not one of your production bases');
      const lot = await tx.save(
        tx.create(LotEntity, {
          skuId,
          baseId: dto.baseId,
          code: dto.code,
          harvestDate: dto.harvestDate,
          quantityUnits: dto.quantityUnits,
          availableUnits: dto.quantityUnits,
          inspectionNote: dto.inspectionNote ?? null,
        }),
      );
      await this.catalog.refreshSkuStock(tx, skuId);
      await this.catalog.refreshProduct(tx, sku.productId);
      return lot;
    });
  }

  /** Stock counts and write-offs: a lot's available units are set, never above what was harvested. */
  async adjustLot(principal: Principal, lotId: string, dto: AdjustLotDto): Promise<LotEntity> {
    return this.db.transaction(async (tx) => {
      const lot = await tx.findOne(LotEntity, { where: { id: lotId }, lock: { mode: 'pessimistic_write' } });
      if (!lot) throw notFound('lot', lotId);
      const sku = await tx.findOneOrFail(SkuEntity, { where: { id: lot.skuId }, lock: { mode: 'pessimistic_write' } });
      await this.ownProduct(tx, principal, sku.productId, false).catch(() => {
        throw notFound('lot', lotId);
      });
      if (dto.availableUnits > lot.quantityUnits) throw invalid('availableUnits', `must not exceed the lot's ${lot.quantityUnits} harvested units`);
      lot.availableUnits = dto.availableUnits;
      if (dto.inspectionNote !== undefined) lot.inspectionNote = dto.inspectionNote;
      await tx.save(lot);
      await this.catalog.refreshSkuStock(tx, lot.skuId);
      await this.catalog.refreshProduct(tx, sku.productId);
      return lot;
    });
  }

  async lots(principal: Principal, skuId: string): Promise<LotEntity[]> {
    const sku = await this.db.getRepository(SkuEntity).findOne({ where: { id: skuId } });
    if (!sku) throw notFound('sku', skuId);
    await this.ownProduct(this.db.manager, principal, sku.productId, false).catch(() => {
      throw notFound('sku', skuId);
    });
    return this.db.getRepository(LotEntity).find({ where: { skuId }, order: { harvestDate: 'ASC' } });
  }

  /** The product if the caller works for its supplier (or operates the platform); 404 otherwise, so ids do not leak. */
  async ownProduct(tx: EntityManager, principal: Principal, productId: string, lock: boolean): Promise<ProductEntity> {
    const product = await tx.findOne(ProductEntity, { where: { id: productId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!product) throw notFound('product', productId);
    const allowed = principal.isOperator || principal.rolesIn(product.supplierId).some((r) => r === 'supplier_staff' || r === 'supplier_admin');
    if (!allowed) throw notFound('product', productId);
    return product;
  }

  private checkTiers(basePriceFen: number, tiers: ReadonlyArray<{ minQuantity: number; unitPriceFen: number }>): void {
    const problem = checkPriceTiers(basePriceFen, tiers);
    if (!problem) return;
    const reasons: Record<typeof problem.reason, string> = {
      tier_min_quantity_not_above_one: 'the first tier must start above one unit',
      tier_not_ascending: 'tiers must rise in minQuantity',
      tier_price_not_lower: 'each tier must be cheaper per unit than the base price and the tier before it',
      tier_price_invalid: 'unitPriceFen must be a positive integer',
    };
    throw invalid(`priceTiers[${problem.index}]`, reasons[problem.reason]);
  }

  private async category(code: string): Promise<CategoryEntity> {
    const category = await this.db.getRepository(CategoryEntity).findOne({ where: { code } });
    if (!category) throw invalid('categoryCode', `unknown category ${code}`);
    return category;
  }

  private async searchTerms(product: ProductEntity, category: CategoryEntity, supplier: OrganisationEntity): Promise<string[]> {
    const path = await this.divisions.path(product.originCountyCode);
    return indexTerms({
      primaryZh: product.nameZh,
      otherZh: [category.nameZh, supplier.name, product.grade ?? '', product.spec ?? '', ...path.map((d) => d.name)],
      en: [product.nameEn ?? '', category.nameEn, supplier.nameEn ?? '', category.code],
    });
  }
}
