import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The message the person asked sends with their answer (or with the request they made back, which
 * accepts the one waiting for them), shown to the requester in the answer's email.
 */
export class MeetingRequestReply1796506213500 implements MigrationInterface {
  name = 'MeetingRequestReply1796506213500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting_requests" ADD "reply" text NOT NULL DEFAULT ''`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting_requests" DROP COLUMN "reply"`);
  }
}
