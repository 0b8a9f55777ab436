import { EntityManager } from 'typeorm';

/**
 * A product's certified window (`products.certified_from/until`, read by browse and search) is the
 * certificate that counts on a given day. It changes with the calendar, not only with edits: when a
 * certificate lapses and its renewal begins, nothing touches the product. This recomputes, set-based,
 * every product whose stored window is no longer the one that counts `today`.
 */
export class CertifiedWindowRepository {
  async refreshAll(db: EntityManager, today: string): Promise<number> {
    const [{ n }] = await db.query(
      `WITH chosen AS (
          SELECT DISTINCT ON (product_id) product_id, valid_from,
                 LEAST(valid_to + 1, COALESCE(revoked_on, valid_to + 1)) AS until
            FROM certifications
           WHERE status IN ('certified', 'revoked')
           ORDER BY product_id,
                    (valid_from <= $1 AND valid_to >= $1 AND (revoked_on IS NULL OR revoked_on > $1)) DESC,
                    (valid_from > $1) DESC, valid_from ASC, decided_at DESC),
        upd AS (
          UPDATE products p SET certified_from = c.valid_from, certified_until = c.until
            FROM chosen c
           WHERE p.id = c.product_id
             AND (p.certified_from IS DISTINCT FROM c.valid_from OR p.certified_until IS DISTINCT FROM c.until)
          RETURNING p.id)
       SELECT count(*)::int AS n FROM upd`,
      [today],
    );
    return n;
  }
}
