import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each change of an event's date or place raises its iCalendar SEQUENCE, so calendars move the entry. */
export class EventSequence1796469850739 implements MigrationInterface {
  name = 'EventSequence1796469850739';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" ADD "sequence" integer NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "sequence"`);
  }
}
