import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why an address change was called off (`called_off_reason`), for the page behind its link: the
 * current address given again, the participant's address corrected by staff, or a merge of their
 * two profiles. Until now only the first called a change off: the rows called off so far were.
 */
export class EmailChangeCallOffReason1796629679824 implements MigrationInterface {
  name = 'EmailChangeCallOffReason1796629679824';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."email_change_call_off_reason" AS ENUM('WITHDRAWN', 'ADDRESS_CORRECTED', 'PROFILES_MERGED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_change_requests" ADD "called_off_reason" "public"."email_change_call_off_reason"`,
    );
    await queryRunner.query(
      `UPDATE "email_change_requests" SET "called_off_reason" = 'WITHDRAWN' WHERE "called_off_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_change_requests" ADD CONSTRAINT "chk_email_change_requests_call_off_reason" CHECK (("called_off_at" IS NULL) = ("called_off_reason" IS NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "email_change_requests" DROP CONSTRAINT "chk_email_change_requests_call_off_reason"`,
    );
    await queryRunner.query(`ALTER TABLE "email_change_requests" DROP COLUMN "called_off_reason"`);
    await queryRunner.query(`DROP TYPE "public"."email_change_call_off_reason"`);
  }
}
