import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participants change their address from a link sent to the new one (`email_change_requests`),
 * and mail about an address itself goes elsewhere than the participant's address
 * (`outbox_messages.to_address`: the new address to confirm, the old one told of the change).
 */
export class EmailChange1796539943051 implements MigrationInterface {
  name = 'EmailChange1796539943051';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "email_change_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participant_id" uuid NOT NULL, "new_email" character varying(254) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "confirmed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_bd4c3add2b94c4ee2207d9234d6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b614dd8199292d7c5e12b5db78" ON "email_change_requests"  ("participant_id") `,
    );
    await queryRunner.query(`ALTER TABLE "outbox_messages" ADD "to_address" character varying`);
    await queryRunner.query(
      `ALTER TABLE "email_change_requests" ADD CONSTRAINT "FK_b614dd8199292d7c5e12b5db78f" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "email_change_requests" DROP CONSTRAINT "FK_b614dd8199292d7c5e12b5db78f"`,
    );
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "to_address"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b614dd8199292d7c5e12b5db78"`);
    await queryRunner.query(`DROP TABLE "email_change_requests"`);
  }
}
