import { SessionMode } from './event-enums';
import { MatchmakingSession } from './matchmaking-session.entity';

/**
 * An event whose 商談枠 are all at exhibitors' booths (there are some, and no tables): every
 * meeting there needs an exhibitor with a booth on one side, as two others have nowhere to sit.
 */
export function boothsOnly(sessions: Pick<MatchmakingSession, 'mode'>[]): boolean {
  return sessions.length > 0 && sessions.every((session) => session.mode === SessionMode.BOOTHS);
}
