import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff accounts can be switched off (利用停止); their sessions end then and when the password changes. */
export class StaffAccountLifecycle1796476590945 implements MigrationInterface {
  name = 'StaffAccountLifecycle1796476590945';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "users" ADD "sessions_valid_after" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "sessions_valid_after"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "deactivated_at"`);
  }
}
