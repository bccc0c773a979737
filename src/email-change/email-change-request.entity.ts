import { registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Participant } from '../participants/participant.entity';
import { User } from '../users/user.entity';

/** Why a request was called off before its link was used (see EmailChangeRequest.calledOffReason). */
export enum EmailChangeCallOffReason {
  /** Whoever asked for it gave the current address again (updateStaffUser). */
  WITHDRAWN = 'WITHDRAWN',
  /** Staff corrected the participant's address themselves (changeParticipantEmail). */
  ADDRESS_CORRECTED = 'ADDRESS_CORRECTED',
  /** Staff merged the participant's two profiles (名寄せ): the kept profile's address stays. */
  PROFILES_MERGED = 'PROFILES_MERGED',
}
registerEnumType(EmailChangeCallOffReason, {
  name: 'EmailChangeCallOffReason',
  description: '取り下げ（今のアドレスを再指定）・担当者によるアドレス訂正・登録の統合（名寄せ）',
});

/** How long the link in 【メールアドレス変更のご確認】 works, from the request; an older request is no longer pending. */
export const EMAIL_CHANGE_LINK_HOURS = 24;

/**
 * A move to another address: a participant's own request, or a staff account's new login address
 * asked for by whoever manages the account (exactly one of the two). The address changes only once
 * the link sent to the new one is used: that shows the new address reaches its owner, and that
 * they want it. A request replaced by a later one, or called off, stays, marked (its link no longer
 * works): the page behind that link still knows whose it was, and says why in its owner's
 * language. One never confirmed loses its address EMAIL_CHANGE_RETENTION_DAYS after it ended (see
 * newEmail). Erasing the person, or deleting the account, deletes their requests.
 */
@Entity('email_change_requests')
@Check('chk_email_change_requests_owner', `("participant_id" IS NULL) <> ("user_id" IS NULL)`)
@Check(
  'chk_email_change_requests_call_off_reason',
  `("called_off_at" IS NULL) = ("called_off_reason" IS NULL)`,
)
@Check(
  'chk_email_change_requests_one_end',
  `num_nonnulls("confirmed_at", "replaced_at", "called_off_at") <= 1`,
)
@Check('chk_email_change_requests_confirmed_address', `"new_email" IS NOT NULL OR "confirmed_at" IS NULL`)
export class EmailChangeRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid', { nullable: true })
  participantId: string | null;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE', nullable: true })
  participant: Participant | null;

  /** The staff account whose login address changes (updateStaffUser). */
  @Index({ where: 'user_id IS NOT NULL' })
  @Column('uuid', { nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: true })
  user: User | null;

  /** For a staff account: the admin or 主催者 who asked, named in both emails. */
  @Column('uuid', { nullable: true })
  requestedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  requestedBy: User | null;

  /**
   * The address asked for; null once forgotten, EMAIL_CHANGE_RETENTION_DAYS after a request that
   * was never confirmed ended (replaced, called off, or its link expired): nobody confirmed that it
   * is the person's, and it may be someone else's. A confirmed one keeps it: it became the owner's
   * address, which their 変更履歴 records too. The page behind a forgotten request's link, long
   * expired by then, needs only the rest of the row: whose it was, in which language. The mail log
   * forgets it at the same time (the confirmation's row names a placeholder).
   */
  @Column({ type: 'varchar', length: 254, nullable: true })
  newEmail: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** When the link was used and the address changed. */
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** When a later request of the same owner replaced this one while its link still worked. */
  @Column({ type: 'timestamptz', nullable: true })
  replacedAt: Date | null;

  /**
   * When the change was called off while its link still worked: the current address given again
   * to updateStaffUser, the participant's address corrected by staff, or their profile merged into
   * another (calledOffReason says which).
   */
  @Column({ type: 'timestamptz', nullable: true })
  calledOffAt: Date | null;

  /** Why it was called off, for the words of the page behind its link; set with calledOffAt. */
  @Column({
    type: 'enum',
    enum: EmailChangeCallOffReason,
    enumName: 'email_change_call_off_reason',
    nullable: true,
  })
  calledOffReason: EmailChangeCallOffReason | null;
}
