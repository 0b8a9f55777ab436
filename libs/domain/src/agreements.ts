import { addDays, isIsoDay } from './calendar';
import { assertFen } from './money';

/**
 * Procurement agreements (订单式销售 / 长期采购): a buyer organisation and a cooperative agree on one SKU,
 * a quantity per delivery, a price rule, a delivery schedule over a period and how each delivery is
 * paid. The worker turns each scheduled delivery into an ordinary order ahead of its date.
 */

export const AGREEMENT_SIDES = ['buyer', 'supplier'] as const;
export type AgreementSide = (typeof AGREEMENT_SIDES)[number];

export const otherSide = (side: AgreementSide): AgreementSide => (side === 'buyer' ? 'supplier' : 'buyer');

export const AGREEMENT_STATUSES = ['proposed', 'active', 'paused', 'ended', 'completed', 'declined', 'withdrawn'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/**
 * proposed: one side proposed the first terms; the other side accepts or declines, the proposer may withdraw.
 * active: deliveries are scheduled, stock is held ahead and orders are generated.
 * paused: an open-ended pause is in force (from its first day); resuming makes it active again.
 * ended: terminated early by either side under the notice terms, once its last delivery day has passed.
 * completed: the period ran out.
 */
export const AGREEMENT_TRANSITIONS: Record<AgreementStatus, readonly AgreementStatus[]> = {
  proposed: ['active', 'declined', 'withdrawn'],
  active: ['paused', 'ended', 'completed'],
  paused: ['active', 'ended', 'completed'],
  ended: [],
  completed: [],
  declined: [],
  withdrawn: [],
};

/** Statuses in which deliveries are generated and stock is held. */
export const RUNNING_AGREEMENT_STATUSES: readonly AgreementStatus[] = ['active', 'paused'];

/** A version of the terms: the first proposal, or an amendment. Accepted versions are the history. */
export const TERMS_STATUSES = ['proposed', 'accepted', 'declined', 'withdrawn'] as const;
export type TermsStatus = (typeof TERMS_STATUSES)[number];
export const TERMS_TRANSITIONS: Record<TermsStatus, readonly TermsStatus[]> = {
  proposed: ['accepted', 'declined', 'withdrawn'],
  accepted: [],
  declined: [],
  withdrawn: [],
};

/** A skip or a substitution for one delivery date: proposed by one side, consented to by the other. */
export const DELIVERY_CHANGE_KINDS = ['skip', 'substitute'] as const;
export type DeliveryChangeKind = (typeof DELIVERY_CHANGE_KINDS)[number];
export const DELIVERY_CHANGE_STATUSES = ['proposed', 'accepted', 'declined', 'withdrawn'] as const;
export type DeliveryChangeStatus = (typeof DELIVERY_CHANGE_STATUSES)[number];
export const DELIVERY_CHANGE_TRANSITIONS: Record<DeliveryChangeStatus, readonly DeliveryChangeStatus[]> = {
  proposed: ['accepted', 'declined', 'withdrawn'],
  accepted: [],
  declined: [],
  withdrawn: [],
};

/** What happened to one scheduled delivery date (one row per agreement and date, written once). */
export const DELIVERY_OUTCOMES = ['ordered', 'skipped', 'missed'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/** Pre-harvest commitments (预购): a buyer commits a quantity of a SKU for a coming harvest month. */
export const COMMITMENT_STATUSES = ['open', 'acknowledged', 'declined', 'cancelled', 'converted'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
/** converted → open | acknowledged: the agreement proposal it became was declined or withdrawn, so the demand stands again. */
export const COMMITMENT_TRANSITIONS: Record<CommitmentStatus, readonly CommitmentStatus[]> = {
  open: ['acknowledged', 'declined', 'cancelled', 'converted'],
  acknowledged: ['converted', 'cancelled'],
  declined: [],
  cancelled: [],
  converted: ['open', 'acknowledged'],
};

export const AGREEMENT_PAYMENT_METHODS = ['card', 'wechat_pay', 'alipay', 'invoice'] as const;
export type AgreementPaymentMethod = (typeof AGREEMENT_PAYMENT_METHODS)[number];
/** per_delivery: each delivery's order is paid (or invoiced) on its own; monthly: invoices wait for the month's statement day. */
export const INVOICING_MODES = ['per_delivery', 'monthly'] as const;
export type InvoicingMode = (typeof INVOICING_MODES)[number];

/** Stock is held out of open sale for scheduled deliveries this many days ahead (today included). */
export const AGREEMENT_HOLD_DAYS_AHEAD = 14;
/** The longest agreement period, and the most dates a date-list schedule may name. */
export const MAX_AGREEMENT_DAYS = 366;
export const MAX_ORDER_DAYS_AHEAD = 30;
export const MAX_NOTICE_DAYS = 90;
export const MAX_BAND_PERMILLE = 500;

// ---------------------------------------------------------------- price rules

export type PriceRule =
  | { readonly kind: 'fixed'; readonly unitPriceFen: number }
  /** The SKU's list price for the quantity on the day the order is generated, kept within ± band‰ of the base. */
  | { readonly kind: 'reference_band'; readonly basePriceFen: number; readonly bandPermille: number };

export const PRICE_KINDS = ['fixed', 'reference_band'] as const;

/** The lowest and highest unit price a reference-price rule allows, in whole fen inside the band. */
export function priceBand(basePriceFen: number, bandPermille: number): { floorFen: number; ceilingFen: number } {
  assertFen(basePriceFen, 'base price');
  if (!Number.isSafeInteger(bandPermille) || bandPermille < 0 || bandPermille > 1000) throw new RangeError(`band must be 0-1000‰, got ${bandPermille}`);
  // BigInt keeps base × (1000 ± band) exact; the floor rounds up and the ceiling down, so both stay inside the band.
  const floor = BigInt(basePriceFen) * BigInt(1000 - bandPermille);
  const ceiling = BigInt(basePriceFen) * BigInt(1000 + bandPermille);
  return { floorFen: Number((floor + 999n) / 1000n), ceilingFen: Number(ceiling / 1000n) };
}

/** The unit price of a delivery: the fixed price, or the reference price clamped to the band. */
export function agreementUnitPriceFen(rule: PriceRule, referenceUnitFen: number): number {
  if (rule.kind === 'fixed') return assertFen(rule.unitPriceFen, 'fixed price');
  assertFen(referenceUnitFen, 'reference price');
  const { floorFen, ceilingFen } = priceBand(rule.basePriceFen, rule.bandPermille);
  return Math.min(ceilingFen, Math.max(floorFen, referenceUnitFen));
}

// ---------------------------------------------------------------- schedules

export type Schedule = { readonly kind: 'weekly'; readonly weekdays: readonly number[] } | { readonly kind: 'dates'; readonly dates: readonly string[] };
export const SCHEDULE_KINDS = ['weekly', 'dates'] as const;

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The days a schedule delivers on within [from, to] (inclusive), ascending. */
export function scheduleDates(schedule: Schedule, from: string, to: string): string[] {
  if (from > to) return [];
  if (schedule.kind === 'dates') return [...new Set(schedule.dates)].filter((d) => d >= from && d <= to).sort();
  const wanted = new Set(schedule.weekdays);
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (wanted.has(isoWeekday(d))) out.push(d);
  return out;
}

/** A closed or open-ended range of days (inclusive) without deliveries. */
export interface DayRange {
  readonly from: string;
  readonly until: string | null;
}

export const inRange = (day: string, r: DayRange): boolean => day >= r.from && (r.until === null || day <= r.until);

/** The part of an accepted terms version that decides which days deliver. */
export interface ScheduledTerms {
  readonly version: number;
  /** The first day this version governs; the next accepted version takes over from its own. */
  readonly effectiveFrom: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly schedule: Schedule;
}

export interface ScheduledDelivery {
  readonly date: string;
  /** The terms version that governs it. */
  readonly version: number;
}

/**
 * Every scheduled delivery within the window: each accepted version governs from its effective day
 * until the next version's, within its own period; paused ranges deliver nothing, and nothing is
 * delivered after `lastDay` (a termination).
 */
export function expandDeliveries(
  versions: readonly ScheduledTerms[],
  pauses: readonly DayRange[],
  window: { readonly from: string; readonly to: string },
  lastDay: string | null = null,
): ScheduledDelivery[] {
  const ordered = [...versions].sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? a.version - b.version : a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  const out: ScheduledDelivery[] = [];
  ordered.forEach((v, i) => {
    const next = ordered.slice(i + 1).find((n) => n.effectiveFrom > v.effectiveFrom);
    // Two versions effective the same day: the later version wins.
    if (ordered.slice(i + 1).some((n) => n.effectiveFrom === v.effectiveFrom)) return;
    const from = [v.effectiveFrom, v.startDate, window.from].reduce((a, b) => (a > b ? a : b));
    const to = [v.endDate, window.to, ...(next ? [addDays(next.effectiveFrom, -1)] : []), ...(lastDay ? [lastDay] : [])].reduce((a, b) => (a < b ? a : b));
    if (from > to) return;
    for (const date of scheduleDates(v.schedule, from, to)) {
      if (!pauses.some((p) => inRange(date, p))) out.push({ date, version: v.version });
    }
  });
  return out;
}

// ---------------------------------------------------------------- terms

export interface AgreementTerms {
  readonly quantity: number;
  readonly price: PriceRule;
  readonly schedule: Schedule;
  readonly startDate: string;
  readonly endDate: string;
  readonly paymentMethod: AgreementPaymentMethod;
  readonly invoicing: InvoicingMode;
  readonly orderDaysAhead: number;
  readonly noticeDays: number;
}

export interface TermsProblem {
  readonly field: string;
  readonly reason: string;
}

/**
 * What is wrong with proposed terms, each problem naming the request field. `earliestStart` is the
 * first day a new version may govern (today for a new agreement). SKU facts (minimum, multiple, lead
 * time) are checked by the caller, which knows the SKU.
 */
export function checkTerms(t: AgreementTerms, earliestStart: string): TermsProblem[] {
  const problems: TermsProblem[] = [];
  const add = (field: string, reason: string): void => void problems.push({ field, reason });
  if (!isIsoDay(t.startDate)) add('startDate', 'must be a real calendar date YYYY-MM-DD');
  if (!isIsoDay(t.endDate)) add('endDate', 'must be a real calendar date YYYY-MM-DD');
  if (problems.length) return problems;
  if (t.endDate < t.startDate) add('endDate', `must not be before startDate ${t.startDate}`);
  else if (daysBetween(t.startDate, t.endDate) + 1 > MAX_AGREEMENT_DAYS) add('endDate', `an agreement runs at most ${MAX_AGREEMENT_DAYS} days; amend it to extend later`);
  if (t.endDate < earliestStart) add('endDate', `must not be before ${earliestStart}`);
  if (!Number.isSafeInteger(t.quantity) || t.quantity < 1) add('quantity', 'must be a positive whole number of units');

  if (t.price.kind === 'fixed') {
    if (!Number.isSafeInteger(t.price.unitPriceFen) || t.price.unitPriceFen < 1) add('price.unitPriceFen', 'a fixed price needs a positive unitPriceFen');
  } else {
    if (!Number.isSafeInteger(t.price.basePriceFen) || t.price.basePriceFen < 1) add('price.basePriceFen', 'a reference price needs a positive basePriceFen');
    if (!Number.isSafeInteger(t.price.bandPermille) || t.price.bandPermille < 0 || t.price.bandPermille > MAX_BAND_PERMILLE) {
      add('price.bandPermille', `the band is 0-${MAX_BAND_PERMILLE}‰ around the base price`);
    }
  }

  if (t.schedule.kind === 'weekly') {
    const days = t.schedule.weekdays;
    if (days.length === 0) add('schedule.weekdays', 'name at least one weekday (1 = Monday … 7 = Sunday)');
    days.forEach((d, i) => {
      if (!Number.isInteger(d) || d < 1 || d > 7) add(`schedule.weekdays[${i}]`, 'weekdays are 1 (Monday) to 7 (Sunday)');
      else if (days.indexOf(d) !== i) add(`schedule.weekdays[${i}]`, `weekday ${d} is named twice`);
    });
  } else {
    const dates = t.schedule.dates;
    if (dates.length === 0) add('schedule.dates', 'name at least one delivery date');
    if (dates.length > MAX_AGREEMENT_DAYS) add('schedule.dates', `at most ${MAX_AGREEMENT_DAYS} dates`);
    dates.forEach((d, i) => {
      if (!isIsoDay(d)) add(`schedule.dates[${i}]`, 'must be a real calendar date YYYY-MM-DD');
      else if (d < t.startDate || d > t.endDate) add(`schedule.dates[${i}]`, `${d} is outside the period ${t.startDate} … ${t.endDate}`);
      else if (dates.indexOf(d) !== i) add(`schedule.dates[${i}]`, `${d} is named twice`);
    });
  }
  if (problems.length === 0 && scheduleDates(t.schedule, t.startDate > earliestStart ? t.startDate : earliestStart, t.endDate).length === 0) {
    add('schedule', 'the schedule has no delivery day within the period');
  }

  if (t.invoicing === 'monthly' && t.paymentMethod !== 'invoice') add('invoicing', 'monthly invoicing needs paymentMethod "invoice" (net terms)');
  if (!Number.isInteger(t.orderDaysAhead) || t.orderDaysAhead < 0 || t.orderDaysAhead > MAX_ORDER_DAYS_AHEAD) add('orderDaysAhead', `0-${MAX_ORDER_DAYS_AHEAD} days`);
  if (!Number.isInteger(t.noticeDays) || t.noticeDays < 0 || t.noticeDays > MAX_NOTICE_DAYS) add('noticeDays', `0-${MAX_NOTICE_DAYS} days`);
  return problems;
}

// ---------------------------------------------------------------- generation timing

/**
 * When a delivery's order is generated: from `orderDaysAhead` days before the delivery (never later
 * than the SKU's lead time allows) until the last day the lead time still allows (`closesOn`). A
 * delivery not generated by then is missed.
 */
export function generationWindow(deliveryDate: string, orderDaysAhead: number, leadTimeDays: number): { opensOn: string; closesOn: string } {
  return { opensOn: addDays(deliveryDate, -Math.max(orderDaysAhead, leadTimeDays)), closesOn: addDays(deliveryDate, -leadTimeDays) };
}

export type GenerationState = 'not_yet' | 'due' | 'missed';

export function generationState(today: string, deliveryDate: string, orderDaysAhead: number, leadTimeDays: number): GenerationState {
  const { opensOn, closesOn } = generationWindow(deliveryDate, orderDaysAhead, leadTimeDays);
  if (today < opensOn) return 'not_yet';
  return today <= closesOn ? 'due' : 'missed';
}

/** The first day of the month after `day`: the statement day on which a month's invoices are issued. */
export function statementDay(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Midnight starting `day` in China Standard Time, as an instant. */
export function cstStartOfDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`));
}

/** The earliest day a pause, termination or amendment may take effect: today plus the notice the terms ask for. */
export function earliestUnderNotice(today: string, noticeDays: number): string {
  return addDays(today, noticeDays);
}

/** A delivery is on time when its goods were received on or before the delivery date (China Standard Time). */
export function deliveredOnTime(receivedDay: string, deliveryDate: string): boolean {
  return receivedDay <= deliveryDate;
}

// ---------------------------------------------------------------- commitments

/** A harvest month `YYYY-MM` → its first day. */
export function monthStart(month: string): string | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return null;
  return `${month}-01`;
}

// ---------------------------------------------------------------- one-off orders and held stock

/** Why a one-off order's line is short, saying plainly when units are held for agreements. */
export function describeShortage(s: { readonly available: number; readonly requested: number; readonly heldForAgreements: number }): string {
  const base = `${s.available} units available, ${s.requested} requested`;
  if (s.heldForAgreements <= 0) return base;
  return `${base}; ${s.heldForAgreements} more units are reserved for procurement agreements (订单式销售) and cannot be sold to one-off orders`;
}
