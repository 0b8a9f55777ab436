import type { AgreementTermsView } from '@shanhai/contract';
import { isIsoDay, MAX_BAND_PERMILLE } from '@shanhai/domain';
import { fenToYuanInput, parseYuanToFen } from '@shanhai/ui';
import { parsePercentToPermille } from '../reserved-share/reserved-share-format';
import type { AgreementTermsBody } from './agreements.queries';

export const PROPOSAL_METHODS = ['card', 'wechat_pay', 'alipay', 'invoice'] as const;
export type ProposalMethod = (typeof PROPOSAL_METHODS)[number];
export const INVOICING_MODES = ['per_delivery', 'monthly'] as const;
export type ProposalInvoicing = (typeof INVOICING_MODES)[number];
export type PriceKind = 'fixed' | 'reference_band';
export type ScheduleKind = 'weekly' | 'dates';
export type BandUnit = 'permille' | 'percent';

export interface ProposalForm {
  skuId: string;
  quantity: string;
  priceKind: PriceKind;
  /** fixed: the unit price; reference_band: the base price. Typed in yuan. */
  priceYuan: string;
  /** reference_band: the band, typed in ‰ (integer) or in % (at most one decimal). */
  band: string;
  bandUnit: BandUnit;
  scheduleKind: ScheduleKind;
  weekdays: number[];
  /** dates: the harvest calendar, one row each (empty rows are left out). */
  dates: string[];
  startDate: string;
  endDate: string;
  deliverySiteId: string;
  paymentMethod: ProposalMethod;
  invoicing: ProposalInvoicing;
  /** Optional whole numbers; empty leaves the API's default. */
  orderDaysAhead: string;
  noticeDays: string;
  note: string;
}

/** Which of the form's own checks failed, by the API's field names; the API enforces the rest (minimums, lead times). */
export type ProposalProblem =
  | 'skuId'
  | 'quantity'
  | 'price.unitPriceFen'
  | 'price.basePriceFen'
  | 'price.bandPermille'
  | 'schedule.weekdays'
  | 'schedule.dates'
  | `schedule.dates[${number}]`
  | 'startDate'
  | 'endDate'
  | 'deliverySiteId'
  | 'orderDaysAhead'
  | 'noticeDays';

const wholeNumber = (text: string): number | null => (/^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : null);

/** A band typed in ‰ (a whole number) or in % (15 → 150, 12.5 → 125), as integer per-mille; null when it does not parse or is out of range. */
export function parseBand(text: string, unit: BandUnit): number | null {
  const permille = unit === 'percent' ? parsePercentToPermille(text) : wholeNumber(text);
  return permille !== null && permille <= MAX_BAND_PERMILLE ? permille : null;
}

/** The terms body (prices typed in yuan → integer fen by string arithmetic), or the fields to fix. */
export function buildProposal(form: ProposalForm): { body: AgreementTermsBody } | { problems: ProposalProblem[] } {
  const problems: ProposalProblem[] = [];
  const quantity = wholeNumber(form.quantity);
  const priceFen = parseYuanToFen(form.priceYuan);
  const bandPermille = parseBand(form.band, form.bandUnit);
  const dates = form.dates.map((d) => d.trim()).filter(Boolean);
  const orderDaysAhead = form.orderDaysAhead.trim() ? wholeNumber(form.orderDaysAhead) : undefined;
  const noticeDays = form.noticeDays.trim() ? wholeNumber(form.noticeDays) : undefined;
  if (!form.skuId) problems.push('skuId');
  if (quantity === null || quantity <= 0) problems.push('quantity');
  if (priceFen === null || priceFen <= 0) problems.push(form.priceKind === 'fixed' ? 'price.unitPriceFen' : 'price.basePriceFen');
  if (form.priceKind === 'reference_band' && bandPermille === null) problems.push('price.bandPermille');
  if (form.scheduleKind === 'weekly' && form.weekdays.length === 0) problems.push('schedule.weekdays');
  if (form.scheduleKind === 'dates') {
    if (dates.length === 0) problems.push('schedule.dates');
    form.dates.forEach((d, i) => {
      if (d.trim() && !isIsoDay(d.trim())) problems.push(`schedule.dates[${i}]`);
    });
  }
  if (!isIsoDay(form.startDate)) problems.push('startDate');
  if (!isIsoDay(form.endDate) || (isIsoDay(form.startDate) && form.endDate < form.startDate)) problems.push('endDate');
  if (!form.deliverySiteId) problems.push('deliverySiteId');
  if (orderDaysAhead === null || (orderDaysAhead !== undefined && orderDaysAhead > 30)) problems.push('orderDaysAhead');
  if (noticeDays === null || (noticeDays !== undefined && noticeDays > 90)) problems.push('noticeDays');
  if (problems.length > 0 || quantity === null || priceFen === null || orderDaysAhead === null || noticeDays === null) return { problems };
  const note = form.note.trim();
  return {
    body: {
      skuId: form.skuId,
      quantity,
      price: form.priceKind === 'fixed' ? { kind: 'fixed', unitPriceFen: priceFen } : { kind: 'reference_band', basePriceFen: priceFen, bandPermille: bandPermille ?? 0 },
      schedule: form.scheduleKind === 'weekly' ? { kind: 'weekly', weekdays: [...form.weekdays].sort((a, b) => a - b) } : { kind: 'dates', dates: [...new Set(dates)].sort() },
      deliverySiteId: form.deliverySiteId,
      startDate: form.startDate,
      endDate: form.endDate,
      paymentMethod: form.paymentMethod,
      ...(form.paymentMethod === 'invoice' ? { invoicing: form.invoicing } : {}),
      ...(orderDaysAhead !== undefined ? { orderDaysAhead } : {}),
      ...(noticeDays !== undefined ? { noticeDays } : {}),
      ...(note ? { note } : {}),
    },
  };
}

/** The form filled with a version's terms: the starting point of an amendment. */
export function formFromTerms(terms: AgreementTermsView, fallbackSiteId = ''): ProposalForm {
  const fixed = terms.price.kind === 'fixed';
  const priceFen = (fixed ? terms.price.unitPriceFen : terms.price.basePriceFen) ?? terms.sku.listPriceFen;
  return {
    skuId: terms.sku.id,
    quantity: String(terms.quantity),
    priceKind: terms.price.kind,
    priceYuan: fenToYuanInput(priceFen),
    band: fixed ? '' : String(terms.price.bandPermille ?? ''),
    bandUnit: 'permille',
    scheduleKind: terms.schedule.kind,
    weekdays: [...terms.schedule.weekdays],
    dates: terms.schedule.kind === 'dates' ? [...terms.schedule.dates] : [''],
    startDate: terms.startDate,
    endDate: terms.endDate,
    deliverySiteId: terms.deliverySite?.id ?? fallbackSiteId,
    paymentMethod: terms.paymentMethod,
    invoicing: terms.invoicing,
    orderDaysAhead: String(terms.orderDaysAhead),
    noticeDays: String(terms.noticeDays),
    note: terms.note ?? '',
  };
}

/** What a version changes against the one before it, as the keys of the terms. */
export const TERMS_FIELDS = ['sku', 'quantity', 'price', 'schedule', 'period', 'site', 'payment', 'orderDaysAhead', 'noticeDays', 'note'] as const;
export type TermsField = (typeof TERMS_FIELDS)[number];

export function termsChanges(before: AgreementTermsView, after: AgreementTermsView): TermsField[] {
  const same: Record<TermsField, boolean> = {
    sku: before.sku.id === after.sku.id,
    quantity: before.quantity === after.quantity,
    price:
      before.price.kind === after.price.kind &&
      before.price.unitPriceFen === after.price.unitPriceFen &&
      before.price.basePriceFen === after.price.basePriceFen &&
      before.price.bandPermille === after.price.bandPermille,
    schedule:
      before.schedule.kind === after.schedule.kind &&
      before.schedule.weekdays.join() === after.schedule.weekdays.join() &&
      before.schedule.dates.join() === after.schedule.dates.join(),
    period: before.startDate === after.startDate && before.endDate === after.endDate,
    site: (before.deliverySite?.id ?? null) === (after.deliverySite?.id ?? null),
    payment: before.paymentMethod === after.paymentMethod && before.invoicing === after.invoicing,
    orderDaysAhead: before.orderDaysAhead === after.orderDaysAhead,
    noticeDays: before.noticeDays === after.noticeDays,
    note: (before.note ?? '') === (after.note ?? ''),
  };
  return TERMS_FIELDS.filter((f) => !same[f]);
}
