import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Event } from '../events/event.entity';

/**
 * One "invite these people" action of an organizer. Its progress is counted from its outbox rows
 * (batchId = campaign id); the columns keep what the outbox cannot know.
 */
@Entity('invitation_campaigns')
export class InvitationCampaign {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  event: Event;

  @Index()
  @Column('uuid')
  eventId: string;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  /** Registrations created in INVITED state, or put back in it (`reinvited`). */
  @Column('int')
  invited: number;

  /** Of `invited`, those who had cancelled or declined and were invited again. */
  @Column('int', { default: 0 })
  reinvited: number;

  /** Asked for, but already invited, registered, waiting, or past the event (出席・欠席). */
  @Column('int')
  alreadyRegistered: number;

  /** Invited, but not emailed: no consent to email, unsubscribed, or a bounced address. */
  @Column('int')
  notEmailable: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
