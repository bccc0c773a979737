import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agreed meetings the published schedule had no slot for are shown on the agenda (時間が未定の面談);
 * this records when both sides were first told, so publishing again does not repeat it.
 */
export class UnscheduledPublished1796501024417 implements MigrationInterface {
  name = 'UnscheduledPublished1796501024417';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" ADD "unscheduled_published_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting_requests" DROP COLUMN "unscheduled_published_at"`);
  }
}
