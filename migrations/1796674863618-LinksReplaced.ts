import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A link ended because a newer email took its place (staff invited the person again) records when,
 * so that its page says so rather than that it expired: the answer and cancel links of an earlier
 * round of invitation. Those already in mailboxes are marked as the new invitation would have
 * marked them: each link made before a later round's invitation email was written, by the first
 * such email after it (a round whose invitee could not be emailed wrote none, and marks nothing).
 */
export class LinksReplaced1796674863618 implements MigrationInterface {
  name = 'LinksReplaced1796674863618';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "action_tokens" ADD "replaced_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `WITH replaced AS (
         SELECT t."id", min(m."created_at") AS "at"
           FROM "registrations" r
           JOIN "action_tokens" t
             ON t."subject_id" = r."id" AND t."purpose" IN ('invitation-response', 'registration-cancel')
           CROSS JOIN generate_series(2, r."invitation_round") AS round
           JOIN "outbox_messages" m
             ON m."key" = 'invitation-' || r."id" || '-r' || round AND m."created_at" > t."created_at"
          WHERE r."invitation_round" > 1
          GROUP BY t."id")
       UPDATE "action_tokens" t SET "replaced_at" = replaced."at" FROM replaced WHERE t."id" = replaced."id"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "action_tokens" DROP COLUMN "replaced_at"`);
  }
}
