import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ids of profiles merged into another (名寄せ), each with the profile it went into: links
 * emailed to the merged profile find the person through it.
 */
export class MergedParticipants1796631001012 implements MigrationInterface {
  name = 'MergedParticipants1796631001012';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "merged_participants" ("merged_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "merged_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c0ab01f5bdf2a4b38133864b870" PRIMARY KEY ("merged_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_58e5f3f945f8e69b445254cdd5" ON "merged_participants"  ("participant_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "merged_participants" ADD CONSTRAINT "FK_58e5f3f945f8e69b445254cdd5b" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "merged_participants" DROP CONSTRAINT "FK_58e5f3f945f8e69b445254cdd5b"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_58e5f3f945f8e69b445254cdd5"`);
    await queryRunner.query(`DROP TABLE "merged_participants"`);
  }
}
