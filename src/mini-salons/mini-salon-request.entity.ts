import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { MINI_SALON_MAX_CAPACITY } from '../events/event-enums';
import { Event } from '../events/event.entity';
import { Organization } from '../organizations/organization.entity';
import { Participant } from '../participants/participant.entity';
import { User } from '../users/user.entity';
import { MiniSalonRequestStatus } from './mini-salon-enums';

/**
 * ミニサロン開催要望: a participant (or the group they speak for) asks an organisation for a small
 * salon on a theme, in an area, around some dates. Accepting creates the event as a draft.
 * One open request per person and organisation: the database refuses a second.
 */
@Entity('mini_salon_requests')
@Index(['organizationId', 'status'])
@Index('uq_mini_salon_requests_open', ['organizationId', 'requestedById'], {
  unique: true,
  where: `status = 'PENDING'`,
})
@Check('chk_mini_salon_requests_dates', `"preferred_from" <= "preferred_to"`)
@Check('chk_mini_salon_requests_size', `"expected_participants" BETWEEN 2 AND ${MINI_SALON_MAX_CAPACITY}`)
export class MiniSalonRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  organization: Organization;

  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  requestedBy: Participant;

  @Index()
  @Column('uuid')
  requestedById: string;

  /** e.g. 葛飾区若手経営者の会, when the request speaks for a group. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  groupName: string | null;

  @Column({ type: 'varchar', length: 100 })
  theme: string;

  /** Municipality, e.g. 東京都葛飾区. */
  @Column({ type: 'varchar', length: 60 })
  area: string;

  /** Calendar dates in Japan, 'YYYY-MM-DD'. */
  @Column({ type: 'date' })
  preferredFrom: string;

  @Column({ type: 'date' })
  preferredTo: string;

  @Column('int')
  expectedParticipants: number;

  @Column({ type: 'text', default: '' })
  message: string;

  @Column({
    type: 'enum',
    enum: MiniSalonRequestStatus,
    enumName: 'mini_salon_request_status',
    default: MiniSalonRequestStatus.PENDING,
  })
  status: MiniSalonRequestStatus;

  /** Why it was declined, as told to the requester. */
  @Column({ type: 'text', default: '' })
  declineReason: string;

  @ManyToOne(() => Event, { nullable: true, onDelete: 'SET NULL' })
  event: Event | null;

  @Column({ type: 'uuid', nullable: true })
  eventId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  decidedBy: User | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
