import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { addDays, assertTransition, BUYER_ORDER_TRANSITIONS, businessDay, describeShortage, IllegalTransitionError } from '@shanhai/domain';
import type { BuyerOrderStatus } from '@shanhai/domain';
import type { BuyerOrderSummary, BuyerOrderView } from '@shanhai/contract';
import { DeliverySiteEntity, OrderCancellationRepository, OrderPlacementRepository, OrganisationEntity, StockRepository } from '@shanhai/persistence';
import { AppError, conflict, FieldProblem, invalid, notFound } from '../common/app-error';
import { catalogVersion } from '../catalog/catalog-version';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Principal } from '../identity/principal';
import { resolveBuyerOrg } from './buyer-scope';
import { CartService } from './cart.service';
import { OrderJobs } from './order-jobs';
import { groupBySupplier, lineProblem, priceLine, PricedLine, SupplierGroup } from './order-pricing';
import { OrderViewRepository } from './order-view.repository';
import { needsApproval } from './purchasing-settings.service';
import { ApprovalDecisionDto, OrderQueryDto, PlaceOrderDto } from './ordering.dto';
import { SkuOfferRepository } from './sku-offer.repository';

const ORDERING_ROLES = ['buyer_purchaser', 'buyer_admin'] as const;
const MAX_DAYS_AHEAD = 120;

interface Placed {
  view: BuyerOrderView;
  replayed: boolean;
}

@Injectable()
export class OrderService {
  private readonly stock = new StockRepository();
  private readonly cancellation = new OrderCancellationRepository();
  private readonly placement = new OrderPlacementRepository();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly offers: SkuOfferRepository,
    private readonly carts: CartService,
    private readonly views: OrderViewRepository,
    private readonly jobs: OrderJobs,
  ) {}

  /**
   * Checkout: prices every line on the server, reserves stock from the earliest lots atomically,
   * splits into one supplier order per cooperative with its delivery fee, and decides whether the
   * order waits for an approver. With an Idempotency-Key a retry returns the first result.
   */
  async place(principal: Principal, dto: PlaceOrderDto, idempotencyKey: string | undefined): Promise<Placed> {
    const orgId = resolveBuyerOrg(principal, dto.organisationId, [...ORDERING_ROLES]);
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
      throw invalid('Idempotency-Key', 'must be 1-200 visible ASCII characters');
    }
    const requestHash = createHash('sha256').update(JSON.stringify({ orgId, dto })).digest('hex');
    if (idempotencyKey) {
      const earlier = await this.replay(this.db.manager, principal.userId, idempotencyKey, requestHash);
      if (earlier) return earlier;
    }

    const org = await this.db.getRepository(OrganisationEntity).findOneOrFail({ where: { id: orgId } });
    const site = await this.db.getRepository(DeliverySiteEntity).findOne({ where: { id: dto.deliverySiteId, organisationId: orgId } });
    if (!site) throw invalid('deliverySiteId', 'not a delivery site of your organisation');
    if (dto.paymentMethod === 'invoice' && org.netTermsDays === null) {
      throw new AppError(409, 'NET_TERMS_NOT_APPROVED', 'paymentMethod: your organisation is not approved to pay by invoice; pay by card or wallet, or ask the operator for net terms', [
        { field: 'paymentMethod', reason: 'invoice payment not approved for this organisation' },
      ]);
    }

    const fromCart = !dto.lines;
    const requested = dto.lines ?? (await this.carts.items(this.db.manager, principal.userId, orgId));
    if (requested.length === 0) throw invalid('lines', 'nothing to order: the cart is empty');
    const fieldOf = (i: number, f: string): string => (fromCart ? `cart[${i}].${f}` : `lines[${i}].${f}`);
    const seen = new Map<string, number>();
    requested.forEach((l, i) => {
      if (seen.has(l.skuId)) throw invalid(fieldOf(i, 'skuId'), `the same SKU is already line ${seen.get(l.skuId)! + 1}; give one line per SKU`);
      seen.set(l.skuId, i);
    });
    const offers = await this.offers.byIds(this.db.manager, requested.map((l) => l.skuId));
    const problems: FieldProblem[] = [];
    const priced: PricedLine[] = [];
    requested.forEach((l, i) => {
      const offer = offers.get(l.skuId);
      const problem = lineProblem(offer, l.quantity);
      if (problem) problems.push({ field: fieldOf(i, offer ? 'quantity' : 'skuId'), reason: problem });
      else priced.push(priceLine(offer!, l.quantity));
    });
    if (problems.length) throw new AppError(400, 'VALIDATION_FAILED', problems.slice(0, 20).map((p) => `${p.field}: ${p.reason}`).join('; '), problems);

    const today = businessDay();
    const slowest = priced.reduce((a, l) => (l.offer.leadTimeDays > a.offer.leadTimeDays ? l : a));
    const earliest = addDays(today, slowest.offer.leadTimeDays);
    if (dto.deliveryDate < earliest) {
      throw invalid('deliveryDate', `the earliest possible delivery date is ${earliest}: ${slowest.offer.skuCode} needs ${slowest.offer.leadTimeDays} days`);
    }
    if (dto.deliveryDate > addDays(today, MAX_DAYS_AHEAD)) throw invalid('deliveryDate', `at most ${MAX_DAYS_AHEAD} days ahead`);

    const groups = groupBySupplier(priced, site.countyCode);
    const produceFen = groups.reduce((a, g) => a + g.produceFen, 0);
    const deliveryFeeFen = groups.reduce((a, g) => a + (g.deliveryFeeFen ?? 0), 0);
    const status: BuyerOrderStatus = needsApproval(org, produceFen, principal.rolesIn(orgId)) ? 'pending_approval' : dto.paymentMethod === 'invoice' ? 'open' : 'awaiting_payment';
    const dueAt = this.deadline(status);

    let invoiceId: string | null = null;
    let orderId: string;
    try {
      orderId = await this.db.transaction(async (tx) => {
        if (idempotencyKey) {
          const claimed: unknown[] = await tx.query(
            `INSERT INTO idempotency_keys (key, user_id, scope, request_hash, response_status, response_body)
             VALUES ($1, $2, 'place-order', $3, 0, 'null') ON CONFLICT DO NOTHING RETURNING key`,
            [idempotencyKey, principal.userId, requestHash],
          );
          // Another request with this key committed while we prepared: answer as it did.
          if (claimed.length === 0) throw new ReplayInstead();
        }
        // New rows first: they contend with nobody. The SKU locks come last, so they are held briefly.
        const orderId = await this.insertOrder(tx, {
          orgId,
          principal,
          org,
          site,
          dto,
          groups,
          status,
          dueAt,
        });
        const { shortages, takes } = await this.stockFor(tx, priced);
        if (shortages.length) {
          const held = shortages.reduce((a, s) => a + s.heldForAgreements, 0);
          const why = held > 0 ? `; ${held} of the units are reserved for procurement agreements (订单式销售) and are not sold to one-off orders` : '';
          throw new AppError(409, 'STOCK_EXHAUSTED', `not enough stock for ${shortages.length} line(s); nothing was ordered${why}`, shortages.map((s) => ({
            field: fieldOf(requested.findIndex((r) => r.skuId === s.skuId), 'quantity'),
            reason: describeShortage(s),
          })), { shortages });
        }
        await this.placement.recordAllocations(tx, orderId, takes);
        if (status === 'open' && dto.paymentMethod === 'invoice') invoiceId = await this.placement.draftInvoice(tx, orderId, produceFen + deliveryFeeFen);
        if (fromCart) {
          await tx.query(
            `DELETE FROM cart_items ci USING carts c WHERE ci.cart_id = c.id AND c.user_id = $1 AND c.organisation_id = $2 AND ci.sku_id = ANY($3::uuid[])`,
            [principal.userId, orgId, priced.map((l) => l.offer.skuId)],
          );
        }
        if (idempotencyKey) {
          await tx.query(`UPDATE idempotency_keys SET response_status = 201, response_body = $3 WHERE key = $1 AND user_id = $2`, [idempotencyKey, principal.userId, JSON.stringify({ id: orderId })]);
        }
        return orderId;
      });
    } catch (err) {
      if (err instanceof ReplayInstead && idempotencyKey) {
        const earlier = await this.replay(this.db.manager, principal.userId, idempotencyKey, requestHash);
        if (earlier) return earlier;
      }
      throw err;
    }
    catalogVersion.bump();
    if (dueAt) await this.jobs.expireAt(orderId, dueAt);
    if (invoiceId) await this.jobs.issueInvoice(invoiceId);
    return { view: (await this.views.get(this.db.manager, orderId))!, replayed: false };
  }

  async list(principal: Principal, query: OrderQueryDto): Promise<{ items: BuyerOrderSummary[]; total: number; page: number; pageSize: number }> {
    const orgId = resolveBuyerOrg(principal, query.organisationId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { items, total } = await this.views.list(this.db.manager, orgId, query.status, page, pageSize);
    return { items, total, page, pageSize };
  }

  /** Buyers see their organisation's orders; a cooperative sees only its own supplier orders within; the operator all. */
  async get(principal: Principal, orderId: string): Promise<BuyerOrderView> {
    const [order] = await this.db.query(`SELECT organisation_id FROM buyer_orders WHERE id = $1`, [orderId]);
    if (!order) throw notFound('order', orderId);
    if (principal.isOperator || principal.isMemberOf(order.organisation_id)) return (await this.views.get(this.db.manager, orderId))!;
    const suppliers: Array<{ supplier_id: string }> = await this.db.query(`SELECT supplier_id FROM supplier_orders WHERE buyer_order_id = $1`, [orderId]);
    const mine = suppliers.find((s) => principal.rolesIn(s.supplier_id).some((r) => r === 'supplier_staff' || r === 'supplier_admin'));
    if (!mine) throw notFound('order', orderId);
    const view = (await this.views.get(this.db.manager, orderId, mine.supplier_id))!;
    // A cooperative sees its own part, not the buyer's totals across other cooperatives.
    return { ...view, produceFen: view.supplierOrders[0].produceFen, deliveryFeeFen: view.supplierOrders[0].deliveryFeeFen, totalFen: view.supplierOrders[0].produceFen + view.supplierOrders[0].deliveryFeeFen };
  }

  async decideApproval(principal: Principal, orderId: string, dto: ApprovalDecisionDto): Promise<BuyerOrderView> {
    let dueAt: Date | null = null;
    let invoiceId: string | null = null;
    let claimIds: string[] = [];
    await this.db.transaction(async (tx) => {
      const [order] = await tx.query(`SELECT * FROM buyer_orders WHERE id = $1 FOR UPDATE`, [orderId]);
      if (!order || !principal.isMemberOf(order.organisation_id)) throw notFound('order', orderId);
      principal.requireOrgRole(order.organisation_id, ['buyer_approver']);
      if (dto.decision === 'reject') {
        const outcome = await this.cancellation.cancel(tx, orderId, `rejected by approver${dto.note ? `: ${dto.note}` : ''}`, ['pending_approval']);
        if (outcome && !outcome.cancelled) throw this.illegal(outcome.status, 'cancelled');
        claimIds = outcome && outcome.cancelled ? outcome.claimIds : [];
        return;
      }
      const to: BuyerOrderStatus = order.payment_method === 'invoice' ? 'open' : 'awaiting_payment';
      this.move(order.status, to);
      dueAt = this.deadline(to);
      await tx.query(
        `UPDATE buyer_orders SET status = $2, approved_by = $3, approved_at = now(), payment_due_at = $4 WHERE id = $1`,
        [orderId, to, principal.userId, dueAt],
      );
      if (to === 'open') {
        await tx.query(`UPDATE supplier_orders SET status = 'placed' WHERE buyer_order_id = $1 AND status = 'pending'`, [orderId]);
        invoiceId = await this.placement.draftInvoice(tx, orderId, Number(order.total_fen));
      }
    });
    if (dueAt) await this.jobs.expireAt(orderId, dueAt);
    if (invoiceId) await this.jobs.issueInvoice(invoiceId);
    catalogVersion.bump();
    await this.jobs.settleClaims(claimIds);
    return (await this.views.get(this.db.manager, orderId))!;
  }

  /** The buyer cancels before anything has shipped; what was paid or invoiced becomes claims to refund or credit. */
  async cancel(principal: Principal, orderId: string, reason: string | undefined): Promise<BuyerOrderView> {
    const claimIds = await this.db.transaction(async (tx) => {
      const [order] = await tx.query(`SELECT organisation_id FROM buyer_orders WHERE id = $1`, [orderId]);
      if (!order || !principal.isMemberOf(order.organisation_id)) throw notFound('order', orderId);
      principal.requireOrgRole(order.organisation_id, ['buyer_purchaser', 'buyer_admin', 'buyer_approver']);
      const outcome = await this.cancellation.cancel(tx, orderId, reason ?? 'cancelled by the buyer', ['pending_approval', 'awaiting_payment', 'open']);
      if (!outcome) throw notFound('order', orderId);
      if (!outcome.cancelled) {
        if (outcome.status === 'open') throw conflict('ALREADY_SHIPPED', 'part of this order has shipped; report a shortfall or damage on receipt instead', { currentStatus: outcome.status });
        throw this.illegal(outcome.status, 'cancelled');
      }
      return outcome.claimIds;
    });
    catalogVersion.bump();
    await this.jobs.settleClaims(claimIds);
    return (await this.views.get(this.db.manager, orderId))!;
  }

  private deadline(status: BuyerOrderStatus): Date | null {
    if (status === 'awaiting_payment') return new Date(Date.now() + this.config.paymentWindowMinutes * 60_000);
    if (status === 'pending_approval') return new Date(Date.now() + this.config.approvalWindowHours * 3600_000);
    return null;
  }

  private async stockFor(tx: EntityManager, priced: readonly PricedLine[]) {
    return this.stock.reserve(tx, priced.map((l) => ({ skuId: l.offer.skuId, quantity: l.quantity })));
  }

  private async insertOrder(
    tx: EntityManager,
    o: {
      orgId: string;
      principal: Principal;
      org: OrganisationEntity;
      site: DeliverySiteEntity;
      dto: PlaceOrderDto;
      groups: SupplierGroup[];
      status: BuyerOrderStatus;
      dueAt: Date | null;
    },
  ): Promise<string> {
    return this.placement.insert(tx, {
      organisationId: o.orgId,
      placedBy: o.principal.userId,
      status: o.status,
      paymentMethod: o.dto.paymentMethod,
      deliverySiteId: o.site.id,
      deliveryDate: o.dto.deliveryDate,
      siteCountyCode: o.site.countyCode,
      buyerType: o.org.buyerType ?? 'other',
      note: o.dto.note ?? null,
      paymentDueAt: o.dueAt,
      supplierOrders: o.groups.map((g) => ({
        supplierId: g.supplierId,
        supplierCountyCode: g.supplierCountyCode,
        produceFen: g.produceFen,
        deliveryFeeFen: g.deliveryFeeFen ?? 0,
        band: g.band,
        weightG: g.weightG,
        lines: g.lines.map((l) => ({
          skuId: l.offer.skuId,
          productId: l.offer.productId,
          skuCode: l.offer.skuCode,
          productNameZh: l.offer.productNameZh,
          productNameEn: l.offer.productNameEn,
          packingUnitZh: l.offer.packingUnitZh,
          categoryId: l.offer.categoryId,
          originCountyCode: l.offer.originCountyCode,
          netWeightG: l.offer.netWeightG,
          quantity: l.quantity,
          unitPriceFen: l.unitPriceFen,
          lineFen: l.lineFen,
        })),
      })),
    });
  }

  private async replay(db: EntityManager, userId: string, key: string, requestHash: string): Promise<Placed | null> {
    const [row] = await db.query(`SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE key = $1 AND user_id = $2`, [key, userId]);
    if (!row || row.response_status === 0) return null;
    if (row.request_hash !== requestHash) {
      throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key: this key was used for a different request; use a new key for a new order', [
        { field: 'Idempotency-Key', reason: 'already used with different parameters' },
      ]);
    }
    const earlier = row.response_body as { id: string };
    // The order as it is now (it may have been paid since), not a copy from the first response.
    const view = await this.views.get(db, earlier.id);
    if (!view) return null;
    return { view, replayed: true };
  }

  private move(from: BuyerOrderStatus, to: BuyerOrderStatus): void {
    try {
      assertTransition('buyer order', BUYER_ORDER_TRANSITIONS, from, to);
    } catch (err) {
      if (err instanceof IllegalTransitionError) throw this.illegal(from, to);
      throw err;
    }
  }

  private illegal(from: string, to: string): AppError {
    return conflict('ILLEGAL_TRANSITION', `an order that is ${from} cannot become ${to}`, { currentStatus: from });
  }
}

/** Thrown inside the placement transaction to roll it back when the idempotency key is already taken. */
class ReplayInstead extends Error {}
