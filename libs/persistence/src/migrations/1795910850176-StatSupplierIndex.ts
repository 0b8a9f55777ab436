import { MigrationInterface, QueryRunner } from 'typeorm';

export class StatSupplierIndex1795910850176 implements MigrationInterface {
  name = 'StatSupplierIndex1795910850176';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_289ac91b17cd18624e0b010e7f" ON "stat_attributions"  ("supplier_id", "figure", "business_day") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_289ac91b17cd18624e0b010e7f"`);
  }
}
