import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 名寄せ: pairs of participants staff have found to be two people (別人), so that the pair is no
 * longer offered as a duplicate.
 */
export class ParticipantDistinctPairs1796547494789 implements MigrationInterface {
  name = 'ParticipantDistinctPairs1796547494789';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "participant_distinct_pairs" ("first_participant_id" uuid NOT NULL, "second_participant_id" uuid NOT NULL, "marked_by_user_id" uuid, "marked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_participant_distinct_pairs_order" CHECK ("first_participant_id" < "second_participant_id"), CONSTRAINT "PK_2a677d5933fb14e13d2d6557534" PRIMARY KEY ("first_participant_id", "second_participant_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c0bccce5b9cf84d8f060fb1e80" ON "participant_distinct_pairs"  ("second_participant_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "participant_distinct_pairs" ADD CONSTRAINT "FK_ad7406fe33730d20bfc548103fe" FOREIGN KEY ("first_participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant_distinct_pairs" ADD CONSTRAINT "FK_c0bccce5b9cf84d8f060fb1e803" FOREIGN KEY ("second_participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant_distinct_pairs" ADD CONSTRAINT "FK_a4db59c8addefbda4cd049c24a4" FOREIGN KEY ("marked_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "participant_distinct_pairs" DROP CONSTRAINT "FK_a4db59c8addefbda4cd049c24a4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant_distinct_pairs" DROP CONSTRAINT "FK_c0bccce5b9cf84d8f060fb1e803"`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant_distinct_pairs" DROP CONSTRAINT "FK_ad7406fe33730d20bfc548103fe"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_c0bccce5b9cf84d8f060fb1e80"`);
    await queryRunner.query(`DROP TABLE "participant_distinct_pairs"`);
  }
}
