import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deal recorded (recordDeal) after a 年度 ended, with dates in that year, changes its figures as
 * a deletion or a change does: it leaves a deal_corrections row of kind ADDED, with the deal as
 * recorded in the `*_after` columns and nothing before (type, stage and started_on null), so that
 * the year's report can say what it added and why (年度終了後の訂正（追加）). Nothing is written for
 * deals recorded before: whether they were reported with their year is not known.
 */
export class DealCorrectionsAdded1796668099856 implements MigrationInterface {
  name = 'DealCorrectionsAdded1796668099856';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."deal_correction_kind" ADD VALUE 'ADDED'`);
    await queryRunner.query(`ALTER TABLE "deal_corrections" ALTER COLUMN "type" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "deal_corrections" ALTER COLUMN "stage" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "deal_corrections" ALTER COLUMN "started_on" DROP NOT NULL`);
  }

  /** Going back forgets the additions: the old columns and type have no room for them. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "deal_corrections" WHERE "kind"::text = 'ADDED'`);
    await queryRunner.query(`ALTER TABLE "deal_corrections" ALTER COLUMN "started_on" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "deal_corrections" ALTER COLUMN "stage" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "deal_corrections" ALTER COLUMN "type" SET NOT NULL`);
    await queryRunner.query(`CREATE TYPE "public"."deal_correction_kind_old" AS ENUM('DELETED', 'CHANGED')`);
    await queryRunner.query(
      `ALTER TABLE "deal_corrections" ALTER COLUMN "kind" TYPE "public"."deal_correction_kind_old" USING "kind"::"text"::"public"."deal_correction_kind_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."deal_correction_kind"`);
    await queryRunner.query(
      `ALTER TYPE "public"."deal_correction_kind_old" RENAME TO "deal_correction_kind"`,
    );
  }
}
