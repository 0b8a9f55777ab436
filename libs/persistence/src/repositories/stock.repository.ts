import { EntityManager } from 'typeorm';

export interface StockRequest {
  readonly skuId: string;
  readonly quantity: number;
}

export interface Shortage {
  readonly skuId: string;
  readonly requested: number;
  readonly available: number;
  /** Units of the SKU held out of open sale for procurement agreements' coming deliveries. */
  readonly heldForAgreements: number;
}

export interface LotTake {
  readonly skuId: string;
  readonly lotId: string;
  readonly quantity: number;
}

/**
 * Stock is held per lot; each SKU row carries the sum and acts as the lock. Every change to a SKU's
 * lots locks the SKU rows first, in id order, so concurrent orders serialise per SKU and never
 * deadlock, and N orders racing for the last units sell exactly the units there are.
 */
export class StockRepository {
  /** Locks the SKUs; returns the shortages, or reserves everything (earliest harvest first) and returns the lots taken. */
  async reserve(tx: EntityManager, requests: readonly StockRequest[]): Promise<{ shortages: Shortage[]; takes: LotTake[] }> {
    const ids = requests.map((r) => r.skuId);
    const qty = requests.map((r) => r.quantity);
    const locked: Array<{ id: string; stock_units: number }> = await tx.query(
      `SELECT id, stock_units FROM skus WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    const stock = new Map(locked.map((r) => [r.id, r.stock_units]));
    const short = requests.filter((r) => (stock.get(r.skuId) ?? 0) < r.quantity);
    if (short.length > 0) {
      // Held units are not in the lots' available units: say how many, so the buyer knows why.
      const held: Array<{ sku_id: string; n: number }> = await tx.query(
        `SELECT sku_id, SUM(quantity)::int AS n FROM agreement_holds WHERE sku_id = ANY($1::uuid[]) GROUP BY sku_id`,
        [short.map((r) => r.skuId)],
      );
      const heldBySku = new Map(held.map((h) => [h.sku_id, h.n]));
      const shortages = short.map((r) => ({ skuId: r.skuId, requested: r.quantity, available: stock.get(r.skuId) ?? 0, heldForAgreements: heldBySku.get(r.skuId) ?? 0 }));
      return { shortages, takes: [] };
    }

    const takes: Array<{ lot_id: string; sku_id: string; take: number }> = await tx.query(
      `WITH req AS (SELECT * FROM unnest($1::uuid[], $2::int[]) AS r(sku_id, qty)),
            ranked AS (
              SELECT l.id, l.sku_id, l.available_units, req.qty,
                     SUM(l.available_units) OVER (PARTITION BY l.sku_id ORDER BY l.harvest_date, l.created_at, l.id) - l.available_units AS before
                FROM lots l JOIN req ON req.sku_id = l.sku_id
               WHERE l.available_units > 0),
            alloc AS (SELECT id, sku_id, LEAST(available_units, qty - before)::int AS take FROM ranked WHERE before < qty),
            upd AS (UPDATE lots SET available_units = lots.available_units - alloc.take FROM alloc WHERE lots.id = alloc.id RETURNING lots.id)
       SELECT alloc.id AS lot_id, alloc.sku_id, alloc.take FROM alloc`,
      [ids, qty],
    );
    const taken = new Map<string, number>();
    for (const t of takes) taken.set(t.sku_id, (taken.get(t.sku_id) ?? 0) + t.take);
    const drift = requests.find((r) => taken.get(r.skuId) !== r.quantity);
    // The SKU's stock column and its lots disagree: refuse rather than sell units no lot holds.
    if (drift) throw new Error(`stock of SKU ${drift.skuId} does not match its lots (wanted ${drift.quantity}, lots gave ${taken.get(drift.skuId) ?? 0})`);

    await tx.query(
      `UPDATE skus s SET stock_units = s.stock_units - r.qty FROM unnest($1::uuid[], $2::int[]) AS r(id, qty) WHERE s.id = r.id`,
      [ids, qty],
    );
    await this.moveProductStock(tx, ids, qty.map((q) => -q));
    return { shortages: [], takes: takes.map((t) => ({ skuId: t.sku_id, lotId: t.lot_id, quantity: t.take })) };
  }

  /**
   * Hands back to their lots the units of the given order lines not yet released (cancellation,
   * expiry, a rejected line). Returns the units released per SKU. Safe to call twice.
   */
  async release(tx: EntityManager, orderLineIds: readonly string[]): Promise<number> {
    if (orderLineIds.length === 0) return 0;
    const skus: Array<{ sku_id: string }> = await tx.query(
      `SELECT DISTINCT ol.sku_id FROM order_lines ol WHERE ol.id = ANY($1::uuid[])`,
      [orderLineIds],
    );
    await tx.query(`SELECT id FROM skus WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [skus.map((s) => s.sku_id)]);
    const released: Array<{ sku_id: string; qty: number }> = await tx.query(
      `WITH open AS (
          SELECT a.order_line_id, a.lot_id, a.quantity - a.released_quantity AS qty, ol.sku_id
            FROM line_allocations a JOIN order_lines ol ON ol.id = a.order_line_id
           WHERE a.order_line_id = ANY($1::uuid[]) AND a.quantity > a.released_quantity
           FOR UPDATE OF a),
        marked AS (UPDATE line_allocations a SET released_quantity = a.quantity FROM open
                    WHERE a.order_line_id = open.order_line_id AND a.lot_id = open.lot_id RETURNING a.lot_id),
        lots_back AS (UPDATE lots l SET available_units = l.available_units + x.qty
                        FROM (SELECT lot_id, SUM(qty)::int AS qty FROM open GROUP BY lot_id) x
                       WHERE l.id = x.lot_id RETURNING l.id)
       SELECT sku_id, SUM(qty)::int AS qty FROM open GROUP BY sku_id`,
      [orderLineIds],
    );
    if (released.length === 0) return 0;
    const ids = released.map((r) => r.sku_id);
    const qty = released.map((r) => r.qty);
    await tx.query(
      `UPDATE skus s SET stock_units = s.stock_units + r.qty FROM unnest($1::uuid[], $2::int[]) AS r(id, qty) WHERE s.id = r.id`,
      [ids, qty],
    );
    await this.moveProductStock(tx, ids, qty);
    return qty.reduce((a, b) => a + b, 0);
  }

  /**
   * Locks SKU rows in id order, the order every stock change takes them in: a caller about to touch
   * several SKUs one after another (an agreement's hold moving to a substitute) takes them all first,
   * so it cannot deadlock with a checkout locking the same SKUs together.
   */
  async lockSkus(tx: EntityManager, skuIds: readonly string[]): Promise<void> {
    if (skuIds.length) await tx.query(`SELECT id FROM skus WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [[...new Set(skuIds)]]);
  }

  /**
   * Hands units back to the very lots they were taken from (an agreement's hold released by a skip,
   * pause, end or change), locking the SKUs in id order like every other stock change.
   */
  async restore(tx: EntityManager, takes: readonly LotTake[]): Promise<number> {
    const units = takes.filter((t) => t.quantity > 0);
    if (units.length === 0) return 0;
    await tx.query(`SELECT id FROM skus WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [[...new Set(units.map((t) => t.skuId))]]);
    await tx.query(
      `UPDATE lots l SET available_units = l.available_units + x.qty
         FROM (SELECT lot_id, SUM(qty)::int AS qty FROM unnest($1::uuid[], $2::int[]) AS t(lot_id, qty) GROUP BY lot_id) x
        WHERE l.id = x.lot_id`,
      [units.map((t) => t.lotId), units.map((t) => t.quantity)],
    );
    const bySku = new Map<string, number>();
    for (const t of units) bySku.set(t.skuId, (bySku.get(t.skuId) ?? 0) + t.quantity);
    const ids = [...bySku.keys()];
    const qty = [...bySku.values()];
    await tx.query(`UPDATE skus s SET stock_units = s.stock_units + r.qty FROM unnest($1::uuid[], $2::int[]) AS r(id, qty) WHERE s.id = r.id`, [ids, qty]);
    await this.moveProductStock(tx, ids, qty);
    return qty.reduce((a, b) => a + b, 0);
  }

  private async moveProductStock(tx: EntityManager, skuIds: readonly string[], deltas: readonly number[]): Promise<void> {
    await tx.query(
      `WITH d AS (SELECT s.product_id, SUM(r.delta)::bigint AS delta
                    FROM unnest($1::uuid[], $2::int[]) AS r(id, delta) JOIN skus s ON s.id = r.id GROUP BY s.product_id),
            locked AS (SELECT p.id FROM products p JOIN d ON d.product_id = p.id ORDER BY p.id FOR UPDATE OF p)
       UPDATE products p SET stock_units = p.stock_units + d.delta FROM d, locked WHERE p.id = d.product_id AND locked.id = p.id`,
      [skuIds, deltas],
    );
  }
}
