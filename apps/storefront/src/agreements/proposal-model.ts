import { isIsoDay } from '@shanhai/domain';
import { parseYuanToFen } from '@shanhai/ui';
import type { ProposeAgreementBody } from './agreements.queries';

export const PROPOSAL_METHODS = ['card', 'wechat_pay', 'alipay'] as const;
export type ProposalMethod = (typeof PROPOSAL_METHODS)[number];

export interface ProposalForm {
  skuId: string;
  quantity: string;
  priceYuan: string;
  weekdays: number[];
  startDate: string;
  endDate: string;
  deliverySiteId: string;
  paymentMethod: ProposalMethod;
  note: string;
}

/** Which of the form's own checks failed, by the API's field names; the API enforces the rest (minimums, lead times). */
export type ProposalProblem = 'skuId' | 'quantity' | 'price.unitPriceFen' | 'schedule.weekdays' | 'startDate' | 'endDate' | 'deliverySiteId';

/** The proposal body (price typed in yuan → integer fen by string arithmetic), or the fields to fix. */
export function buildProposal(form: ProposalForm): { body: ProposeAgreementBody } | { problems: ProposalProblem[] } {
  const problems: ProposalProblem[] = [];
  const quantity = /^\d+$/.test(form.quantity.trim()) ? Number(form.quantity.trim()) : NaN;
  const unitPriceFen = parseYuanToFen(form.priceYuan);
  if (!form.skuId) problems.push('skuId');
  if (!Number.isSafeInteger(quantity) || quantity <= 0) problems.push('quantity');
  if (unitPriceFen === null || unitPriceFen <= 0) problems.push('price.unitPriceFen');
  if (form.weekdays.length === 0) problems.push('schedule.weekdays');
  if (!isIsoDay(form.startDate)) problems.push('startDate');
  if (!isIsoDay(form.endDate) || (isIsoDay(form.startDate) && form.endDate < form.startDate)) problems.push('endDate');
  if (!form.deliverySiteId) problems.push('deliverySiteId');
  if (problems.length > 0 || unitPriceFen === null) return { problems };
  const note = form.note.trim();
  return {
    body: {
      skuId: form.skuId,
      quantity,
      price: { kind: 'fixed', unitPriceFen },
      schedule: { kind: 'weekly', weekdays: [...form.weekdays].sort((a, b) => a - b) },
      deliverySiteId: form.deliverySiteId,
      startDate: form.startDate,
      endDate: form.endDate,
      paymentMethod: form.paymentMethod,
      ...(note ? { note } : {}),
    },
  };
}
