import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whom a digest introduced is read from the digests themselves (sent, or on their way), no longer
 * from a mark set when one was written: a digest that was skipped or failed introduced nobody.
 * Going back sets the mark again from every digest written.
 */
export class SuggestionIntroducedByDigests1796539311251 implements MigrationInterface {
  name = 'SuggestionIntroducedByDigests1796539311251';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "suggestions" DROP COLUMN "digested_at"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "suggestions" ADD "digested_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "suggestions" s SET "digested_at" = d.created_at
         FROM "outbox_messages" d
        WHERE d.template = 'suggestion-digest' AND d.event_id = s.event_id
          AND d.participant_id = s.participant_id
          AND s.id::text = ANY(string_to_array(d.params->>'suggestionIds', ','))`,
    );
  }
}
