import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Wrong passwords in a row for one address, so that guessing a staff password stops after a few
 * tries. Keyed by the address's SHA-256: addresses without an account are counted the same way
 * (the answer must not tell which exist), and the table holds none of them in clear.
 */
@Entity('login_failures')
export class LoginFailure {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  addressHash: string;

  /** Attempts since the last success, each within LOGIN_PAUSE_MINUTES of the one before. */
  @Column({ type: 'int' })
  failures: number;

  /** Indexed for the clean-up of counts older than the pause. */
  @Index()
  @Column({ type: 'timestamptz' })
  lastFailureAt: Date;
}
