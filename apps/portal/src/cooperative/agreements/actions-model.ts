import { isIsoDay } from '@shanhai/domain';
import { parseYuanToFen } from '@shanhai/ui';
import { parseWholeNumber } from '../../common/format';
import type { DeliveryChangeBody, PauseBody, TerminateBody } from './agreements.queries';

/** Checks of the small forms on an agreement (pause, early end, a delivery change): the body, or the fields to fix. */
export type ActionProblem = 'required' | 'day' | 'untilBeforeFrom' | 'wholeNumber' | 'amount';
type Result<B, F extends string> = { body: B } | { problems: Partial<Record<F, ActionProblem>> };

export interface PauseValues {
  from: string;
  until: string;
  reason: string;
}

/** A break when `until` is given (the agreement stays active), otherwise a pause until resumed. */
export function buildPause(values: PauseValues): Result<PauseBody, 'from' | 'until'> {
  const problems: Partial<Record<'from' | 'until', ActionProblem>> = {};
  const until = values.until.trim();
  if (!values.from.trim()) problems.from = 'required';
  else if (!isIsoDay(values.from)) problems.from = 'day';
  if (until && !isIsoDay(until)) problems.until = 'day';
  else if (until && isIsoDay(values.from) && until < values.from) problems.until = 'untilBeforeFrom';
  if (Object.keys(problems).length > 0) return { problems };
  const reason = values.reason.trim();
  return { body: { from: values.from, ...(until ? { until } : {}), ...(reason ? { reason } : {}) } };
}

export interface TerminationValues {
  lastDeliveryOn: string;
  reason: string;
}

export function buildTermination(values: TerminationValues): Result<TerminateBody, 'lastDeliveryOn' | 'reason'> {
  const problems: Partial<Record<'lastDeliveryOn' | 'reason', ActionProblem>> = {};
  const last = values.lastDeliveryOn.trim();
  if (last && !isIsoDay(last)) problems.lastDeliveryOn = 'day';
  if (!values.reason.trim()) problems.reason = 'required';
  if (Object.keys(problems).length > 0) return { problems };
  return { body: { ...(last ? { lastDeliveryOn: last } : {}), reason: values.reason.trim() } };
}

export interface ChangeValues {
  kind: 'skip' | 'substitute';
  substituteSkuId: string;
  quantity: string;
  unitPriceYuan: string;
  note: string;
}

export function emptyChange(): ChangeValues {
  return { kind: 'substitute', substituteSkuId: '', quantity: '', unitPriceYuan: '', note: '' };
}

/** A skip, or a substitution by another SKU with its own quantity and unit price when typed (yuan → fen). */
export function buildDeliveryChange(deliveryDate: string, values: ChangeValues): Result<DeliveryChangeBody, 'substituteSkuId' | 'quantity' | 'unitPriceFen'> {
  const note = values.note.trim();
  if (values.kind === 'skip') return { body: { deliveryDate, kind: 'skip', ...(note ? { note } : {}) } };
  const problems: Partial<Record<'substituteSkuId' | 'quantity' | 'unitPriceFen', ActionProblem>> = {};
  if (!values.substituteSkuId) problems.substituteSkuId = 'required';
  const quantity = parseWholeNumber(values.quantity);
  if (quantity !== null && (Number.isNaN(quantity) || quantity <= 0)) problems.quantity = 'wholeNumber';
  const price = values.unitPriceYuan.trim() ? parseYuanToFen(values.unitPriceYuan) : null;
  if (values.unitPriceYuan.trim() && (price === null || price <= 0)) problems.unitPriceFen = 'amount';
  if (Object.keys(problems).length > 0) return { problems };
  return {
    body: {
      deliveryDate,
      kind: 'substitute',
      substituteSkuId: values.substituteSkuId,
      ...(quantity !== null ? { quantity } : {}),
      ...(price !== null ? { unitPriceFen: price } : {}),
      ...(note ? { note } : {}),
    },
  };
}
