import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A 商談枠 removed by staff is kept, marked `removed_at`, instead of being deleted: the meetings
 * cancelled in it are history (キャンセル in the reports, lines of the CSVs and of exportMyData)
 * with its name and time, and deleting the session deleted them (ON DELETE CASCADE). Sessions are
 * no longer deleted under meetings (RESTRICT), and a removed one no longer holds its time: the
 * session added in its place may overlap it.
 *
 * On the way down the removed sessions are deleted, with the meetings cancelled in them, as
 * removing a session did before.
 */
export class SessionsRemovedKeepHistory1796628685135 implements MigrationInterface {
  name = 'SessionsRemovedKeepHistory1796628685135';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_980e7a59a936a0d64cbc5f1e1ea"`);
    await queryRunner.query(`ALTER TABLE "matchmaking_sessions" ADD "removed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_980e7a59a936a0d64cbc5f1e1ea" FOREIGN KEY ("session_id") REFERENCES "matchmaking_sessions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "matchmaking_sessions" DROP CONSTRAINT "ex_matchmaking_sessions_no_overlap"`,
    );
    await queryRunner.query(
      `ALTER TABLE "matchmaking_sessions" ADD CONSTRAINT "ex_matchmaking_sessions_no_overlap" EXCLUDE USING gist ("event_id" WITH =, matchmaking_session_span("starts_at", "slot_minutes", "slot_count") WITH &&) WHERE ("removed_at" IS NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_980e7a59a936a0d64cbc5f1e1ea"`);
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_980e7a59a936a0d64cbc5f1e1ea" FOREIGN KEY ("session_id") REFERENCES "matchmaking_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`DELETE FROM "matchmaking_sessions" WHERE "removed_at" IS NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "matchmaking_sessions" DROP CONSTRAINT "ex_matchmaking_sessions_no_overlap"`,
    );
    await queryRunner.query(
      `ALTER TABLE "matchmaking_sessions" ADD CONSTRAINT "ex_matchmaking_sessions_no_overlap" EXCLUDE USING gist ("event_id" WITH =, matchmaking_session_span("starts_at", "slot_minutes", "slot_count") WITH &&)`,
    );
    await queryRunner.query(`ALTER TABLE "matchmaking_sessions" DROP COLUMN "removed_at"`);
  }
}
