import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganisationEntity } from '@shanhai/persistence';
import { invalid, notFound } from '../common/app-error';
import { Principal } from '../identity/principal';

export interface PurchasingSettings {
  organisationId: string;
  approvalThresholdFen: number | null;
  netTermsDays: number | null;
}

@Injectable()
export class PurchasingSettingsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async setApprovalThreshold(principal: Principal, orgId: string, thresholdFen: number | null): Promise<PurchasingSettings> {
    principal.requireOrgRole(orgId, ['buyer_admin']);
    return this.update(orgId, { approvalThresholdFen: thresholdFen });
  }

  async setNetTerms(orgId: string, days: number | null): Promise<PurchasingSettings> {
    return this.update(orgId, { netTermsDays: days });
  }

  private async update(orgId: string, patch: Partial<Pick<OrganisationEntity, 'approvalThresholdFen' | 'netTermsDays'>>): Promise<PurchasingSettings> {
    const repo = this.db.getRepository(OrganisationEntity);
    const org = await repo.findOne({ where: { id: orgId } });
    if (!org) throw notFound('organisation', orgId);
    if (org.kind !== 'buyer') throw invalid('organisationId', 'purchasing settings belong to buyer organisations');
    Object.assign(org, patch);
    await repo.save(org);
    return { organisationId: org.id, approvalThresholdFen: org.approvalThresholdFen, netTermsDays: org.netTermsDays };
  }
}
