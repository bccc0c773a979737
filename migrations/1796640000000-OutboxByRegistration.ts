import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An event's emails about one registration, found without reading all of the event's: what an
 * invitee was last shown and whether an email to them is still being sent are asked for every
 * 日時変更 and 申込締切のお知らせ composed, and an event of 10,000 invitees has tens of thousands of
 * rows. Neither the claim nor the sent mark writes `params`, so their updates stay HOT.
 */
export class OutboxByRegistration1796640000000 implements MigrationInterface {
  name = 'OutboxByRegistration1796640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_outbox_messages_registration" ON "outbox_messages" ("event_id", (params ->> 'registrationId'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_messages_registration"`);
  }
}
