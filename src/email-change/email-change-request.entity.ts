import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Participant } from '../participants/participant.entity';

/**
 * A participant's request to move to another address. The address changes only once they confirm
 * from the link sent to it: that shows the new address is theirs and reaches them. Erasing the
 * person deletes their requests.
 */
@Entity('email_change_requests')
export class EmailChangeRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participant: Participant;

  @Column({ type: 'varchar', length: 254 })
  newEmail: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** When the link was used and the address changed. */
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;
}
