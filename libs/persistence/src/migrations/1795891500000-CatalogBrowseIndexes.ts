import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for browsing the catalog at scale (docs/performance.md), all partial to what buyers can see
 * and written by hand because TypeORM cannot describe them (INCLUDE, DESC NULLS LAST, expressions):
 *
 * - idx_products_facets covers every column the facet counts group, filter or add up, so that a browse
 *   without a text query counts from the index alone (an index-only scan) rather than reading the wide
 *   product rows (~1.5 kB each, mostly search tokens);
 * - idx_products_name and idx_products_price_desc let the "name" and "price_desc" sorts read the first
 *   page in order instead of sorting every visible product (price_asc already has (visible, min_price_fen));
 * - idx_products_name_en_prefix serves the one-letter query, which matches English names by prefix.
 */
export class CatalogBrowseIndexes1795891500000 implements MigrationInterface {
  name = 'CatalogBrowseIndexes1795891500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_products_facets" ON "products" ("category_id", "origin_province_code", "origin_county_code", "storage_class") ` +
        `INCLUDE ("certified_from", "certified_until", "stock_units", "min_price_fen") WHERE visible`,
    );
    await queryRunner.query(`CREATE INDEX "idx_products_name" ON "products" ("name_zh", "id") WHERE visible`);
    await queryRunner.query(`CREATE INDEX "idx_products_price_desc" ON "products" ("min_price_fen" DESC NULLS LAST, "id") WHERE visible`);
    await queryRunner.query(`CREATE INDEX "idx_products_name_en_prefix" ON "products" (lower("name_en") text_pattern_ops) WHERE visible`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_products_name_en_prefix"`);
    await queryRunner.query(`DROP INDEX "idx_products_price_desc"`);
    await queryRunner.query(`DROP INDEX "idx_products_name"`);
    await queryRunner.query(`DROP INDEX "idx_products_facets"`);
  }
}
