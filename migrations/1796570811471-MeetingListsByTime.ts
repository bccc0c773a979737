import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An event's meetings by start time and its requests by arrival, as staff page through them and
 * export them: each page of 200 continues from the last (time, id) by the index instead of sorting
 * all of the event's rows again (a large 商談会 has tens of thousands of each).
 */
export class MeetingListsByTime1796570811471 implements MigrationInterface {
  name = 'MeetingListsByTime1796570811471';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_meeting_requests_event_created" ON "meeting_requests" ("event_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_meetings_event_time" ON "meetings" ("event_id", "starts_at", "id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_meetings_event_time"`);
    await queryRunner.query(`DROP INDEX "public"."idx_meeting_requests_event_created"`);
  }
}
