import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a merged profile named the person (name and company at the merge), and which meeting
 * requests were asked from it: the page behind such a request's link names the requester as its
 * email did. Merges made before this keep no name, and their pages name the person as now.
 */
export class MergedProfilesNamedAsAsked1796637464708 implements MigrationInterface {
  name = 'MergedProfilesNamedAsAsked1796637464708';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "merged_participants" ADD "name" character varying`);
    await queryRunner.query(`ALTER TABLE "merged_participants" ADD "company_name" character varying`);
    await queryRunner.query(`ALTER TABLE "meeting_requests" ADD "requested_as_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "IDX_f480fb597db336ffdd36e138c9" ON "meeting_requests"  ("requested_as_id") WHERE requested_as_id IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" ADD CONSTRAINT "FK_dc990610c8a2d023df4deea4281" FOREIGN KEY ("requested_as_id") REFERENCES "merged_participants"("merged_id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" DROP CONSTRAINT "FK_dc990610c8a2d023df4deea4281"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_f480fb597db336ffdd36e138c9"`);
    await queryRunner.query(`ALTER TABLE "meeting_requests" DROP COLUMN "requested_as_id"`);
    await queryRunner.query(`ALTER TABLE "merged_participants" DROP COLUMN "company_name"`);
    await queryRunner.query(`ALTER TABLE "merged_participants" DROP COLUMN "name"`);
  }
}
