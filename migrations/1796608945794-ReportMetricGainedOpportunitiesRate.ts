import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 年度目標 for the share of アンケート answers saying 受注機会の拡大 (%), beside the count of them, as
 * the 施策の指標 write it (「…と回答した企業の割合 目標50%」).
 */
export class ReportMetricGainedOpportunitiesRate1796608945794 implements MigrationInterface {
  name = 'ReportMetricGainedOpportunitiesRate1796608945794';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."report_metric" ADD VALUE 'GAINED_OPPORTUNITIES_RATE'`);
  }

  /** Going back drops the share's targets: the old type has no value for them. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "fiscal_year_targets" WHERE "metric"::text = 'GAINED_OPPORTUNITIES_RATE'`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."report_metric_old" AS ENUM('EVENTS', 'REGISTRATIONS', 'ATTENDED', 'PARTICIPANTS', 'COMPANIES', 'NEW_COMPANIES', 'MEETINGS_HELD', 'DEALS_RECORDED', 'DEALS_WON', 'WON_AMOUNT', 'FOLLOW_UPS_DONE', 'GAINED_OPPORTUNITIES')`,
    );
    await queryRunner.query(
      `ALTER TABLE "fiscal_year_targets" ALTER COLUMN "metric" TYPE "public"."report_metric_old" USING "metric"::"text"::"public"."report_metric_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."report_metric"`);
    await queryRunner.query(`ALTER TYPE "public"."report_metric_old" RENAME TO "report_metric"`);
  }
}
