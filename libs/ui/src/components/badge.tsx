import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'brand' | 'success' | 'warning' | 'danger' | 'info';

/** A short status label; its text carries the meaning, the colour only repeats it. */
export function Badge({ tone = 'neutral', children, className }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return <span className={['ui-badge', `ui-badge--${tone}`, className].filter(Boolean).join(' ')}>{children}</span>;
}
