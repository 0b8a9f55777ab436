import type { AgreementStatus } from '@shanhai/domain';
import type { AgreementDeliveryView } from '@shanhai/contract';
import type { BadgeTone } from '@shanhai/ui';

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type WeekdayKey = (typeof WEEKDAYS)[number];

export const isWeekday = (n: number): n is 1 | 2 | 3 | 4 | 5 | 6 | 7 => Number.isInteger(n) && n >= 1 && n <= 7;

/** The colour repeats the status text. */
export function agreementTone(status: AgreementStatus): BadgeTone {
  if (status === 'active' || status === 'completed') return 'success';
  if (status === 'proposed') return 'warning';
  if (status === 'declined' || status === 'withdrawn' || status === 'ended') return 'neutral';
  return 'info';
}

export function deliveryTone(status: AgreementDeliveryView['status']): BadgeTone {
  if (status === 'ordered') return 'success';
  if (status === 'short' || status === 'missed') return 'danger';
  if (status === 'held') return 'info';
  return 'neutral';
}
