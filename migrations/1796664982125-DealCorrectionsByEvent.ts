import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An event's report finds its deals' corrections (年度終了後の訂正) by the event, and deleting an
 * event sets their event to null: both read deal_corrections by event_id, which had no index.
 */
export class DealCorrectionsByEvent1796664982125 implements MigrationInterface {
  name = 'DealCorrectionsByEvent1796664982125';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_09806f99814f6dff088bef4e9e" ON "deal_corrections"  ("event_id", "corrected_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_09806f99814f6dff088bef4e9e"`);
  }
}
