import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { businessDay, canMoveCertification, divisionPrefix } from '@shanhai/domain';
import type { CertificationStatus } from '@shanhai/domain';
import { CertificationEntity, OrganisationEntity, ProductEntity } from '@shanhai/persistence';
import { AppError, conflict, forbidden, invalid, notFound } from '../common/app-error';
import { EvidenceDocumentView } from '../evidence/evidence.dto';
import { EvidenceService } from '../evidence/evidence.service';
import { Principal } from '../identity/principal';
import { PairingService } from '../places/pairing.service';
import { ApplyCertificationDto, CertificationDecisionDto, CertificationQueryDto, RevokeCertificationDto } from './catalog.dto';
import { CatalogRepository } from './catalog.repository';
import { readsCertification } from './certification-access';
import { ProductService } from './product.service';

export type CertificationListItem = CertificationEntity & { productNameZh: string; productNameEn: string | null; supplierName: string; supplierNameEn: string | null };

interface NamesRow {
  product_name_zh: string;
  product_name_en: string | null;
  supplier_name: string;
  supplier_name_en: string | null;
}

const withNames = (e: CertificationEntity, row: NamesRow): CertificationListItem =>
  Object.assign(e, {
    productNameZh: row.product_name_zh,
    productNameEn: row.product_name_en,
    supplierName: row.supplier_name,
    supplierNameEn: row.supplier_name_en,
  });

/** 帮扶产品认定: suppliers apply, officials of the product's county decide, certificates lapse or are revoked. */
@Injectable()
export class CertificationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly products: ProductService,
    private readonly pairings: PairingService,
    private readonly catalog: CatalogRepository,
    private readonly evidence: EvidenceService,
  ) {}

  async apply(principal: Principal, productId: string, dto: ApplyCertificationDto): Promise<CertificationEntity> {
    return this.db.transaction(async (tx) => {
      const product = await this.products.ownProduct(tx, principal, productId, true);
      if (!(await this.pairings.isHelped(product.originCountyCode))) {
        throw conflict('COUNTY_NOT_HELPED', `only products of a helped county can be certified; county ${product.originCountyCode} is not covered by a pairing today`);
      }
      const open = await tx.findOne(CertificationEntity, { where: { productId, status: 'applied' } });
      if (open) throw conflict('APPLICATION_PENDING', 'this product already has an application waiting for a decision', { certificationId: open.id });
      return tx.save(
        tx.create(CertificationEntity, {
          productId,
          supplierId: product.supplierId,
          countyCode: product.originCountyCode,
          status: 'applied',
          evidence: dto.evidence ?? null,
          appliedBy: principal.userId,
          incomeModes: [],
        }),
      );
    });
  }

  async list(principal: Principal, query: CertificationQueryDto): Promise<CertificationListItem[]> {
    const qb = this.listQuery().orderBy('c.applied_at', 'ASC').limit(500);
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (!principal.isOperator) {
      const supplierIds = principal.orgIdsWithRoles('supplier_staff', 'supplier_admin');
      const prefixes = principal.officialDivisions.map((d) => `${divisionPrefix(d)}%`);
      qb.andWhere('(c.supplier_id = ANY(:supplierIds) OR c.county_code LIKE ANY(:prefixes))', { supplierIds, prefixes });
    }
    const { entities, raw } = await qb.getRawAndEntities();
    return entities.map((e, i) => withNames(e, raw[i] as NamesRow));
  }

  /** One application with the names and its evidence documents: the same readers as the list (others get 404). */
  async get(principal: Principal, id: string): Promise<CertificationListItem & { documents: EvidenceDocumentView[] }> {
    const { entities, raw } = await this.listQuery().where('c.id = :id', { id }).getRawAndEntities();
    const cert = entities[0];
    if (!cert || !readsCertification(principal, cert)) throw notFound('certification', id);
    const documents = await this.evidence.listForCertification(principal, id);
    return Object.assign(withNames(cert, raw[0] as NamesRow), { documents });
  }

  private listQuery() {
    return this.db
      .getRepository(CertificationEntity)
      .createQueryBuilder('c')
      .innerJoin(ProductEntity, 'p', 'p.id = c.product_id')
      .innerJoin(OrganisationEntity, 'o', 'o.id = c.supplier_id')
      .addSelect('p.name_zh', 'product_name_zh')
      .addSelect('p.name_en', 'product_name_en')
      .addSelect('o.name', 'supplier_name')
      .addSelect('o.name_en', 'supplier_name_en');
  }

  async decide(principal: Principal, id: string, dto: CertificationDecisionDto): Promise<CertificationEntity> {
    return this.db.transaction(async (tx) => {
      const cert = await this.forOfficial(tx.getRepository(CertificationEntity), principal, id);
      const to: CertificationStatus = dto.decision === 'certify' ? 'certified' : 'rejected';
      this.move(cert.status, to);
      if (to === 'certified') {
        for (const field of ['certificateNo', 'authority', 'validFrom', 'validTo', 'householdsReached'] as const) {
          if (dto[field] === undefined) throw invalid(field, 'is required to certify');
        }
        if (!dto.incomeModes?.length) throw invalid('incomeModes', 'name at least one of wages, assets, operating');
        if ((dto.validTo as string) < (dto.validFrom as string)) throw invalid('validTo', 'must not be before validFrom');
        if (!(await this.pairings.isHelped(cert.countyCode, dto.validFrom))) {
          throw conflict('COUNTY_NOT_HELPED', `county ${cert.countyCode} is not covered by a pairing on ${dto.validFrom}`);
        }
        const taken = await tx.findOne(CertificationEntity, { where: { certificateNo: dto.certificateNo } });
        if (taken) throw new AppError(409, 'CERTIFICATE_NO_TAKEN', 'certificateNo: already used by another certificate', [{ field: 'certificateNo', reason: 'already used' }]);
        Object.assign(cert, {
          certificateNo: dto.certificateNo,
          authority: dto.authority,
          validFrom: dto.validFrom,
          validTo: dto.validTo,
          householdsReached: dto.householdsReached,
          incomeModes: [...new Set(dto.incomeModes)],
        });
      }
      cert.status = to;
      cert.decidedAt = new Date();
      cert.decidedBy = principal.userId;
      cert.decisionNote = dto.note ?? null;
      await tx.save(cert);
      await this.catalog.refreshProduct(tx, cert.productId);
      return cert;
    });
  }

  async revoke(principal: Principal, id: string, dto: RevokeCertificationDto): Promise<CertificationEntity> {
    return this.db.transaction(async (tx) => {
      const cert = await this.forOfficial(tx.getRepository(CertificationEntity), principal, id);
      this.move(cert.status, 'revoked');
      // Past days stay counted as they were: revocation may not reach back before today.
      if (dto.revokedOn < businessDay()) throw invalid('revokedOn', 'must be today or later; past days keep the status they had');
      cert.status = 'revoked';
      cert.revokedOn = dto.revokedOn;
      cert.decisionNote = dto.reason;
      cert.decidedAt = new Date();
      cert.decidedBy = principal.userId;
      await tx.save(cert);
      await this.catalog.refreshProduct(tx, cert.productId);
      return cert;
    });
  }

  private async forOfficial(repo: ReturnType<DataSource['getRepository']>, principal: Principal, id: string): Promise<CertificationEntity> {
    const cert = (await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) as CertificationEntity | null;
    if (!cert) throw notFound('certification', id);
    if (!principal.governs(cert.countyCode)) {
      if (principal.isMemberOf(cert.supplierId)) throw forbidden("only an official of the product's county can decide");
      throw notFound('certification', id);
    }
    return cert;
  }

  private move(from: CertificationStatus, to: CertificationStatus): void {
    if (!canMoveCertification(from, to)) {
      throw conflict('ILLEGAL_TRANSITION', `a certification that is ${from} cannot become ${to}`, { currentStatus: from });
    }
  }
}
