import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why a meeting request was withdrawn, where a merge (名寄せ) did it, and the request it goes on
 * as: the page behind its answer link says the two profiles were joined and points to that one,
 * rather than that the request was withdrawn. Requests a merge withdrew before this are not known
 * as such, and their pages say they were withdrawn, as before.
 */
export class MeetingRequestsContinuedAfterMerge1796639451206 implements MigrationInterface {
  name = 'MeetingRequestsContinuedAfterMerge1796639451206';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."meeting_request_cancel_reason" AS ENUM('REQUESTER_PROFILES_MERGED', 'RECIPIENT_PROFILES_MERGED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" ADD "cancel_reason" "public"."meeting_request_cancel_reason"`,
    );
    await queryRunner.query(`ALTER TABLE "meeting_requests" ADD "continued_as_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "IDX_a53cba6f3bbb2e4ff36a24a3d0" ON "meeting_requests"  ("continued_as_id") WHERE continued_as_id IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" ADD CONSTRAINT "ck_meeting_requests_continued_as" CHECK ("continued_as_id" IS NULL OR "cancel_reason" IS NOT NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" ADD CONSTRAINT "ck_meeting_requests_cancel_reason" CHECK ("cancel_reason" IS NULL OR "status" = 'CANCELLED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" ADD CONSTRAINT "FK_dfa04652208996e09c6cb27184b" FOREIGN KEY ("continued_as_id") REFERENCES "meeting_requests"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" DROP CONSTRAINT "FK_dfa04652208996e09c6cb27184b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" DROP CONSTRAINT "ck_meeting_requests_cancel_reason"`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" DROP CONSTRAINT "ck_meeting_requests_continued_as"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_a53cba6f3bbb2e4ff36a24a3d0"`);
    await queryRunner.query(`ALTER TABLE "meeting_requests" DROP COLUMN "continued_as_id"`);
    await queryRunner.query(`ALTER TABLE "meeting_requests" DROP COLUMN "cancel_reason"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_request_cancel_reason"`);
  }
}
