import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 商談枠 of one event never overlap in time: the per-session unique indexes on meetings (one
 * meeting per person, slot and table) rule out double bookings only if a person cannot be in two
 * sessions at once. The span of a session is computed by an IMMUTABLE function because
 * `timestamptz + interval` is only STABLE (a day or month interval depends on the time zone); a
 * span in minutes does not, so the promise is true.
 *
 * An event that already has overlapping sessions stops the migration with their ids: which one to
 * move is the organiser's decision, not the migration's.
 */
export class SessionsDoNotOverlap1796459963578 implements MigrationInterface {
  name = 'SessionsDoNotOverlap1796459963578';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(
      `CREATE FUNCTION matchmaking_session_span(starts_at timestamptz, slot_minutes integer, slot_count integer)
       RETURNS tstzrange LANGUAGE sql IMMUTABLE PARALLEL SAFE
       RETURN tstzrange(starts_at, starts_at + make_interval(mins => slot_minutes * slot_count))`,
    );
    const overlapping: { a: string; b: string }[] = await queryRunner.query(
      `SELECT a.id AS a, b.id AS b FROM matchmaking_sessions a
         JOIN matchmaking_sessions b ON b.event_id = a.event_id AND a.id < b.id
        WHERE matchmaking_session_span(a.starts_at, a.slot_minutes, a.slot_count)
           && matchmaking_session_span(b.starts_at, b.slot_minutes, b.slot_count)`,
    );
    if (overlapping.length > 0) {
      throw new Error(
        `matchmaking sessions overlap; move one of each pair first: ${overlapping.map((row) => `${row.a} / ${row.b}`).join(', ')}`,
      );
    }
    await queryRunner.query(
      `ALTER TABLE "matchmaking_sessions" ADD CONSTRAINT "ex_matchmaking_sessions_no_overlap" EXCLUDE USING gist ("event_id" WITH =, matchmaking_session_span("starts_at", "slot_minutes", "slot_count") WITH &&)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "matchmaking_sessions" DROP CONSTRAINT "ex_matchmaking_sessions_no_overlap"`,
    );
    await queryRunner.query(`DROP FUNCTION matchmaking_session_span(timestamptz, integer, integer)`);
  }
}
