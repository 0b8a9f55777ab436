import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { addDays, AGREEMENT_HOLD_DAYS_AHEAD, businessDay, deliveredOnTime, generationWindow, otherSide, priceBand, RUNNING_AGREEMENT_STATUSES } from '@shanhai/domain';
import type {
  AgreementDeliveryView,
  AgreementPauseView,
  AgreementProgressView,
  AgreementSiteView,
  AgreementSkuView,
  AgreementSummary,
  AgreementTermsView,
  AgreementView,
  DeliveryChangeView,
  PartyView,
} from '@shanhai/contract';
import { AgreementRepository, AgreementState, ChangeRow, TermsRow } from '@shanhai/persistence';
import { Principal } from '../identity/principal';
import { sideOf } from './agreement-access';

interface OrderFacts {
  number: string;
  status: string;
  paymentStatus: string;
  supplierOrderStatus: string;
  receivedAt: Date | null;
  receivedQuantity: number;
  lineFen: number;
  unitPriceFen: number;
}

/** Names and facts the views show, read once for a set of agreements. */
interface Lookups {
  skus: Map<string, AgreementSkuView>;
  sites: Map<string, AgreementSiteView>;
  users: Map<string, string>;
  orgs: Map<string, PartyView>;
  orders: Map<string, OrderFacts>;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const UPCOMING = 6;

/** Read side of agreements: summaries, the full view with history and progress, and the delivery calendar. */
@Injectable()
export class AgreementViewRepository {
  private readonly agreements = new AgreementRepository();

  async parties(db: EntityManager, id: string): Promise<{ buyerId: string; supplierId: string } | null> {
    const [r] = await db.query(`SELECT buyer_id, supplier_id FROM agreements WHERE id = $1`, [id]);
    return r ? { buyerId: r.buyer_id, supplierId: r.supplier_id } : null;
  }

  async list(db: EntityManager, orgIds: string[] | null, status: string | null, page: number, pageSize: number): Promise<{ items: AgreementSummary[]; total: number }> {
    const where = `($1::uuid[] IS NULL OR a.buyer_id = ANY($1::uuid[]) OR a.supplier_id = ANY($1::uuid[])) AND ($2::text IS NULL OR a.status = $2)`;
    const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM agreements a WHERE ${where}`, [orgIds, status]);
    const rows: Array<{ id: string }> = await db.query(`SELECT a.id FROM agreements a WHERE ${where} ORDER BY a.created_at DESC, a.id LIMIT $3 OFFSET $4`, [
      orgIds,
      status,
      pageSize,
      (page - 1) * pageSize,
    ]);
    const states: AgreementState[] = [];
    for (const r of rows) states.push((await this.agreements.load(db, r.id))!);
    const lookups = await this.lookups(db, states, false);
    const today = businessDay();
    return { items: states.map((s) => this.summary(s, lookups, today)), total };
  }

  async get(db: EntityManager, id: string, principal: Principal): Promise<AgreementView | null> {
    const state = await this.agreements.load(db, id);
    if (!state) return null;
    const l = await this.lookups(db, [state], true);
    const today = businessDay();
    const a = state.agreement;
    const all = this.rows(state, l, this.firstDay(state) ?? today, this.agreements.lastDay(state) ?? today, today);
    const current = this.currentTerms(state, today);
    const pending = state.versions.find((v) => v.status === 'proposed') ?? null;
    return {
      ...this.summary(state, l, today, all),
      yourSide: sideOf(principal, a) ?? 'operator',
      current: current ? this.terms(current, l) : null,
      pending: pending ? this.terms(pending, l) : null,
      versions: state.versions.map((v) => this.terms(v, l)),
      pauses: state.pauses.filter((p) => p.until === null || p.until >= p.from).map((p): AgreementPauseView => ({ id: p.id, from: p.from, until: p.until, side: p.side, reason: p.reason, createdAt: p.createdAt.toISOString() })),
      changes: state.changes.map((c) => this.change(c, l)),
      termination: a.terminatesOn ? { lastDeliveryOn: a.terminatesOn, side: a.terminatedSide!, by: a.terminatedBy!, reason: a.terminationReason } : null,
      commitmentId: a.commitmentId,
      activatedAt: iso(a.activatedAt),
      closedAt: iso(a.closedAt),
      progress: this.progress(all, today),
      upcoming: all.filter((r) => r.date >= today).slice(0, UPCOMING),
    };
  }

  /** The delivery calendar between two days (default: the whole agreement). */
  async deliveries(db: EntityManager, id: string, from: string | null, to: string | null): Promise<AgreementDeliveryView[]> {
    const state = (await this.agreements.load(db, id))!;
    const l = await this.lookups(db, [state], true);
    const today = businessDay();
    const first = from ?? this.firstDay(state) ?? today;
    const last = to ?? this.agreements.lastDay(state) ?? this.latestEnd(state) ?? first;
    return this.rows(state, l, first, last, today);
  }

  private firstDay(state: AgreementState): string | null {
    const accepted = this.agreements.accepted(state);
    return accepted.length ? accepted.reduce((a, v) => (v.startDate < a ? v.startDate : a), accepted[0].startDate) : null;
  }

  private latestEnd(state: AgreementState): string | null {
    return state.versions.length ? state.versions[state.versions.length - 1].endDate : null;
  }

  private currentTerms(state: AgreementState, today: string): TermsRow | null {
    const accepted = this.agreements.accepted(state).sort((x, y) => (x.effectiveFrom === y.effectiveFrom ? x.version - y.version : x.effectiveFrom < y.effectiveFrom ? -1 : 1));
    return [...accepted].reverse().find((v) => v.effectiveFrom <= today) ?? accepted[0] ?? null;
  }

  private summary(state: AgreementState, l: Lookups, today: string, rows?: AgreementDeliveryView[]): AgreementSummary {
    const a = state.agreement;
    const pending = state.versions.find((v) => v.status === 'proposed') ?? null;
    const shown = this.currentTerms(state, today) ?? pending ?? state.versions[state.versions.length - 1];
    const sku = l.skus.get(shown.skuId);
    const calendar = rows ?? (RUNNING_AGREEMENT_STATUSES.includes(a.status) ? this.rows(state, l, today, this.agreements.lastDay(state) ?? today, today) : []);
    const next = calendar.find((r) => r.date >= today && (r.status === 'scheduled' || r.status === 'held' || r.status === 'short'));
    return {
      id: a.id,
      number: a.number,
      status: a.status,
      buyer: l.orgs.get(a.buyerId) ?? { id: a.buyerId, name: '', nameEn: null },
      supplier: l.orgs.get(a.supplierId) ?? { id: a.supplierId, name: '', nameEn: null },
      proposedSide: a.proposedSide,
      awaiting: pending ? otherSide(pending.proposedSide) : null,
      currentVersion: a.currentVersion,
      pendingVersion: pending?.version ?? null,
      skuCode: sku?.code ?? '',
      productNameZh: sku?.productNameZh ?? '',
      productNameEn: sku?.productNameEn ?? null,
      quantity: shown.quantity,
      startDate: this.firstDay(state) ?? shown.startDate,
      endDate: this.agreements.lastDay(state) ?? shown.endDate,
      nextDeliveryDate: RUNNING_AGREEMENT_STATUSES.includes(a.status) ? (next?.date ?? null) : null,
      createdAt: a.createdAt.toISOString(),
    };
  }

  private terms(v: TermsRow, l: Lookups): AgreementTermsView {
    const band = v.price.kind === 'reference_band' ? priceBand(v.price.basePriceFen, v.price.bandPermille) : null;
    return {
      version: v.version,
      status: v.status,
      proposedSide: v.proposedSide,
      proposedBy: v.proposedBy,
      proposedByName: l.users.get(v.proposedBy) ?? null,
      proposedAt: v.proposedAt.toISOString(),
      decidedBy: v.decidedBy,
      decidedByName: v.decidedBy ? (l.users.get(v.decidedBy) ?? null) : null,
      decidedAt: iso(v.decidedAt),
      decisionNote: v.decisionNote,
      effectiveFrom: v.effectiveFrom,
      sku: l.skus.get(v.skuId)!,
      quantity: v.quantity,
      price: {
        kind: v.price.kind,
        unitPriceFen: v.price.kind === 'fixed' ? v.price.unitPriceFen : null,
        basePriceFen: v.price.kind === 'reference_band' ? v.price.basePriceFen : null,
        bandPermille: v.price.kind === 'reference_band' ? v.price.bandPermille : null,
        floorFen: band?.floorFen ?? null,
        ceilingFen: band?.ceilingFen ?? null,
      },
      schedule: { kind: v.schedule.kind, weekdays: v.schedule.kind === 'weekly' ? [...v.schedule.weekdays] : [], dates: v.schedule.kind === 'dates' ? [...v.schedule.dates] : [] },
      deliverySite: v.deliverySiteId ? (l.sites.get(v.deliverySiteId) ?? null) : null,
      startDate: v.startDate,
      endDate: v.endDate,
      paymentMethod: v.paymentMethod,
      invoicing: v.invoicing,
      orderDaysAhead: v.orderDaysAhead,
      noticeDays: v.noticeDays,
      note: v.note,
    };
  }

  private change(c: ChangeRow, l: Lookups): DeliveryChangeView {
    const sku = c.substituteSkuId ? l.skus.get(c.substituteSkuId) : undefined;
    return {
      id: c.id,
      deliveryDate: c.deliveryDate,
      kind: c.kind,
      substituteSku: sku ? { id: sku.id, code: sku.code, productNameZh: sku.productNameZh, productNameEn: sku.productNameEn, packingUnitZh: sku.packingUnitZh } : null,
      quantity: c.quantity,
      unitPriceFen: c.unitPriceFen,
      status: c.status,
      proposedSide: c.proposedSide,
      proposedBy: c.proposedBy,
      decidedBy: c.decidedBy,
      decidedAt: iso(c.decidedAt),
      note: c.note,
      createdAt: c.createdAt.toISOString(),
    };
  }

  /** Every scheduled or recorded delivery day within [from, to], with its state. */
  private rows(state: AgreementState, l: Lookups, from: string, to: string, today: string): AgreementDeliveryView[] {
    const running = RUNNING_AGREEMENT_STATUSES.includes(state.agreement.status);
    const recorded = new Map(state.deliveries.filter((d) => d.deliveryDate >= from && d.deliveryDate <= to).map((d) => [d.deliveryDate, d]));
    const scheduled = running || state.agreement.status === 'ended' || state.agreement.status === 'completed' ? this.agreements.scheduled(state, from, to) : [];
    const byDate = new Map(scheduled.map((s) => [s.date, s]));
    const dates = [...new Set([...byDate.keys(), ...recorded.keys()])].sort();
    const holdEnd = addDays(today, AGREEMENT_HOLD_DAYS_AHEAD);
    return dates.map((date): AgreementDeliveryView => {
      const row = recorded.get(date);
      const live = state.changes.find((c) => c.deliveryDate === date && (c.status === 'accepted' || c.status === 'proposed')) ?? null;
      const s = byDate.get(date);
      const plan = s ? this.agreements.plan(state, s) : null;
      const terms = plan?.terms ?? state.versions.find((v) => v.version === row!.version)!;
      const skuId = row?.skuId ?? plan!.skuId;
      const sku = l.skus.get(skuId);
      const window = generationWindow(date, terms.orderDaysAhead, sku?.leadTimeDays ?? 0);
      const heldUnits = state.holds.filter((h) => h.deliveryDate === date).reduce((n, h) => n + h.quantity, 0);
      const order = row?.buyerOrderId ? l.orders.get(row.buyerOrderId) : undefined;
      const receivedOn = order?.receivedAt ? businessDay(order.receivedAt) : null;
      const quantity = row?.quantity ?? plan!.quantity;
      let status: AgreementDeliveryView['status'];
      if (row) status = row.outcome;
      else if (plan?.skipped) status = 'skipped';
      else if (heldUnits >= quantity) status = 'held';
      else if (running && date >= today && date <= holdEnd) status = 'short';
      else status = 'scheduled';
      return {
        date,
        version: row?.version ?? plan!.terms.version,
        status,
        skuId,
        skuCode: sku?.code ?? '',
        quantity,
        unitPriceFen: row ? row.unitPriceFen : (plan?.unitPriceFen ?? (terms.price.kind === 'fixed' ? terms.price.unitPriceFen : null)),
        heldUnits,
        generationOpensOn: window.opensOn,
        cutOff: window.closesOn,
        change: live ? this.change(live, l) : null,
        buyerOrderId: row?.buyerOrderId ?? null,
        orderNumber: order?.number ?? null,
        orderStatus: order?.status ?? null,
        paymentStatus: order?.paymentStatus ?? null,
        supplierOrderStatus: order?.supplierOrderStatus ?? null,
        receivedQuantity: order && order.supplierOrderStatus === 'received' ? order.receivedQuantity : null,
        receivedOn,
        onTime: order && order.supplierOrderStatus === 'received' && receivedOn ? deliveredOnTime(receivedOn, date) : null,
        reason: row?.reason ?? null,
      };
    });
  }

  /** Delivered against contracted, and on time. Skipped deliveries were agreed away and are not contracted. */
  private progress(rows: AgreementDeliveryView[], today: string): AgreementProgressView {
    const contracted = rows.filter((r) => r.status !== 'skipped');
    const due = contracted.filter((r) => r.date <= today);
    const cancelled = rows.filter((r) => r.status === 'ordered' && r.orderStatus === 'cancelled');
    const ordered = rows.filter((r) => r.status === 'ordered' && r.orderStatus !== 'cancelled');
    const delivered = ordered.filter((r) => r.supplierOrderStatus === 'received');
    const sum = (xs: AgreementDeliveryView[], f: (r: AgreementDeliveryView) => number): number => xs.reduce((n, r) => n + f(r), 0);
    const deliveredUnits = sum(delivered, (r) => r.receivedQuantity ?? 0);
    const dueUnits = sum(due, (r) => r.quantity);
    const onTime = delivered.filter((r) => r.onTime).length;
    return {
      asOf: today,
      contractedDeliveries: contracted.length,
      contractedUnits: sum(contracted, (r) => r.quantity),
      dueDeliveries: due.length,
      dueUnits,
      orderedDeliveries: ordered.length,
      orderedFen: sum(ordered, (r) => (r.unitPriceFen ?? 0) * r.quantity),
      deliveredDeliveries: delivered.length,
      deliveredUnits,
      deliveredFen: sum(delivered, (r) => (r.unitPriceFen ?? 0) * (r.receivedQuantity ?? 0)),
      onTimeDeliveries: onTime,
      lateDeliveries: delivered.length - onTime,
      skippedDeliveries: rows.filter((r) => r.status === 'skipped').length,
      missedDeliveries: rows.filter((r) => r.status === 'missed').length,
      cancelledDeliveries: cancelled.length,
      deliveredRatePermille: dueUnits > 0 ? Math.round((deliveredUnits * 1000) / dueUnits) : null,
      onTimeRatePermille: delivered.length > 0 ? Math.round((onTime * 1000) / delivered.length) : null,
    };
  }

  private async lookups(db: EntityManager, states: AgreementState[], withOrders: boolean): Promise<Lookups> {
    const skuIds = new Set<string>();
    const siteIds = new Set<string>();
    const userIds = new Set<string>();
    const orgIds = new Set<string>();
    const orderIds = new Set<string>();
    for (const s of states) {
      orgIds.add(s.agreement.buyerId).add(s.agreement.supplierId);
      for (const v of s.versions) {
        skuIds.add(v.skuId);
        if (v.deliverySiteId) siteIds.add(v.deliverySiteId);
        userIds.add(v.proposedBy);
        if (v.decidedBy) userIds.add(v.decidedBy);
      }
      for (const c of s.changes) if (c.substituteSkuId) skuIds.add(c.substituteSkuId);
      for (const d of s.deliveries) {
        skuIds.add(d.skuId);
        if (d.buyerOrderId) orderIds.add(d.buyerOrderId);
      }
    }
    const skus: Array<Record<string, unknown>> = await db.query(
      `SELECT s.id, s.code, s.product_id, p.name_zh, p.name_en, s.packing_unit_zh, s.packing_unit_en, s.net_weight_g, s.price_fen, s.lead_time_days,
              s.min_order_quantity, s.order_multiple
         FROM skus s JOIN products p ON p.id = s.product_id WHERE s.id = ANY($1::uuid[])`,
      [[...skuIds]],
    );
    const sites: Array<Record<string, unknown>> = await db.query(`SELECT id, name, address, county_code FROM delivery_sites WHERE id = ANY($1::uuid[])`, [[...siteIds]]);
    const users: Array<Record<string, unknown>> = await db.query(`SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`, [[...userIds]]);
    const orgs: Array<Record<string, unknown>> = await db.query(`SELECT id, name, name_en FROM organisations WHERE id = ANY($1::uuid[])`, [[...orgIds]]);
    const orders: Array<Record<string, unknown>> =
      withOrders && orderIds.size
        ? await db.query(
            `SELECT bo.id, bo.number, bo.status, bo.payment_status, so.status AS so_status, so.received_at, ol.received_quantity, ol.line_fen, ol.unit_price_fen
               FROM buyer_orders bo JOIN supplier_orders so ON so.buyer_order_id = bo.id JOIN order_lines ol ON ol.supplier_order_id = so.id
              WHERE bo.id = ANY($1::uuid[])`,
            [[...orderIds]],
          )
        : [];
    return {
      skus: new Map(
        skus.map((r) => [
          r.id as string,
          {
            id: r.id as string,
            code: r.code as string,
            productId: r.product_id as string,
            productNameZh: r.name_zh as string,
            productNameEn: (r.name_en as string | null) ?? null,
            packingUnitZh: r.packing_unit_zh as string,
            packingUnitEn: (r.packing_unit_en as string | null) ?? null,
            netWeightG: Number(r.net_weight_g),
            listPriceFen: Number(r.price_fen),
            leadTimeDays: Number(r.lead_time_days),
            minOrderQuantity: Number(r.min_order_quantity),
            orderMultiple: Number(r.order_multiple),
          },
        ]),
      ),
      sites: new Map(sites.map((r) => [r.id as string, { id: r.id as string, name: r.name as string, address: r.address as string, countyCode: r.county_code as string }])),
      users: new Map(users.map((r) => [r.id as string, r.display_name as string])),
      orgs: new Map(orgs.map((r) => [r.id as string, { id: r.id as string, name: r.name as string, nameEn: (r.name_en as string | null) ?? null }])),
      orders: new Map(
        orders.map((r) => [
          r.id as string,
          {
            number: r.number as string,
            status: r.status as string,
            paymentStatus: r.payment_status as string,
            supplierOrderStatus: r.so_status as string,
            receivedAt: r.received_at ? new Date(r.received_at as string) : null,
            receivedQuantity: Number(r.received_quantity),
            lineFen: Number(r.line_fen),
            unitPriceFen: Number(r.unit_price_fen),
          },
        ]),
      ),
    };
  }
}
