import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox rows can be addressed to a staff member (users) instead of a participant. */
export class StaffMail1795317481951 implements MigrationInterface {
  name = 'StaffMail1795317481951';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "user_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "outbox_messages" ADD CONSTRAINT "FK_2da2b5a8ebd90e1ad73b785f9ef" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "FK_2da2b5a8ebd90e1ad73b785f9ef"`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "user_id"`);
  }
}
