import { MigrationInterface, QueryRunner } from 'typeorm';

export class EventSequence1796600000000 implements MigrationInterface {
  name = 'EventSequence1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" ADD "sequence" integer NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "sequence"`);
  }
}
