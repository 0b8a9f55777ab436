import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { divisionPrefix, isValidCreditCode, roleFitsKind } from '@shanhai/domain';
import type { Role } from '@shanhai/domain';
import {
  DeliverySiteEntity,
  MembershipEntity,
  OrganisationEntity,
  ProductionBaseEntity,
  UserEntity,
} from '@shanhai/persistence';
import { AppError, forbidden, invalid, notFound } from '../common/app-error';
import { catalogVersion } from '../catalog/catalog-version';
import { DivisionService } from '../places/division.service';
import {
  AddMemberDto,
  CreateOrganisationDto,
  DeliverySiteDto,
  OrganisationQueryDto,
  ProductionBaseDto,
  UpdateOrganisationDto,
  VerificationDecisionDto,
} from './identity.dto';
import { Principal } from './principal';

const ADMIN_ROLES: Role[] = ['buyer_admin', 'supplier_admin'];

@Injectable()
export class OrganisationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly divisions: DivisionService,
  ) {}

  /** Members, operators and (for suppliers) officials governing the supplier's county may read. */
  async get(principal: Principal, id: string): Promise<OrganisationEntity> {
    const org = await this.db.getRepository(OrganisationEntity).findOne({ where: { id } });
    if (!org || !this.canRead(principal, org)) throw notFound('organisation', id);
    return org;
  }

  async list(principal: Principal, query: OrganisationQueryDto): Promise<OrganisationEntity[]> {
    const qb = this.db.getRepository(OrganisationEntity).createQueryBuilder('o').orderBy('o.created_at', 'ASC').limit(1000);
    if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
    if (query.verificationStatus) qb.andWhere('o.verification_status = :vs', { vs: query.verificationStatus });
    if (!principal.isOperator) {
      const ownIds = principal.memberships.map((m) => m.organisationId);
      const prefixes = principal.officialDivisions.map((d) => `${divisionPrefix(d)}%`);
      // Officials see the suppliers in their jurisdiction; everyone sees their own organisations.
      qb.andWhere(
        `(o.id = ANY(:ownIds) OR (o.kind = 'supplier' AND o.division_code LIKE ANY(:prefixes)))`,
        { ownIds, prefixes },
      );
    }
    return qb.getMany();
  }

  async create(dto: CreateOrganisationDto): Promise<OrganisationEntity> {
    if (dto.creditCode && !isValidCreditCode(dto.creditCode)) throw invalid('creditCode', 'the check character does not match (GB 32100)');
    if (dto.kind === 'supplier') await this.divisions.requireCounty(dto.divisionCode as string, 'divisionCode');
    if (dto.kind === 'jurisdiction') await this.divisions.require(dto.divisionCode as string, 'divisionCode');
    if ((dto.kind === 'buyer' || dto.kind === 'operator') && dto.divisionCode !== undefined) {
      throw invalid('divisionCode', 'only suppliers and jurisdictions have a division');
    }
    const repo = this.db.getRepository(OrganisationEntity);
    return repo.save(
      repo.create({
        kind: dto.kind,
        name: dto.name.trim(),
        nameEn: dto.nameEn ?? null,
        creditCode: dto.creditCode ?? null,
        buyerType: dto.kind === 'buyer' ? (dto.buyerType ?? null) : null,
        supplierType: dto.kind === 'supplier' ? (dto.supplierType ?? null) : null,
        divisionCode: dto.divisionCode ?? null,
        verificationStatus: dto.kind === 'supplier' ? 'pending' : 'verified',
      }),
    );
  }

  async update(principal: Principal, id: string, dto: UpdateOrganisationDto): Promise<OrganisationEntity> {
    const org = await this.get(principal, id);
    principal.requireOrgRole(id, ADMIN_ROLES, true);
    const householdFields = dto.householdsLifted !== undefined || dto.householdsMonitored !== undefined || dto.householdsAtRisk !== undefined;
    if (householdFields && org.kind !== 'supplier') throw invalid('householdsLifted', 'linked households belong to suppliers only');
    if (dto.buyerType && org.kind !== 'buyer') throw invalid('buyerType', 'only buyer organisations have a buyer type');
    Object.assign(org, dto);
    return this.db.getRepository(OrganisationEntity).save(org);
  }

  /** An official governing the supplier's county (or the operator) verifies or rejects it. */
  async decideVerification(principal: Principal, id: string, dto: VerificationDecisionDto): Promise<OrganisationEntity> {
    return this.db.transaction(async (tx) => {
      const org = await tx.findOne(OrganisationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org || !this.canRead(principal, org)) throw notFound('organisation', id);
      if (org.kind !== 'supplier') throw new AppError(409, 'NOT_A_SUPPLIER', 'only suppliers are verified');
      if (!principal.isOperator && !principal.governs(org.divisionCode as string)) {
        throw forbidden("only an official of the supplier's county, city or province can verify it");
      }
      org.verificationStatus = dto.decision;
      org.verificationNote = dto.note ?? null;
      org.verifiedAt = new Date();
      org.verifiedBy = principal.userId;
      await tx.save(org);
      await this.refreshSupplierVisibility(tx, id);
      return org;
    });
  }

  async refreshSupplierVisibility(tx: EntityManager, supplierId: string): Promise<void> {
    catalogVersion.bump();
    await tx.query(
      `UPDATE products p SET visible = (p.status = 'active' AND o.verification_status = 'verified')
         FROM organisations o WHERE o.id = p.supplier_id AND p.supplier_id = $1`,
      [supplierId],
    );
  }

  async members(principal: Principal, id: string): Promise<Array<{ userId: string; email: string; displayName: string; role: Role }>> {
    await this.get(principal, id);
    if (!principal.isOperator && !principal.isMemberOf(id)) throw forbidden('only members see the member list');
    const rows = await this.db.getRepository(MembershipEntity).find({ where: { organisationId: id }, relations: { user: true } });
    return rows.map((m) => ({ userId: m.userId, email: m.user!.email, displayName: m.user!.displayName, role: m.role }));
  }

  async addMember(principal: Principal, id: string, dto: AddMemberDto): Promise<{ userId: string; role: Role }> {
    const org = await this.get(principal, id);
    principal.requireOrgRole(id, ADMIN_ROLES, true);
    if (!roleFitsKind(dto.role, org.kind)) throw invalid('role', `a ${org.kind} organisation cannot hold the role ${dto.role}`);
    if ((dto.role === 'operator' || dto.role === 'official') && !principal.isOperator) throw forbidden('only the operator appoints officials and operators');
    const user = await this.db.getRepository(UserEntity).findOne({ where: { email: dto.email.trim().toLowerCase() } });
    if (!user) throw invalid('email', 'no account with this email; ask them to sign up first');
    await this.db.getRepository(MembershipEntity).upsert({ userId: user.id, organisationId: id, role: dto.role }, ['userId', 'organisationId', 'role']);
    return { userId: user.id, role: dto.role };
  }

  async deliverySites(principal: Principal, orgId: string): Promise<DeliverySiteEntity[]> {
    const org = await this.get(principal, orgId);
    if (org.kind !== 'buyer') throw invalid('organisationId', 'only buyer organisations have delivery sites');
    return this.db.getRepository(DeliverySiteEntity).find({ where: { organisationId: orgId }, order: { createdAt: 'ASC' } });
  }

  async addDeliverySite(principal: Principal, orgId: string, dto: DeliverySiteDto): Promise<DeliverySiteEntity> {
    const org = await this.get(principal, orgId);
    principal.requireOrgRole(orgId, ['buyer_admin'], true);
    if (org.kind !== 'buyer') throw invalid('organisationId', 'only buyer organisations have delivery sites');
    await this.divisions.requireCounty(dto.countyCode, 'countyCode');
    const repo = this.db.getRepository(DeliverySiteEntity);
    return repo.save(repo.create({ ...dto, organisationId: orgId }));
  }

  async updateDeliverySite(principal: Principal, orgId: string, siteId: string, dto: DeliverySiteDto): Promise<DeliverySiteEntity> {
    await this.get(principal, orgId);
    principal.requireOrgRole(orgId, ['buyer_admin'], true);
    const repo = this.db.getRepository(DeliverySiteEntity);
    const site = await repo.findOne({ where: { id: siteId, organisationId: orgId } });
    if (!site) throw notFound('delivery site', siteId);
    await this.divisions.requireCounty(dto.countyCode, 'countyCode');
    return repo.save(Object.assign(site, dto));
  }

  async productionBases(principal: Principal, orgId: string): Promise<ProductionBaseEntity[]> {
    const org = await this.get(principal, orgId);
    if (org.kind !== 'supplier') throw invalid('organisationId', 'only suppliers have production bases');
    return this.db.getRepository(ProductionBaseEntity).find({ where: { organisationId: orgId }, order: { createdAt: 'ASC' } });
  }

  async addProductionBase(principal: Principal, orgId: string, dto: ProductionBaseDto): Promise<ProductionBaseEntity> {
    const org = await this.get(principal, orgId);
    principal.requireOrgRole(orgId, ['supplier_admin'], true);
    if (org.kind !== 'supplier') throw invalid('organisationId', 'only suppliers have production bases');
    await this.divisions.requireCounty(dto.countyCode, 'countyCode');
    const repo = this.db.getRepository(ProductionBaseEntity);
    return repo.save(repo.create({ ...dto, organisationId: orgId }));
  }

  private canRead(principal: Principal, org: OrganisationEntity): boolean {
    if (principal.isOperator || principal.isMemberOf(org.id)) return true;
    return org.kind === 'supplier' && org.divisionCode !== null && principal.governs(org.divisionCode);
  }
}
