import { MigrationInterface, QueryRunner } from 'typeorm';

/** Scheduling runs report progress in percent (0–100), as matching runs do, instead of 0–1. */
export class SchedulingProgressPercent1796467990663 implements MigrationInterface {
  name = 'SchedulingProgressPercent1796467990663';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scheduling_runs" ALTER COLUMN "progress" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "scheduling_runs" ALTER COLUMN "progress" TYPE smallint USING round("progress" * 100)`,
    );
    await queryRunner.query(`ALTER TABLE "scheduling_runs" ALTER COLUMN "progress" SET DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scheduling_runs" ALTER COLUMN "progress" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "scheduling_runs" ALTER COLUMN "progress" TYPE real USING "progress" / 100.0`,
    );
    await queryRunner.query(`ALTER TABLE "scheduling_runs" ALTER COLUMN "progress" SET DEFAULT '0'`);
  }
}
