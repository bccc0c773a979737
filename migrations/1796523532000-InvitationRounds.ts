import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff may invite again someone who had cancelled or declined: each registration counts its
 * rounds of invitation (the outbox key of each round's email carries it), and each campaign how
 * many of its invitees it invited again. Registrations invited before this are on their first
 * round; those nobody invited have none.
 */
export class InvitationRounds1796523532000 implements MigrationInterface {
  name = 'InvitationRounds1796523532000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registrations" ADD "invitation_round" integer`);
    await queryRunner.query(
      `UPDATE "registrations" r SET "invitation_round" = 1
        WHERE r."status" IN ('INVITED', 'DECLINED')
           OR EXISTS (SELECT 1 FROM "outbox_messages" o WHERE o."key" = 'invitation-' || r."id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitation_campaigns" ADD "reinvited" integer NOT NULL DEFAULT '0'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invitation_campaigns" DROP COLUMN "reinvited"`);
    await queryRunner.query(`ALTER TABLE "registrations" DROP COLUMN "invitation_round"`);
  }
}
