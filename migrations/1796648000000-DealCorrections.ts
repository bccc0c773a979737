import { MigrationInterface, QueryRunner } from 'typeorm';

/** The constraints and indexes of deal_deletions, under the names TypeORM gives deal_corrections'. */
const RENAMED = {
  constraints: [
    ['PK_86be4c998d9aa46035c0bec2a19', 'PK_09d5bfa1120b6d58de9d8ebd3b6'],
    ['FK_129dff1d931e83fdf71b1419540', 'FK_17a392c7c7b2dca4f532489a9e2'],
    ['FK_bdcfc45a75c813f19e4acac544a', 'FK_1403e0c46bc7b22810e147e614f'],
    ['FK_cec596f9fb72ae46bed566942e6', 'FK_d573a24a772c1424a28cd7866ce'],
    ['FK_278a07375e37e34bee030e30581', 'FK_f37dd5cb32d82be5e9a4691df70'],
    ['FK_761622acbfa4498a9df0499405c', 'FK_2dcea0785e0cd00c09444c32b35'],
  ],
  indexes: [
    ['IDX_cec596f9fb72ae46bed566942e', 'IDX_d573a24a772c1424a28cd7866c'],
    ['IDX_278a07375e37e34bee030e3058', 'IDX_f37dd5cb32d82be5e9a4691df7'],
    ['IDX_a6ba95c86c0168a2c8eb62d51b', 'IDX_988445d054e621e83ec7222d7b'],
  ],
};

/**
 * 商談の訂正の記録: the record of a deleted deal (deal_deletions) becomes one kind of correction,
 * beside the changes updateDeal makes to what a deal counts in a 年度 that has ended: the same row,
 * with what the deal counts after the change (`*_after`, null for a deletion). The deletions
 * recorded so far stay, as kind DELETED, with who deleted them and when (`corrected_by_id`,
 * `corrected_at`). Changes made before this have no record: what they changed is not known.
 */
export class DealCorrections1796648000000 implements MigrationInterface {
  name = 'DealCorrections1796648000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."deal_correction_kind" AS ENUM('DELETED', 'CHANGED')`);
    await queryRunner.query(`ALTER TABLE "deal_deletions" RENAME TO "deal_corrections"`);
    await queryRunner.query(
      `ALTER TABLE "deal_corrections" ADD "kind" "public"."deal_correction_kind" NOT NULL DEFAULT 'DELETED'`,
    );
    await queryRunner.query(`ALTER TABLE "deal_corrections" ALTER COLUMN "kind" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "deal_corrections" RENAME COLUMN "deleted_by_id" TO "corrected_by_id"`,
    );
    await queryRunner.query(`ALTER TABLE "deal_corrections" RENAME COLUMN "deleted_at" TO "corrected_at"`);
    await queryRunner.query(
      `ALTER TABLE "deal_corrections" ADD "type_after" "public"."deal_type", ADD "stage_after" "public"."deal_stage",
         ADD "amount_yen_after" bigint, ADD "started_on_after" date, ADD "closed_on_after" date`,
    );
    for (const [from, to] of RENAMED.constraints)
      await queryRunner.query(`ALTER TABLE "deal_corrections" RENAME CONSTRAINT "${from}" TO "${to}"`);
    for (const [from, to] of RENAMED.indexes)
      await queryRunner.query(`ALTER INDEX "public"."${from}" RENAME TO "${to}"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // A change has no place among the deletions.
    await queryRunner.query(`DELETE FROM "deal_corrections" WHERE "kind" = 'CHANGED'`);
    for (const [from, to] of RENAMED.indexes)
      await queryRunner.query(`ALTER INDEX "public"."${to}" RENAME TO "${from}"`);
    for (const [from, to] of RENAMED.constraints)
      await queryRunner.query(`ALTER TABLE "deal_corrections" RENAME CONSTRAINT "${to}" TO "${from}"`);
    await queryRunner.query(
      `ALTER TABLE "deal_corrections" DROP COLUMN "type_after", DROP COLUMN "stage_after",
         DROP COLUMN "amount_yen_after", DROP COLUMN "started_on_after", DROP COLUMN "closed_on_after"`,
    );
    await queryRunner.query(`ALTER TABLE "deal_corrections" RENAME COLUMN "corrected_at" TO "deleted_at"`);
    await queryRunner.query(
      `ALTER TABLE "deal_corrections" RENAME COLUMN "corrected_by_id" TO "deleted_by_id"`,
    );
    await queryRunner.query(`ALTER TABLE "deal_corrections" DROP COLUMN "kind"`);
    await queryRunner.query(`ALTER TABLE "deal_corrections" RENAME TO "deal_deletions"`);
    await queryRunner.query(`DROP TYPE "public"."deal_correction_kind"`);
  }
}
