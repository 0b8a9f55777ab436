import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { DataSource, EntityManager } from 'typeorm';
import { addDays, businessDay } from '@shanhai/domain';
import type { CartGroupView, CartView, QuickOrderLineReport, QuickOrderReport } from '@shanhai/contract';
import { CartEntity, CartItemEntity, DeliverySiteEntity, OrderLineEntity, OrganisationEntity, BuyerOrderEntity } from '@shanhai/persistence';
import { invalid, notFound } from '../common/app-error';
import { Principal } from '../identity/principal';
import { resolveBuyerOrg } from './buyer-scope';
import { groupBySupplier, lineProblem, priceLine } from './order-pricing';
import { CartItemDto, CartQueryDto, QuickOrderDto } from './ordering.dto';
import { needsApproval, purchasingView } from './purchasing-settings.service';
import { SkuOfferRepository } from './sku-offer.repository';

const ORDERING_ROLES = ['buyer_purchaser', 'buyer_admin'] as const;
const MAX_CART_LINES = 5000;

/** A persisted cart per buyer user and organisation; prices always computed here, on the server. */
@Injectable()
export class CartService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly offers: SkuOfferRepository,
  ) {}

  async view(principal: Principal, query: CartQueryDto): Promise<CartView> {
    const orgId = resolveBuyerOrg(principal, query.organisationId);
    let siteCounty: string | null = null;
    if (query.deliverySiteId) {
      const site = await this.db.getRepository(DeliverySiteEntity).findOne({ where: { id: query.deliverySiteId, organisationId: orgId } });
      if (!site) throw invalid('deliverySiteId', 'not a delivery site of your organisation');
      siteCounty = site.countyCode;
    }
    return this.build(this.db.manager, principal, orgId, siteCounty);
  }

  async setItem(principal: Principal, dto: CartItemDto): Promise<CartView> {
    const orgId = resolveBuyerOrg(principal, dto.organisationId, [...ORDERING_ROLES]);
    const offer = (await this.offers.byIds(this.db.manager, [dto.skuId])).get(dto.skuId);
    const problem = lineProblem(offer, dto.quantity);
    if (problem) throw invalid(offer ? 'quantity' : 'skuId', problem);
    await this.db.transaction(async (tx) => {
      const cart = await this.cart(tx, principal.userId, orgId);
      await tx.query(
        `INSERT INTO cart_items (cart_id, sku_id, quantity) VALUES ($1, $2, $3)
         ON CONFLICT (cart_id, sku_id) DO UPDATE SET quantity = EXCLUDED.quantity`,
        [cart.id, dto.skuId, dto.quantity],
      );
      await this.checkSize(tx, cart.id);
    });
    return this.build(this.db.manager, principal, orgId, null);
  }

  async removeItem(principal: Principal, skuId: string, organisationId?: string): Promise<CartView> {
    const orgId = resolveBuyerOrg(principal, organisationId, [...ORDERING_ROLES]);
    const cart = await this.cart(this.db.manager, principal.userId, orgId);
    const { affected } = await this.db.getRepository(CartItemEntity).delete({ cartId: cart.id, skuId });
    if (!affected) throw notFound('cart item', skuId);
    return this.build(this.db.manager, principal, orgId, null);
  }

  /** Adds pasted or uploaded CSV lines ("SKU code,quantity"), reporting per line what was added and why a line was refused. */
  async quickOrder(principal: Principal, dto: QuickOrderDto): Promise<QuickOrderReport> {
    const orgId = resolveBuyerOrg(principal, dto.organisationId, [...ORDERING_ROLES]);
    let rows: string[][];
    try {
      rows = parse(dto.csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: true, delimiter: [',', '\t', ';', '，'] });
    } catch (err) {
      throw invalid('csv', `not readable as CSV: ${(err as Error).message}`);
    }
    if (rows.length > 0 && rows[0].length >= 2 && !/^\d+$/.test(rows[0][1]) && /sku|code|编码|数量|quantity/i.test(rows[0].join(','))) rows = rows.slice(1);
    if (rows.length === 0) throw invalid('csv', 'no lines: give one "SKU code,quantity" per line');
    if (rows.length > MAX_CART_LINES) throw invalid('csv', `at most ${MAX_CART_LINES} lines at once`);
    const offers = await this.offers.byCodes(this.db.manager, rows.map((r) => r[0] ?? ''));
    const report: QuickOrderLineReport[] = [];
    const adds = new Map<string, number>();
    rows.forEach((r, i) => {
      const skuCode = (r[0] ?? '').trim();
      const raw = (r[1] ?? '').trim();
      const quantity = /^\d{1,7}$/.test(raw) ? Number(raw) : null;
      const refuse = (reason: string): void => void report.push({ row: i + 1, skuCode, quantity, status: 'refused', reason });
      if (!skuCode) return refuse('no SKU code');
      if (quantity === null) return refuse(`quantity "${raw}" is not a whole number`);
      const offer = offers.get(skuCode);
      const total = (adds.get(offer?.skuId ?? '') ?? 0) + quantity;
      const problem = lineProblem(offer, total);
      if (problem) return refuse(problem);
      adds.set(offer!.skuId, total);
      report.push({ row: i + 1, skuCode, quantity, status: 'added', reason: null });
    });
    await this.db.transaction(async (tx) => {
      const cart = await this.cart(tx, principal.userId, orgId);
      if (adds.size) {
        // Quick order adds to what is already in the cart.
        await tx.query(
          `INSERT INTO cart_items (cart_id, sku_id, quantity) SELECT $1, s, q FROM unnest($2::uuid[], $3::int[]) AS x(s, q)
           ON CONFLICT (cart_id, sku_id) DO UPDATE SET quantity = cart_items.quantity + EXCLUDED.quantity`,
          [cart.id, [...adds.keys()], [...adds.values()]],
        );
      }
      await this.checkSize(tx, cart.id);
    });
    const added = report.filter((l) => l.status === 'added').length;
    return { added, refused: report.length - added, lines: report, cart: await this.build(this.db.manager, principal, orgId, null) };
  }

  /** Puts the lines of a past order of the organisation back in the cart, at today's prices. */
  async reorder(principal: Principal, orderId: string): Promise<QuickOrderReport> {
    const order = await this.db.getRepository(BuyerOrderEntity).findOne({ where: { id: orderId } });
    if (!order || !principal.rolesIn(order.organisationId).some((r) => r === 'buyer_purchaser' || r === 'buyer_admin')) throw notFound('order', orderId);
    const lines = await this.db.getRepository(OrderLineEntity).find({ where: { buyerOrderId: orderId }, order: { lineNo: 'ASC' } });
    const csv = lines.map((l) => `${l.skuCode},${l.quantity}`).join('\n');
    return this.quickOrder(principal, { organisationId: order.organisationId, csv });
  }

  async cart(tx: EntityManager, userId: string, organisationId: string): Promise<CartEntity> {
    await tx.query(`INSERT INTO carts (user_id, organisation_id) VALUES ($1, $2) ON CONFLICT (user_id, organisation_id) DO NOTHING`, [userId, organisationId]);
    return tx.findOneOrFail(CartEntity, { where: { userId, organisationId } });
  }

  async items(tx: EntityManager, userId: string, organisationId: string): Promise<Array<{ skuId: string; quantity: number }>> {
    return tx.query(
      `SELECT ci.sku_id AS "skuId", ci.quantity FROM cart_items ci JOIN carts c ON c.id = ci.cart_id
        WHERE c.user_id = $1 AND c.organisation_id = $2 ORDER BY ci.added_at, ci.sku_id`,
      [userId, organisationId],
    );
  }

  private async checkSize(tx: EntityManager, cartId: string): Promise<void> {
    const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM cart_items WHERE cart_id = $1`, [cartId]);
    if (n > MAX_CART_LINES) throw invalid('quantity', `a cart holds at most ${MAX_CART_LINES} lines`);
  }

  private async build(db: EntityManager, principal: Principal, orgId: string, siteCounty: string | null): Promise<CartView> {
    const items = await this.items(db, principal.userId, orgId);
    const org = await db.getRepository(OrganisationEntity).findOneOrFail({ where: { id: orgId } });
    const offers = await this.offers.byIds(db, items.map((i) => i.skuId));
    const priced = items.filter((i) => offers.has(i.skuId)).map((i) => ({ item: i, line: priceLine(offers.get(i.skuId)!, i.quantity) }));
    const groups = groupBySupplier(priced.map((p) => p.line), siteCounty);
    const today = businessDay();
    let maxLead = 0;
    const views: CartGroupView[] = groups.map((g) => ({
      supplierId: g.supplierId,
      supplierName: g.lines[0].offer.supplierName,
      supplierNameEn: g.lines[0].offer.supplierNameEn,
      produceFen: g.produceFen,
      weightG: g.weightG,
      deliveryFeeFen: g.deliveryFeeFen,
      lines: g.lines.map((l) => {
        maxLead = Math.max(maxLead, l.offer.leadTimeDays);
        const problem = lineProblem(l.offer, l.quantity) ?? (l.offer.stockUnits < l.quantity ? `only ${l.offer.stockUnits} units in stock` : null);
        return {
          skuId: l.offer.skuId,
          skuCode: l.offer.skuCode,
          productId: l.offer.productId,
          productNameZh: l.offer.productNameZh,
          productNameEn: l.offer.productNameEn,
          packingUnitZh: l.offer.packingUnitZh,
          packingUnitEn: l.offer.packingUnitEn,
          quantity: l.quantity,
          unitPriceFen: l.unitPriceFen,
          lineFen: l.lineFen,
          stockUnits: l.offer.stockUnits,
          minOrderQuantity: l.offer.minOrderQuantity,
          orderMultiple: l.offer.orderMultiple,
          leadTimeDays: l.offer.leadTimeDays,
          problem,
        };
      }),
    }));
    const produceFen = groups.reduce((a, g) => a + g.produceFen, 0);
    const deliveryFeeFen = siteCounty ? groups.reduce((a, g) => a + (g.deliveryFeeFen ?? 0), 0) : null;
    return {
      organisationId: orgId,
      purchasing: purchasingView(org),
      // The rule checkout applies (OrderService.place), told in advance.
      needsApproval: needsApproval(org, produceFen, principal.rolesIn(orgId)),
      groups: views,
      produceFen,
      deliveryFeeFen,
      totalFen: deliveryFeeFen === null ? null : produceFen + deliveryFeeFen,
      currency: 'CNY',
      earliestDeliveryDate: addDays(today, maxLead),
    };
  }
}
