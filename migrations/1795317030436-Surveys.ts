import { MigrationInterface, QueryRunner } from 'typeorm';

/** アンケート: one post-event answer per registration (受注機会の拡大, 満足度, comment). */
export class Surveys1795317030436 implements MigrationInterface {
  name = 'Surveys1795317030436';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "survey_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "registration_id" uuid NOT NULL, "event_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "gained_opportunities" boolean NOT NULL, "satisfaction" smallint NOT NULL, "comment" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_survey_responses_satisfaction" CHECK ("satisfaction" BETWEEN 1 AND 5), CONSTRAINT "PK_349995c51959d139d8e485a58ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_98b26da149cfe4050d5c2af588" ON "survey_responses"  ("registration_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5161cb9bd05c40bbd84cd48ee8" ON "survey_responses"  ("event_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_responses" ADD CONSTRAINT "FK_98b26da149cfe4050d5c2af5885" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_responses" ADD CONSTRAINT "FK_5161cb9bd05c40bbd84cd48ee87" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_responses" ADD CONSTRAINT "FK_babd6da576ab6d31e02422a4af7" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "survey_responses" DROP CONSTRAINT "FK_babd6da576ab6d31e02422a4af7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_responses" DROP CONSTRAINT "FK_5161cb9bd05c40bbd84cd48ee87"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_responses" DROP CONSTRAINT "FK_98b26da149cfe4050d5c2af5885"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_5161cb9bd05c40bbd84cd48ee8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_98b26da149cfe4050d5c2af588"`);
    await queryRunner.query(`DROP TABLE "survey_responses"`);
  }
}
