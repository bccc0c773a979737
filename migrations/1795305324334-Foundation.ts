import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795305324334 implements MigrationInterface {
  name = 'Foundation1795305324334';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."organization_kind" AS ENUM('FINANCE_OFFICE', 'CHAMBER_OF_COMMERCE', 'MUNICIPALITY', 'SUPPORT_AGENCY', 'FINANCIAL_INSTITUTION', 'BUSINESS_GROUP', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying NOT NULL, "kind" "public"."organization_kind" NOT NULL, "municipality" character varying NOT NULL, "corporate_number" character(13), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a3f2a58524db7518467344edf92" UNIQUE ("corporate_number"), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."session_mode" AS ENUM('TABLES', 'BOOTHS')`);
    await queryRunner.query(
      `CREATE TABLE "matchmaking_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "name" character varying NOT NULL DEFAULT '', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "slot_minutes" integer NOT NULL, "slot_count" integer NOT NULL, "mode" "public"."session_mode" NOT NULL DEFAULT 'TABLES', "table_count" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_970e849160d435b25a28ebad8cd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."event_kind" AS ENUM('SALON', 'MINI_SALON', 'TRADE_FAIR', 'BUSINESS_MATCHING', 'SEMINAR')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."event_visibility" AS ENUM('PUBLIC', 'INVITE_ONLY')`);
    await queryRunner.query(
      `CREATE TYPE "public"."event_status" AS ENUM('DRAFT', 'PUBLISHED', 'CLOSED', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "kind" "public"."event_kind" NOT NULL, "title" character varying NOT NULL, "description" text NOT NULL DEFAULT '', "themes" text array NOT NULL DEFAULT '{}', "venue" character varying, "online_url" character varying, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "registration_opens_at" TIMESTAMP WITH TIME ZONE, "registration_closes_at" TIMESTAMP WITH TIME ZONE, "capacity" integer, "visibility" "public"."event_visibility" NOT NULL DEFAULT 'PUBLIC', "status" "public"."event_status" NOT NULL DEFAULT 'DRAFT', "fiscal_year" integer NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8557ec49101496ab87be666d63" ON "events"  ("organization_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_627064113d4f505cae2011913e" ON "events"  ("fiscal_year") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_fb919ce4bddd464ad7338a87bc" ON "events"  ("status", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "companies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying NOT NULL, "corporate_number" character(13), "industry" character(1), "municipality" character varying, "employees" integer, "description" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_1594502232817e7550f812f583e" UNIQUE ("corporate_number"), CONSTRAINT "PK_d4bc3e82a314fa9e29f652c2c22" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4177e0ab874233dbd2cfc462cb" ON "companies"  ("name", "municipality") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."participant_kind" AS ENUM('YOUNG_ENTREPRENEUR', 'SUCCESSOR', 'SME_OWNER', 'LARGE_COMPANY', 'SUPPORT_AGENCY', 'GOVERNMENT', 'FINANCIAL_INSTITUTION', 'PROFESSIONAL', 'DESIGNER', 'ACADEMIA', 'OTHER')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."locale" AS ENUM('ja', 'en')`);
    await queryRunner.query(
      `CREATE TABLE "participants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying NOT NULL, "name" character varying NOT NULL, "furigana" character varying NOT NULL, "title" character varying, "phone" character varying, "kind" "public"."participant_kind" NOT NULL DEFAULT 'OTHER', "locale" "public"."locale" NOT NULL DEFAULT 'ja', "company_id" uuid, "offers" text array NOT NULL DEFAULT '{}', "needs" text array NOT NULL DEFAULT '{}', "themes" text array NOT NULL DEFAULT '{}', "tags" text array NOT NULL DEFAULT '{}', "offers_text" text NOT NULL DEFAULT '', "needs_text" text NOT NULL DEFAULT '', "consent_matchmaking" boolean NOT NULL DEFAULT false, "consent_email" boolean NOT NULL DEFAULT false, "consent_contact_sharing" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1cda06c31eec1c95b3365a0283f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_b77ad0832a0f8ec526c1f40a84" ON "participants"  ("email") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c65e489f43193f824d00b49e3b" ON "participants"  ("company_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."registration_status" AS ENUM('INVITED', 'REGISTERED', 'WAITLISTED', 'DECLINED', 'CANCELLED', 'ATTENDED', 'NO_SHOW')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."event_role" AS ENUM('VISITOR', 'EXHIBITOR', 'BUYER', 'SELLER', 'SPEAKER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "registrations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "status" "public"."registration_status" NOT NULL, "role" "public"."event_role" NOT NULL DEFAULT 'VISITOR', "booth" character varying, "waitlisted_at" TIMESTAMP WITH TIME ZONE, "registered_at" TIMESTAMP WITH TIME ZONE, "checked_in_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_registration_event_participant" UNIQUE ("event_id", "participant_id"), CONSTRAINT "PK_6013e724d7b22929da9cd7282d1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7e05ec3b76a2d000678b022fbe" ON "registrations"  ("participant_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1ae58ff74abf734b5bc55e4cf6" ON "registrations"  ("event_id", "status") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."staff_role" AS ENUM('ADMIN', 'ORGANIZER', 'STAFF')`);
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying NOT NULL, "name" character varying NOT NULL, "password_hash" character varying NOT NULL, "role" "public"."staff_role" NOT NULL, "organization_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users"  ("email") `);
    await queryRunner.query(
      `CREATE TABLE "event_co_hosts" ("event_id" uuid NOT NULL, "organization_id" uuid NOT NULL, CONSTRAINT "PK_b03639d74ea7dd14499cf10d159" PRIMARY KEY ("event_id", "organization_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_12d1258ce25a78b1e2664c934f" ON "event_co_hosts"  ("event_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d92fc56d17e4647b894385a484" ON "event_co_hosts"  ("organization_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "matchmaking_sessions" ADD CONSTRAINT "FK_b4878ca17eca691c048334e604c" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "FK_8557ec49101496ab87be666d633" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participants" ADD CONSTRAINT "FK_c65e489f43193f824d00b49e3bf" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "registrations" ADD CONSTRAINT "FK_c082d66f7080c743a96c1e91807" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "registrations" ADD CONSTRAINT "FK_7e05ec3b76a2d000678b022fbe5" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_21a659804ed7bf61eb91688dea7" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_co_hosts" ADD CONSTRAINT "FK_12d1258ce25a78b1e2664c934fb" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_co_hosts" ADD CONSTRAINT "FK_d92fc56d17e4647b894385a4843" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "event_co_hosts" DROP CONSTRAINT "FK_d92fc56d17e4647b894385a4843"`);
    await queryRunner.query(`ALTER TABLE "event_co_hosts" DROP CONSTRAINT "FK_12d1258ce25a78b1e2664c934fb"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_21a659804ed7bf61eb91688dea7"`);
    await queryRunner.query(`ALTER TABLE "registrations" DROP CONSTRAINT "FK_7e05ec3b76a2d000678b022fbe5"`);
    await queryRunner.query(`ALTER TABLE "registrations" DROP CONSTRAINT "FK_c082d66f7080c743a96c1e91807"`);
    await queryRunner.query(`ALTER TABLE "participants" DROP CONSTRAINT "FK_c65e489f43193f824d00b49e3bf"`);
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "FK_8557ec49101496ab87be666d633"`);
    await queryRunner.query(
      `ALTER TABLE "matchmaking_sessions" DROP CONSTRAINT "FK_b4878ca17eca691c048334e604c"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_d92fc56d17e4647b894385a484"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_12d1258ce25a78b1e2664c934f"`);
    await queryRunner.query(`DROP TABLE "event_co_hosts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_97672ac88f789774dd47f7c8be"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TYPE "public"."staff_role"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1ae58ff74abf734b5bc55e4cf6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7e05ec3b76a2d000678b022fbe"`);
    await queryRunner.query(`DROP TABLE "registrations"`);
    await queryRunner.query(`DROP TYPE "public"."event_role"`);
    await queryRunner.query(`DROP TYPE "public"."registration_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c65e489f43193f824d00b49e3b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b77ad0832a0f8ec526c1f40a84"`);
    await queryRunner.query(`DROP TABLE "participants"`);
    await queryRunner.query(`DROP TYPE "public"."locale"`);
    await queryRunner.query(`DROP TYPE "public"."participant_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4177e0ab874233dbd2cfc462cb"`);
    await queryRunner.query(`DROP TABLE "companies"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fb919ce4bddd464ad7338a87bc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_627064113d4f505cae2011913e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8557ec49101496ab87be666d63"`);
    await queryRunner.query(`DROP TABLE "events"`);
    await queryRunner.query(`DROP TYPE "public"."event_status"`);
    await queryRunner.query(`DROP TYPE "public"."event_visibility"`);
    await queryRunner.query(`DROP TYPE "public"."event_kind"`);
    await queryRunner.query(`DROP TABLE "matchmaking_sessions"`);
    await queryRunner.query(`DROP TYPE "public"."session_mode"`);
    await queryRunner.query(`DROP TABLE "organizations"`);
    await queryRunner.query(`DROP TYPE "public"."organization_kind"`);
  }
}
