import { MigrationInterface, QueryRunner } from 'typeorm';

/** Participants record 最終更新 (when the profile last changed, and which staff account or the person did it). */
export class ParticipantLastUpdate1796480123991 implements MigrationInterface {
  name = 'ParticipantLastUpdate1796480123991';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "participants" ADD "profile_updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(`ALTER TABLE "participants" ADD "profile_updated_by_user_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "participants" ADD "profile_updated_by_self" boolean NOT NULL DEFAULT false`,
    );
    // Rows written before this: the last write is the best time there is, and who made it is not known.
    await queryRunner.query(`UPDATE "participants" SET "profile_updated_at" = "updated_at"`);
    await queryRunner.query(
      `ALTER TABLE "participants" ADD CONSTRAINT "FK_eb2f1b26b2171badb3a4eb01b0d" FOREIGN KEY ("profile_updated_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "FK_eb2f1b26b2171badb3a4eb01b0d"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP COLUMN "profile_updated_by_self"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP COLUMN "profile_updated_by_user_id"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP COLUMN "profile_updated_at"`);
  }
}
