import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A removed 商談枠 can be given up (`given_up_at`): staff made the event one without 商談枠 again
 * (revertToNoMatchmakingSessions), so the removed session no longer says that a grid is being built
 * again, and agreed meetings are at the venue. Only a removed session is given up.
 *
 * On the way down such an event counts its removed sessions again (one with 商談枠 whose grid is
 * being built again); the meetings at the venue agreed there stay as they are.
 */
export class SessionsGivenUp1796641000000 implements MigrationInterface {
  name = 'SessionsGivenUp1796641000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "matchmaking_sessions" ADD "given_up_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "matchmaking_sessions" ADD CONSTRAINT "chk_matchmaking_sessions_given_up_removed" CHECK ("given_up_at" IS NULL OR "removed_at" IS NOT NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "matchmaking_sessions" DROP CONSTRAINT "chk_matchmaking_sessions_given_up_removed"`,
    );
    await queryRunner.query(`ALTER TABLE "matchmaking_sessions" DROP COLUMN "given_up_at"`);
  }
}
