import { MigrationInterface, QueryRunner } from 'typeorm';

export class Agreements1795899927459 implements MigrationInterface {
  name = 'Agreements1795899927459';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "agreements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(32) NOT NULL, "buyer_id" uuid NOT NULL, "supplier_id" uuid NOT NULL, "status" character varying(12) NOT NULL, "proposed_side" character varying(8) NOT NULL, "created_by" uuid NOT NULL, "current_version" integer, "committed_by" uuid, "activated_at" TIMESTAMP WITH TIME ZONE, "terminates_on" date, "terminated_side" character varying(8), "terminated_by" uuid, "termination_reason" text, "closed_at" TIMESTAMP WITH TIME ZONE, "commitment_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_01532f6c999d44c776e3d1fa4c8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c800fea32de457e4c2974bce78" ON "agreements"  ("number") `);
    await queryRunner.query(`CREATE INDEX "IDX_bff1219a2909fd5cb6e4c0eb99" ON "agreements"  ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_a03d21810a3f836a0883973b6e" ON "agreements"  ("supplier_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_442870460971424ccbc4abb239" ON "agreements"  ("buyer_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "agreement_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agreement_id" uuid NOT NULL, "version" integer NOT NULL, "status" character varying(12) NOT NULL, "proposed_side" character varying(8) NOT NULL, "proposed_by" uuid NOT NULL, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, "effective_from" date NOT NULL, "sku_id" uuid NOT NULL, "quantity" integer NOT NULL, "price_kind" character varying(16) NOT NULL, "unit_price_fen" bigint, "base_price_fen" bigint, "band_permille" integer, "schedule_kind" character varying(8) NOT NULL, "weekdays" smallint array NOT NULL DEFAULT '{}', "dates" date array NOT NULL DEFAULT '{}', "delivery_site_id" uuid, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "payment_method" character varying(16) NOT NULL, "invoicing" character varying(12) NOT NULL, "order_days_ahead" integer NOT NULL, "notice_days" integer NOT NULL, "note" text, CONSTRAINT "chk_agreement_versions_terms" CHECK ("quantity" > 0 AND "order_days_ahead" >= 0 AND "notice_days" >= 0 AND "ends_on" >= "starts_on"), CONSTRAINT "PK_f1bfb781c008000a73e52a29ccb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_agreement_versions_one_proposal" ON "agreement_versions"  ("agreement_id") WHERE status = 'proposed'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_98e72b1ca564c47e1b245c5890" ON "agreement_versions"  ("agreement_id", "version") `);
    await queryRunner.query(`CREATE TABLE "agreement_pauses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agreement_id" uuid NOT NULL, "from_date" date NOT NULL, "until_date" date, "side" character varying(8) NOT NULL, "created_by" uuid NOT NULL, "reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resumed_by" uuid, CONSTRAINT "PK_b01024040f499d56267f38fb62e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_4707102123fdd54fabbb86b222" ON "agreement_pauses"  ("agreement_id", "from_date") `);
    await queryRunner.query(`CREATE TABLE "agreement_delivery_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agreement_id" uuid NOT NULL, "delivery_date" date NOT NULL, "kind" character varying(12) NOT NULL, "substitute_sku_id" uuid, "quantity" integer, "unit_price_fen" bigint, "status" character varying(12) NOT NULL, "proposed_side" character varying(8) NOT NULL, "proposed_by" uuid NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cc0344b3be356cad099fe41de4d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_agreement_delivery_changes_live" ON "agreement_delivery_changes"  ("agreement_id", "delivery_date") WHERE status IN ('proposed', 'accepted')`);
    await queryRunner.query(`CREATE INDEX "IDX_ef1693f1bf7b6bbd6da5f61a52" ON "agreement_delivery_changes"  ("agreement_id", "delivery_date") `);
    await queryRunner.query(`CREATE TABLE "agreement_holds" ("agreement_id" uuid NOT NULL, "delivery_date" date NOT NULL, "lot_id" uuid NOT NULL, "sku_id" uuid NOT NULL, "quantity" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_agreement_holds_quantity" CHECK ("quantity" > 0), CONSTRAINT "PK_0f0a0c88e54a85ff62f0b1f89b4" PRIMARY KEY ("agreement_id", "delivery_date", "lot_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_a315d628bbc1107bf031982ba4" ON "agreement_holds"  ("sku_id") `);
    await queryRunner.query(`CREATE TABLE "agreement_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agreement_id" uuid NOT NULL, "delivery_date" date NOT NULL, "outcome" character varying(8) NOT NULL, "buyer_order_id" uuid, "version" integer NOT NULL, "sku_id" uuid NOT NULL, "quantity" integer NOT NULL, "unit_price_fen" bigint, "change_id" uuid, "reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_83166692f45506ebea997a5a520" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_279d3c4a2bc034f01c1c281192" ON "agreement_deliveries"  ("buyer_order_id") WHERE buyer_order_id IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ccae1ec042d3fbf3d124ba6209" ON "agreement_deliveries"  ("agreement_id", "delivery_date") `);
    await queryRunner.query(`CREATE TABLE "commitments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "supplier_id" uuid NOT NULL, "product_id" uuid NOT NULL, "sku_id" uuid NOT NULL, "harvest_month" date NOT NULL, "quantity" integer NOT NULL, "target_price_fen" bigint, "delivery_site_id" uuid, "note" text, "status" character varying(12) NOT NULL, "created_by" uuid NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, "decision_note" text, "agreement_id" uuid, "buyer_order_id" uuid, "converted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_commitments_quantity" CHECK ("quantity" > 0), CONSTRAINT "PK_82060edcfe810ce82b7565521af" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0e62e1887bb3b127e11baef9df" ON "commitments"  ("supplier_id", "harvest_month") `);
    await queryRunner.query(`CREATE INDEX "IDX_1d3f0fea650334a85727746fcf" ON "commitments"  ("organisation_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "issue_on" date`);
    await queryRunner.query(`ALTER TABLE "agreement_versions" ADD CONSTRAINT "FK_b5498431a4ab6908eeec22e7303" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "agreement_pauses" ADD CONSTRAINT "FK_0afc7157625bd694d38e0de5ac9" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "agreement_delivery_changes" ADD CONSTRAINT "FK_f1f75c6c01bdf7ceb0247e9e2d8" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "agreement_holds" ADD CONSTRAINT "FK_2839b8a90f998c11026b837b0e2" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "agreement_deliveries" ADD CONSTRAINT "FK_6c6a7e0711f51a34e27756174ca" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agreement_deliveries" DROP CONSTRAINT "FK_6c6a7e0711f51a34e27756174ca"`);
    await queryRunner.query(`ALTER TABLE "agreement_holds" DROP CONSTRAINT "FK_2839b8a90f998c11026b837b0e2"`);
    await queryRunner.query(`ALTER TABLE "agreement_delivery_changes" DROP CONSTRAINT "FK_f1f75c6c01bdf7ceb0247e9e2d8"`);
    await queryRunner.query(`ALTER TABLE "agreement_pauses" DROP CONSTRAINT "FK_0afc7157625bd694d38e0de5ac9"`);
    await queryRunner.query(`ALTER TABLE "agreement_versions" DROP CONSTRAINT "FK_b5498431a4ab6908eeec22e7303"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "issue_on"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1d3f0fea650334a85727746fcf"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0e62e1887bb3b127e11baef9df"`);
    await queryRunner.query(`DROP TABLE "commitments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ccae1ec042d3fbf3d124ba6209"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_279d3c4a2bc034f01c1c281192"`);
    await queryRunner.query(`DROP TABLE "agreement_deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a315d628bbc1107bf031982ba4"`);
    await queryRunner.query(`DROP TABLE "agreement_holds"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ef1693f1bf7b6bbd6da5f61a52"`);
    await queryRunner.query(`DROP INDEX "public"."uq_agreement_delivery_changes_live"`);
    await queryRunner.query(`DROP TABLE "agreement_delivery_changes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4707102123fdd54fabbb86b222"`);
    await queryRunner.query(`DROP TABLE "agreement_pauses"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_98e72b1ca564c47e1b245c5890"`);
    await queryRunner.query(`DROP INDEX "public"."uq_agreement_versions_one_proposal"`);
    await queryRunner.query(`DROP TABLE "agreement_versions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_442870460971424ccbc4abb239"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a03d21810a3f836a0883973b6e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bff1219a2909fd5cb6e4c0eb99"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c800fea32de457e4c2974bce78"`);
    await queryRunner.query(`DROP TABLE "agreements"`);
  }
}
