import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The company a profile named when each 変更履歴 entry was recorded. Entries recorded before stay
 * without one: the company at the time was not kept, and the current one would mislead.
 */
export class ProfileChangeCompany1796631500000 implements MigrationInterface {
  name = 'ProfileChangeCompany1796631500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participant_profile_changes" ADD "company_name" character varying`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participant_profile_changes" DROP COLUMN "company_name"`);
  }
}
