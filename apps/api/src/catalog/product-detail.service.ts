import type { ProductDetail } from '@shanhai/contract';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { businessDay, isCertifiedOn } from '@shanhai/domain';
import { CertificationEntity, LotEntity, OrganisationEntity, ProductEntity, ProductImageEntity, ProductionBaseEntity, SkuEntity } from '@shanhai/persistence';
import { notFound } from '../common/app-error';
import { Principal } from '../identity/principal';
import { DivisionService } from '../places/division.service';
import { CategoryService } from './category.service';



/** The product page: visible products for anyone; hidden ones for their supplier, its officials and the operator. */
@Injectable()
export class ProductDetailService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly divisions: DivisionService,
    private readonly categories: CategoryService,
  ) {}

  async get(principal: Principal | undefined, id: string): Promise<ProductDetail> {
    const product = await this.db.getRepository(ProductEntity).findOne({ where: { id } });
    if (!product) throw notFound('product', id);
    const maySee =
      product.visible ||
      (principal && (principal.isOperator || principal.isMemberOf(product.supplierId) || principal.governs(product.originCountyCode)));
    if (!maySee) throw notFound('product', id);
    const [supplier, skus, cert, images] = await Promise.all([
      this.db.getRepository(OrganisationEntity).findOneOrFail({ where: { id: product.supplierId } }),
      this.db.getRepository(SkuEntity).find({ where: { productId: id }, order: { priceFen: 'ASC' } }),
      this.db.getRepository(CertificationEntity).findOne({
        where: [
          { productId: id, status: 'certified' },
          { productId: id, status: 'revoked' },
        ],
        order: { decidedAt: 'DESC' },
      }),
      this.db.getRepository(ProductImageEntity).find({ where: { productId: id }, order: { sortOrder: 'ASC', createdAt: 'ASC' } }),
    ]);
    const lots = skus.length
      ? await this.db
          .getRepository(LotEntity)
          .createQueryBuilder('l')
          .where('l.sku_id IN (:...ids)', { ids: skus.map((s) => s.id) })
          .orderBy('l.harvest_date', 'ASC')
          .getMany()
      : [];
    const baseIds = [...new Set(lots.map((l) => l.baseId))];
    const bases = baseIds.length ? await this.db.getRepository(ProductionBaseEntity).createQueryBuilder('b').where('b.id IN (:...ids)', { ids: baseIds }).getMany() : [];
    const baseName = new Map(bases.map((b) => [b.id, b.name]));
    const category = await this.categories.byId(product.categoryId);
    const today = businessDay();
    return {
      id: product.id,
      status: product.status,
      visible: product.visible,
      nameZh: product.nameZh,
      nameEn: product.nameEn,
      descriptionZh: product.descriptionZh,
      descriptionEn: product.descriptionEn,
      grade: product.grade,
      spec: product.spec,
      storageClass: product.storageClass,
      shelfLifeDays: product.shelfLifeDays,
      seasons: product.seasons,
      category: { code: category?.code ?? '', nameZh: category?.nameZh ?? '', nameEn: category?.nameEn ?? '' },
      origin: await this.divisions.path(product.originCountyCode),
      supplier: {
        id: supplier.id,
        name: supplier.name,
        nameEn: supplier.nameEn,
        countyCode: supplier.divisionCode,
        verified: supplier.verificationStatus === 'verified',
        householdsLifted: supplier.householdsLifted,
        householdsMonitored: supplier.householdsMonitored,
        householdsAtRisk: supplier.householdsAtRisk,
      },
      certificate: cert
        ? {
            certificateNo: cert.certificateNo,
            authority: cert.authority,
            validFrom: cert.validFrom,
            validTo: cert.validTo,
            revokedOn: cert.revokedOn,
            householdsReached: cert.householdsReached,
            incomeModes: cert.incomeModes,
            certifiedToday: isCertifiedOn(cert, today),
          }
        : null,
      skus: skus.map((s) => ({
        id: s.id,
        code: s.code,
        packingUnitZh: s.packingUnitZh,
        packingUnitEn: s.packingUnitEn,
        netWeightG: s.netWeightG,
        priceFen: s.priceFen,
        currency: s.currency,
        priceTiers: s.priceTiers,
        minOrderQuantity: s.minOrderQuantity,
        orderMultiple: s.orderMultiple,
        leadTimeDays: s.leadTimeDays,
        stockUnits: s.stockUnits,
        active: s.active,
        lots: lots
          .filter((l) => l.skuId === s.id)
          .map((l) => ({ id: l.id, code: l.code, harvestDate: l.harvestDate, availableUnits: l.availableUnits, baseName: baseName.get(l.baseId) ?? '', inspectionNote: l.inspectionNote })),
      })),
      images: images.map((i) => ({ id: i.id, url: `/api/images/${i.id}`, contentType: i.contentType })),
    };
  }
}
