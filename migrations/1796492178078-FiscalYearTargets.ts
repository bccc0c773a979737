import { MigrationInterface, QueryRunner } from 'typeorm';

/** 年度目標: the figures an organisation aims for in a fiscal year, compared in its 年度実績報告. */
export class FiscalYearTargets1796492178078 implements MigrationInterface {
  name = 'FiscalYearTargets1796492178078';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."report_metric" AS ENUM('EVENTS', 'REGISTRATIONS', 'ATTENDED', 'PARTICIPANTS', 'COMPANIES', 'MEETINGS_HELD', 'DEALS_RECORDED', 'DEALS_WON', 'FOLLOW_UPS_DONE', 'GAINED_OPPORTUNITIES')`,
    );
    await queryRunner.query(
      `CREATE TABLE "fiscal_year_targets" ("organization_id" uuid NOT NULL, "fiscal_year" integer NOT NULL, "metric" "public"."report_metric" NOT NULL, "target" integer NOT NULL, "updated_by_user_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_fiscal_year_targets_target" CHECK ("target" >= 0), CONSTRAINT "PK_641e65ce1006f9bdbda05abb1c7" PRIMARY KEY ("organization_id", "fiscal_year", "metric"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "fiscal_year_targets" ADD CONSTRAINT "FK_c720c19b42f001c2f7c8c014662" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "fiscal_year_targets" ADD CONSTRAINT "FK_a7af97736946bd29c8850b7a7e2" FOREIGN KEY ("updated_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "fiscal_year_targets" DROP CONSTRAINT "FK_a7af97736946bd29c8850b7a7e2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "fiscal_year_targets" DROP CONSTRAINT "FK_c720c19b42f001c2f7c8c014662"`,
    );
    await queryRunner.query(`DROP TABLE "fiscal_year_targets"`);
    await queryRunner.query(`DROP TYPE "public"."report_metric"`);
  }
}
