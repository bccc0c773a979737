import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 商談の削除の記録: each deal deleteDeal removes leaves a row with what it counted in the 年度
 * figures, who deleted it, when and why, so that the report of a year that had ended can say how
 * much its deal figures went down afterwards (年度終了後の訂正（削除）). Nothing is written for
 * the deals deleted before: their figures are gone.
 */
export class DealDeletions1796646316975 implements MigrationInterface {
  name = 'DealDeletions1796646316975';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "deal_deletions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "deal_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "event_id" uuid, "participant_a_id" uuid, "participant_b_id" uuid, "type" "public"."deal_type" NOT NULL, "stage" "public"."deal_stage" NOT NULL, "title" character varying(200) NOT NULL, "amount_yen" bigint, "started_on" date NOT NULL, "closed_on" date, "deleted_by_id" uuid, "deleted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reason" text NOT NULL DEFAULT '', CONSTRAINT "PK_86be4c998d9aa46035c0bec2a19" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cec596f9fb72ae46bed566942e" ON "deal_deletions"  ("participant_a_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_278a07375e37e34bee030e3058" ON "deal_deletions"  ("participant_b_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a6ba95c86c0168a2c8eb62d51b" ON "deal_deletions"  ("organization_id", "deleted_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_deletions" ADD CONSTRAINT "FK_129dff1d931e83fdf71b1419540" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_deletions" ADD CONSTRAINT "FK_bdcfc45a75c813f19e4acac544a" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_deletions" ADD CONSTRAINT "FK_cec596f9fb72ae46bed566942e6" FOREIGN KEY ("participant_a_id") REFERENCES "participants"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_deletions" ADD CONSTRAINT "FK_278a07375e37e34bee030e30581" FOREIGN KEY ("participant_b_id") REFERENCES "participants"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deal_deletions" ADD CONSTRAINT "FK_761622acbfa4498a9df0499405c" FOREIGN KEY ("deleted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deal_deletions" DROP CONSTRAINT "FK_761622acbfa4498a9df0499405c"`);
    await queryRunner.query(`ALTER TABLE "deal_deletions" DROP CONSTRAINT "FK_278a07375e37e34bee030e30581"`);
    await queryRunner.query(`ALTER TABLE "deal_deletions" DROP CONSTRAINT "FK_cec596f9fb72ae46bed566942e6"`);
    await queryRunner.query(`ALTER TABLE "deal_deletions" DROP CONSTRAINT "FK_bdcfc45a75c813f19e4acac544a"`);
    await queryRunner.query(`ALTER TABLE "deal_deletions" DROP CONSTRAINT "FK_129dff1d931e83fdf71b1419540"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a6ba95c86c0168a2c8eb62d51b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_278a07375e37e34bee030e3058"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cec596f9fb72ae46bed566942e"`);
    await queryRunner.query(`DROP TABLE "deal_deletions"`);
  }
}
