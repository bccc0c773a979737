import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A participant's sessions from before their address changed end, as a staff member's do after a
 * new password: whoever signed in through the old address is signed out.
 */
export class ParticipantSessionsValidAfter1796542595846 implements MigrationInterface {
  name = 'ParticipantSessionsValidAfter1796542595846';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participants" ADD "sessions_valid_after" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participants" DROP COLUMN "sessions_valid_after"`);
  }
}
