import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { addDays, AGREEMENT_TRANSITIONS, businessDay, COMMITMENT_TRANSITIONS, earliestUnderNotice, otherSide, TERMS_TRANSITIONS } from '@shanhai/domain';
import type { AgreementSide, AgreementStatus, CommitmentStatus } from '@shanhai/domain';
import type { AgreementDeliveryView, AgreementPage, AgreementView } from '@shanhai/contract';
import { AgreementRepository, AgreementState } from '@shanhai/persistence';
import { conflict, forbidden, invalid, notFound } from '../common/app-error';
import { Principal } from '../identity/principal';
import { resolveBuyerOrg } from '../ordering/buyer-scope';
import { SkuOfferRepository } from '../ordering/sku-offer.repository';
import { COMMIT_ROLES, move, requireActor, requireReader, sideOf } from './agreement-access';
import { AgreementJobs } from './agreement-jobs';
import { checkedTerms, insertVersion, requireNetTerms } from './agreement-terms';
import { AgreementViewRepository } from './agreement-view.repository';
import { resyncHolds } from './agreement-holds';
import {
  AgreementDecisionDto,
  AgreementQueryDto,
  AmendAgreementDto,
  DeliveriesQueryDto,
  PauseAgreementDto,
  ProposeAgreementDto,
  ResumeAgreementDto,
  TerminateAgreementDto,
} from './agreements.dto';

const RUNNING: readonly AgreementStatus[] = ['active', 'paused'];

/**
 * Procurement agreements: either side proposes terms, the other accepts (or declines; the proposer
 * may withdraw); amendments are new versions accepted the same way; either side pauses, resumes or
 * ends under the notice terms. Each change runs in one transaction under the agreement's row lock,
 * and re-syncs the stock held for the coming deliveries before it commits.
 */
@Injectable()
export class AgreementService {
  private readonly agreements = new AgreementRepository();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly offers: SkuOfferRepository,
    private readonly views: AgreementViewRepository,
    private readonly jobs: AgreementJobs,
  ) {}

  /**
   * A new agreement, proposed by the buyer (an admin or approver commits the organisation) or by the
   * cooperative whose SKU it is (to a named buyer). `commitmentId`: made from a pre-harvest commitment,
   * which becomes `converted` in the same transaction.
   */
  async propose(principal: Principal, dto: ProposeAgreementDto, commitmentId?: string): Promise<AgreementView> {
    const offer = (await this.offers.byIds(this.db.manager, [dto.skuId])).get(dto.skuId);
    if (!offer) throw invalid('skuId', 'unknown SKU');
    const supplierSide = principal.rolesIn(offer.supplierId).some((r) => COMMIT_ROLES.supplier.includes(r));
    let side: AgreementSide;
    let buyerId: string;
    if (supplierSide) {
      side = 'supplier';
      if (!dto.buyerId) throw invalid('buyerId', 'name the buyer organisation you propose to');
      buyerId = dto.buyerId;
      const [buyer] = await this.db.query(`SELECT kind FROM organisations WHERE id = $1`, [buyerId]);
      if (buyer?.kind !== 'buyer') throw invalid('buyerId', 'not a buyer organisation');
    } else {
      if (principal.isMemberOf(offer.supplierId)) throw forbidden(`proposing for the cooperative needs the role supplier_admin in organisation ${offer.supplierId}`);
      side = 'buyer';
      buyerId = resolveBuyerOrg(principal, dto.buyerId, COMMIT_ROLES.buyer);
    }
    const today = businessDay();
    if (dto.startDate < today) throw invalid('startDate', `must not be before today (${today})`);
    const terms = await checkedTerms(this.db.manager, dto, offer, { earliestStart: today, buyerId, side });
    if (side === 'buyer') await requireNetTerms(this.db.manager, buyerId, terms.paymentMethod);

    const id = await this.db.transaction(async (tx) => {
      const number = `AG${today.replace(/-/g, '')}-${randomBytes(4).toString('hex').toUpperCase()}`;
      const [{ id }] = await tx.query(
        `INSERT INTO agreements (number, buyer_id, supplier_id, status, proposed_side, created_by, committed_by, commitment_id)
         VALUES ($1, $2, $3, 'proposed', $4, $5, $6, $7) RETURNING id`,
        [number, buyerId, offer.supplierId, side, principal.userId, side === 'buyer' ? principal.userId : null, commitmentId ?? null],
      );
      await insertVersion(tx, id, 1, terms, { side, userId: principal.userId, effectiveFrom: terms.startDate });
      if (commitmentId) await this.convertCommitment(tx, commitmentId, id, buyerId, offer.supplierId);
      return id as string;
    });
    return (await this.views.get(this.db.manager, id, principal))!;
  }

  async list(principal: Principal, query: AgreementQueryDto): Promise<AgreementPage> {
    let orgIds: string[] | null;
    if (query.organisationId) {
      if (!principal.isOperator && !principal.isMemberOf(query.organisationId)) throw notFound('organisation', query.organisationId);
      orgIds = [query.organisationId];
    } else {
      orgIds = principal.isOperator ? null : [...new Set(principal.memberships.map((m) => m.organisationId))];
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { items, total } = await this.views.list(this.db.manager, orgIds, query.status ?? null, page, pageSize);
    return { items, total, page, pageSize };
  }

  async get(principal: Principal, id: string): Promise<AgreementView> {
    requireReader(principal, await this.views.parties(this.db.manager, id), 'agreement', id);
    return (await this.views.get(this.db.manager, id, principal))!;
  }

  async deliveries(principal: Principal, id: string, query: DeliveriesQueryDto): Promise<AgreementDeliveryView[]> {
    requireReader(principal, await this.views.parties(this.db.manager, id), 'agreement', id);
    if (query.from && query.to && query.to < query.from) throw invalid('to', 'must not be before from');
    if (query.from && query.to && addDays(query.from, 400) < query.to) throw invalid('to', 'at most 400 days after from');
    return this.views.deliveries(this.db.manager, id, query.from ?? null, query.to ?? null);
  }

  /** Accept, decline or withdraw the pending proposal (the first terms or an amendment). */
  async decide(principal: Principal, id: string, dto: AgreementDecisionDto): Promise<AgreementView> {
    const today = businessDay();
    const accepted = await this.db.transaction(async (tx) => {
      const state = await this.agreements.load(tx, id, true);
      const side = requireActor(principal, state?.agreement ?? null, COMMIT_ROLES, 'agreement', id);
      const a = state!.agreement;
      const pending = state!.versions.find((v) => v.status === 'proposed');
      if (!pending) throw conflict('NO_PENDING_PROPOSAL', 'nothing waits for a decision: no terms are proposed', { currentStatus: a.status });
      if (pending.version !== dto.version) {
        throw conflict('VERSION_MISMATCH', `version ${pending.version} is the one proposed, not ${dto.version}: read the agreement again`, { pendingVersion: pending.version });
      }
      if (dto.decision === 'withdraw' && side !== pending.proposedSide) throw forbidden('only the side that proposed the terms can withdraw them');
      if (dto.decision !== 'withdraw' && side === pending.proposedSide) throw forbidden(`you proposed these terms; the ${otherSide(side)} accepts or declines them`);
      const first = a.status === 'proposed';

      if (dto.decision !== 'accept') {
        const to = dto.decision === 'decline' ? 'declined' : 'withdrawn';
        move('proposal', TERMS_TRANSITIONS, pending.status, to);
        await tx.query(`UPDATE agreement_versions SET status = $3, decided_by = $4, decided_at = now(), decision_note = $5 WHERE agreement_id = $1 AND version = $2`, [
          id,
          pending.version,
          to,
          principal.userId,
          dto.note ?? null,
        ]);
        if (first) {
          move('agreement', AGREEMENT_TRANSITIONS, a.status, to);
          await tx.query(`UPDATE agreements SET status = $2, closed_at = now() WHERE id = $1`, [id, to]);
          await this.restoreCommitment(tx, id);
        }
        return false;
      }

      if (dto.deliverySiteId && side !== 'buyer') throw invalid('deliverySiteId', 'only the buyer names its delivery site');
      let siteId = pending.deliverySiteId;
      if (dto.deliverySiteId) {
        const [site] = await tx.query(`SELECT id FROM delivery_sites WHERE id = $1 AND organisation_id = $2`, [dto.deliverySiteId, a.buyerId]);
        if (!site) throw invalid('deliverySiteId', 'not a delivery site of your organisation');
        siteId = dto.deliverySiteId;
      }
      if (!siteId) throw invalid('deliverySiteId', 'name the delivery site the deliveries go to');
      await requireNetTerms(tx, a.buyerId, pending.paymentMethod);
      if (pending.endDate < today) throw conflict('PROPOSAL_OUTDATED', `these terms ended on ${pending.endDate}; propose new ones`, { currentStatus: a.status });
      if (first) move('agreement', AGREEMENT_TRANSITIONS, a.status, 'active');
      move('proposal', TERMS_TRANSITIONS, pending.status, 'accepted');
      // Terms govern from the day they are accepted at the earliest: days before that were never agreed,
      // and what an earlier version generated stays as it was.
      const effectiveFrom = pending.effectiveFrom > today ? pending.effectiveFrom : today;
      await tx.query(
        `UPDATE agreement_versions SET status = 'accepted', decided_by = $3, decided_at = now(), decision_note = $4, delivery_site_id = $5, effective_from = $6
          WHERE agreement_id = $1 AND version = $2`,
        [id, pending.version, principal.userId, dto.note ?? null, siteId, effectiveFrom],
      );
      await tx.query(
        `UPDATE agreements SET current_version = $2, status = CASE WHEN status = 'proposed' THEN 'active' ELSE status END,
                activated_at = COALESCE(activated_at, now()), committed_by = CASE WHEN $3 THEN $4::uuid ELSE committed_by END
          WHERE id = $1`,
        [id, pending.version, side === 'buyer', principal.userId],
      );
      await resyncHolds(this.agreements, tx, id, today);
      return true;
    });
    if (accepted) await this.jobs.generate(id);
    return (await this.views.get(this.db.manager, id, principal))!;
  }

  /** New terms for a running agreement, proposed by either side; they govern once the other side accepts. */
  async amend(principal: Principal, id: string, dto: AmendAgreementDto): Promise<AgreementView> {
    const today = businessDay();
    const offer = (await this.offers.byIds(this.db.manager, [dto.skuId])).get(dto.skuId);
    await this.db.transaction(async (tx) => {
      const state = await this.agreements.load(tx, id, true);
      const side = requireActor(principal, state?.agreement ?? null, COMMIT_ROLES, 'agreement', id);
      const a = state!.agreement;
      if (!RUNNING.includes(a.status)) throw conflict('ILLEGAL_TRANSITION', `an agreement that is ${a.status} cannot be amended`, { currentStatus: a.status });
      const pending = state!.versions.find((v) => v.status === 'proposed');
      if (pending) throw conflict('PROPOSAL_PENDING', `version ${pending.version} already waits for a decision; decide or withdraw it first`, { pendingVersion: pending.version });
      const current = this.current(state!, today);
      const effectiveFrom = dto.effectiveFrom ?? today;
      if (effectiveFrom < today) throw invalid('effectiveFrom', `must not be before today (${today})`);
      if (effectiveFrom > dto.endDate) throw invalid('effectiveFrom', `must not be after endDate ${dto.endDate}`);
      const terms = await checkedTerms(tx, dto, offer, { earliestStart: effectiveFrom, buyerId: a.buyerId, side, supplierId: a.supplierId, siteFallback: current?.deliverySiteId ?? null });
      if (side === 'buyer') await requireNetTerms(tx, a.buyerId, terms.paymentMethod);
      const next = Math.max(...state!.versions.map((v) => v.version)) + 1;
      await insertVersion(tx, id, next, terms, { side, userId: principal.userId, effectiveFrom });
      await tx.query(`UPDATE agreements SET updated_at = now() WHERE id = $1`, [id]);
    });
    return (await this.views.get(this.db.manager, id, principal))!;
  }

  /** A break in deliveries (`until` given, e.g. school holidays) or a pause until resumed, from a day no sooner than the notice allows. */
  async pause(principal: Principal, id: string, dto: PauseAgreementDto): Promise<AgreementView> {
    const today = businessDay();
    await this.db.transaction(async (tx) => {
      const state = await this.agreements.load(tx, id, true);
      const side = requireActor(principal, state?.agreement ?? null, COMMIT_ROLES, 'agreement', id);
      const a = state!.agreement;
      if (a.status !== 'active') throw conflict('ILLEGAL_TRANSITION', `an agreement that is ${a.status} cannot be paused${a.status === 'paused' ? ' again: resume it first' : ''}`, { currentStatus: a.status });
      const current = this.current(state!, today)!;
      const earliest = earliestUnderNotice(today, current.noticeDays);
      if (dto.from < earliest) throw invalid('from', `the terms ask for ${current.noticeDays} days' notice: the earliest first day of a pause is ${earliest}`);
      if (dto.until && dto.until < dto.from) throw invalid('until', 'must not be before from');
      const last = this.agreements.lastDay(state!);
      if (last && dto.from > last) throw invalid('from', `the agreement delivers nothing after ${last}`);
      const overlapping = state!.pauses.find((p) => p.from <= (dto.until ?? '9999-12-31') && (p.until === null || p.until >= dto.from) && (p.until === null || p.until >= p.from));
      if (overlapping) throw conflict('PAUSE_OVERLAPS', `a pause from ${overlapping.from}${overlapping.until ? ` until ${overlapping.until}` : ''} already covers part of these days`, { pauseId: overlapping.id });
      await tx.query(`INSERT INTO agreement_pauses (agreement_id, from_date, until_date, side, created_by, reason) VALUES ($1, $2, $3, $4, $5, $6)`, [
        id,
        dto.from,
        dto.until ?? null,
        side,
        principal.userId,
        dto.reason ?? null,
      ]);
      if (!dto.until) {
        move('agreement', AGREEMENT_TRANSITIONS, a.status, 'paused');
        await tx.query(`UPDATE agreements SET status = 'paused' WHERE id = $1`, [id]);
      }
      await resyncHolds(this.agreements, tx, id, today);
    });
    return (await this.views.get(this.db.manager, id, principal))!;
  }

  /** Ends an open-ended pause: deliveries come again from `from` (default today). */
  async resume(principal: Principal, id: string, dto: ResumeAgreementDto): Promise<AgreementView> {
    const today = businessDay();
    const from = dto.from ?? today;
    if (from < today) throw invalid('from', `must not be before today (${today})`);
    await this.db.transaction(async (tx) => {
      const state = await this.agreements.load(tx, id, true);
      requireActor(principal, state?.agreement ?? null, COMMIT_ROLES, 'agreement', id);
      const a = state!.agreement;
      move('agreement', AGREEMENT_TRANSITIONS, a.status, 'active', a.status === 'active' ? 'it is not paused' : undefined);
      const open = state!.pauses.find((p) => p.until === null)!;
      await tx.query(`UPDATE agreement_pauses SET until_date = $2, resumed_by = $3 WHERE id = $1`, [open.id, addDays(from, -1), principal.userId]);
      await tx.query(`UPDATE agreements SET status = 'active' WHERE id = $1`, [id]);
      await resyncHolds(this.agreements, tx, id, today);
    });
    await this.jobs.generate(id);
    return (await this.views.get(this.db.manager, id, principal))!;
  }

  /** Ends the agreement early under its notice terms: nothing is delivered after `lastDeliveryOn`. */
  async terminate(principal: Principal, id: string, dto: TerminateAgreementDto): Promise<AgreementView> {
    const today = businessDay();
    await this.db.transaction(async (tx) => {
      const state = await this.agreements.load(tx, id, true);
      const side = requireActor(principal, state?.agreement ?? null, COMMIT_ROLES, 'agreement', id);
      const a = state!.agreement;
      if (!RUNNING.includes(a.status)) throw conflict('ILLEGAL_TRANSITION', `an agreement that is ${a.status} cannot be ended`, { currentStatus: a.status });
      if (a.terminatesOn) throw conflict('ALREADY_TERMINATED', `the agreement already ends on ${a.terminatesOn}`, { currentStatus: a.status, lastDeliveryOn: a.terminatesOn });
      const current = this.current(state!, today)!;
      const earliest = earliestUnderNotice(today, current.noticeDays);
      const lastDeliveryOn = dto.lastDeliveryOn ?? earliest;
      if (lastDeliveryOn < earliest) throw invalid('lastDeliveryOn', `the terms ask for ${current.noticeDays} days' notice: the earliest last delivery day is ${earliest}`);
      const last = this.agreements.lastDay(state!)!;
      if (lastDeliveryOn >= last) throw invalid('lastDeliveryOn', `the agreement ends on ${last} anyway`);
      await tx.query(
        `UPDATE agreements SET terminates_on = $2, terminated_side = $3, terminated_by = $4, termination_reason = $5 WHERE id = $1`,
        [id, lastDeliveryOn, side, principal.userId, dto.reason],
      );
      // A proposal that would outlive the agreement has nothing left to govern.
      await tx.query(`UPDATE agreement_versions SET status = 'withdrawn', decided_at = now(), decision_note = 'the agreement was ended' WHERE agreement_id = $1 AND status = 'proposed'`, [id]);
      await resyncHolds(this.agreements, tx, id, today);
    });
    return (await this.views.get(this.db.manager, id, principal))!;
  }

  /** The accepted version that governs today (or the latest one that has started, or the first). */
  private current(state: AgreementState, today: string) {
    const accepted = this.agreements.accepted(state).sort((x, y) => (x.effectiveFrom === y.effectiveFrom ? x.version - y.version : x.effectiveFrom < y.effectiveFrom ? -1 : 1));
    return [...accepted].reverse().find((v) => v.effectiveFrom <= today) ?? accepted[0] ?? null;
  }


  private async convertCommitment(tx: EntityManager, commitmentId: string, agreementId: string, buyerId: string, supplierId: string): Promise<void> {
    const [c] = await tx.query(`SELECT status, organisation_id, supplier_id FROM commitments WHERE id = $1 FOR UPDATE`, [commitmentId]);
    if (!c) throw notFound('commitment', commitmentId);
    if (c.organisation_id !== buyerId || c.supplier_id !== supplierId) throw invalid('skuId', 'the agreement must be between the commitment’s buyer and cooperative');
    move('commitment', COMMITMENT_TRANSITIONS, c.status as CommitmentStatus, 'converted');
    await tx.query(`UPDATE commitments SET status = 'converted', agreement_id = $2, converted_at = now() WHERE id = $1`, [commitmentId, agreementId]);
  }

  /** The agreement a commitment became was declined or withdrawn: the commitment stands again. */
  private async restoreCommitment(tx: EntityManager, agreementId: string): Promise<void> {
    await tx.query(
      `UPDATE commitments SET status = CASE WHEN acknowledged_at IS NULL THEN 'open' ELSE 'acknowledged' END, agreement_id = NULL, converted_at = NULL
        WHERE agreement_id = $1 AND status = 'converted'`,
      [agreementId],
    );
  }

  /** Who the caller is to this agreement, for the views. */
  side(principal: Principal, parties: { buyerId: string; supplierId: string }): AgreementSide | null {
    return sideOf(principal, parties);
  }
}
