import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An event's description and an organisation's postal address in English, for participants whose
 * locale is en, beside titleEn, venueEn and nameEn; null (every row so far) reads the Japanese.
 */
export class EnglishDescriptionAndAddress1796621552665 implements MigrationInterface {
  name = 'EnglishDescriptionAndAddress1796621552665';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizations" ADD "address_en" character varying(300)`);
    await queryRunner.query(`ALTER TABLE "events" ADD "description_en" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "description_en"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "address_en"`);
  }
}
