import { EntityManager } from 'typeorm';
import { addDays, AGREEMENT_HOLD_DAYS_AHEAD, expandDeliveries, RUNNING_AGREEMENT_STATUSES } from '@shanhai/domain';
import type {
  AgreementPaymentMethod,
  AgreementSide,
  AgreementStatus,
  DayRange,
  DeliveryChangeKind,
  DeliveryChangeStatus,
  DeliveryOutcome,
  InvoicingMode,
  PriceRule,
  Schedule,
  ScheduledDelivery,
  TermsStatus,
} from '@shanhai/domain';
import { LotTake, StockRepository } from './stock.repository';

export interface AgreementRow {
  readonly id: string;
  readonly number: string;
  readonly buyerId: string;
  readonly supplierId: string;
  readonly status: AgreementStatus;
  readonly proposedSide: AgreementSide;
  readonly createdBy: string;
  readonly currentVersion: number | null;
  readonly committedBy: string | null;
  readonly activatedAt: Date | null;
  readonly terminatesOn: string | null;
  readonly terminatedSide: AgreementSide | null;
  readonly terminatedBy: string | null;
  readonly terminationReason: string | null;
  readonly closedAt: Date | null;
  readonly commitmentId: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface TermsRow {
  readonly version: number;
  readonly status: TermsStatus;
  readonly proposedSide: AgreementSide;
  readonly proposedBy: string;
  readonly proposedAt: Date;
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  readonly decisionNote: string | null;
  readonly effectiveFrom: string;
  readonly skuId: string;
  readonly quantity: number;
  readonly price: PriceRule;
  readonly schedule: Schedule;
  readonly deliverySiteId: string | null;
  readonly startDate: string;
  readonly endDate: string;
  readonly paymentMethod: AgreementPaymentMethod;
  readonly invoicing: InvoicingMode;
  readonly orderDaysAhead: number;
  readonly noticeDays: number;
  readonly note: string | null;
}

export interface PauseRow {
  readonly id: string;
  readonly from: string;
  readonly until: string | null;
  readonly side: AgreementSide;
  readonly createdBy: string;
  readonly reason: string | null;
  readonly createdAt: Date;
  readonly resumedBy: string | null;
}

export interface ChangeRow {
  readonly id: string;
  readonly deliveryDate: string;
  readonly kind: DeliveryChangeKind;
  readonly substituteSkuId: string | null;
  readonly quantity: number | null;
  readonly unitPriceFen: number | null;
  readonly status: DeliveryChangeStatus;
  readonly proposedSide: AgreementSide;
  readonly proposedBy: string;
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  readonly note: string | null;
  readonly createdAt: Date;
}

export interface DeliveryRow {
  readonly id: string;
  readonly deliveryDate: string;
  readonly outcome: DeliveryOutcome;
  readonly buyerOrderId: string | null;
  readonly version: number;
  readonly skuId: string;
  readonly quantity: number;
  readonly unitPriceFen: number | null;
  readonly changeId: string | null;
  readonly reason: string | null;
  readonly createdAt: Date;
}

export interface HoldRow {
  readonly deliveryDate: string;
  readonly lotId: string;
  readonly skuId: string;
  readonly quantity: number;
}

/** Everything that decides an agreement's deliveries, read in one go (under the agreement's row lock when changing it). */
export interface AgreementState {
  readonly agreement: AgreementRow;
  readonly versions: readonly TermsRow[];
  readonly pauses: readonly PauseRow[];
  readonly changes: readonly ChangeRow[];
  readonly deliveries: readonly DeliveryRow[];
  readonly holds: readonly HoldRow[];
}

/** One scheduled delivery as it stands: the terms that govern it, with an accepted skip or substitution applied. */
export interface PlannedDelivery {
  readonly date: string;
  readonly terms: TermsRow;
  readonly skuId: string;
  readonly quantity: number;
  /** A substitution's agreed unit price; otherwise the terms' price rule applies. */
  readonly unitPriceFen: number | null;
  readonly change: ChangeRow | null;
  readonly skipped: boolean;
}

const day = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const when = (v: unknown): Date | null => (v ? new Date(v as string) : null);
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toAgreement(r: Record<string, unknown>): AgreementRow {
  return {
    id: r.id as string,
    number: r.number as string,
    buyerId: r.buyer_id as string,
    supplierId: r.supplier_id as string,
    status: r.status as AgreementStatus,
    proposedSide: r.proposed_side as AgreementSide,
    createdBy: r.created_by as string,
    currentVersion: num(r.current_version),
    committedBy: (r.committed_by as string | null) ?? null,
    activatedAt: when(r.activated_at),
    terminatesOn: day(r.terminates_on),
    terminatedSide: (r.terminated_side as AgreementSide | null) ?? null,
    terminatedBy: (r.terminated_by as string | null) ?? null,
    terminationReason: (r.termination_reason as string | null) ?? null,
    closedAt: when(r.closed_at),
    commitmentId: (r.commitment_id as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
  };
}

export function toTerms(r: Record<string, unknown>): TermsRow {
  const price: PriceRule =
    r.price_kind === 'fixed'
      ? { kind: 'fixed', unitPriceFen: Number(r.unit_price_fen) }
      : { kind: 'reference_band', basePriceFen: Number(r.base_price_fen), bandPermille: Number(r.band_permille) };
  const schedule: Schedule =
    r.schedule_kind === 'weekly' ? { kind: 'weekly', weekdays: (r.weekdays as number[]).map(Number) } : { kind: 'dates', dates: (r.dates as string[]).map(String) };
  return {
    version: Number(r.version),
    status: r.status as TermsStatus,
    proposedSide: r.proposed_side as AgreementSide,
    proposedBy: r.proposed_by as string,
    proposedAt: new Date(r.proposed_at as string),
    decidedBy: (r.decided_by as string | null) ?? null,
    decidedAt: when(r.decided_at),
    decisionNote: (r.decision_note as string | null) ?? null,
    effectiveFrom: String(r.effective_from),
    skuId: r.sku_id as string,
    quantity: Number(r.quantity),
    price,
    schedule,
    deliverySiteId: (r.delivery_site_id as string | null) ?? null,
    startDate: String(r.starts_on),
    endDate: String(r.ends_on),
    paymentMethod: r.payment_method as AgreementPaymentMethod,
    invoicing: r.invoicing as InvoicingMode,
    orderDaysAhead: Number(r.order_days_ahead),
    noticeDays: Number(r.notice_days),
    note: (r.note as string | null) ?? null,
  };
}

/** Every `date` column read as text, so calendar days never pass through a time zone. */
const VERSION_COLUMNS = `version, status, proposed_side, proposed_by, proposed_at, decided_by, decided_at, decision_note, effective_from::text AS effective_from,
  sku_id, quantity, price_kind, unit_price_fen, base_price_fen, band_permille, schedule_kind, weekdays, dates::text[] AS dates, delivery_site_id,
  starts_on::text AS starts_on, ends_on::text AS ends_on, payment_method, invoicing, order_days_ahead, notice_days, note`;

/**
 * Reading an agreement with everything that decides its deliveries, the schedule as it stands, and
 * the stock held for its coming deliveries. Shared by the API (proposals, changes) and the worker
 * (generation), which both lock the agreement row before changing anything that hangs off it.
 */
export class AgreementRepository {
  constructor(private readonly stock = new StockRepository()) {}

  async load(db: EntityManager, agreementId: string, lock = false): Promise<AgreementState | null> {
    const [a] = await db.query(
      `SELECT *, terminates_on::text AS terminates_on FROM agreements WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [agreementId],
    );
    if (!a) return null;
    // One query at a time: inside a transaction they share one connection.
    const versions: Array<Record<string, unknown>> = await db.query(`SELECT ${VERSION_COLUMNS} FROM agreement_versions WHERE agreement_id = $1 ORDER BY version`, [agreementId]);
    const pauses: Array<Record<string, unknown>> = await db.query(`SELECT id, from_date::text AS from_date, until_date::text AS until_date, side, created_by, reason, created_at, resumed_by FROM agreement_pauses WHERE agreement_id = $1 ORDER BY from_date, created_at`, [agreementId]);
    const changes: Array<Record<string, unknown>> = await db.query(
      `SELECT id, delivery_date::text AS delivery_date, kind, substitute_sku_id, quantity, unit_price_fen, status, proposed_side, proposed_by, decided_by, decided_at, note, created_at
         FROM agreement_delivery_changes WHERE agreement_id = $1 ORDER BY delivery_date, created_at`,
      [agreementId],
    );
    const deliveries: Array<Record<string, unknown>> = await db.query(
      `SELECT id, delivery_date::text AS delivery_date, outcome, buyer_order_id, version, sku_id, quantity, unit_price_fen, change_id, reason, created_at
         FROM agreement_deliveries WHERE agreement_id = $1 ORDER BY delivery_date`,
      [agreementId],
    );
    const holds: Array<Record<string, unknown>> = await db.query(`SELECT delivery_date::text AS delivery_date, lot_id, sku_id, quantity FROM agreement_holds WHERE agreement_id = $1 ORDER BY delivery_date, lot_id`, [agreementId]);
    return {
      agreement: toAgreement(a),
      versions: versions.map(toTerms),
      pauses: pauses.map((p) => ({
        id: p.id as string,
        from: String(p.from_date),
        until: day(p.until_date),
        side: p.side as AgreementSide,
        createdBy: p.created_by as string,
        reason: (p.reason as string | null) ?? null,
        createdAt: new Date(p.created_at as string),
        resumedBy: (p.resumed_by as string | null) ?? null,
      })),
      changes: changes.map((c) => ({
        id: c.id as string,
        deliveryDate: String(c.delivery_date),
        kind: c.kind as DeliveryChangeKind,
        substituteSkuId: (c.substitute_sku_id as string | null) ?? null,
        quantity: num(c.quantity),
        unitPriceFen: num(c.unit_price_fen),
        status: c.status as DeliveryChangeStatus,
        proposedSide: c.proposed_side as AgreementSide,
        proposedBy: c.proposed_by as string,
        decidedBy: (c.decided_by as string | null) ?? null,
        decidedAt: when(c.decided_at),
        note: (c.note as string | null) ?? null,
        createdAt: new Date(c.created_at as string),
      })),
      deliveries: deliveries.map((d) => ({
        id: d.id as string,
        deliveryDate: String(d.delivery_date),
        outcome: d.outcome as DeliveryOutcome,
        buyerOrderId: (d.buyer_order_id as string | null) ?? null,
        version: Number(d.version),
        skuId: d.sku_id as string,
        quantity: Number(d.quantity),
        unitPriceFen: num(d.unit_price_fen),
        changeId: (d.change_id as string | null) ?? null,
        reason: (d.reason as string | null) ?? null,
        createdAt: new Date(d.created_at as string),
      })),
      holds: holds.map((h) => ({ deliveryDate: String(h.delivery_date), lotId: h.lot_id as string, skuId: h.sku_id as string, quantity: Number(h.quantity) })),
    };
  }

  /** The accepted versions, oldest first. */
  accepted(state: AgreementState): TermsRow[] {
    return state.versions.filter((v) => v.status === 'accepted');
  }

  /** The last day anything may be delivered: the latest terms' end, or an earlier termination. */
  lastDay(state: AgreementState): string | null {
    const accepted = this.accepted(state);
    if (accepted.length === 0) return null;
    const end = accepted.reduce((a, v) => (v.effectiveFrom >= a.effectiveFrom ? v : a)).endDate;
    return state.agreement.terminatesOn && state.agreement.terminatesOn < end ? state.agreement.terminatesOn : end;
  }

  /** The scheduled days within the window under the accepted terms, pauses and any termination. */
  scheduled(state: AgreementState, from: string, to: string): ScheduledDelivery[] {
    const pauses: DayRange[] = state.pauses.map((p) => ({ from: p.from, until: p.until }));
    return expandDeliveries(this.accepted(state), pauses, { from, to }, state.agreement.terminatesOn);
  }

  plan(state: AgreementState, delivery: ScheduledDelivery): PlannedDelivery {
    const terms = state.versions.find((v) => v.version === delivery.version)!;
    const change = state.changes.find((c) => c.deliveryDate === delivery.date && c.status === 'accepted') ?? null;
    return {
      date: delivery.date,
      terms,
      skuId: change?.kind === 'substitute' && change.substituteSkuId ? change.substituteSkuId : terms.skuId,
      quantity: change?.kind === 'substitute' && change.quantity ? change.quantity : terms.quantity,
      unitPriceFen: change?.kind === 'substitute' ? change.unitPriceFen : null,
      change,
      skipped: change?.kind === 'skip',
    };
  }

  /**
   * Holds stock for the deliveries of the coming AGREEMENT_HOLD_DAYS_AHEAD days that have none yet,
   * each all or nothing, earliest harvest first; releases holds no longer wanted (skipped, paused,
   * ended, changed). The caller holds the agreement's row lock and passes the state read under it.
   */
  async syncHolds(tx: EntityManager, state: AgreementState, today: string): Promise<{ held: string[]; short: string[]; released: number }> {
    const running = RUNNING_AGREEMENT_STATUSES.includes(state.agreement.status);
    const decided = new Set(state.deliveries.map((d) => d.deliveryDate));
    const wanted = new Map<string, { skuId: string; quantity: number }>();
    if (running) {
      for (const d of this.scheduled(state, today, addDays(today, AGREEMENT_HOLD_DAYS_AHEAD))) {
        if (decided.has(d.date)) continue;
        const p = this.plan(state, d);
        if (!p.skipped) wanted.set(d.date, { skuId: p.skuId, quantity: p.quantity });
      }
    }
    const existing = new Map<string, HoldRow[]>();
    for (const h of state.holds) existing.set(h.deliveryDate, [...(existing.get(h.deliveryDate) ?? []), h]);
    await this.stock.lockSkus(tx, [...[...wanted.values()].map((w) => w.skuId), ...state.holds.map((h) => h.skuId)]);

    let released = 0;
    const stale: string[] = [];
    for (const [date, rows] of existing) {
      const want = wanted.get(date);
      const fits = want && rows.every((r) => r.skuId === want.skuId) && rows.reduce((a, r) => a + r.quantity, 0) === want.quantity;
      if (!fits) stale.push(date);
    }
    if (stale.length) released = await this.release(tx, state.agreement.id, stale);

    const held: string[] = [];
    const short: string[] = [];
    for (const [date, want] of [...wanted].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (existing.has(date) && !stale.includes(date)) continue;
      const { shortages, takes } = await this.stock.reserve(tx, [want]);
      if (shortages.length) {
        short.push(date);
        continue;
      }
      await this.insertHolds(tx, state.agreement.id, date, takes);
      held.push(date);
    }
    return { held, short, released };
  }

  /** Hands the units held for these days back to their lots. */
  async release(tx: EntityManager, agreementId: string, dates?: readonly string[]): Promise<number> {
    const rows: Array<{ lot_id: string; sku_id: string; quantity: number }> = await tx.query(
      // A CTE, because TypeORM answers a bare DELETE … RETURNING with [rows, count].
      `WITH gone AS (DELETE FROM agreement_holds WHERE agreement_id = $1 ${dates ? 'AND delivery_date = ANY($2::date[])' : ''} RETURNING lot_id, sku_id, quantity) SELECT * FROM gone`,
      dates ? [agreementId, dates] : [agreementId],
    );
    return this.stock.restore(tx, rows.map((r) => ({ lotId: r.lot_id, skuId: r.sku_id, quantity: r.quantity })));
  }

  /** Takes the hold of one day off the agreement, for the order that now carries those units. */
  async consumeHold(tx: EntityManager, agreementId: string, date: string): Promise<LotTake[]> {
    const rows: Array<{ lot_id: string; sku_id: string; quantity: number }> = await tx.query(
      `WITH gone AS (DELETE FROM agreement_holds WHERE agreement_id = $1 AND delivery_date = $2 RETURNING lot_id, sku_id, quantity) SELECT * FROM gone`,
      [agreementId, date],
    );
    return rows.map((r) => ({ lotId: r.lot_id, skuId: r.sku_id, quantity: r.quantity }));
  }

  async insertHolds(tx: EntityManager, agreementId: string, date: string, takes: readonly LotTake[]): Promise<void> {
    await tx.query(
      `INSERT INTO agreement_holds (agreement_id, delivery_date, lot_id, sku_id, quantity)
       SELECT $1, $2, t.lot_id, t.sku_id, t.qty FROM unnest($3::uuid[], $4::uuid[], $5::int[]) AS t(lot_id, sku_id, qty)`,
      [agreementId, date, takes.map((t) => t.lotId), takes.map((t) => t.skuId), takes.map((t) => t.quantity)],
    );
  }

  /** Agreements in which deliveries are generated (active or paused), oldest first. */
  async runningIds(db: EntityManager, limit = 10_000): Promise<string[]> {
    const rows: Array<{ id: string }> = await db.query(`SELECT id FROM agreements WHERE status IN ('active', 'paused') ORDER BY created_at LIMIT $1`, [limit]);
    return rows.map((r) => r.id);
  }
}
