import { MigrationInterface, QueryRunner } from 'typeorm';

export class Meetings1795306527028 implements MigrationInterface {
  name = 'Meetings1795306527028';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "meeting_participants" ("meeting_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "event_id" uuid NOT NULL, "session_id" uuid NOT NULL, "slot_index" integer NOT NULL, "active" boolean NOT NULL DEFAULT true, "no_show" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_a896585c37c88b410e1f2fb9789" PRIMARY KEY ("meeting_id", "participant_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_454399b0c74533c68f6b395a8e" ON "meeting_participants"  ("participant_id", "no_show") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_meeting_participants_slot" ON "meeting_participants"  ("session_id", "slot_index", "participant_id") WHERE active`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."meeting_request_status" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "meeting_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "from_participant_id" uuid NOT NULL, "to_participant_id" uuid NOT NULL, "message" text NOT NULL DEFAULT '', "status" "public"."meeting_request_status" NOT NULL, "weight" integer NOT NULL DEFAULT '1', "expires_at" TIMESTAMP WITH TIME ZONE, "responded_at" TIMESTAMP WITH TIME ZONE, "auto_accepted" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_418e48920b2acbd0afdb7f9dec0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_370b196f69979ecad913cc26a1" ON "meeting_requests"  ("to_participant_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b0e6e0ba07d63dcf545be4c1e6" ON "meeting_requests"  ("event_id", "from_participant_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_10ba35e9795a7a62b52240dbb5" ON "meeting_requests"  ("event_id", "status") `,
    );
    // Written by hand (TypeORM cannot declare an expression index): one open request per pair, either direction.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_meeting_requests_open_pair" ON "meeting_requests" ("event_id", LEAST("from_participant_id", "to_participant_id"), GREATEST("from_participant_id", "to_participant_id")) WHERE status IN ('PENDING', 'ACCEPTED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" ADD CONSTRAINT "ck_meeting_requests_not_self" CHECK ("from_participant_id" <> "to_participant_id")`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."meeting_status" AS ENUM('SCHEDULED', 'HELD', 'NO_SHOW', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "request_id" uuid NOT NULL, "session_id" uuid NOT NULL, "slot_index" integer NOT NULL, "table_label" character varying(60) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "participant_a_id" uuid NOT NULL, "participant_b_id" uuid NOT NULL, "status" "public"."meeting_status" NOT NULL DEFAULT 'SCHEDULED', "sequence" integer NOT NULL DEFAULT '0', "published_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4a2bbc195dc713b78458e5d18f" ON "meetings"  ("event_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_meetings_live_request" ON "meetings"  ("request_id") WHERE status <> 'CANCELLED'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_meetings_table_slot" ON "meetings"  ("session_id", "slot_index", "table_label") WHERE status <> 'CANCELLED'`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."meeting_acceptance_mode" AS ENUM('RECIPIENT_ACCEPTS', 'AUTO_ACCEPT')`,
    );
    await queryRunner.query(
      `CREATE TABLE "meeting_settings" ("event_id" uuid NOT NULL, "acceptance_mode" "public"."meeting_acceptance_mode" NOT NULL DEFAULT 'RECIPIENT_ACCEPTS', "max_requests_per_participant" integer, "request_expiry_hours" integer, "max_meetings_per_participant" integer, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a6a80cd2f10abc972b8e861412a" PRIMARY KEY ("event_id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."scheduling_run_status" AS ENUM('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "scheduling_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "requested_by_user_id" uuid, "status" "public"."scheduling_run_status" NOT NULL DEFAULT 'QUEUED', "progress" real NOT NULL DEFAULT '0', "phase" character varying(20), "request_count" integer, "scheduled_count" integer, "scheduled_weight" integer, "upper_bound" integer, "locked_count" integer, "unscheduled" jsonb NOT NULL DEFAULT '[]', "optimal" boolean, "elapsed_ms" integer, "error" text, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d71a41ea715663167db7b176cf7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d70ef7d924bad18e68fc3100ab" ON "scheduling_runs"  ("event_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_participants" ADD CONSTRAINT "FK_4d2e803caeb25541cc89f2efa5b" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_participants" ADD CONSTRAINT "FK_51c19200f14cd8f0b5714ca67c8" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" ADD CONSTRAINT "FK_23cc1b3b795f8e8e7a4f1211135" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" ADD CONSTRAINT "FK_e97473df529050b44dc31866ade" FOREIGN KEY ("from_participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" ADD CONSTRAINT "FK_370b196f69979ecad913cc26a10" FOREIGN KEY ("to_participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_85e39fa725957d83972db673fb4" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_f2db473ee7bcd5162e403f91469" FOREIGN KEY ("request_id") REFERENCES "meeting_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_980e7a59a936a0d64cbc5f1e1ea" FOREIGN KEY ("session_id") REFERENCES "matchmaking_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_e13845f407ab9d6113e7ab8ab58" FOREIGN KEY ("participant_a_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_22260215e1d7407b5740b8c83bc" FOREIGN KEY ("participant_b_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_settings" ADD CONSTRAINT "FK_a6a80cd2f10abc972b8e861412a" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "scheduling_runs" ADD CONSTRAINT "FK_4eecbc9658add96f18b6bc02dec" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scheduling_runs" DROP CONSTRAINT "FK_4eecbc9658add96f18b6bc02dec"`);
    await queryRunner.query(
      `ALTER TABLE "meeting_settings" DROP CONSTRAINT "FK_a6a80cd2f10abc972b8e861412a"`,
    );
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_22260215e1d7407b5740b8c83bc"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_e13845f407ab9d6113e7ab8ab58"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_980e7a59a936a0d64cbc5f1e1ea"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_f2db473ee7bcd5162e403f91469"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_85e39fa725957d83972db673fb4"`);
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" DROP CONSTRAINT "FK_370b196f69979ecad913cc26a10"`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" DROP CONSTRAINT "FK_e97473df529050b44dc31866ade"`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" DROP CONSTRAINT "FK_23cc1b3b795f8e8e7a4f1211135"`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_participants" DROP CONSTRAINT "FK_51c19200f14cd8f0b5714ca67c8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_participants" DROP CONSTRAINT "FK_4d2e803caeb25541cc89f2efa5b"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_d70ef7d924bad18e68fc3100ab"`);
    await queryRunner.query(`DROP TABLE "scheduling_runs"`);
    await queryRunner.query(`DROP TYPE "public"."scheduling_run_status"`);
    await queryRunner.query(`DROP TABLE "meeting_settings"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_acceptance_mode"`);
    await queryRunner.query(`DROP INDEX "public"."uq_meetings_table_slot"`);
    await queryRunner.query(`DROP INDEX "public"."uq_meetings_live_request"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4a2bbc195dc713b78458e5d18f"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_status"`);
    await queryRunner.query(`DROP INDEX "public"."uq_meeting_requests_open_pair"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_10ba35e9795a7a62b52240dbb5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b0e6e0ba07d63dcf545be4c1e6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_370b196f69979ecad913cc26a1"`);
    await queryRunner.query(`DROP TABLE "meeting_requests"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_request_status"`);
    await queryRunner.query(`DROP INDEX "public"."uq_meeting_participants_slot"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_454399b0c74533c68f6b395a8e"`);
    await queryRunner.query(`DROP TABLE "meeting_participants"`);
  }
}
