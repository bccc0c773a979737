import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox rows addressed to a staff member are counted per person (the password-reset limit). */
export class OutboxStaffRecipientIndex1796478890796 implements MigrationInterface {
  name = 'OutboxStaffRecipientIndex1796478890796';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_outbox_messages_user" ON "outbox_messages"  ("user_id") WHERE user_id IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_messages_user"`);
  }
}
