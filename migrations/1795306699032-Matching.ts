import { MigrationInterface, QueryRunner } from 'typeorm';

export class Matching1795306699032 implements MigrationInterface {
  name = 'Matching1795306699032';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."matching_run_status" AS ENUM('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "matching_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "status" "public"."matching_run_status" NOT NULL DEFAULT 'QUEUED', "progress" smallint NOT NULL DEFAULT '0', "requested_by_user_id" uuid, "participant_count" integer, "suggestion_count" integer, "error" text, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c0bebed77bb3aa81e48b4654d40" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7d8881d3656cac3bc656ffcb96" ON "matching_runs"  ("event_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "suggestions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "suggested_participant_id" uuid NOT NULL, "rank" smallint NOT NULL, "score" real NOT NULL, "reasons" jsonb NOT NULL, "run_id" uuid NOT NULL, "dismissed" boolean NOT NULL DEFAULT false, "dismissed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_suggestion_event_pair" UNIQUE ("event_id", "participant_id", "suggested_participant_id"), CONSTRAINT "PK_745bbcb037ac379969b5fc7b352" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b69a97b2fc44484e5cbdc139cb" ON "suggestions"  ("suggested_participant_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_84ab19cbad75bc6c4b826eb96d" ON "suggestions"  ("run_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_8641b016d0e7c1d8d2c68fa920" ON "suggestions"  ("event_id", "participant_id", "rank") `,
    );
    await queryRunner.query(`ALTER TABLE "events" ADD "match_cross_industry_bonus" real`);
    await queryRunner.query(`ALTER TABLE "events" ADD "match_allow_exhibitor_pairs" boolean`);
    await queryRunner.query(
      `ALTER TABLE "matching_runs" ADD CONSTRAINT "FK_505233930649006cbf0f8f73bbf" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "suggestions" ADD CONSTRAINT "FK_fb24847c9528511997bdf748c2c" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "suggestions" ADD CONSTRAINT "FK_a89c8384120663fc3ec88eb3802" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "suggestions" ADD CONSTRAINT "FK_b69a97b2fc44484e5cbdc139cb8" FOREIGN KEY ("suggested_participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "suggestions" ADD CONSTRAINT "FK_84ab19cbad75bc6c4b826eb96d0" FOREIGN KEY ("run_id") REFERENCES "matching_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "suggestions" DROP CONSTRAINT "FK_84ab19cbad75bc6c4b826eb96d0"`);
    await queryRunner.query(`ALTER TABLE "suggestions" DROP CONSTRAINT "FK_b69a97b2fc44484e5cbdc139cb8"`);
    await queryRunner.query(`ALTER TABLE "suggestions" DROP CONSTRAINT "FK_a89c8384120663fc3ec88eb3802"`);
    await queryRunner.query(`ALTER TABLE "suggestions" DROP CONSTRAINT "FK_fb24847c9528511997bdf748c2c"`);
    await queryRunner.query(`ALTER TABLE "matching_runs" DROP CONSTRAINT "FK_505233930649006cbf0f8f73bbf"`);
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "match_allow_exhibitor_pairs"`);
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "match_cross_industry_bonus"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8641b016d0e7c1d8d2c68fa920"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_84ab19cbad75bc6c4b826eb96d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b69a97b2fc44484e5cbdc139cb"`);
    await queryRunner.query(`DROP TABLE "suggestions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7d8881d3656cac3bc656ffcb96"`);
    await queryRunner.query(`DROP TABLE "matching_runs"`);
    await queryRunner.query(`DROP TYPE "public"."matching_run_status"`);
  }
}
