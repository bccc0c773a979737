import { MigrationInterface, QueryRunner } from 'typeorm';

/** 年度目標 for 新規参加事業者数: the companies taking part for the first time in the year. */
export class NewCompaniesTarget1796497313094 implements MigrationInterface {
  name = 'NewCompaniesTarget1796497313094';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TYPE "public"."report_metric" ADD VALUE 'NEW_COMPANIES' AFTER 'COMPANIES'`,
    );
  }

  /** Going back drops the 新規参加事業者数 targets: the old type has no value for them. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "fiscal_year_targets" WHERE "metric"::text = 'NEW_COMPANIES'`);
    await queryRunner.query(
      `CREATE TYPE "public"."report_metric_old" AS ENUM('EVENTS', 'REGISTRATIONS', 'ATTENDED', 'PARTICIPANTS', 'COMPANIES', 'MEETINGS_HELD', 'DEALS_RECORDED', 'DEALS_WON', 'FOLLOW_UPS_DONE', 'GAINED_OPPORTUNITIES')`,
    );
    await queryRunner.query(
      `ALTER TABLE "fiscal_year_targets" ALTER COLUMN "metric" TYPE "public"."report_metric_old" USING "metric"::"text"::"public"."report_metric_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."report_metric"`);
    await queryRunner.query(`ALTER TYPE "public"."report_metric_old" RENAME TO "report_metric"`);
  }
}
