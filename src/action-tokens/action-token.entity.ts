import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A secret that lets the holder of an email link do one kind of thing to one row (answer this
 * invitation, sign in as this participant, unsubscribe this address). Only its SHA-256 is stored.
 */
@Entity('action_tokens')
@Index(['purpose', 'subjectId'])
export class ActionToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  purpose: string;

  /** The row the token acts on (a registration, a participant…). */
  @Column('uuid')
  subjectId: string;

  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** First use; single-use tokens refuse a second one. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  useCount: number;

  /**
   * When a newer email took over what the link did (staff invited the person again), which ended
   * it: its page then says so and points to the newer email, rather than that it expired.
   */
  @Column({ type: 'timestamptz', nullable: true })
  replacedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
