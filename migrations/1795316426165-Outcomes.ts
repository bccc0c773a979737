import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outcomes: 商談 (deals) recorded by staff from meetings, and フォローアップ (follow-ups) on deals or
 * participants' plans. Both belong to an organisation, for its fiscal-year figures.
 */
export class Outcomes1795316426165 implements MigrationInterface {
  name = 'Outcomes1795316426165';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."deal_type" AS ENUM('ORDER', 'JOINT_DEVELOPMENT', 'SUCCESSION', 'HIRING', 'FINANCING', 'PARTNERSHIP', 'OTHER')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."deal_stage" AS ENUM('NEGOTIATING', 'WON', 'LOST')`);
    await queryRunner.query(
      `CREATE TABLE "deals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "event_id" uuid, "meeting_id" uuid, "participant_a_id" uuid, "participant_b_id" uuid, "type" "public"."deal_type" NOT NULL, "stage" "public"."deal_stage" NOT NULL DEFAULT 'NEGOTIATING', "title" character varying(200) NOT NULL, "amount_yen" bigint, "started_on" date NOT NULL, "closed_on" date, "notes" text NOT NULL DEFAULT '', "recorded_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_deals_closed" CHECK (("stage" = 'NEGOTIATING') = ("closed_on" IS NULL) AND ("closed_on" IS NULL OR "closed_on" >= "started_on")), CONSTRAINT "chk_deals_amount" CHECK ("amount_yen" IS NULL OR "amount_yen" >= 0), CONSTRAINT "PK_8c66f03b250f613ff8615940b4b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_042e0ee3bf79ca4e85ced830f1" ON "deals"  ("event_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_6d61d0142a91c285ac71edac72" ON "deals"  ("meeting_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_9f55f7541270b118fd185f7ad5" ON "deals"  ("participant_a_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5eaf0b6ecdbc23449e605a2a49" ON "deals"  ("participant_b_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3cbb1c73422bc7e95a4abfb892" ON "deals"  ("organization_id", "closed_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e0af5d0269efad3f95a275759b" ON "deals"  ("organization_id", "started_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_ups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "deal_id" uuid, "participant_id" uuid, "due_on" date NOT NULL, "notes" text NOT NULL DEFAULT '', "result" text NOT NULL DEFAULT '', "done_at" TIMESTAMP WITH TIME ZONE, "assigned_to_id" uuid, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_follow_ups_subject" CHECK ("deal_id" IS NOT NULL OR "participant_id" IS NOT NULL), CONSTRAINT "PK_d510aabdff2ec7fdc67a1092157" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_23c58db30970af039fc3ecf7c0" ON "follow_ups"  ("deal_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_448ee3b7a6ce9f6220c94dbf7a" ON "follow_ups"  ("participant_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_follow_ups_open_due" ON "follow_ups"  ("organization_id", "due_on") WHERE "done_at" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "deals" ADD CONSTRAINT "FK_f230a7e3eddfae196239343ae97" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deals" ADD CONSTRAINT "FK_042e0ee3bf79ca4e85ced830f1c" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deals" ADD CONSTRAINT "FK_6d61d0142a91c285ac71edac72e" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deals" ADD CONSTRAINT "FK_9f55f7541270b118fd185f7ad57" FOREIGN KEY ("participant_a_id") REFERENCES "participants"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deals" ADD CONSTRAINT "FK_5eaf0b6ecdbc23449e605a2a49a" FOREIGN KEY ("participant_b_id") REFERENCES "participants"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deals" ADD CONSTRAINT "FK_8bf8a59c771858ea3d505cb5925" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "FK_fa09030020e4289a51ca240bdda" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "FK_23c58db30970af039fc3ecf7c0f" FOREIGN KEY ("deal_id") REFERENCES "deals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "FK_448ee3b7a6ce9f6220c94dbf7a7" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "FK_b997b21ef9d679c9127ad890e02" FOREIGN KEY ("assigned_to_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "FK_723ffee6a23bde2c0ef6f78cb7d" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "FK_723ffee6a23bde2c0ef6f78cb7d"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "FK_b997b21ef9d679c9127ad890e02"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "FK_448ee3b7a6ce9f6220c94dbf7a7"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "FK_23c58db30970af039fc3ecf7c0f"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "FK_fa09030020e4289a51ca240bdda"`);
    await queryRunner.query(`ALTER TABLE "deals" DROP CONSTRAINT "FK_8bf8a59c771858ea3d505cb5925"`);
    await queryRunner.query(`ALTER TABLE "deals" DROP CONSTRAINT "FK_5eaf0b6ecdbc23449e605a2a49a"`);
    await queryRunner.query(`ALTER TABLE "deals" DROP CONSTRAINT "FK_9f55f7541270b118fd185f7ad57"`);
    await queryRunner.query(`ALTER TABLE "deals" DROP CONSTRAINT "FK_6d61d0142a91c285ac71edac72e"`);
    await queryRunner.query(`ALTER TABLE "deals" DROP CONSTRAINT "FK_042e0ee3bf79ca4e85ced830f1c"`);
    await queryRunner.query(`ALTER TABLE "deals" DROP CONSTRAINT "FK_f230a7e3eddfae196239343ae97"`);
    await queryRunner.query(`DROP INDEX "public"."idx_follow_ups_open_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_448ee3b7a6ce9f6220c94dbf7a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_23c58db30970af039fc3ecf7c0"`);
    await queryRunner.query(`DROP TABLE "follow_ups"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e0af5d0269efad3f95a275759b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3cbb1c73422bc7e95a4abfb892"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5eaf0b6ecdbc23449e605a2a49"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9f55f7541270b118fd185f7ad5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6d61d0142a91c285ac71edac72"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_042e0ee3bf79ca4e85ced830f1"`);
    await queryRunner.query(`DROP TABLE "deals"`);
    await queryRunner.query(`DROP TYPE "public"."deal_stage"`);
    await queryRunner.query(`DROP TYPE "public"."deal_type"`);
  }
}
