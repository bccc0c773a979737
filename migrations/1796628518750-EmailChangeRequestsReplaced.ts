import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An address change replaced by a later request, or called off, is kept and marked
 * (`replaced_at`, `called_off_at`) instead of deleted, so that the page behind its link still knows
 * whose link it was. Requests replaced or called off before this have no row: their links stay
 * answered as before.
 */
export class EmailChangeRequestsReplaced1796628518750 implements MigrationInterface {
  name = 'EmailChangeRequestsReplaced1796628518750';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "email_change_requests" ADD "replaced_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "email_change_requests" ADD "called_off_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_change_requests" ADD CONSTRAINT "chk_email_change_requests_one_end" CHECK (num_nonnulls("confirmed_at", "replaced_at", "called_off_at") <= 1)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Before, such requests were deleted: kept, they would read as waiting for confirmation.
    await queryRunner.query(
      `DELETE FROM "email_change_requests" WHERE "replaced_at" IS NOT NULL OR "called_off_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_change_requests" DROP CONSTRAINT "chk_email_change_requests_one_end"`,
    );
    await queryRunner.query(`ALTER TABLE "email_change_requests" DROP COLUMN "called_off_at"`);
    await queryRunner.query(`ALTER TABLE "email_change_requests" DROP COLUMN "replaced_at"`);
  }
}
