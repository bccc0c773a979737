import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Role, STAFF_ROLES } from '../auth/actor';
import { Organization } from '../organizations/organization.entity';

/** A staff account (admin, organizer or 支援担当) that logs in with email and password. */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased: addresses compare case-insensitively. */
  @Index({ unique: true })
  @Column()
  email: string;

  @Column()
  name: string;

  @Column({ select: false })
  passwordHash: string;

  @Column({ type: 'enum', enum: [...STAFF_ROLES], enumName: 'staff_role' })
  role: Role.ADMIN | Role.ORGANIZER | Role.STAFF;

  /** Admins belong to no organisation; organizers and staff always to one. */
  @ManyToOne(() => Organization, { nullable: true, onDelete: 'RESTRICT' })
  organization: Organization | null;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** 利用停止: set when the person leaves or moves on; they can neither log in nor keep a session. */
  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  /**
   * Sessions issued before this end (see TokenService): set when the password changes or the
   * account is deactivated. Null: every session the account was given still counts.
   */
  @Column({ type: 'timestamptz', nullable: true })
  sessionsValidAfter: Date | null;
}
