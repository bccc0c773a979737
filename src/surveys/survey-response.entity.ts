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
import { Event } from '../events/event.entity';
import { Participant } from '../participants/participant.entity';
import { Registration } from '../registrations/registration.entity';

/**
 * アンケート: one answer per registration, after the event. The participant can change it while
 * the link lives; the figures always read the latest.
 */
@Entity('survey_responses')
@Check('chk_survey_responses_satisfaction', `"satisfaction" BETWEEN 1 AND 5`)
export class SurveyResponse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Registration, { onDelete: 'CASCADE' })
  registration: Registration;

  @Index({ unique: true })
  @Column('uuid')
  registrationId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  event: Event;

  @Index()
  @Column('uuid')
  eventId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participant: Participant;

  @Column('uuid')
  participantId: string;

  /** 受注機会の拡大につながったか: did the event widen their order opportunities? */
  @Column()
  gainedOpportunities: boolean;

  /** 満足度 1 (不満) … 5 (満足). */
  @Column('smallint')
  satisfaction: number;

  @Column({ type: 'text', default: '' })
  comment: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
