import { MigrationInterface, QueryRunner } from 'typeorm';

/** The venue in English, for participants whose locale is `en` (as the title has been). */
export class EventVenueEn1796549464030 implements MigrationInterface {
  name = 'EventVenueEn1796549464030';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" ADD "venue_en" character varying(300)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "venue_en"`);
  }
}
