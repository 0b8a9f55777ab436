import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import {
  addDays,
  AGREEMENT_TRANSITIONS,
  agreementUnitPriceFen,
  assertFen,
  assertTransition,
  businessDay,
  cstStartOfDay,
  deliveryFeeFen,
  distanceBand,
  generationState,
  generationWindow,
  MAX_ORDER_DAYS_AHEAD,
  RUNNING_AGREEMENT_STATUSES,
  statementDay,
  unitPriceFor,
} from '@shanhai/domain';
import type { AgreementStatus, BuyerOrderStatus } from '@shanhai/domain';
import {
  AgreementRepository,
  AgreementState,
  InvoiceJob,
  LotTake,
  OrderPlacementRepository,
  PlannedDelivery,
  QUEUES,
  ReservationJob,
  SkuOffer,
  SkuOfferRepository,
  StockRepository,
} from '@shanhai/persistence';

/** What the worker's clock reads; tests move it through a month. */
export const AGREEMENT_CLOCK = Symbol('AGREEMENT_CLOCK');
export type Clock = () => Date;

/** A card or wallet delivery is held for payment at least this long after its order is generated. */
const MIN_PAYMENT_WINDOW_MS = 2 * 3600_000;

export interface GenerationReport {
  readonly agreements: number;
  readonly ordered: number;
  readonly skipped: number;
  readonly missed: number;
  readonly blocked: number;
  readonly held: number;
  readonly closed: number;
}

type Attempt =
  | { readonly kind: 'ordered'; readonly buyerOrderId: string; readonly invoiceId: string | null; readonly dueAt: Date | null }
  | { readonly kind: 'skipped' | 'exists' | 'not_scheduled' | 'stopped' }
  | { readonly kind: 'blocked'; readonly reason: string };

/** Thrown inside a generation transaction to roll it back (the order it wrote included). */
class Abandon extends Error {
  constructor(readonly attempt: Attempt) {
    super('abandon');
  }
}

/**
 * Turns each scheduled delivery of a running agreement into an ordinary order ahead of its date:
 * the same buyer order, supplier order and lines as a checkout (OrderPlacementRepository), paid by
 * card or wallet (awaiting payment until the cut-off) or opened on net terms with a draft invoice
 * (issued at once, or on the month's statement day). Each delivery is written in its own
 * transaction under the agreement's row lock, together with its `agreement_deliveries` row, whose
 * unique (agreement_id, delivery_date) key makes it exactly once whatever runs twice.
 */
@Injectable()
export class AgreementGenerator {
  private readonly logger = new Logger(AgreementGenerator.name);
  private readonly agreements = new AgreementRepository();
  private readonly placement = new OrderPlacementRepository();
  private readonly offers = new SkuOfferRepository();
  private readonly stock = new StockRepository();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.reservations) private readonly reservations: Queue<ReservationJob>,
    @InjectQueue(QUEUES.invoices) private readonly invoices: Queue<InvoiceJob>,
    @Inject(AGREEMENT_CLOCK) private readonly clock: Clock,
  ) {}

  async sweep(): Promise<GenerationReport> {
    const ids = await this.agreements.runningIds(this.db.manager);
    const total = { agreements: 0, ordered: 0, skipped: 0, missed: 0, blocked: 0, held: 0, closed: 0 };
    for (const id of ids) {
      try {
        const r = await this.generate(id);
        for (const k of Object.keys(total) as Array<keyof GenerationReport>) total[k] += r[k];
      } catch (err) {
        // One agreement's trouble must not stop the others; the next sweep tries it again.
        this.logger.error({ err, agreementId: id }, 'agreement generation failed');
      }
    }
    return total;
  }

  async generate(agreementId: string): Promise<GenerationReport> {
    const now = this.clock();
    const today = businessDay(now);
    const report = { agreements: 1, ordered: 0, skipped: 0, missed: 0, blocked: 0, held: 0, closed: 0 };

    // 1. Hold stock for the coming days (or release it all when the agreement stopped running).
    await this.db.transaction(async (tx) => {
      const state = await this.agreements.load(tx, agreementId, true);
      if (!state) return;
      if (!RUNNING_AGREEMENT_STATUSES.includes(state.agreement.status)) {
        await this.agreements.release(tx, agreementId);
        return;
      }
      report.held = (await this.agreements.syncHolds(tx, state, today)).held.length;
    });

    // 2. Deliveries whose generation window is open (or has passed unnoticed).
    const state = await this.agreements.load(this.db.manager, agreementId);
    if (!state || !RUNNING_AGREEMENT_STATUSES.includes(state.agreement.status)) return report;
    const accepted = this.agreements.accepted(state);
    if (accepted.length === 0) return report;
    const from = accepted.reduce((a, v) => (v.startDate < a ? v.startDate : a), accepted[0].startDate);
    const decided = new Set(state.deliveries.map((d) => d.deliveryDate));
    const offers = await this.offers.byIds(this.db.manager, [...new Set(accepted.map((v) => v.skuId).concat(state.changes.flatMap((c) => (c.substituteSkuId ? [c.substituteSkuId] : []))))]);
    // Far enough ahead for the longest notice and lead time an agreement may have.
    const horizon = addDays(today, MAX_ORDER_DAYS_AHEAD + Math.max(0, ...[...offers.values()].map((o) => o.leadTimeDays)));
    for (const scheduled of this.agreements.scheduled(state, from, horizon)) {
      if (decided.has(scheduled.date)) continue;
      const planned = this.agreements.plan(state, scheduled);
      const lead = offers.get(planned.skuId)?.leadTimeDays ?? 0;
      const timing = generationState(today, scheduled.date, planned.terms.orderDaysAhead, lead);
      if (timing === 'not_yet') continue;
      if (timing === 'missed') {
        if (await this.recordMissed(agreementId, planned, lead)) report.missed++;
        continue;
      }
      const attempt = await this.attempt(agreementId, scheduled.date, now);
      if (attempt.kind === 'ordered') {
        report.ordered++;
        await this.afterCommit(attempt);
      } else if (attempt.kind === 'skipped') report.skipped++;
      else if (attempt.kind === 'blocked') {
        report.blocked++;
        this.logger.warn({ agreementId, deliveryDate: scheduled.date, reason: attempt.reason }, 'agreement delivery not generated yet');
      }
    }

    // 3. An agreement whose last day has passed is over.
    report.closed = (await this.closeIfOver(agreementId, today)) ? 1 : 0;
    if (report.ordered || report.missed || report.closed) this.logger.log({ agreementId, ...report }, 'agreement deliveries generated');
    return report;
  }

  /** One delivery, in one transaction: the order, its stock (the hold, else free stock) and the delivery row. */
  private async attempt(agreementId: string, date: string, now: Date): Promise<Attempt> {
    try {
      return await this.db.transaction(async (tx): Promise<Attempt> => {
        const state = await this.agreements.load(tx, agreementId, true);
        if (!state || !RUNNING_AGREEMENT_STATUSES.includes(state.agreement.status)) return { kind: 'stopped' };
        if (state.deliveries.some((d) => d.deliveryDate === date)) return { kind: 'exists' };
        const scheduled = this.agreements.scheduled(state, date, date)[0];
        if (!scheduled) return { kind: 'not_scheduled' };
        const planned = this.agreements.plan(state, scheduled);
        if (planned.skipped) {
          await this.insertDelivery(tx, agreementId, planned, 'skipped', null, null, planned.change?.note ?? 'skipped by agreement');
          await this.agreements.release(tx, agreementId, [date]);
          return { kind: 'skipped' };
        }
        return this.placeDelivery(tx, state, planned, now);
      });
    } catch (err) {
      if (err instanceof Abandon) return err.attempt;
      // Two generators raced past the lock (it cannot happen under the lock, but the key is the guarantee).
      if ((err as { driverError?: { code?: string } }).driverError?.code === '23505') return { kind: 'exists' };
      throw err;
    }
  }

  private async placeDelivery(tx: EntityManager, state: AgreementState, planned: PlannedDelivery, now: Date): Promise<Attempt> {
    const a = state.agreement;
    const terms = planned.terms;
    const offer: SkuOffer | undefined = (await this.offers.byIds(tx, [planned.skuId])).get(planned.skuId);
    if (!offer) return { kind: 'blocked', reason: 'the SKU no longer exists' };
    const [buyer] = await tx.query(`SELECT buyer_type, net_terms_days FROM organisations WHERE id = $1`, [a.buyerId]);
    const [site] = await tx.query(`SELECT id, county_code FROM delivery_sites WHERE id = $1 AND organisation_id = $2`, [terms.deliverySiteId, a.buyerId]);
    if (!site) return { kind: 'blocked', reason: 'the delivery site is gone' };
    if (terms.paymentMethod === 'invoice' && buyer.net_terms_days === null) return { kind: 'blocked', reason: 'the buyer is no longer approved to pay by invoice (net terms withdrawn)' };

    const reference = unitPriceFor(offer.priceFen, offer.priceTiers, planned.quantity);
    const unitPriceFen = planned.unitPriceFen ?? agreementUnitPriceFen(terms.price, reference);
    const lineFen = assertFen(unitPriceFen * planned.quantity, 'line amount');
    const weightG = offer.netWeightG * planned.quantity;
    const band = distanceBand(offer.supplierCountyCode, site.county_code);
    const fee = deliveryFeeFen(band, weightG, lineFen);
    const invoice = terms.paymentMethod === 'invoice';
    const status: BuyerOrderStatus = invoice ? 'open' : 'awaiting_payment';
    const { closesOn } = generationWindow(planned.date, terms.orderDaysAhead, offer.leadTimeDays);
    const dueAt = invoice ? null : new Date(Math.max(cstStartOfDay(addDays(closesOn, 1)).getTime(), now.getTime() + MIN_PAYMENT_WINDOW_MS));

    const buyerOrderId = await this.placement.insert(tx, {
      organisationId: a.buyerId,
      placedBy: a.committedBy ?? a.createdBy,
      status,
      paymentMethod: terms.paymentMethod,
      deliverySiteId: site.id,
      deliveryDate: planned.date,
      siteCountyCode: site.county_code,
      buyerType: buyer.buyer_type ?? 'other',
      note: `订单式销售 ${a.number} · ${planned.date}${planned.change ? ` · 替换 substitute ${offer.skuCode}` : ''}`,
      paymentDueAt: dueAt,
      supplierOrders: [
        {
          supplierId: offer.supplierId,
          supplierCountyCode: offer.supplierCountyCode,
          produceFen: lineFen,
          deliveryFeeFen: fee,
          band,
          weightG,
          lines: [
            {
              skuId: offer.skuId,
              productId: offer.productId,
              skuCode: offer.skuCode,
              productNameZh: offer.productNameZh,
              productNameEn: offer.productNameEn,
              packingUnitZh: offer.packingUnitZh,
              categoryId: offer.categoryId,
              originCountyCode: offer.originCountyCode,
              netWeightG: offer.netWeightG,
              quantity: planned.quantity,
              unitPriceFen,
              lineFen,
            },
          ],
        },
      ],
    });

    // The units held for this day become the order's; without a (fitting) hold, free stock is tried.
    await this.stock.lockSkus(tx, [planned.skuId, ...state.holds.filter((h) => h.deliveryDate === planned.date).map((h) => h.skuId)]);
    let takes: LotTake[] = await this.agreements.consumeHold(tx, a.id, planned.date);
    const heldUnits = takes.reduce((n, t) => n + t.quantity, 0);
    if (heldUnits !== planned.quantity || takes.some((t) => t.skuId !== planned.skuId)) {
      await this.stock.restore(tx, takes);
      const reserved = await this.stock.reserve(tx, [{ skuId: planned.skuId, quantity: planned.quantity }]);
      if (reserved.shortages.length) {
        const s = reserved.shortages[0];
        throw new Abandon({ kind: 'blocked', reason: `stock short: ${s.available} units available, ${s.requested} needed` });
      }
      takes = reserved.takes;
    }
    await this.placement.recordAllocations(tx, buyerOrderId, takes);
    const invoiceId = invoice ? await this.placement.draftInvoice(tx, buyerOrderId, lineFen + fee, terms.invoicing === 'monthly' ? statementDay(planned.date) : null) : null;
    const inserted = await this.insertDelivery(tx, a.id, planned, 'ordered', buyerOrderId, unitPriceFen, null);
    if (!inserted) throw new Abandon({ kind: 'exists' });
    return { kind: 'ordered', buyerOrderId, invoiceId: terms.invoicing === 'monthly' ? null : invoiceId, dueAt };
  }

  private async insertDelivery(
    tx: EntityManager,
    agreementId: string,
    planned: PlannedDelivery,
    outcome: 'ordered' | 'skipped' | 'missed',
    buyerOrderId: string | null,
    unitPriceFen: number | null,
    reason: string | null,
  ): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO agreement_deliveries (agreement_id, delivery_date, outcome, buyer_order_id, version, sku_id, quantity, unit_price_fen, change_id, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (agreement_id, delivery_date) DO NOTHING RETURNING id`,
      [agreementId, planned.date, outcome, buyerOrderId, planned.terms.version, planned.skuId, planned.quantity, unitPriceFen, planned.change?.id ?? null, reason],
    );
    return rows.length === 1;
  }

  /** A delivery whose cut-off passed without an order: recorded once, with the likeliest reason, and its hold released. */
  private async recordMissed(agreementId: string, planned: PlannedDelivery, leadTimeDays: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const state = await this.agreements.load(tx, agreementId, true);
      if (!state || state.deliveries.some((d) => d.deliveryDate === planned.date)) return false;
      const { closesOn } = generationWindow(planned.date, planned.terms.orderDaysAhead, leadTimeDays);
      const [{ stock }] = await tx.query(`SELECT COALESCE((SELECT stock_units FROM skus WHERE id = $1), 0) AS stock`, [planned.skuId]);
      const held = state.holds.filter((h) => h.deliveryDate === planned.date).reduce((n, h) => n + h.quantity, 0);
      const reason = planned.skipped
        ? (planned.change?.note ?? 'skipped by agreement')
        : held + Number(stock) < planned.quantity
          ? `not generated by the cut-off ${closesOn}: stock short (${held + Number(stock)} of ${planned.quantity} units)`
          : `not generated by the cut-off ${closesOn}`;
      const inserted = await this.insertDelivery(tx, agreementId, planned, planned.skipped ? 'skipped' : 'missed', null, null, reason);
      await this.agreements.release(tx, agreementId, [planned.date]);
      return inserted && !planned.skipped;
    });
  }

  /** active | paused → completed (the period ran out) or ended (terminated early), once its last day has passed. */
  private async closeIfOver(agreementId: string, today: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const state = await this.agreements.load(tx, agreementId, true);
      if (!state || !RUNNING_AGREEMENT_STATUSES.includes(state.agreement.status)) return false;
      const last = this.agreements.lastDay(state);
      if (!last || last >= today) return false;
      const to: AgreementStatus = state.agreement.terminatesOn ? 'ended' : 'completed';
      assertTransition('agreement', AGREEMENT_TRANSITIONS, state.agreement.status, to);
      await tx.query(`UPDATE agreements SET status = $2, closed_at = now() WHERE id = $1`, [agreementId, to]);
      await this.agreements.release(tx, agreementId);
      return true;
    });
  }

  /** Jobs that follow a generated order, after its commit: expiry of an unpaid reservation, or issuing its invoice. */
  private async afterCommit(attempt: Extract<Attempt, { kind: 'ordered' }>): Promise<void> {
    try {
      if (attempt.dueAt) {
        await this.reservations.add(
          'expire',
          { kind: 'expire', buyerOrderId: attempt.buyerOrderId },
          { jobId: `expire-${attempt.buyerOrderId}-${attempt.dueAt.getTime()}`, delay: Math.max(0, attempt.dueAt.getTime() - Date.now()), removeOnComplete: 1000, removeOnFail: 1000, attempts: 5 },
        );
      }
      if (attempt.invoiceId) {
        await this.invoices.add('issue', { invoiceId: attempt.invoiceId }, { jobId: `invoice-${attempt.invoiceId}`, removeOnComplete: 1000, removeOnFail: 1000, attempts: 8, backoff: { type: 'exponential', delay: 2000 } });
      }
    } catch (err) {
      // The order stands; the reservation and invoice sweeps pick it up.
      this.logger.warn({ err, buyerOrderId: attempt.buyerOrderId }, 'could not enqueue the follow-up of a generated order');
    }
  }
}
