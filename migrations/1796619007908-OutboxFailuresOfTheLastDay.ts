import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When and why an email was given up (failed_at, failure), so that /health/mail says what failed in
 * the last 24 hours after the rows have closed, counted from a partial index that holds only failed
 * rows. Emails that failed before this migration have neither and are not counted.
 */
export class OutboxFailuresOfTheLastDay1796619007908 implements MigrationInterface {
  name = 'OutboxFailuresOfTheLastDay1796619007908';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "failed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "failure" character varying(20)`);
    await queryRunner.query(
      `CREATE INDEX "idx_outbox_messages_failed" ON "outbox_messages"  ("failed_at", "failure") WHERE failed_at IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_messages_failed"`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "failure"`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "failed_at"`);
  }
}
