import { MigrationInterface, QueryRunner } from 'typeorm';

/** 個人情報の削除: when a participant was erased, and what the erasure did (answered again on a repeat). */
export class ParticipantErasure1795317518270 implements MigrationInterface {
  name = 'ParticipantErasure1795317518270';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participants" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "participants" ADD "erasure" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participants" DROP COLUMN "erasure"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP COLUMN "erased_at"`);
  }
}
