import type { AgreementTermsView, CommitmentView } from '@shanhai/contract';
import { addDays, isIsoDay, MAX_BAND_PERMILLE, type AgreementPaymentMethod, type InvoicingMode } from '@shanhai/domain';
import { fenToYuanInput, parseYuanToFen } from '@shanhai/ui';
import { parseWholeNumber } from '../../common/format';
import type { AgreementTermsBody } from './agreements.queries';

/**
 * The cooperative's terms form, used three ways: a new proposal to a buyer (`propose`, with `buyerId`), an
 * amendment of a running agreement (`amend`, with an optional `effectiveFrom`), and an agreement proposal made
 * from a pre-harvest commitment (`commitment`: the buyer and SKU are the commitment's). Everything is typed as
 * text; this file turns it into the API's body (yuan → integer fen by string arithmetic) or names the fields to fix.
 */
export type ProposalMode = 'propose' | 'amend' | 'commitment';

export const PAYMENT_METHODS: readonly AgreementPaymentMethod[] = ['card', 'wechat_pay', 'alipay', 'invoice'];
export const INVOICING: readonly InvoicingMode[] = ['per_delivery', 'monthly'];
export const WEEKDAY_NUMBERS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface ProposalValues {
  buyerId: string;
  skuId: string;
  quantity: string;
  priceKind: 'fixed' | 'reference_band';
  unitPriceYuan: string;
  basePriceYuan: string;
  bandPermille: string;
  scheduleKind: 'weekly' | 'dates';
  weekdays: number[];
  /** Days separated by new lines, commas, spaces or 、. */
  dates: string;
  startDate: string;
  endDate: string;
  paymentMethod: AgreementPaymentMethod;
  invoicing: InvoicingMode;
  orderDaysAhead: string;
  noticeDays: string;
  note: string;
  /** Kept from a commitment (the buyer's site); never typed here. */
  deliverySiteId: string;
  effectiveFrom: string;
}

/** The fields the form checks, by the API's names; each problem is a message key. */
export type ProposalField =
  | 'buyerId'
  | 'skuId'
  | 'quantity'
  | 'price.unitPriceFen'
  | 'price.basePriceFen'
  | 'price.bandPermille'
  | 'schedule.weekdays'
  | 'schedule.dates'
  | 'startDate'
  | 'endDate'
  | 'orderDaysAhead'
  | 'noticeDays'
  | 'paymentMethod'
  | 'effectiveFrom';
export type ProposalProblem = 'required' | 'wholeNumber' | 'amount' | 'band' | 'day' | 'days' | 'endBeforeStart' | 'minimum' | 'multiple';
export type ProposalProblems = Partial<Record<ProposalField, ProposalProblem>>;

/** The SKU's rules the quantity must meet (the API checks them too). */
export interface SkuRules {
  minOrderQuantity: number;
  orderMultiple: number;
}

export type ProposalBody = AgreementTermsBody & { buyerId?: string; effectiveFrom?: string };

export function emptyProposal(today: string, buyerId = ''): ProposalValues {
  const start = addDays(today, 7);
  return {
    buyerId,
    skuId: '',
    quantity: '',
    priceKind: 'fixed',
    unitPriceYuan: '',
    basePriceYuan: '',
    bandPermille: '100',
    scheduleKind: 'weekly',
    weekdays: [],
    dates: '',
    startDate: start,
    endDate: addDays(start, 90),
    paymentMethod: 'card',
    invoicing: 'per_delivery',
    orderDaysAhead: '',
    noticeDays: '',
    note: '',
    deliverySiteId: '',
    effectiveFrom: '',
  };
}

/** An amendment starts from the terms in force: the whole version, changed where needed. */
export function proposalFromTerms(terms: AgreementTermsView): ProposalValues {
  const { price, schedule } = terms;
  return {
    buyerId: '',
    skuId: terms.sku.id,
    quantity: String(terms.quantity),
    priceKind: price.kind,
    unitPriceYuan: price.unitPriceFen !== null ? fenToYuanInput(price.unitPriceFen) : '',
    basePriceYuan: price.basePriceFen !== null ? fenToYuanInput(price.basePriceFen) : '',
    bandPermille: price.bandPermille !== null ? String(price.bandPermille) : '100',
    scheduleKind: schedule.kind,
    weekdays: [...schedule.weekdays],
    dates: schedule.dates.join('\n'),
    startDate: terms.startDate,
    endDate: terms.endDate,
    paymentMethod: terms.paymentMethod,
    invoicing: terms.invoicing,
    orderDaysAhead: String(terms.orderDaysAhead),
    noticeDays: String(terms.noticeDays),
    note: terms.note ?? '',
    deliverySiteId: '',
    effectiveFrom: '',
  };
}

/** A commitment's SKU, quantity and target price, over its harvest month (from a week ahead at the earliest). */
export function proposalFromCommitment(c: CommitmentView, today: string): ProposalValues {
  const monthStart = `${c.harvestMonth}-01`;
  const earliest = addDays(today, 1);
  const start = monthStart > earliest ? monthStart : earliest;
  const nextMonth = addDays(`${c.harvestMonth}-28`, 4).slice(0, 7);
  const monthEnd = addDays(`${nextMonth}-01`, -1);
  return {
    ...emptyProposal(today),
    buyerId: c.buyer.id,
    skuId: c.sku.id,
    quantity: String(c.quantity),
    unitPriceYuan: c.targetPriceFen !== null ? fenToYuanInput(c.targetPriceFen) : '',
    basePriceYuan: c.targetPriceFen !== null ? fenToYuanInput(c.targetPriceFen) : '',
    startDate: start,
    endDate: monthEnd >= start ? monthEnd : addDays(start, 30),
    deliverySiteId: c.deliverySiteId ?? '',
    note: c.note ?? '',
  };
}

/** The listed delivery days, sorted and without repeats; null when one of them is not a calendar day. */
export function parseDates(text: string): string[] | null {
  const parts = text
    .normalize('NFKC')
    .split(/[\s,;、]+/)
    .filter(Boolean);
  if (!parts.every(isIsoDay)) return null;
  return [...new Set(parts)].sort();
}

function positive(text: string): number | null | 'bad' {
  const n = parseWholeNumber(text);
  if (n === null) return null;
  return Number.isNaN(n) ? 'bad' : n;
}

/** The body for `mode`, or the fields to fix. */
export function buildProposal(values: ProposalValues, mode: ProposalMode, sku?: SkuRules): { body: ProposalBody } | { problems: ProposalProblems } {
  const problems: ProposalProblems = {};
  if (mode === 'propose' && !values.buyerId) problems.buyerId = 'required';
  if (!values.skuId) problems.skuId = 'required';

  const quantity = positive(values.quantity);
  if (quantity === null) problems.quantity = 'required';
  else if (quantity === 'bad' || quantity <= 0) problems.quantity = 'wholeNumber';
  else if (sku && quantity < sku.minOrderQuantity) problems.quantity = 'minimum';
  else if (sku && sku.orderMultiple > 1 && quantity % sku.orderMultiple !== 0) problems.quantity = 'multiple';

  let price: AgreementTermsBody['price'] | null = null;
  if (values.priceKind === 'fixed') {
    const fen = parseYuanToFen(values.unitPriceYuan);
    if (!values.unitPriceYuan.trim()) problems['price.unitPriceFen'] = 'required';
    else if (fen === null || fen <= 0) problems['price.unitPriceFen'] = 'amount';
    else price = { kind: 'fixed', unitPriceFen: fen };
  } else {
    const fen = parseYuanToFen(values.basePriceYuan);
    const band = positive(values.bandPermille);
    if (!values.basePriceYuan.trim()) problems['price.basePriceFen'] = 'required';
    else if (fen === null || fen <= 0) problems['price.basePriceFen'] = 'amount';
    if (band === null) problems['price.bandPermille'] = 'required';
    else if (band === 'bad' || band > MAX_BAND_PERMILLE) problems['price.bandPermille'] = 'band';
    if (fen !== null && fen > 0 && typeof band === 'number' && band <= MAX_BAND_PERMILLE) price = { kind: 'reference_band', basePriceFen: fen, bandPermille: band };
  }

  let schedule: AgreementTermsBody['schedule'] | null = null;
  if (values.scheduleKind === 'weekly') {
    if (values.weekdays.length === 0) problems['schedule.weekdays'] = 'required';
    else schedule = { kind: 'weekly', weekdays: [...new Set(values.weekdays)].sort((a, b) => a - b) };
  } else {
    const dates = parseDates(values.dates);
    if (dates === null) problems['schedule.dates'] = 'days';
    else if (dates.length === 0) problems['schedule.dates'] = 'required';
    else schedule = { kind: 'dates', dates };
  }

  if (!isIsoDay(values.startDate)) problems.startDate = 'day';
  if (!isIsoDay(values.endDate)) problems.endDate = 'day';
  else if (isIsoDay(values.startDate) && values.endDate < values.startDate) problems.endDate = 'endBeforeStart';

  const orderDaysAhead = positive(values.orderDaysAhead);
  if (orderDaysAhead === 'bad') problems.orderDaysAhead = 'wholeNumber';
  const noticeDays = positive(values.noticeDays);
  if (noticeDays === 'bad') problems.noticeDays = 'wholeNumber';
  const effectiveFrom = values.effectiveFrom.trim();
  if (mode === 'amend' && effectiveFrom && !isIsoDay(effectiveFrom)) problems.effectiveFrom = 'day';

  if (Object.keys(problems).length > 0 || price === null || schedule === null || typeof quantity !== 'number') return { problems };
  const note = values.note.trim();
  return {
    body: {
      ...(mode === 'propose' ? { buyerId: values.buyerId } : {}),
      skuId: values.skuId,
      quantity,
      price,
      schedule,
      ...(mode === 'commitment' && values.deliverySiteId ? { deliverySiteId: values.deliverySiteId } : {}),
      startDate: values.startDate,
      endDate: values.endDate,
      paymentMethod: values.paymentMethod,
      ...(values.paymentMethod === 'invoice' ? { invoicing: values.invoicing } : {}),
      ...(typeof orderDaysAhead === 'number' ? { orderDaysAhead } : {}),
      ...(typeof noticeDays === 'number' ? { noticeDays } : {}),
      ...(note ? { note } : {}),
      ...(mode === 'amend' && effectiveFrom ? { effectiveFrom } : {}),
    },
  };
}

/** Where an API reason goes: `schedule.dates[3]` beside the dates, `price` beside the price shown. */
export function proposalFieldOf(apiField: string, values: Pick<ProposalValues, 'priceKind' | 'scheduleKind'>): ProposalField | null {
  if (apiField.startsWith('schedule.dates')) return 'schedule.dates';
  if (apiField.startsWith('schedule.weekdays')) return 'schedule.weekdays';
  if (apiField === 'schedule') return values.scheduleKind === 'weekly' ? 'schedule.weekdays' : 'schedule.dates';
  if (apiField === 'price' || apiField === 'price.kind') return values.priceKind === 'fixed' ? 'price.unitPriceFen' : 'price.basePriceFen';
  const known: readonly string[] = ['buyerId', 'skuId', 'quantity', 'price.unitPriceFen', 'price.basePriceFen', 'price.bandPermille', 'startDate', 'endDate', 'orderDaysAhead', 'noticeDays', 'paymentMethod', 'effectiveFrom'];
  return known.includes(apiField) ? (apiField as ProposalField) : null;
}
