import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox rows are updated three times on their way (queued, claimed, sent). Before this, every
 * update wrote a new entry into each of the table's six indexes, because `status` was in three of
 * them. Now no index holds `status`: the relay's partial index keys on `is_open`, derived from it,
 * and pages keep 30% free, so queuing and claiming are HOT updates; only closing a row touches
 * the indexes.
 */
export class OutboxHotUpdates1795314304274 implements MigrationInterface {
  name = 'OutboxHotUpdates1795314304274';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_2481fa9ae16d58404c5eaa68a6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_10a9dc0167cd748bd1284fc8df"`);
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_messages_open"`);
    await queryRunner.query(
      `ALTER TABLE "outbox_messages" ADD "is_open" boolean GENERATED ALWAYS AS (status IN ('PENDING', 'SENDING')) STORED NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value")
       VALUES (current_database(), 'public', 'outbox_messages', 'GENERATED_COLUMN', 'is_open', $1)`,
      ["status IN ('PENDING', 'SENDING')"],
    );
    await queryRunner.query(`ALTER TABLE "outbox_messages" SET (fillfactor = 70)`);
    await queryRunner.query(
      `CREATE INDEX "idx_outbox_messages_open" ON "outbox_messages" ("created_at") WHERE is_open`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ed5542605ffc3effd25ef15653" ON "outbox_messages" ("batch_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_056a423c8da414f84f61e2ee45" ON "outbox_messages" ("event_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_056a423c8da414f84f61e2ee45"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ed5542605ffc3effd25ef15653"`);
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_messages_open"`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" RESET (fillfactor)`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata"
        WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'is_open' AND "database" = current_database()
          AND "schema" = 'public' AND "table" = 'outbox_messages'`,
    );
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "is_open"`);
    await queryRunner.query(
      `CREATE INDEX "idx_outbox_messages_open" ON "outbox_messages" ("created_at") WHERE status IN ('PENDING', 'SENDING')`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_10a9dc0167cd748bd1284fc8df" ON "outbox_messages" USING btree ("event_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2481fa9ae16d58404c5eaa68a6" ON "outbox_messages" USING btree ("batch_id", "status") `,
    );
  }
}
