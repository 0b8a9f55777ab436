import { parseYuanToFen } from '@shanhai/ui';
import type { CreateCommitmentBody } from './commitments.queries';

/** How far ahead a harvest can be committed to (the API's limit). */
export const MAX_MONTHS_AHEAD = 24;

/** "2026-11" plus n months: "2027-01" for n = 2. */
export function addMonths(month: string, n: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** This month (of the China business day given) and the 24 after it. */
export function harvestMonths(today: string): string[] {
  const first = today.slice(0, 7);
  return Array.from({ length: MAX_MONTHS_AHEAD + 1 }, (_, i) => addMonths(first, i));
}

export interface CommitmentForm {
  skuId: string;
  harvestMonth: string;
  quantity: string;
  targetPriceYuan: string;
  deliverySiteId: string;
  note: string;
}

export type CommitmentProblem = 'skuId' | 'harvestMonth' | 'quantity' | 'targetPriceFen';

/** The commitment body (target price typed in yuan → integer fen), or the fields to fix. */
export function buildCommitment(form: CommitmentForm, organisationId?: string): { body: CreateCommitmentBody } | { problems: CommitmentProblem[] } {
  const problems: CommitmentProblem[] = [];
  const quantity = /^\d{1,7}$/.test(form.quantity.trim()) ? Number(form.quantity.trim()) : null;
  const target = form.targetPriceYuan.trim() ? parseYuanToFen(form.targetPriceYuan) : undefined;
  if (!form.skuId) problems.push('skuId');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(form.harvestMonth)) problems.push('harvestMonth');
  if (quantity === null || quantity <= 0) problems.push('quantity');
  if (target === null || target === 0) problems.push('targetPriceFen');
  if (problems.length > 0 || quantity === null || target === null) return { problems };
  const note = form.note.trim();
  return {
    body: {
      ...(organisationId ? { organisationId } : {}),
      skuId: form.skuId,
      harvestMonth: form.harvestMonth,
      quantity,
      ...(target !== undefined ? { targetPriceFen: target } : {}),
      ...(form.deliverySiteId ? { deliverySiteId: form.deliverySiteId } : {}),
      ...(note ? { note } : {}),
    },
  };
}
