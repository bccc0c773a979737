import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 商談の訂正の記録: each deal deleteDeal removes (kind DELETED), and each change updateDeal makes to
 * what a deal counts in a 年度 that has ended (kind CHANGED, with what it counts after the change in
 * the `*_after` columns), leaves a row with what the deal counted, who corrected it, when and why,
 * so that the report of a year that had ended can say how its deal figures moved afterwards
 * (年度終了後の訂正). Nothing is written for corrections made before: what they changed is not known.
 */
export class DealCorrections1796649244354 implements MigrationInterface {
  name = 'DealCorrections1796649244354';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."deal_correction_kind" AS ENUM('DELETED', 'CHANGED')`);
    await queryRunner.query(
      `CREATE TABLE "deal_corrections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."deal_correction_kind" NOT NULL, "deal_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "event_id" uuid, "participant_a_id" uuid, "participant_b_id" uuid, "title" character varying(200) NOT NULL, "type" "public"."deal_type" NOT NULL, "stage" "public"."deal_stage" NOT NULL, "amount_yen" bigint, "started_on" date NOT NULL, "closed_on" date, "type_after" "public"."deal_type", "stage_after" "public"."deal_stage", "amount_yen_after" bigint, "started_on_after" date, "closed_on_after" date, "corrected_by_id" uuid, "corrected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reason" text NOT NULL DEFAULT '', CONSTRAINT "PK_09d5bfa1120b6d58de9d8ebd3b6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d573a24a772c1424a28cd7866c" ON "deal_corrections"  ("participant_a_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f37dd5cb32d82be5e9a4691df7" ON "deal_corrections"  ("participant_b_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_988445d054e621e83ec7222d7b" ON "deal_corrections"  ("organization_id", "corrected_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_corrections" ADD CONSTRAINT "FK_17a392c7c7b2dca4f532489a9e2" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_corrections" ADD CONSTRAINT "FK_1403e0c46bc7b22810e147e614f" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_corrections" ADD CONSTRAINT "FK_d573a24a772c1424a28cd7866ce" FOREIGN KEY ("participant_a_id") REFERENCES "participants"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_corrections" ADD CONSTRAINT "FK_f37dd5cb32d82be5e9a4691df70" FOREIGN KEY ("participant_b_id") REFERENCES "participants"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_corrections" ADD CONSTRAINT "FK_2dcea0785e0cd00c09444c32b35" FOREIGN KEY ("corrected_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "deal_corrections" DROP CONSTRAINT "FK_2dcea0785e0cd00c09444c32b35"`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_corrections" DROP CONSTRAINT "FK_f37dd5cb32d82be5e9a4691df70"`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_corrections" DROP CONSTRAINT "FK_d573a24a772c1424a28cd7866ce"`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_corrections" DROP CONSTRAINT "FK_1403e0c46bc7b22810e147e614f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_corrections" DROP CONSTRAINT "FK_17a392c7c7b2dca4f532489a9e2"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_988445d054e621e83ec7222d7b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f37dd5cb32d82be5e9a4691df7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d573a24a772c1424a28cd7866c"`);
    await queryRunner.query(`DROP TABLE "deal_corrections"`);
    await queryRunner.query(`DROP TYPE "public"."deal_correction_kind"`);
  }
}
