import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings at the venue (会場内): at an event without 商談枠 an agreed request is a meeting at once,
 * with no session, slot or table (the event's hours as its time), so staff can record it held or
 * missed. The requests already agreed at such events get theirs here, as their agreement would now
 * have made them: unpublished, both sides in `meeting_participants` without a slot.
 */
export class MeetingsAtTheVenue1796608993058 implements MigrationInterface {
  name = 'MeetingsAtTheVenue1796608993058';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting_participants" ALTER COLUMN "session_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "meeting_participants" ALTER COLUMN "slot_index" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "meetings" ALTER COLUMN "session_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "meetings" ALTER COLUMN "slot_index" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "meetings" ALTER COLUMN "table_label" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "ck_meetings_slot_or_venue" CHECK (("session_id" IS NULL) = ("slot_index" IS NULL) AND ("session_id" IS NULL) = ("table_label" IS NULL))`,
    );
    await queryRunner.query(
      `WITH placed AS (
         INSERT INTO meetings (event_id, request_id, starts_at, ends_at, participant_a_id, participant_b_id)
         SELECT r.event_id, r.id, e.starts_at, e.ends_at, r.from_participant_id, r.to_participant_id
           FROM meeting_requests r JOIN events e ON e.id = r.event_id
          WHERE r.status = 'ACCEPTED'
            AND NOT EXISTS (SELECT 1 FROM matchmaking_sessions s WHERE s.event_id = r.event_id)
            AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.request_id = r.id AND m.status <> 'CANCELLED')
         RETURNING id, event_id, participant_a_id, participant_b_id)
       INSERT INTO meeting_participants (meeting_id, participant_id, event_id)
       SELECT placed.id, side.participant_id, placed.event_id
         FROM placed, LATERAL (VALUES (placed.participant_a_id), (placed.participant_b_id)) AS side(participant_id)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "meetings" WHERE "session_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "ck_meetings_slot_or_venue"`);
    await queryRunner.query(`ALTER TABLE "meetings" ALTER COLUMN "table_label" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "meetings" ALTER COLUMN "slot_index" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "meetings" ALTER COLUMN "session_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "meeting_participants" ALTER COLUMN "slot_index" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "meeting_participants" ALTER COLUMN "session_id" SET NOT NULL`);
  }
}
