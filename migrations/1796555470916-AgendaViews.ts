import { MigrationInterface, QueryRunner } from 'typeorm';

/** The agenda each participant last marked as seen at an event, for myAgenda's changes. */
export class AgendaViews1796555470916 implements MigrationInterface {
  name = 'AgendaViews1796555470916';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "agenda_views" ("participant_id" uuid NOT NULL, "event_id" uuid NOT NULL, "agenda" jsonb NOT NULL, "seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_451067069ef43f8b500fef7a0bf" PRIMARY KEY ("participant_id", "event_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_views" ADD CONSTRAINT "FK_2c95bdd572fde394eefac9cebcb" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_views" ADD CONSTRAINT "FK_c4d414b644d85dc55e709fb8093" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agenda_views" DROP CONSTRAINT "FK_c4d414b644d85dc55e709fb8093"`);
    await queryRunner.query(`ALTER TABLE "agenda_views" DROP CONSTRAINT "FK_2c95bdd572fde394eefac9cebcb"`);
    await queryRunner.query(`DROP TABLE "agenda_views"`);
  }
}
