import { EntityManager } from 'typeorm';

export interface ReconciliationFinding {
  readonly kind: string;
  readonly buyerOrderId?: string | null;
  readonly reference?: string | null;
  readonly amountFen?: number | null;
  readonly detail: string;
}

export interface ReconciliationReportRow {
  readonly id: string;
  readonly trigger: string;
  readonly requestedBy: string | null;
  readonly status: string;
  readonly windowFrom: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
  readonly checked: Record<string, number>;
  readonly settled: ReconciliationFinding[];
  readonly mismatches: ReconciliationFinding[];
  readonly error: string | null;
  readonly createdAt: Date;
}

const COLUMNS = `id, trigger, requested_by, status, window_from, started_at, finished_at, checked, settled, mismatches, error, created_at`;
const date = (v: unknown): Date | null => (v ? new Date(v as string) : null);

function toRow(r: Record<string, unknown>): ReconciliationReportRow {
  return {
    id: r.id as string,
    trigger: r.trigger as string,
    requestedBy: (r.requested_by as string | null) ?? null,
    status: r.status as string,
    windowFrom: new Date(r.window_from as string),
    startedAt: date(r.started_at),
    finishedAt: date(r.finished_at),
    checked: (r.checked as Record<string, number>) ?? {},
    settled: (r.settled as ReconciliationFinding[]) ?? [],
    mismatches: (r.mismatches as ReconciliationFinding[]) ?? [],
    error: (r.error as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
  };
}

export class ReconciliationReportRepository {
  async create(db: EntityManager, r: { trigger: 'schedule' | 'operator'; requestedBy: string | null; windowFrom: Date }): Promise<ReconciliationReportRow> {
    const [row] = await db.query(
      `INSERT INTO payment_reconciliation_reports (trigger, requested_by, status, window_from) VALUES ($1, $2, 'queued', $3) RETURNING ${COLUMNS}`,
      [r.trigger, r.requestedBy, r.windowFrom],
    );
    return toRow(row);
  }

  async get(db: EntityManager, id: string): Promise<ReconciliationReportRow | null> {
    const [r] = await db.query(`SELECT ${COLUMNS} FROM payment_reconciliation_reports WHERE id = $1`, [id]);
    return r ? toRow(r) : null;
  }

  async latest(db: EntityManager): Promise<ReconciliationReportRow | null> {
    const [r] = await db.query(`SELECT ${COLUMNS} FROM payment_reconciliation_reports ORDER BY created_at DESC, id DESC LIMIT 1`);
    return r ? toRow(r) : null;
  }

  async start(db: EntityManager, id: string): Promise<void> {
    await db.query(`UPDATE payment_reconciliation_reports SET status = 'running', started_at = now() WHERE id = $1`, [id]);
  }

  async finish(db: EntityManager, id: string, r: { checked: Record<string, number>; settled: ReconciliationFinding[]; mismatches: ReconciliationFinding[] }): Promise<void> {
    await db.query(
      `UPDATE payment_reconciliation_reports SET status = 'completed', finished_at = now(), checked = $2, settled = $3, mismatches = $4 WHERE id = $1`,
      [id, JSON.stringify(r.checked), JSON.stringify(r.settled), JSON.stringify(r.mismatches)],
    );
  }

  async fail(db: EntityManager, id: string, error: string): Promise<void> {
    await db.query(`UPDATE payment_reconciliation_reports SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`, [id, error.slice(0, 4000)]);
  }
}
