import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * outbox_messages.shown: what a sent email showed its reader that later emails go by (today the
 * 申込締切 an invitee was asked to answer by), written with the row's SENT mark.
 *
 * Emails already sent are filled in where it can be known: a 申込締切のお知らせ and a 日時変更 that
 * carried a new deadline showed the one in their params (what was taken as told until now). An
 * invitation's deadline was not kept: those invitees go on being compared with the deadline before
 * the edit, as before.
 */
export class OutboxShown1796629200000 implements MigrationInterface {
  name = 'OutboxShown1796629200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "shown" jsonb`);
    await queryRunner.query(
      `UPDATE "outbox_messages"
          SET "shown" = jsonb_build_object('registrationClosesAt', NULLIF("params" ->> 'closesAt', ''))
        WHERE "status" = 'SENT' AND "template" IN ('invitation-deadline', 'event-changed')
          AND "params" ? 'closesAt'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "shown"`);
  }
}
