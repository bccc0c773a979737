import { MigrationInterface, QueryRunner } from 'typeorm';

export class Messaging1795305953828 implements MigrationInterface {
  name = 'Messaging1795305953828';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "action_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "purpose" character varying(40) NOT NULL, "subject_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "use_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d29a2a18dc1b6b8abe2a151bea0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_63c57b92920a1b20a070137d9f" ON "action_tokens"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2dac0eb5d5623fbe794968f1dd" ON "action_tokens"  ("purpose", "subject_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "invitation_campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "created_by_user_id" uuid, "invited" integer NOT NULL, "already_registered" integer NOT NULL, "not_emailable" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_33c1bf5950bcd72316c75bddb9d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1273eae8ce3cceab07e109c88d" ON "invitation_campaigns"  ("event_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."outbox_status" AS ENUM('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(200) NOT NULL, "template" character varying(60) NOT NULL, "transactional" boolean NOT NULL DEFAULT false, "participant_id" uuid, "event_id" uuid, "batch_id" uuid, "params" jsonb NOT NULL DEFAULT '{}', "status" "public"."outbox_status" NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "resent_after_crash" integer NOT NULL DEFAULT '0', "lease_expires_at" TIMESTAMP WITH TIME ZONE, "enqueued_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "smtp_message_id" character varying, "smtp_response" character varying, "last_error" text, "skip_reason" character varying, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_5b9a1cd389e14ba71d63eec9cb" ON "outbox_messages"  ("key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f2fb4a6ae53317bec70be82848" ON "outbox_messages"  ("participant_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_outbox_messages_open" ON "outbox_messages"  ("created_at") WHERE status IN ('PENDING', 'SENDING')`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2481fa9ae16d58404c5eaa68a6" ON "outbox_messages"  ("batch_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_10a9dc0167cd748bd1284fc8df" ON "outbox_messages"  ("event_id", "status") `,
    );
    await queryRunner.query(`ALTER TABLE "participants" ADD "email_opt_out" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "participants" ADD "email_opt_out_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "participants" ADD "email_suppressed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "invitation_campaigns" ADD CONSTRAINT "FK_1273eae8ce3cceab07e109c88d3" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outbox_messages" ADD CONSTRAINT "FK_f2fb4a6ae53317bec70be82848d" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outbox_messages" ADD CONSTRAINT "FK_056a423c8da414f84f61e2ee451" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "FK_056a423c8da414f84f61e2ee451"`);
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "FK_f2fb4a6ae53317bec70be82848d"`);
    await queryRunner.query(
      `ALTER TABLE "invitation_campaigns" DROP CONSTRAINT "FK_1273eae8ce3cceab07e109c88d3"`,
    );
    await queryRunner.query(`ALTER TABLE "participants" DROP COLUMN "email_suppressed_at"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP COLUMN "email_opt_out_at"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP COLUMN "email_opt_out"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_10a9dc0167cd748bd1284fc8df"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2481fa9ae16d58404c5eaa68a6"`);
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_messages_open"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f2fb4a6ae53317bec70be82848"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5b9a1cd389e14ba71d63eec9cb"`);
    await queryRunner.query(`DROP TABLE "outbox_messages"`);
    await queryRunner.query(`DROP TYPE "public"."outbox_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1273eae8ce3cceab07e109c88d"`);
    await queryRunner.query(`DROP TABLE "invitation_campaigns"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2dac0eb5d5623fbe794968f1dd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_63c57b92920a1b20a070137d9f"`);
    await queryRunner.query(`DROP TABLE "action_tokens"`);
  }
}
