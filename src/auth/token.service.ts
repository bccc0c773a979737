import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UnauthenticatedError } from '../common/errors/app-error';
import { isUuid } from '../common/validation/uuid';
import { ParticipantsService } from '../participants/participants.service';
import { Actor, Role, StaffRole } from './actor';

interface TokenClaims {
  sub: string;
  typ: 'user' | 'participant';
  role: Role;
  org?: string | null;
}

/** Session tokens (JWT) for staff accounts and for participants signed in by magic link. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly participants: ParticipantsService,
  ) {}

  issue(actor: Actor): Promise<string> {
    const claims: TokenClaims =
      actor.kind === 'user'
        ? { sub: actor.userId, typ: 'user', role: actor.role, org: actor.organizationId }
        : { sub: actor.participantId, typ: 'participant', role: Role.PARTICIPANT };
    return this.jwt.signAsync(claims);
  }

  async verify(token: string): Promise<Actor> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw invalidSession();
    }
    if (claims.typ === 'participant') {
      // An erased participant's session ends at once (a primary-key look-up per request).
      if (!isUuid(claims.sub) || !(await this.participants.hasActiveAccount(claims.sub)))
        throw invalidSession();
      return { kind: 'participant', participantId: claims.sub, role: Role.PARTICIPANT };
    }
    return {
      kind: 'user',
      userId: claims.sub,
      role: claims.role as StaffRole,
      organizationId: claims.org ?? null,
    };
  }
}

function invalidSession(): UnauthenticatedError {
  return new UnauthenticatedError(
    'セッションが無効か期限切れです。もう一度ログインしてください',
    'INVALID_TOKEN',
  );
}
