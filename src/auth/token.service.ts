import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UnauthenticatedError } from '../common/errors/app-error';
import { isUuid } from '../common/validation/uuid';
import { ParticipantsService } from '../participants/participants.service';
import { languageOf } from '../participants/participant-kind';
import { StaffSessionState, UsersService } from '../users/users.service';
import { Actor, Role } from './actor';

interface TokenClaims {
  sub: string;
  typ: 'user' | 'participant';
  role: Role;
  org?: string | null;
  /**
   * The account's or participant's `sessions_valid_after` when the token was issued (epoch ms),
   * absent while it had none. JWT's own `iat` counts whole seconds, too coarse for "issued before": a
   * token issued in the second of a password change would outlive the change, or the fresh token
   * the change hands out would not.
   */
  sva?: number;
}

/**
 * Session tokens (JWT) for staff accounts and for participants signed in by magic link. Each
 * request's token is checked against the database (a primary-key look-up), so a session ends as
 * soon as its account does, and a staff member's role and organisation are the account's as
 * they are now, not as they were at login.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly participants: ParticipantsService,
    private readonly users: UsersService,
  ) {}

  /** A participant's session, for the person as stored now (read after any change to their sessions). */
  async issueForParticipant(participantId: string): Promise<string> {
    const state = await this.participants.sessionState(participantId);
    const claims: TokenClaims = {
      sub: participantId,
      typ: 'participant',
      role: Role.PARTICIPANT,
      ...(state?.sessionsValidAfter ? { sva: state.sessionsValidAfter.getTime() } : {}),
    };
    return this.jwt.signAsync(claims);
  }

  /** A staff session for the account as stored now (read it after any change to its sessions). */
  issueForUser(user: Pick<StaffSessionState, 'id' | 'role' | 'organizationId' | 'sessionsValidAfter'>) {
    const claims: TokenClaims = {
      sub: user.id,
      typ: 'user',
      role: user.role,
      org: user.organizationId,
      ...(user.sessionsValidAfter ? { sva: user.sessionsValidAfter.getTime() } : {}),
    };
    return this.jwt.signAsync(claims);
  }

  /**
   * The actor the token signs in, or the refusal: INVALID_TOKEN, worded for the participant the
   * token still names when their session ended (see readerOf).
   */
  async verify(token: string): Promise<Actor> {
    const actor = await this.actorOf(token);
    if (actor) return actor;
    const reader = await this.readerOf(token);
    throw reader ? invalidSession().forReader(reader) : invalidSession();
  }

  /**
   * The language of the participant a session token names, ended as the session may be (expired,
   * or from before their address or sessions changed): for the words of a refusal, never to act
   * on. Undefined for a staff token, a forged one, and an erased participant.
   */
  private async readerOf(token: string): Promise<'ja' | 'en' | undefined> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { ignoreExpiration: true });
    } catch {
      return undefined;
    }
    if (claims.typ !== 'participant' || !isUuid(claims.sub)) return undefined;
    const state = await this.participants.sessionState(claims.sub);
    return state && !state.erasedAt ? languageOf(state) : undefined;
  }

  private async actorOf(token: string): Promise<Actor | undefined> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      return undefined;
    }
    if (!isUuid(claims.sub)) return undefined;
    if (claims.typ === 'participant') {
      // An erased participant's session ends at once, and one from before their address changed
      // (a primary-key look-up per request).
      const state = await this.participants.sessionState(claims.sub);
      if (!state || state.erasedAt || !issuedSince(claims, state.sessionsValidAfter)) return undefined;
      return {
        kind: 'participant',
        participantId: claims.sub,
        role: Role.PARTICIPANT,
        locale: languageOf(state),
      };
    }
    // The same for staff: a deactivated account, or a session from before the password changed.
    const account = await this.users.sessionState(claims.sub);
    if (!account || account.deactivatedAt || !issuedSince(claims, account.sessionsValidAfter))
      return undefined;
    return {
      kind: 'user',
      userId: account.id,
      role: account.role,
      organizationId: account.organizationId,
    };
  }
}

function issuedSince(claims: TokenClaims, sessionsValidAfter: Date | null): boolean {
  return sessionsValidAfter === null || (claims.sva ?? -Infinity) >= sessionsValidAfter.getTime();
}

function invalidSession(): UnauthenticatedError {
  return new UnauthenticatedError(
    'セッションが無効か期限切れです。もう一度ログインしてください',
    'INVALID_TOKEN',
  ).withEnglish('Your session is not valid or has expired. Please sign in again.');
}
