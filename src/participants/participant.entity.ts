import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../users/user.entity';
import { Company } from './company.entity';
import { Locale, ParticipantKind } from './participant-kind';

/** What an erasure did, kept on the row so that asking again answers the same. */
export interface ErasureCounts {
  registrationsCancelled: number;
  meetingsCancelled: number;
  meetingRequestsWithdrawn: number;
  meetingRequestMessagesCleared: number;
  suggestionsDeleted: number;
  actionTokensDeleted: number;
  emailsSkipped: number;
  surveyCommentsDeleted: number;
  miniSalonRequestsWithdrawn: number;
  /** Absent on rows erased before profiles had a 変更履歴. */
  profileChangesDeleted?: number;
  /** Absent on rows erased before participants could change their address. */
  emailChangeRequestsDeleted?: number;
  /** Absent on rows erased before follow-ups could be cancelled. */
  followUpsCancelled?: number;
  /** Absent on rows erased before staff's notes lost the person's name. */
  notesRedacted?: number;
}

/**
 * 参加者: a person in the shared pool that every organisation's staff can see. Participants sign
 * in by magic link; they have no password.
 */
@Entity('participants')
// The pool is listed, paged and exported by フリガナ: each page continues from the last (furigana, id).
@Index('idx_participants_furigana', ['furigana', 'id'])
export class Participant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; the import upserts on it. */
  @Index({ unique: true })
  @Column()
  email: string;

  @Column()
  name: string;

  @Column()
  furigana: string;

  @Column({ type: 'varchar', nullable: true })
  title: string | null;

  @Column({ type: 'varchar', nullable: true })
  phone: string | null;

  @Column({
    type: 'enum',
    enum: ParticipantKind,
    enumName: 'participant_kind',
    default: ParticipantKind.OTHER,
  })
  kind: ParticipantKind;

  @Column({ type: 'enum', enum: Locale, enumName: 'locale', default: Locale.ja })
  locale: Locale;

  @ManyToOne(() => Company, { nullable: true, onDelete: 'SET NULL' })
  company: Company | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  companyId: string | null;

  /** 提供できること, as normalised tags. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  offers: string[];

  /** 求めること, as normalised tags. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  needs: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes: string[];

  /** Staff's own labels (e.g. 若手経営者の会, 2025サロン参加). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: 'text', default: '' })
  offersText: string;

  @Column({ type: 'text', default: '' })
  needsText: string;

  @Column({ default: false })
  consentMatchmaking: boolean;

  @Column({ default: false })
  consentEmail: boolean;

  @Column({ default: false })
  consentContactSharing: boolean;

  /** Asked to receive no more invitations, digests or reminders (one-click unsubscribe, RFC 8058). */
  @Column({ default: false })
  emailOptOut: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  emailOptOutAt: Date | null;

  /**
   * Sessions issued before this end (see TokenService): set when the address changes, so that
   * whoever signed in through the old address is signed out. Null: every session still counts.
   */
  @Column({ type: 'timestamptz', nullable: true })
  sessionsValidAfter: Date | null;

  /** The address hard-bounced (SMTP 5xx on RCPT/DATA): nothing is sent to it any more. */
  @Column({ type: 'timestamptz', nullable: true })
  emailSuppressedAt: Date | null;

  /**
   * When the person was erased (個人情報の削除). The row stays, anonymised, so that registrations,
   * meetings and deals still count in the figures; an erased participant's sessions are refused.
   */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  erasure: ErasureCounts | null;

  /**
   * 最終更新: when the profile last changed, through upsertParticipant, the import or
   * updateMyProfile, and by whom. The pool is shared by every organisation, so staff need to see
   * who changed a phone number or a company. A write that changes nothing leaves it, and so do
   * writes that are not profile edits (unsubscribe, bounce, erasure, registration). Unlike
   * updatedAt, which any write moves. (The 変更履歴 does record a bounce suppression and its lifting,
   * so that staff see since when mail has not gone and who let it go again.)
   */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  profileUpdatedAt: Date;

  /** The staff account that made the last change; null when the person did, or not known. */
  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'profile_updated_by_user_id' })
  profileUpdatedBy?: User | null;

  @Column({ type: 'uuid', nullable: true })
  profileUpdatedByUserId: string | null;

  /** The person changed it themself (updateMyProfile). */
  @Column({ default: false })
  profileUpdatedBySelf: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
