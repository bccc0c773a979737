import { Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { Participant } from '../participants/participant.entity';
import type { Meeting } from './meeting.entity';

/**
 * One row per side of a meeting, carrying the meeting's slot, so that "a person is in at most one
 * live meeting per slot" is a unique index the database enforces against every writer (the
 * scheduling job, a manual placement, a freed slot being offered) at once.
 */
@Entity('meeting_participants')
@Index('uq_meeting_participants_slot', ['sessionId', 'slotIndex', 'participantId'], {
  unique: true,
  where: 'active',
})
@Index(['participantId', 'noShow'])
export class MeetingParticipant {
  @PrimaryColumn('uuid')
  meetingId: string;

  @ManyToOne('Meeting', 'sides', { onDelete: 'CASCADE' })
  meeting: Meeting;

  @PrimaryColumn('uuid')
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participant: Participant;

  @Column('uuid')
  eventId: string;

  /** Null for a meeting at the venue (会場内): no slot, so any number of them at once. */
  @Column('uuid', { nullable: true })
  sessionId: string | null;

  @Column('int', { nullable: true })
  slotIndex: number | null;

  /** False once the meeting is cancelled: the slot is free again. */
  @Column({ default: true })
  active: boolean;

  /** This side did not come (recorded by staff on the day). */
  @Column({ default: false })
  noShow: boolean;
}
