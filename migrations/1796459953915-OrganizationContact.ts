import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganizationContact1796459953915 implements MigrationInterface {
  name = 'OrganizationContact1796459953915';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizations" ADD "address" character varying(300)`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "contact_email" character varying(254)`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "contact_phone" character varying(20)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "contact_phone"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "contact_email"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "address"`);
  }
}
