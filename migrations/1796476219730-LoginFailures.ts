import { MigrationInterface, QueryRunner } from 'typeorm';

/** Wrong staff passwords in a row per address (hashed), so that login pauses after a few. */
export class LoginFailures1796476219730 implements MigrationInterface {
  name = 'LoginFailures1796476219730';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_failures" ("address_hash" character varying(64) NOT NULL, "failures" integer NOT NULL, "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a987c89bc3d19cecf24d1c1f381" PRIMARY KEY ("address_hash"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bce3b351799cb52fe30841a321" ON "login_failures"  ("last_failure_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_bce3b351799cb52fe30841a321"`);
    await queryRunner.query(`DROP TABLE "login_failures"`);
  }
}
