import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { businessDay } from '@shanhai/domain';
import { catalogVersion } from './catalog-version';

/**
 * The denormalised columns of `products` that browse and search read, recomputed in SQL inside the
 * caller's transaction whenever a product, SKU, lot, certificate or supplier changes.
 */
@Injectable()
export class CatalogRepository {
  async refreshSkuStock(tx: EntityManager, skuId: string): Promise<void> {
    catalogVersion.bump();
    await tx.query(
      `UPDATE skus SET stock_units = (SELECT COALESCE(SUM(available_units), 0) FROM lots WHERE sku_id = $1) WHERE id = $1`,
      [skuId],
    );
  }

  async refreshProduct(tx: EntityManager, productId: string): Promise<void> {
    catalogVersion.bump();
    await tx.query(
      `UPDATE products p SET
         visible = (p.status = 'active' AND o.verification_status = 'verified'),
         min_price_fen = s.min_price,
         stock_units = COALESCE(s.stock, 0),
         certified_from = c.valid_from,
         certified_until = CASE WHEN c.valid_from IS NULL THEN NULL
                                ELSE LEAST(c.valid_to + 1, COALESCE(c.revoked_on, c.valid_to + 1)) END
       FROM organisations o,
            LATERAL (SELECT MIN(price_fen) AS min_price, SUM(stock_units) AS stock
                       FROM skus WHERE product_id = $1 AND active) s
            LEFT JOIN LATERAL (
              -- The certificate that counts today; else the next one to start; else the latest decided.
              SELECT valid_from, valid_to, revoked_on FROM certifications
               WHERE product_id = $1 AND status IN ('certified', 'revoked')
               ORDER BY (valid_from <= $2 AND valid_to >= $2 AND (revoked_on IS NULL OR revoked_on > $2)) DESC,
                        (valid_from > $2) DESC, valid_from ASC, decided_at DESC
               LIMIT 1) c ON true
       WHERE p.id = $1 AND o.id = p.supplier_id`,
      [productId, businessDay()],
    );
  }
}
