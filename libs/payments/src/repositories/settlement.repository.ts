import { EntityManager } from 'typeorm';

export interface SettlementSummary {
  readonly earnedFen: number;
  readonly adjustmentsFen: number;
  readonly paidOutFen: number;
  readonly owedFen: number;
}

export interface SettlementEntryRow {
  readonly id: string;
  readonly kind: string;
  readonly reference: string | null;
  readonly supplierOrderId: string | null;
  readonly amountFen: number;
  readonly note: string | null;
  readonly recordedBy: string | null;
  readonly createdAt: Date;
}

/**
 * The cooperative's ledger, signed from the cooperative's point of view: `earned` entries are
 * positive (the platform owes it), `payout` entries negative (money sent to it), `adjustment`
 * entries either sign. What is owed is the sum of every entry.
 */
export class SettlementRepository {
  async summary(db: EntityManager, supplierId: string): Promise<SettlementSummary> {
    const [r] = await db.query(
      `SELECT COALESCE(SUM(amount_fen) FILTER (WHERE kind = 'earned'), 0) AS earned,
              COALESCE(SUM(amount_fen) FILTER (WHERE kind = 'adjustment'), 0) AS adjustments,
              COALESCE(-SUM(amount_fen) FILTER (WHERE kind = 'payout'), 0) AS paid_out,
              COALESCE(SUM(amount_fen), 0) AS owed
         FROM settlement_entries WHERE supplier_id = $1`,
      [supplierId],
    );
    return { earnedFen: Number(r.earned), adjustmentsFen: Number(r.adjustments), paidOutFen: Number(r.paid_out), owedFen: Number(r.owed) };
  }

  async entries(db: EntityManager, supplierId: string, page: number, pageSize: number): Promise<{ items: SettlementEntryRow[]; total: number }> {
    const rows: Array<Record<string, unknown>> = await db.query(
      `SELECT id, kind, reference, supplier_order_id, amount_fen, note, recorded_by, created_at, count(*) OVER () AS total
         FROM settlement_entries WHERE supplier_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [supplierId, pageSize, (page - 1) * pageSize],
    );
    const total = rows.length ? Number(rows[0].total) : (await this.count(db, supplierId));
    return {
      total,
      items: rows.map((r) => ({
        id: r.id as string,
        kind: r.kind as string,
        reference: (r.reference as string | null) ?? null,
        supplierOrderId: (r.supplier_order_id as string | null) ?? null,
        amountFen: Number(r.amount_fen),
        note: (r.note as string | null) ?? null,
        recordedBy: (r.recorded_by as string | null) ?? null,
        createdAt: new Date(r.created_at as string),
      })),
    };
  }

  async byReference(db: EntityManager, reference: string): Promise<SettlementEntryRow & { supplierId: string } | null> {
    const [r] = await db.query(`SELECT id, supplier_id, kind, reference, supplier_order_id, amount_fen, note, recorded_by, created_at FROM settlement_entries WHERE reference = $1`, [reference]);
    if (!r) return null;
    return {
      id: r.id,
      supplierId: r.supplier_id,
      kind: r.kind,
      reference: r.reference,
      supplierOrderId: r.supplier_order_id,
      amountFen: Number(r.amount_fen),
      note: r.note,
      recordedBy: r.recorded_by,
      createdAt: new Date(r.created_at),
    };
  }

  /** Serialises payouts of one cooperative, so two cannot both pass the "not more than owed" check. */
  async lockSupplier(tx: EntityManager, supplierId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT id FROM organisations WHERE id = $1 AND kind = 'supplier' FOR UPDATE`, [supplierId]);
    return rows.length > 0;
  }

  async insertPayout(tx: EntityManager, p: { supplierId: string; reference: string; amountFen: number; note: string | null; recordedBy: string }): Promise<string> {
    const [r] = await tx.query(
      `INSERT INTO settlement_entries (supplier_id, kind, reference, amount_fen, note, recorded_by) VALUES ($1, 'payout', $2, $3, $4, $5) RETURNING id`,
      [p.supplierId, p.reference, -p.amountFen, p.note, p.recordedBy],
    );
    return r.id;
  }

  private async count(db: EntityManager, supplierId: string): Promise<number> {
    const [r] = await db.query(`SELECT count(*)::int AS n FROM settlement_entries WHERE supplier_id = $1`, [supplierId]);
    return r.n;
  }
}
