import type { CommitmentStatus } from '@shanhai/domain';
import type { BadgeTone } from '@shanhai/ui';

export const COMMITMENT_STATUS_FILTERS = ['open', 'acknowledged', 'declined', 'cancelled', 'converted'] as const;

/** The colour repeats the status text. */
export function commitmentTone(status: CommitmentStatus): BadgeTone {
  if (status === 'acknowledged' || status === 'converted') return 'success';
  if (status === 'open') return 'warning';
  if (status === 'declined') return 'danger';
  return 'neutral';
}

/** A commitment still stands (it can be cancelled, ordered from or turned into an agreement). */
export const isStanding = (status: CommitmentStatus) => status === 'open' || status === 'acknowledged';
