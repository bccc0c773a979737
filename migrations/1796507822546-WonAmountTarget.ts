import { MigrationInterface, QueryRunner } from 'typeorm';

/** 年度目標 for 成約金額, in 万円: the amount of the deals won in the year. */
export class WonAmountTarget1796507822546 implements MigrationInterface {
  name = 'WonAmountTarget1796507822546';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."report_metric" ADD VALUE 'WON_AMOUNT' AFTER 'DEALS_WON'`);
  }

  /** Going back drops the 成約金額 targets: the old type has no value for them. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "fiscal_year_targets" WHERE "metric"::text = 'WON_AMOUNT'`);
    await queryRunner.query(
      `CREATE TYPE "public"."report_metric_old" AS ENUM('EVENTS', 'REGISTRATIONS', 'ATTENDED', 'PARTICIPANTS', 'COMPANIES', 'NEW_COMPANIES', 'MEETINGS_HELD', 'DEALS_RECORDED', 'DEALS_WON', 'FOLLOW_UPS_DONE', 'GAINED_OPPORTUNITIES')`,
    );
    await queryRunner.query(
      `ALTER TABLE "fiscal_year_targets" ALTER COLUMN "metric" TYPE "public"."report_metric_old" USING "metric"::"text"::"public"."report_metric_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."report_metric"`);
    await queryRunner.query(`ALTER TYPE "public"."report_metric_old" RENAME TO "report_metric"`);
  }
}
