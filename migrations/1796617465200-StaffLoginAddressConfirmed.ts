import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A staff account's new login address waits, like a participant's, for the link sent to it: an
 * `email_change_requests` row is now a participant's or a staff account's (`user_id`), with the
 * admin or 主催者 who asked (`requested_by_id`).
 */
export class StaffLoginAddressConfirmed1796617465200 implements MigrationInterface {
  name = 'StaffLoginAddressConfirmed1796617465200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "email_change_requests" ADD "user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "email_change_requests" ADD "requested_by_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "email_change_requests" ALTER COLUMN "participant_id" DROP NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_206d93811a457bce714ccb90ca" ON "email_change_requests"  ("user_id") WHERE user_id IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_change_requests" ADD CONSTRAINT "chk_email_change_requests_owner" CHECK (("participant_id" IS NULL) <> ("user_id" IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_change_requests" ADD CONSTRAINT "FK_45b3391d341b1a58def2881e8c2" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_change_requests" ADD CONSTRAINT "FK_f781b63d4af6ce725dd250a983a" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "email_change_requests" WHERE "participant_id" IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "email_change_requests" DROP CONSTRAINT "FK_f781b63d4af6ce725dd250a983a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_change_requests" DROP CONSTRAINT "FK_45b3391d341b1a58def2881e8c2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_change_requests" DROP CONSTRAINT "chk_email_change_requests_owner"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_206d93811a457bce714ccb90ca"`);
    await queryRunner.query(`ALTER TABLE "email_change_requests" ALTER COLUMN "participant_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "email_change_requests" DROP COLUMN "requested_by_id"`);
    await queryRunner.query(`ALTER TABLE "email_change_requests" DROP COLUMN "user_id"`);
  }
}
