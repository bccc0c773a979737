import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { EventKind, EventStatus, EventVisibility } from './event-enums';
import { MatchmakingSession } from './matchmaking-session.entity';

@Entity('events')
@Index(['status', 'startsAt'])
export class Event {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The organiser; co-hosts (共催) share the right to manage it. */
  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  organization: Organization;

  @Index()
  @Column('uuid')
  organizationId: string;

  @ManyToMany(() => Organization)
  @JoinTable({
    name: 'event_co_hosts',
    joinColumn: { name: 'event_id' },
    inverseJoinColumn: { name: 'organization_id' },
  })
  coHosts: Organization[];

  @Column({ type: 'enum', enum: EventKind, enumName: 'event_kind' })
  kind: EventKind;

  @Column()
  title: string;

  /** The title English readers get (emails, pages, calendar entries); null: the Japanese one. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  titleEn: string | null;

  @Column({ type: 'text', default: '' })
  description: string;

  /** The description English readers get (emails, pages, calendar entries); null: the Japanese one. */
  @Column({ type: 'text', nullable: true })
  descriptionEn: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes: string[];

  @Column({ type: 'varchar', nullable: true })
  venue: string | null;

  /** The venue English readers get (its name and address as a visitor from abroad reads them); null: the Japanese one. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  venueEn: string | null;

  @Column({ type: 'varchar', nullable: true })
  onlineUrl: string | null;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  registrationOpensAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  registrationClosesAt: Date | null;

  /** Seats; null means no limit. */
  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  @Column({
    type: 'enum',
    enum: EventVisibility,
    enumName: 'event_visibility',
    default: EventVisibility.PUBLIC,
  })
  visibility: EventVisibility;

  @Column({ type: 'enum', enum: EventStatus, enumName: 'event_status', default: EventStatus.DRAFT })
  status: EventStatus;

  /** 年度 of startsAt (Asia/Tokyo), kept as a column so reports can group and filter on it. */
  @Index()
  @Column('int')
  fiscalYear: number;

  /** Matching: the engine's cross-industry bonus for this event; null uses the engine default (0.1). */
  @Column({ type: 'real', nullable: true })
  matchCrossIndustryBonus: number | null;

  /** Matching: whether two exhibitors may be suggested to each other; null means no. */
  @Column({ type: 'boolean', nullable: true })
  matchAllowExhibitorPairs: boolean | null;

  /**
   * iCalendar SEQUENCE of the event's calendar entry (UID `event-<id>@tsunagu`): raised each time
   * the event's time or place changes, so calendars move the entry (RFC 5546), and the key of
   * the 日時変更／会場変更 emails that tell of it.
   */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  @OneToMany(() => MatchmakingSession, (session) => session.event)
  sessions: MatchmakingSession[];

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
