import { MigrationInterface, QueryRunner } from 'typeorm';

/** 変更履歴 of pool profiles: which fields changed, from what to what, and who changed them. */
export class ParticipantProfileChanges1796493330723 implements MigrationInterface {
  name = 'ParticipantProfileChanges1796493330723';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "participant_profile_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participant_id" uuid NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "changed_by_user_id" uuid, "changed_by_self" boolean NOT NULL DEFAULT false, "changes" jsonb NOT NULL, CONSTRAINT "PK_8249f011a657b35c33e4b5c0128" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b17288b796d29fb2462e342b19" ON "participant_profile_changes"  ("participant_id", "changed_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "participant_profile_changes" ADD CONSTRAINT "FK_f36baf662f98384311f6b0ed66f" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant_profile_changes" ADD CONSTRAINT "FK_ef0be7b6ca92bc0de8736750850" FOREIGN KEY ("changed_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "participant_profile_changes" DROP CONSTRAINT "FK_ef0be7b6ca92bc0de8736750850"`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant_profile_changes" DROP CONSTRAINT "FK_f36baf662f98384311f6b0ed66f"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_b17288b796d29fb2462e342b19"`);
    await queryRunner.query(`DROP TABLE "participant_profile_changes"`);
  }
}
