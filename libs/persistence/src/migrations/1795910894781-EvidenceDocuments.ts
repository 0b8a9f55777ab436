import { MigrationInterface, QueryRunner } from 'typeorm';

export class EvidenceDocuments1795910894781 implements MigrationInterface {
  name = 'EvidenceDocuments1795910894781';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "evidence_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_kind" character varying(16) NOT NULL, "owner_id" uuid NOT NULL, "supplier_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "filename" character varying(200) NOT NULL, "content_type" character varying(64) NOT NULL, "byte_size" integer NOT NULL, "storage_key" character varying(300) NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_evidence_documents_byte_size" CHECK ("byte_size" > 0), CONSTRAINT "chk_evidence_documents_owner_kind" CHECK ("owner_kind" IN ('certification', 'organisation')), CONSTRAINT "PK_b46a40c01287b3f561833b5964a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e01cdbb6062653b1d7cba338bd" ON "evidence_documents"  ("supplier_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_3323e69e9f0a238dc6849e37a9" ON "evidence_documents"  ("owner_kind", "owner_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "evidence_documents" ADD CONSTRAINT "FK_e01cdbb6062653b1d7cba338bd8" FOREIGN KEY ("supplier_id") REFERENCES "organisations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_documents" DROP CONSTRAINT "FK_e01cdbb6062653b1d7cba338bd8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3323e69e9f0a238dc6849e37a9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e01cdbb6062653b1d7cba338bd"`);
    await queryRunner.query(`DROP TABLE "evidence_documents"`);
  }
}
