import { EntityManager } from 'typeorm';
import type { OutboxEventType } from '@shanhai/domain';

export interface OutboxEvent {
  readonly type: OutboxEventType;
  readonly aggregateId: string;
  /** YYYY-MM-DD in China Standard Time: the day the event counts on. */
  readonly businessDay: string;
  readonly payload: Record<string, unknown>;
}

/** Writes outbox rows inside the caller's transaction: the event exists exactly when its change does. */
export class OutboxRepository {
  async add(tx: EntityManager, event: OutboxEvent): Promise<void> {
    await tx.query(`INSERT INTO outbox_events (type, aggregate_id, business_day, payload, tx_id) VALUES ($1, $2, $3, $4, pg_current_xact_id()::text::bigint)`, [
      event.type,
      event.aggregateId,
      event.businessDay,
      JSON.stringify(event.payload),
    ]);
  }
}
