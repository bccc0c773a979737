import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each agenda email listed (meeting ids, times, tables), so the next agenda a participant
 * gets marks what changed since the one they hold: 【変更】, 【追加】 and 取り消しになった面談.
 * Agendas sent before this have no row; a participant's next agenda is then sent unmarked, as before.
 */
export class AgendaDeliveries1796505421564 implements MigrationInterface {
  name = 'AgendaDeliveries1796505421564';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "agenda_deliveries" ("outbox_message_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "event_id" uuid NOT NULL, "agenda" jsonb NOT NULL, "composed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_53e9655d042d23cf00c06ca4941" PRIMARY KEY ("outbox_message_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4bd3b3ded3a70a35525a5f9095" ON "agenda_deliveries"  ("participant_id", "event_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_deliveries" ADD CONSTRAINT "FK_53e9655d042d23cf00c06ca4941" FOREIGN KEY ("outbox_message_id") REFERENCES "outbox_messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_deliveries" ADD CONSTRAINT "FK_e5a2c553211dd40839c1cb82c1a" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_deliveries" ADD CONSTRAINT "FK_a5cbab0bba632cc94a0d1a786e5" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "agenda_deliveries" DROP CONSTRAINT "FK_a5cbab0bba632cc94a0d1a786e5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_deliveries" DROP CONSTRAINT "FK_e5a2c553211dd40839c1cb82c1a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_deliveries" DROP CONSTRAINT "FK_53e9655d042d23cf00c06ca4941"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_4bd3b3ded3a70a35525a5f9095"`);
    await queryRunner.query(`DROP TABLE "agenda_deliveries"`);
  }
}
