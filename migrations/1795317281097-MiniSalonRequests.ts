import { MigrationInterface, QueryRunner } from 'typeorm';

/** ミニサロン開催要望: participants ask an organisation for a small salon; one open request each. */
export class MiniSalonRequests1795317281097 implements MigrationInterface {
  name = 'MiniSalonRequests1795317281097';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."mini_salon_request_status" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')`,
    );
    await queryRunner.query(
      `CREATE TABLE "mini_salon_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "requested_by_id" uuid NOT NULL, "group_name" character varying(100), "theme" character varying(100) NOT NULL, "area" character varying(60) NOT NULL, "preferred_from" date NOT NULL, "preferred_to" date NOT NULL, "expected_participants" integer NOT NULL, "message" text NOT NULL DEFAULT '', "status" "public"."mini_salon_request_status" NOT NULL DEFAULT 'PENDING', "decline_reason" text NOT NULL DEFAULT '', "event_id" uuid, "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_mini_salon_requests_size" CHECK ("expected_participants" BETWEEN 2 AND 30), CONSTRAINT "chk_mini_salon_requests_dates" CHECK ("preferred_from" <= "preferred_to"), CONSTRAINT "PK_86407babfe72fd35f739b025ffb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e2e6995a40effe5f4a3edf0375" ON "mini_salon_requests"  ("requested_by_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_mini_salon_requests_open" ON "mini_salon_requests"  ("organization_id", "requested_by_id") WHERE status = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_eb3ac39892c3b62bc898eeb869" ON "mini_salon_requests"  ("organization_id", "status") `,
    );
    await queryRunner.query(
      `ALTER TABLE "mini_salon_requests" ADD CONSTRAINT "FK_5352cb1f44907012404a39e8c09" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mini_salon_requests" ADD CONSTRAINT "FK_e2e6995a40effe5f4a3edf03757" FOREIGN KEY ("requested_by_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mini_salon_requests" ADD CONSTRAINT "FK_515d3aede3d318852b560007d9c" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mini_salon_requests" ADD CONSTRAINT "FK_13ab8ffed189fee3d38ac1f1c13" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "mini_salon_requests" DROP CONSTRAINT "FK_13ab8ffed189fee3d38ac1f1c13"`,
    );
    await queryRunner.query(
      `ALTER TABLE "mini_salon_requests" DROP CONSTRAINT "FK_515d3aede3d318852b560007d9c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "mini_salon_requests" DROP CONSTRAINT "FK_e2e6995a40effe5f4a3edf03757"`,
    );
    await queryRunner.query(
      `ALTER TABLE "mini_salon_requests" DROP CONSTRAINT "FK_5352cb1f44907012404a39e8c09"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_eb3ac39892c3b62bc898eeb869"`);
    await queryRunner.query(`DROP INDEX "public"."uq_mini_salon_requests_open"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e2e6995a40effe5f4a3edf0375"`);
    await queryRunner.query(`DROP TABLE "mini_salon_requests"`);
    await queryRunner.query(`DROP TYPE "public"."mini_salon_request_status"`);
  }
}
