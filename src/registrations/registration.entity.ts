import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Event } from '../events/event.entity';
import { Company } from '../participants/company.entity';
import { Participant } from '../participants/participant.entity';
import { EventRole, RegistrationStatus } from './registration-enums';

@Entity('registrations')
@Unique('uq_registration_event_participant', ['eventId', 'participantId'])
@Index(['eventId', 'status'])
export class Registration {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  event: Event;

  @Column('uuid')
  eventId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participant: Participant;

  @Index()
  @Column('uuid')
  participantId: string;

  @ManyToOne(() => Company, { onDelete: 'SET NULL', nullable: true })
  company: Company | null;

  /**
   * The company the participant came for, as of taking a seat (RegistrationsService.requestSeat):
   * a later move to another company does not rewrite a past year's 参加事業者数.
   */
  @Column({ type: 'uuid', nullable: true })
  companyId: string | null;

  @Column({ type: 'enum', enum: RegistrationStatus, enumName: 'registration_status' })
  status: RegistrationStatus;

  @Column({ type: 'enum', enum: EventRole, enumName: 'event_role', default: EventRole.VISITOR })
  role: EventRole;

  /** Exhibitors' booth (e.g. B-12): booth-mode meetings take place there. */
  @Column({ type: 'varchar', nullable: true })
  booth: string | null;

  /**
   * Which invitation the person is on: 1 from their first, one more each time staff invite again
   * after they cancelled or declined; null if nobody invited them. Each round's email has its own
   * outbox key (invitationKey), and only the current round's email is sent.
   */
  @Column({ type: 'int', nullable: true })
  invitationRound: number | null;

  /** When the person joined the waitlist: the queue order for promotion. */
  @Column({ type: 'timestamptz', nullable: true })
  waitlistedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  registeredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
