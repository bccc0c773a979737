import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 参加事業者数 by the company each participant came for: a registration keeps its company, so a
 * later move does not rewrite a closed year's figure. Existing rows take the participant's
 * company as it is now (erased participants have none).
 */
export class RegistrationCompany1795337930467 implements MigrationInterface {
  name = 'RegistrationCompany1795337930467';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registrations" ADD "company_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "registrations" ADD CONSTRAINT "FK_b40ac4d645d00ce2be32367439b" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `UPDATE "registrations" r SET "company_id" = p."company_id" FROM "participants" p WHERE p."id" = r."participant_id"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registrations" DROP CONSTRAINT "FK_b40ac4d645d00ce2be32367439b"`);
    await queryRunner.query(`ALTER TABLE "registrations" DROP COLUMN "company_id"`);
  }
}
