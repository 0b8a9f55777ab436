import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { businessDay, COMMITMENT_TRANSITIONS, monthStart } from '@shanhai/domain';
import type { CommitmentStatus, PaymentMethod } from '@shanhai/domain';
import type { AgreementView, BuyerOrderView, CommitmentDemandView, CommitmentPage, CommitmentView } from '@shanhai/contract';
import { AppError, invalid, notFound } from '../common/app-error';
import { Principal } from '../identity/principal';
import { resolveBuyerOrg } from '../ordering/buyer-scope';
import { OrderService } from '../ordering/order.service';
import { SkuOfferRepository } from '../ordering/sku-offer.repository';
import { move, OPERATE_ROLES, requireActor, requireReader } from './agreement-access';
import { AgreementService } from './agreement.service';
import { AgreementTermsDto, CancelCommitmentDto, CommitmentDecisionDto, CommitmentOrderDto, CommitmentQueryDto, CreateCommitmentDto, DemandQueryDto } from './agreements.dto';

const MAX_MONTHS_AHEAD = 24;

const COLUMNS = `c.id, c.organisation_id, bo.name AS buyer_name, bo.name_en AS buyer_name_en, c.supplier_id, so.name AS supplier_name, so.name_en AS supplier_name_en,
  c.product_id, p.name_zh, p.name_en, c.sku_id, s.code AS sku_code, s.packing_unit_zh, s.packing_unit_en, s.net_weight_g,
  to_char(c.harvest_month, 'YYYY-MM') AS harvest_month, c.quantity, c.target_price_fen, c.delivery_site_id, c.note, c.status, c.created_at,
  c.acknowledged_at, c.decision_note, c.agreement_id, c.buyer_order_id, c.converted_at`;
const FROM = `commitments c JOIN organisations bo ON bo.id = c.organisation_id JOIN organisations so ON so.id = c.supplier_id
  JOIN products p ON p.id = c.product_id JOIN skus s ON s.id = c.sku_id`;

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) out.push(month);
  return out;
}

const addMonths = (month: string, n: number): string => {
  const [y, m] = month.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
};

/**
 * Pre-harvest commitments (预购): a buyer commits to take a quantity of a SKU from a coming harvest
 * month; the cooperative acknowledges (plans for it) or declines, and sees the demand by month; when
 * the harvest comes the commitment becomes an agreement proposal or a one-off order.
 */
@Injectable()
export class CommitmentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly offers: SkuOfferRepository,
    private readonly orders: OrderService,
    private readonly agreements: AgreementService,
  ) {}

  async create(principal: Principal, dto: CreateCommitmentDto): Promise<CommitmentView> {
    const orgId = resolveBuyerOrg(principal, dto.organisationId, OPERATE_ROLES.buyer);
    const offer = (await this.offers.byIds(this.db.manager, [dto.skuId])).get(dto.skuId);
    if (!offer) throw invalid('skuId', 'unknown SKU');
    if (!offer.visible) throw invalid('skuId', `${offer.skuCode} is not offered`);
    const thisMonth = businessDay().slice(0, 7);
    if (dto.harvestMonth < thisMonth) throw invalid('harvestMonth', `must not be before this month (${thisMonth})`);
    if (dto.harvestMonth > addMonths(thisMonth, MAX_MONTHS_AHEAD)) throw invalid('harvestMonth', `at most ${MAX_MONTHS_AHEAD} months ahead`);
    if (dto.deliverySiteId) {
      const [site] = await this.db.query(`SELECT id FROM delivery_sites WHERE id = $1 AND organisation_id = $2`, [dto.deliverySiteId, orgId]);
      if (!site) throw invalid('deliverySiteId', 'not a delivery site of your organisation');
    }
    const [{ id }] = await this.db.query(
      `INSERT INTO commitments (organisation_id, supplier_id, product_id, sku_id, harvest_month, quantity, target_price_fen, delivery_site_id, note, status, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10) RETURNING id`,
      [orgId, offer.supplierId, offer.productId, offer.skuId, monthStart(dto.harvestMonth), dto.quantity, dto.targetPriceFen ?? null, dto.deliverySiteId ?? null, dto.note ?? null, principal.userId],
    );
    return (await this.view(this.db.manager, id))!;
  }

  async list(principal: Principal, query: CommitmentQueryDto): Promise<CommitmentPage> {
    let orgIds: string[] | null;
    if (query.organisationId) {
      if (!principal.isOperator && !principal.isMemberOf(query.organisationId)) throw notFound('organisation', query.organisationId);
      orgIds = [query.organisationId];
    } else {
      orgIds = principal.isOperator ? null : [...new Set(principal.memberships.map((m) => m.organisationId))];
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const where = `($1::uuid[] IS NULL OR c.organisation_id = ANY($1::uuid[]) OR c.supplier_id = ANY($1::uuid[])) AND ($2::text IS NULL OR c.status = $2)`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM commitments c WHERE ${where}`, [orgIds, query.status ?? null]);
    const rows: Array<Record<string, unknown>> = await this.db.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE ${where} ORDER BY c.harvest_month, c.created_at DESC, c.id LIMIT $3 OFFSET $4`, [
      orgIds,
      query.status ?? null,
      pageSize,
      (page - 1) * pageSize,
    ]);
    return { items: rows.map((r) => this.toView(r)), total, page, pageSize };
  }

  async get(principal: Principal, id: string): Promise<CommitmentView> {
    requireReader(principal, await this.parties(this.db.manager, id), 'commitment', id);
    return (await this.view(this.db.manager, id))!;
  }

  /** The cooperative plans for it (acknowledge) or cannot take it (decline). */
  async decide(principal: Principal, id: string, dto: CommitmentDecisionDto): Promise<CommitmentView> {
    await this.db.transaction(async (tx) => {
      const c = await this.lock(tx, id);
      const side = requireActor(principal, c && { buyerId: c.organisation_id, supplierId: c.supplier_id }, OPERATE_ROLES, 'commitment', id);
      if (side !== 'supplier') throw new AppError(403, 'FORBIDDEN', 'the cooperative acknowledges or declines a commitment');
      const to: CommitmentStatus = dto.decision === 'acknowledge' ? 'acknowledged' : 'declined';
      move('commitment', COMMITMENT_TRANSITIONS, c!.status, to);
      await tx.query(
        `UPDATE commitments SET status = $2, decided_by = $3, decision_note = $4, acknowledged_at = CASE WHEN $5 THEN now() ELSE acknowledged_at END WHERE id = $1`,
        [id, to, principal.userId, dto.note ?? null, to === 'acknowledged'],
      );
    });
    return (await this.view(this.db.manager, id))!;
  }

  async cancel(principal: Principal, id: string, dto: CancelCommitmentDto): Promise<CommitmentView> {
    await this.db.transaction(async (tx) => {
      const c = await this.lock(tx, id);
      const side = requireActor(principal, c && { buyerId: c.organisation_id, supplierId: c.supplier_id }, OPERATE_ROLES, 'commitment', id);
      if (side !== 'buyer') throw new AppError(403, 'FORBIDDEN', 'the buyer cancels its own commitment');
      move('commitment', COMMITMENT_TRANSITIONS, c!.status, 'cancelled');
      await tx.query(`UPDATE commitments SET status = 'cancelled', decision_note = COALESCE($2, decision_note) WHERE id = $1`, [id, dto.reason ?? null]);
    });
    return (await this.view(this.db.manager, id))!;
  }

  /** The harvest comes: either side proposes an agreement for it (the other accepts as for any agreement). */
  async toAgreement(principal: Principal, id: string, dto: AgreementTermsDto): Promise<AgreementView> {
    const parties = await this.parties(this.db.manager, id);
    requireActor(principal, parties, { buyer: ['buyer_admin', 'buyer_approver'], supplier: ['supplier_admin'] }, 'commitment', id);
    return this.agreements.propose(principal, { ...dto, buyerId: parties!.buyerId }, id);
  }

  /**
   * The harvest comes: the buyer orders the committed SKU once, through ordinary checkout. Marking
   * the commitment converted comes first (so two conversions cannot both order); if the order
   * cannot be placed, that step is compensated and the commitment stands again.
   */
  async toOrder(principal: Principal, id: string, dto: CommitmentOrderDto): Promise<BuyerOrderView> {
    const claimed = await this.db.transaction(async (tx) => {
      const c = await this.lock(tx, id);
      const side = requireActor(principal, c && { buyerId: c.organisation_id, supplierId: c.supplier_id }, { buyer: ['buyer_purchaser', 'buyer_admin'], supplier: [] }, 'commitment', id);
      if (side !== 'buyer') throw new AppError(403, 'FORBIDDEN', 'the buyer orders what it committed to');
      move('commitment', COMMITMENT_TRANSITIONS, c!.status, 'converted');
      await tx.query(`UPDATE commitments SET status = 'converted', converted_at = now() WHERE id = $1`, [id]);
      return c!;
    });
    try {
      const { view } = await this.orders.place(
        principal,
        {
          organisationId: claimed.organisation_id,
          deliverySiteId: dto.deliverySiteId,
          deliveryDate: dto.deliveryDate,
          paymentMethod: dto.paymentMethod as PaymentMethod,
          note: `预购转订单 commitment ${id}`,
          lines: [{ skuId: claimed.sku_id, quantity: dto.quantity ?? claimed.quantity }],
        },
        `commitment:${id}`,
      );
      await this.db.query(`UPDATE commitments SET buyer_order_id = $2 WHERE id = $1`, [id, view.id]);
      return view;
    } catch (err) {
      await this.db.query(`UPDATE commitments SET status = $2, converted_at = NULL WHERE id = $1 AND status = 'converted' AND buyer_order_id IS NULL AND agreement_id IS NULL`, [
        id,
        claimed.status,
      ]);
      throw err;
    }
  }

  /** What buyers committed to take, by harvest month and product, for the cooperative's staff (and the operator). */
  async demand(principal: Principal, supplierId: string, query: DemandQueryDto): Promise<CommitmentDemandView> {
    if (!principal.isOperator && !principal.rolesIn(supplierId).some((r) => OPERATE_ROLES.supplier.includes(r))) throw notFound('supplier', supplierId);
    const from = query.from ?? businessDay().slice(0, 7);
    const to = query.to ?? addMonths(from, 11);
    if (to < from) throw invalid('to', 'must not be before from');
    if (to > addMonths(from, MAX_MONTHS_AHEAD)) throw invalid('to', `at most ${MAX_MONTHS_AHEAD} months after from`);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT to_char(c.harvest_month, 'YYYY-MM') AS month, c.product_id, p.name_zh, p.name_en,
              COALESCE(SUM(c.quantity) FILTER (WHERE c.status IN ('open', 'acknowledged')), 0)::bigint AS committed_units,
              COALESCE(SUM(c.quantity::bigint * s.net_weight_g) FILTER (WHERE c.status IN ('open', 'acknowledged')), 0)::bigint AS committed_weight_g,
              COALESCE(SUM(c.quantity) FILTER (WHERE c.status = 'converted'), 0)::bigint AS converted_units,
              COUNT(DISTINCT c.organisation_id)::int AS buyers, COUNT(*)::int AS commitments
         FROM commitments c JOIN products p ON p.id = c.product_id JOIN skus s ON s.id = c.sku_id
        WHERE c.supplier_id = $1 AND c.harvest_month BETWEEN $2::date AND $3::date AND c.status IN ('open', 'acknowledged', 'converted')
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 3`,
      [supplierId, monthStart(from), monthStart(to)],
    );
    return {
      supplierId,
      from,
      to,
      months: monthsBetween(from, to).map((month) => {
        const products = rows
          .filter((r) => r.month === month)
          .map((r) => ({
            productId: r.product_id as string,
            nameZh: r.name_zh as string,
            nameEn: (r.name_en as string | null) ?? null,
            committedUnits: Number(r.committed_units),
            committedWeightG: Number(r.committed_weight_g),
            convertedUnits: Number(r.converted_units),
            buyers: Number(r.buyers),
            commitments: Number(r.commitments),
          }));
        return {
          month,
          committedUnits: products.reduce((n, p) => n + p.committedUnits, 0),
          committedWeightG: products.reduce((n, p) => n + p.committedWeightG, 0),
          convertedUnits: products.reduce((n, p) => n + p.convertedUnits, 0),
          products,
        };
      }),
    };
  }

  private async lock(tx: EntityManager, id: string): Promise<{ status: CommitmentStatus; organisation_id: string; supplier_id: string; sku_id: string; quantity: number } | null> {
    const [c] = await tx.query(`SELECT status, organisation_id, supplier_id, sku_id, quantity FROM commitments WHERE id = $1 FOR UPDATE`, [id]);
    return c ?? null;
  }

  private async parties(db: EntityManager, id: string): Promise<{ buyerId: string; supplierId: string } | null> {
    const [c] = await db.query(`SELECT organisation_id, supplier_id FROM commitments WHERE id = $1`, [id]);
    return c ? { buyerId: c.organisation_id, supplierId: c.supplier_id } : null;
  }

  private async view(db: EntityManager, id: string): Promise<CommitmentView | null> {
    const [r] = await db.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = $1`, [id]);
    return r ? this.toView(r) : null;
  }

  private toView(r: Record<string, unknown>): CommitmentView {
    const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);
    return {
      id: r.id as string,
      buyer: { id: r.organisation_id as string, name: r.buyer_name as string, nameEn: (r.buyer_name_en as string | null) ?? null },
      supplier: { id: r.supplier_id as string, name: r.supplier_name as string, nameEn: (r.supplier_name_en as string | null) ?? null },
      product: { id: r.product_id as string, nameZh: r.name_zh as string, nameEn: (r.name_en as string | null) ?? null },
      sku: { id: r.sku_id as string, code: r.sku_code as string, packingUnitZh: r.packing_unit_zh as string, packingUnitEn: (r.packing_unit_en as string | null) ?? null, netWeightG: Number(r.net_weight_g) },
      harvestMonth: r.harvest_month as string,
      quantity: Number(r.quantity),
      targetPriceFen: r.target_price_fen === null ? null : Number(r.target_price_fen),
      deliverySiteId: (r.delivery_site_id as string | null) ?? null,
      note: (r.note as string | null) ?? null,
      status: r.status as CommitmentStatus,
      createdAt: iso(r.created_at)!,
      acknowledgedAt: iso(r.acknowledged_at),
      decisionNote: (r.decision_note as string | null) ?? null,
      agreementId: (r.agreement_id as string | null) ?? null,
      buyerOrderId: (r.buyer_order_id as string | null) ?? null,
      convertedAt: iso(r.converted_at),
    };
  }
}
