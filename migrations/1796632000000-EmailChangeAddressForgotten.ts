import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An address change never confirmed loses the address it asked for EMAIL_CHANGE_RETENTION_DAYS
 * after it ended (`new_email` NULL); the rest of the row stays, for the page behind its link. A
 * confirmed one keeps it: it became the owner's address.
 */
export class EmailChangeAddressForgotten1796632000000 implements MigrationInterface {
  name = 'EmailChangeAddressForgotten1796632000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "email_change_requests" ALTER COLUMN "new_email" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "email_change_requests" ADD CONSTRAINT "chk_email_change_requests_confirmed_address" CHECK ("new_email" IS NOT NULL OR "confirmed_at" IS NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "email_change_requests" DROP CONSTRAINT "chk_email_change_requests_confirmed_address"`,
    );
    // Before, a request had its address until the person was erased: one without it goes.
    await queryRunner.query(`DELETE FROM "email_change_requests" WHERE "new_email" IS NULL`);
    await queryRunner.query(`ALTER TABLE "email_change_requests" ALTER COLUMN "new_email" SET NOT NULL`);
  }
}
