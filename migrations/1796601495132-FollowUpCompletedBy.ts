import { MigrationInterface, QueryRunner } from 'typeorm';

/** 実施者: the staff member who recorded a follow-up done (null for those done before, and if the account goes). */
export class FollowUpCompletedBy1796601495132 implements MigrationInterface {
  name = 'FollowUpCompletedBy1796601495132';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "follow_ups" ADD "completed_by_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "FK_550d093b0b785092ba5b6701c58" FOREIGN KEY ("completed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "FK_550d093b0b785092ba5b6701c58"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP COLUMN "completed_by_id"`);
  }
}
