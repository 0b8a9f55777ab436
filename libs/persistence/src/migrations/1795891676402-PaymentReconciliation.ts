import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payments: checkout session expiry, refund reasons and settlement, invoice number / transfer /
 * void facts, the overdue-invoice index, and the payment reconciliation reports (docs/payments.md).
 */
export class PaymentReconciliation1795891676402 implements MigrationInterface {
  name = 'PaymentReconciliation1795891676402';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "payment_reconciliation_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "trigger" character varying(16) NOT NULL, "requested_by" uuid, "status" character varying(16) NOT NULL, "window_from" TIMESTAMP WITH TIME ZONE NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "checked" jsonb NOT NULL DEFAULT '{}', "settled" jsonb NOT NULL DEFAULT '[]', "mismatches" jsonb NOT NULL DEFAULT '[]', "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b07a963ac8c02209b57367c6cc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_25e1679a6a44314cc0996a95ab" ON "payment_reconciliation_reports"  ("started_at") `);
    await queryRunner.query(`ALTER TABLE "payments" ADD "expires_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "refunds" ADD "reason" character varying(20) NOT NULL DEFAULT 'claim'`);
    await queryRunner.query(`ALTER TABLE "refunds" ADD "failure_message" text`);
    await queryRunner.query(`ALTER TABLE "refunds" ADD "settled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "number" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "hosted_invoice_url" text`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "issued_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "transfer_date" date`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "transfer_recorded_by" uuid`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "voided_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "void_reason" character varying(200)`);
    await queryRunner.query(`CREATE INDEX "IDX_298cb55cdf1a44fbcb097fdf69" ON "invoices"  ("status", "due_date") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_298cb55cdf1a44fbcb097fdf69"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "void_reason"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "voided_at"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "transfer_recorded_by"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "transfer_date"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "issued_at"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "hosted_invoice_url"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "number"`);
    await queryRunner.query(`ALTER TABLE "refunds" DROP COLUMN "settled_at"`);
    await queryRunner.query(`ALTER TABLE "refunds" DROP COLUMN "failure_message"`);
    await queryRunner.query(`ALTER TABLE "refunds" DROP COLUMN "reason"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP COLUMN "expires_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_25e1679a6a44314cc0996a95ab"`);
    await queryRunner.query(`DROP TABLE "payment_reconciliation_reports"`);
  }
}
