import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { businessDay, checkOrderQuantity, DELIVERY_CHANGE_TRANSITIONS, otherSide, RUNNING_AGREEMENT_STATUSES } from '@shanhai/domain';
import type { DeliveryChangeStatus } from '@shanhai/domain';
import type { AgreementView } from '@shanhai/contract';
import { AgreementRepository } from '@shanhai/persistence';
import { conflict, forbidden, invalid, notFound } from '../common/app-error';
import { Principal } from '../identity/principal';
import { SkuOfferRepository } from '../ordering/sku-offer.repository';
import { move, OPERATE_ROLES, requireActor } from './agreement-access';
import { AgreementJobs } from './agreement-jobs';
import { AgreementViewRepository } from './agreement-view.repository';
import { ChangeDecisionDto, DeliveryChangeDto } from './agreements.dto';
import { resyncHolds } from './agreement-holds';

/**
 * Skips and substitutions for one scheduled delivery, before its order is generated. The buyer may
 * skip a delivery on its own word; a cooperative's skip, and any substitution (another SKU of the
 * same cooperative: a nearby grade), wait for the other side's consent.
 */
@Injectable()
export class DeliveryChangeService {
  private readonly agreements = new AgreementRepository();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly offers: SkuOfferRepository,
    private readonly views: AgreementViewRepository,
    private readonly jobs: AgreementJobs,
  ) {}

  async propose(principal: Principal, id: string, dto: DeliveryChangeDto): Promise<AgreementView> {
    const today = businessDay();
    const substitute = dto.substituteSkuId ? (await this.offers.byIds(this.db.manager, [dto.substituteSkuId])).get(dto.substituteSkuId) : undefined;
    await this.db.transaction(async (tx) => {
      const state = await this.agreements.load(tx, id, true);
      const side = requireActor(principal, state?.agreement ?? null, OPERATE_ROLES, 'agreement', id);
      const a = state!.agreement;
      if (!RUNNING_AGREEMENT_STATUSES.includes(a.status)) throw conflict('ILLEGAL_TRANSITION', `the deliveries of an agreement that is ${a.status} cannot change`, { currentStatus: a.status });
      if (dto.deliveryDate < today) throw invalid('deliveryDate', `${dto.deliveryDate} is past`);
      const scheduled = this.agreements.scheduled(state!, dto.deliveryDate, dto.deliveryDate)[0];
      if (!scheduled) throw invalid('deliveryDate', `no delivery is scheduled on ${dto.deliveryDate}`);
      const recorded = state!.deliveries.find((d) => d.deliveryDate === dto.deliveryDate);
      if (recorded) {
        throw conflict('DELIVERY_ALREADY_GENERATED', `the delivery of ${dto.deliveryDate} is already ${recorded.outcome}${recorded.buyerOrderId ? ': change or cancel its order instead' : ''}`, {
          buyerOrderId: recorded.buyerOrderId,
        });
      }
      const live = state!.changes.find((c) => c.deliveryDate === dto.deliveryDate && (c.status === 'proposed' || c.status === 'accepted'));
      if (live) throw conflict('CHANGE_PENDING', `a ${live.kind} of ${dto.deliveryDate} is already ${live.status}; decide or withdraw it first`, { changeId: live.id });

      const plan = this.agreements.plan(state!, scheduled);
      let status: DeliveryChangeStatus = 'proposed';
      let quantity: number | null = null;
      if (dto.kind === 'skip') {
        if (dto.substituteSkuId || dto.quantity || dto.unitPriceFen) throw invalid('kind', 'a skip takes no substitute, quantity or price');
        // The buyer gives up its own delivery: its word is the consent.
        if (side === 'buyer') status = 'accepted';
      } else {
        if (!dto.substituteSkuId) throw invalid('substituteSkuId', 'name the SKU that replaces the agreed one');
        if (!substitute || substitute.supplierId !== a.supplierId) throw invalid('substituteSkuId', 'must be another SKU of the same cooperative');
        if (substitute.skuId === plan.skuId) throw invalid('substituteSkuId', 'is the SKU already agreed for that day');
        if (!substitute.active) throw invalid('substituteSkuId', `${substitute.skuCode} is not on sale`);
        quantity = dto.quantity ?? plan.quantity;
        const q = checkOrderQuantity(quantity, substitute);
        if (q?.reason === 'below_minimum') throw invalid('quantity', `the minimum order of ${substitute.skuCode} is ${q.minimum} units`);
        if (q?.reason === 'not_a_multiple') throw invalid('quantity', `${substitute.skuCode} is sold in multiples of ${q.multiple} units`);
      }
      await tx.query(
        `INSERT INTO agreement_delivery_changes (agreement_id, delivery_date, kind, substitute_sku_id, quantity, unit_price_fen, status, proposed_side, proposed_by, decided_by, decided_at, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          id,
          dto.deliveryDate,
          dto.kind,
          dto.kind === 'substitute' ? substitute!.skuId : null,
          quantity,
          dto.kind === 'substitute' ? (dto.unitPriceFen ?? null) : null,
          status,
          side,
          principal.userId,
          status === 'accepted' ? principal.userId : null,
          status === 'accepted' ? new Date() : null,
          dto.note ?? null,
        ],
      );
      if (status === 'accepted') await resyncHolds(this.agreements, tx, id, today);
    });
    return (await this.views.get(this.db.manager, id, principal))!;
  }

  async decide(principal: Principal, id: string, changeId: string, dto: ChangeDecisionDto): Promise<AgreementView> {
    const today = businessDay();
    const accepted = await this.db.transaction(async (tx) => {
      const state = await this.agreements.load(tx, id, true);
      const side = requireActor(principal, state?.agreement ?? null, OPERATE_ROLES, 'agreement', id);
      const change = state!.changes.find((c) => c.id === changeId);
      if (!change) throw notFound('delivery change', changeId);
      const to: DeliveryChangeStatus = dto.decision === 'accept' ? 'accepted' : dto.decision === 'decline' ? 'declined' : 'withdrawn';
      move('delivery change', DELIVERY_CHANGE_TRANSITIONS, change.status, to);
      if (dto.decision === 'withdraw' && side !== change.proposedSide) throw forbidden('only the side that proposed the change can withdraw it');
      if (dto.decision !== 'withdraw' && side === change.proposedSide) throw forbidden(`you proposed this change; the ${otherSide(side)} accepts or declines it`);
      if (to === 'accepted' && state!.deliveries.some((d) => d.deliveryDate === change.deliveryDate)) {
        throw conflict('DELIVERY_ALREADY_GENERATED', `the order of ${change.deliveryDate} was generated before the change was accepted; change or cancel that order instead`, { currentStatus: change.status });
      }
      await tx.query(`UPDATE agreement_delivery_changes SET status = $2, decided_by = $3, decided_at = now() WHERE id = $1`, [changeId, to, principal.userId]);
      if (to === 'accepted') await resyncHolds(this.agreements, tx, id, today);
      return to === 'accepted';
    });
    if (accepted) await this.jobs.generate(id);
    return (await this.views.get(this.db.manager, id, principal))!;
  }

}
