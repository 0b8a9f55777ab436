import { MigrationInterface, QueryRunner } from 'typeorm';

export class CompletionPolicy1795891329603 implements MigrationInterface {
  name = 'CompletionPolicy1795891329603';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisations" ADD "requires_evaluation" boolean NOT NULL DEFAULT true`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "requires_evaluation"`);
  }
}
