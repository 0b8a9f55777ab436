import { MigrationInterface, QueryRunner } from 'typeorm';

export class Statistics1795899449676 implements MigrationInterface {
  name = 'Statistics1795899449676';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "stat_attributions" ("id" BIGSERIAL NOT NULL, "figure" character varying(8) NOT NULL, "kind" character varying(10) NOT NULL, "source_key" character varying(80) NOT NULL DEFAULT '', "event_id" bigint, "recompute_run_id" uuid, "business_day" date NOT NULL, "recorded_on" date NOT NULL, "order_line_id" uuid NOT NULL, "buyer_order_id" uuid NOT NULL, "supplier_order_id" uuid NOT NULL, "pairing_id" uuid, "supplier_county_code" character(6) NOT NULL, "buyer_city_code" character(6) NOT NULL, "buyer_province_code" character(6) NOT NULL, "buyer_type" character varying(16) NOT NULL, "buyer_org_id" uuid NOT NULL, "category_id" integer NOT NULL, "certified" boolean NOT NULL, "certificate_no" character varying(64), "supplier_id" uuid NOT NULL, "households_linked" integer NOT NULL DEFAULT '0', "gross_fen" bigint NOT NULL, "refund_fen" bigint NOT NULL, "net_fen" bigint NOT NULL, "lines" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_stat_attributions_figure" CHECK ("figure" IN ('sales', 'counted')), CONSTRAINT "chk_stat_attributions_kind" CHECK ("kind" IN ('sale', 'completion', 'refund', 'credit', 'reversal')), CONSTRAINT "PK_91b88a39aeca36d8926c2cad143" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_29105d2ffadf16f6839ebbe472" ON "stat_attributions"  ("buyer_order_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_03e47adaa0ae554d0aeb1bfe25" ON "stat_attributions"  ("buyer_org_id", "figure", "business_day") `);
    await queryRunner.query(`CREATE INDEX "IDX_600a43e015b3e354a89b78670e" ON "stat_attributions"  ("figure", "business_day") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_stat_attributions_fact" ON "stat_attributions"  ("figure", "order_line_id", "kind", "source_key") `);
    await queryRunner.query(`CREATE TABLE "stat_daily" ("id" BIGSERIAL NOT NULL, "figure" character varying(8) NOT NULL, "business_day" date NOT NULL, "recorded_on" date NOT NULL, "pairing_key" character varying(36) NOT NULL, "supplier_county_code" character(6) NOT NULL, "buyer_city_code" character(6) NOT NULL, "buyer_province_code" character(6) NOT NULL, "buyer_type" character varying(16) NOT NULL, "category_id" integer NOT NULL, "certified" boolean NOT NULL, "supplier_id" uuid NOT NULL, "gross_fen" bigint NOT NULL, "refund_fen" bigint NOT NULL, "net_fen" bigint NOT NULL, "lines" integer NOT NULL, CONSTRAINT "PK_aa14a9f577484bb2931397b5ca2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_stat_daily_key" ON "stat_daily"  ("figure", "business_day", "recorded_on", "pairing_key", "supplier_county_code", "buyer_city_code", "buyer_province_code", "buyer_type", "category_id", "certified", "supplier_id") `);
    await queryRunner.query(`CREATE TABLE "stat_monthly" ("id" BIGSERIAL NOT NULL, "figure" character varying(8) NOT NULL, "month" date NOT NULL, "grain" smallint NOT NULL, "supplier_county_code" character varying(6) NOT NULL, "buyer_city_code" character varying(6) NOT NULL, "dim_key" character varying(36) NOT NULL, "gross_fen" bigint NOT NULL, "refund_fen" bigint NOT NULL, "net_fen" bigint NOT NULL, "lines" integer NOT NULL, CONSTRAINT "PK_7fb7fffb16bfaf2ddc6cb77136d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_stat_monthly_key" ON "stat_monthly"  ("figure", "grain", "month", "supplier_county_code", "buyer_city_code", "dim_key") `);
    await queryRunner.query(`CREATE TABLE "stat_event_ledger" ("event_id" bigint NOT NULL, "records" integer NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d63d7669c7b40185a841e96bda4" PRIMARY KEY ("event_id"))`);
    await queryRunner.query(`CREATE TABLE "stat_watermarks" ("consumer" character varying(40) NOT NULL, "last_tx_id" bigint NOT NULL DEFAULT '0', "last_event_id" bigint NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7a6027a4dc75bd735e0092d4348" PRIMARY KEY ("consumer"))`);
    await queryRunner.query(`CREATE TABLE "stat_recompute_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "trigger" character varying(16) NOT NULL, "requested_by" uuid, "from_day" date NOT NULL, "to_day" date NOT NULL, "repair" boolean NOT NULL DEFAULT true, "status" character varying(12) NOT NULL, "facts_compared" integer NOT NULL DEFAULT '0', "differences_count" integer NOT NULL DEFAULT '0', "differences" jsonb NOT NULL DEFAULT '[]', "repaired_records" integer NOT NULL DEFAULT '0', "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_edd9965fa8c2b7ac489ce8e341a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "stat_targets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "year" integer NOT NULL, "figure" character varying(8) NOT NULL, "amount_fen" bigint NOT NULL, "set_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_stat_targets_amount" CHECK ("amount_fen" > 0), CONSTRAINT "PK_8c4fdd43a6278ccabdf9c677184" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_bd15ac2c3181e1514baa76e4b0" ON "stat_targets"  ("jurisdiction_id", "year", "figure") `);
    await queryRunner.query(`CREATE TABLE "reserved_share_filings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "year" integer NOT NULL, "kind" character varying(16) NOT NULL, "shared_with_id" uuid, "canteen_budget_fen" bigint, "share_permille" integer, "reserved_fen" bigint, "filed_by" uuid NOT NULL, "filed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_reserved_share_kind" CHECK ("kind" IN ('own_canteen', 'shared_canteen', 'no_canteen')), CONSTRAINT "PK_d73e5d594499ce7e852a531a74b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_dc9e2beada35c010045d7c702f" ON "reserved_share_filings"  ("organisation_id", "year") `);
    await queryRunner.query(`ALTER TABLE "organisations" ADD "min_reserved_share_permille" integer`);
    await queryRunner.query(`ALTER TABLE "outbox_events" ADD "tx_id" bigint NOT NULL DEFAULT 0`);
    // Events written before this migration were all committed: they come first, in id order.
    await queryRunner.query(`ALTER TABLE "outbox_events" ALTER COLUMN "tx_id" DROP DEFAULT`);
    await queryRunner.query(`CREATE INDEX "IDX_35a99f08efa347cb94ab2aa6d1" ON "buyer_orders"  ("completed_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_368777cdd819fd812563468b8a" ON "buyer_orders"  ("paid_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_228f7c884086cb7f1cf7d699b7" ON "outbox_events"  ("tx_id", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_357de59ea93fc6afd9c408b708" ON "claims"  ("settled_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_4ab6ae263eb9146ab5d3798c5b" ON "claims"  ("order_line_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_4ab6ae263eb9146ab5d3798c5b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_357de59ea93fc6afd9c408b708"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_228f7c884086cb7f1cf7d699b7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_368777cdd819fd812563468b8a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_35a99f08efa347cb94ab2aa6d1"`);
    await queryRunner.query(`ALTER TABLE "outbox_events" DROP COLUMN "tx_id"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "min_reserved_share_permille"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dc9e2beada35c010045d7c702f"`);
    await queryRunner.query(`DROP TABLE "reserved_share_filings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bd15ac2c3181e1514baa76e4b0"`);
    await queryRunner.query(`DROP TABLE "stat_targets"`);
    await queryRunner.query(`DROP TABLE "stat_recompute_runs"`);
    await queryRunner.query(`DROP TABLE "stat_watermarks"`);
    await queryRunner.query(`DROP TABLE "stat_event_ledger"`);
    await queryRunner.query(`DROP INDEX "public"."uq_stat_monthly_key"`);
    await queryRunner.query(`DROP TABLE "stat_monthly"`);
    await queryRunner.query(`DROP INDEX "public"."uq_stat_daily_key"`);
    await queryRunner.query(`DROP TABLE "stat_daily"`);
    await queryRunner.query(`DROP INDEX "public"."uq_stat_attributions_fact"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_600a43e015b3e354a89b78670e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_03e47adaa0ae554d0aeb1bfe25"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_29105d2ffadf16f6839ebbe472"`);
    await queryRunner.query(`DROP TABLE "stat_attributions"`);
  }
}
