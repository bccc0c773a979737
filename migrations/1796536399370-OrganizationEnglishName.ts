import { MigrationInterface, QueryRunner } from 'typeorm';

/** An organisation may carry an English name for participants whose language is English. */
export class OrganizationEnglishName1796536399370 implements MigrationInterface {
  name = 'OrganizationEnglishName1796536399370';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizations" ADD "name_en" character varying(200)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "name_en"`);
  }
}
