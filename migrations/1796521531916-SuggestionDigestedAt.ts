import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a suggestion first went into a digest: a later run's digest introduces only the people not
 * introduced before, so a re-run of matching does not email everyone the same list again.
 */
export class SuggestionDigestedAt1796521531916 implements MigrationInterface {
  name = 'SuggestionDigestedAt1796521531916';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "suggestions" ADD "digested_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "suggestions" DROP COLUMN "digested_at"`);
  }
}
