import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What staff should check about a scheduling run that succeeded (`warnings`): a booth held by two
 * companies, which the run counted as one booth. Runs before this one have none.
 */
export class SchedulingRunWarnings1796630000000 implements MigrationInterface {
  name = 'SchedulingRunWarnings1796630000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scheduling_runs" ADD "warnings" jsonb NOT NULL DEFAULT '[]'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scheduling_runs" DROP COLUMN "warnings"`);
  }
}
