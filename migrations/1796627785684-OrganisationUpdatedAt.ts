import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an organisation was last edited: emails of its events (organised or co-hosted) check it
 * before showing its names, address and contact from a worker's cache. Existing rows get the time
 * of the migration, which makes a worker running across it read them again once.
 */
export class OrganisationUpdatedAt1796627785684 implements MigrationInterface {
  name = 'OrganisationUpdatedAt1796627785684';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organizations" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "updated_at"`);
  }
}
