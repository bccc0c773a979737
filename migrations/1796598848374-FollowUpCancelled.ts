import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 取りやめ of a follow-up: when it was cancelled. A cancelled one is closed (done_at set too), so
 * every open list and the partial index keep reading done_at IS NULL.
 */
export class FollowUpCancelled1796598848374 implements MigrationInterface {
  name = 'FollowUpCancelled1796598848374';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "follow_ups" ADD "cancelled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "chk_follow_ups_cancelled_closed" CHECK ("cancelled_at" IS NULL OR "done_at" IS NOT NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "chk_follow_ups_cancelled_closed"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP COLUMN "cancelled_at"`);
  }
}
