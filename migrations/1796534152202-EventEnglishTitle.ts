import { MigrationInterface, QueryRunner } from 'typeorm';

/** An event may carry an English title for participants whose language is English. */
export class EventEnglishTitle1796534152202 implements MigrationInterface {
  name = 'EventEnglishTitle1796534152202';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" ADD "title_en" character varying(200)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "title_en"`);
  }
}
