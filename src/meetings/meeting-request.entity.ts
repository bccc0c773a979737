import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Event } from '../events/event.entity';
import { MergedParticipant } from '../participant-merge/merged-participant.entity';
import { Participant } from '../participants/participant.entity';
import { MeetingRequestCancelReason, MeetingRequestStatus } from './meeting-enums';

/**
 * 面談申込: A asks B to meet at an event. The pair (in either direction) has at most one open
 * request per event: `uq_meeting_requests_open_pair`, an expression index written in the
 * migration (TypeORM cannot declare LEAST/GREATEST), hence `synchronize: false` here.
 */
@Entity('meeting_requests')
@Check('ck_meeting_requests_not_self', '"from_participant_id" <> "to_participant_id"')
@Check('ck_meeting_requests_cancel_reason', `"cancel_reason" IS NULL OR "status" = 'CANCELLED'`)
@Check('ck_meeting_requests_continued_as', '"continued_as_id" IS NULL OR "cancel_reason" IS NOT NULL')
@Index('uq_meeting_requests_open_pair', { synchronize: false })
@Index(['eventId', 'status'])
@Index('idx_meeting_requests_event_created', ['eventId', 'createdAt', 'id'])
@Index(['eventId', 'fromParticipantId'])
@Index(['toParticipantId'])
export class MeetingRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  event: Event;

  @Column('uuid')
  eventId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  fromParticipant: Participant;

  @Column('uuid')
  fromParticipantId: string;

  /**
   * The profile the requester asked from, when staff have since merged it into the one they have
   * now (名寄せ): the id it had. The request's email named them as that profile did, and so does
   * the page behind its link once the request has ended (see MeetingRequestsService.preview).
   * Null for a request asked from the profile it belongs to; set null when the person is erased.
   */
  @Index({ where: 'requested_as_id IS NOT NULL' })
  @Column('uuid', { nullable: true })
  requestedAsId: string | null;

  @ManyToOne(() => MergedParticipant, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'requested_as_id', referencedColumnName: 'mergedId' })
  requestedAs?: MergedParticipant | null;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  toParticipant: Participant;

  @Column('uuid')
  toParticipantId: string;

  @Column({ type: 'text', default: '' })
  message: string;

  /**
   * What the person asked wrote with their answer, or when they asked back (which accepts this
   * request); the requester reads it in the answer's email.
   */
  @Column({ type: 'text', default: '' })
  reply: string;

  @Column({ type: 'enum', enum: MeetingRequestStatus, enumName: 'meeting_request_status' })
  status: MeetingRequestStatus;

  /**
   * Why it was withdrawn, when the page behind its link must say more than that: a merge (名寄せ)
   * of the requester's or the asked person's two profiles left two open requests between the same
   * two people, and this one went. Null for every other withdrawal, and while it stands.
   */
  @Column({
    type: 'enum',
    enum: MeetingRequestCancelReason,
    enumName: 'meeting_request_cancel_reason',
    nullable: true,
  })
  cancelReason: MeetingRequestCancelReason | null;

  /**
   * The request it goes on as, when a merge withdrew it (cancelReason): the one between the same
   * two people that stayed (a later merge that withdraws that one points here to the one after).
   * The page behind this one's answer link says so, and answers that one when it asks the same
   * person (MeetingRequestsService.preview, respondByToken). Set null if that one is deleted.
   */
  @Index({ where: 'continued_as_id IS NOT NULL' })
  @Column('uuid', { nullable: true })
  continuedAsId: string | null;

  @ManyToOne(() => MeetingRequest, { onDelete: 'SET NULL', nullable: true })
  continuedAs?: MeetingRequest | null;

  /** The scheduler places heavier requests first when slots are scarce. */
  @Column({ type: 'int', default: 1 })
  weight: number;

  /** Unanswered after this, the request expires; null = until the event ends. */
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  /**
   * When a published schedule first told both sides that this agreed meeting has no time yet (it
   * was ACCEPTED but had no slot): publishing again tells only those not told before.
   */
  @Column({ type: 'timestamptz', nullable: true })
  unscheduledPublishedAt: Date | null;

  /** True when the event's settings accepted it on the recipient's behalf. */
  @Column({ default: false })
  autoAccepted: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
