import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes TypeORM cannot describe: a GIN index over the products' search tokens (array
 * containment, see docs/catalog-search.md), partial to what buyers can see.
 */
export class CatalogSearchIndex1795889300000 implements MigrationInterface {
  name = 'CatalogSearchIndex1795889300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_products_search_terms" ON "products" USING gin ("search_terms") WHERE visible`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_products_search_terms"`);
  }
}
