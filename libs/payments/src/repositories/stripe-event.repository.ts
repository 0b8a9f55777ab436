import { EntityManager } from 'typeorm';

/** The processed-event table: an event id is written in the same transaction as its effect. */
export class StripeEventRepository {
  async seen(db: EntityManager, eventId: string): Promise<boolean> {
    const rows: unknown[] = await db.query(`SELECT 1 FROM stripe_events WHERE event_id = $1`, [eventId]);
    return rows.length > 0;
  }

  /**
   * Claims the event for this transaction. A concurrent delivery of the same event waits on the
   * primary key until this transaction ends, then finds it taken: false means "already applied".
   */
  async record(tx: EntityManager, eventId: string, type: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(`INSERT INTO stripe_events (event_id, type) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`, [eventId, type]);
    return rows.length > 0;
  }
}
