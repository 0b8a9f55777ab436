import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PurchasingSettingsView } from '@shanhai/contract';
import type { Role } from '@shanhai/domain';
import { OrganisationEntity } from '@shanhai/persistence';
import { invalid, notFound } from '../common/app-error';
import { Principal } from '../identity/principal';

export function purchasingView(org: Pick<OrganisationEntity, 'id' | 'approvalThresholdFen' | 'netTermsDays'>): PurchasingSettingsView {
  return {
    organisationId: org.id,
    approvalThresholdFen: org.approvalThresholdFen,
    netTermsDays: org.netTermsDays,
    invoiceAllowed: org.netTermsDays !== null,
  };
}

/** An order waits for an approver when its produce is above the threshold, unless an approver places it. */
export function needsApproval(org: Pick<OrganisationEntity, 'approvalThresholdFen'>, produceFen: number, rolesInOrg: readonly Role[]): boolean {
  return org.approvalThresholdFen !== null && produceFen > org.approvalThresholdFen && !rolesInOrg.includes('buyer_approver');
}

@Injectable()
export class PurchasingSettingsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Members of the buyer organisation (and the operator) read how it purchases: the approval threshold and net terms. */
  async get(principal: Principal, orgId: string): Promise<PurchasingSettingsView> {
    if (!principal.isOperator && !principal.isMemberOf(orgId)) throw notFound('organisation', orgId);
    return purchasingView(await this.buyerOrg(this.db.manager, orgId));
  }

  async setApprovalThreshold(principal: Principal, orgId: string, thresholdFen: number | null): Promise<PurchasingSettingsView> {
    principal.requireOrgRole(orgId, ['buyer_admin']);
    return this.update(orgId, { approvalThresholdFen: thresholdFen });
  }

  async setNetTerms(orgId: string, days: number | null): Promise<PurchasingSettingsView> {
    return this.update(orgId, { netTermsDays: days });
  }

  private async buyerOrg(db: EntityManager, orgId: string): Promise<OrganisationEntity> {
    const org = await db.getRepository(OrganisationEntity).findOne({ where: { id: orgId } });
    if (!org) throw notFound('organisation', orgId);
    if (org.kind !== 'buyer') throw invalid('organisationId', 'purchasing settings belong to buyer organisations');
    return org;
  }

  private async update(orgId: string, patch: Partial<Pick<OrganisationEntity, 'approvalThresholdFen' | 'netTermsDays'>>): Promise<PurchasingSettingsView> {
    const org = await this.buyerOrg(this.db.manager, orgId);
    Object.assign(org, patch);
    await this.db.getRepository(OrganisationEntity).save(org);
    return purchasingView(org);
  }
}
