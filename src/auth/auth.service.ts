import { Injectable } from '@nestjs/common';
import { OrganizationModel } from '../organizations/models/organization.model';
import { OrganizationsService } from '../organizations/organizations.service';
import { ParticipantModel } from '../participants/models/participant.model';
import { ParticipantsService } from '../participants/participants.service';
import { UserModel } from '../users/models/user.model';
import { UsersService } from '../users/users.service';
import { Actor, Role } from './actor';
import { AuthErrors } from './auth.errors';
import { LoginThrottle } from './login-throttle';
import { MeModel } from './models/me.model';
import { SessionModel } from './models/session.model';
import { TokenService } from './token.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly participants: ParticipantsService,
    private readonly organizations: OrganizationsService,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** Staff sign-in with a password; guessing pauses after a few wrong ones (LoginThrottle). */
  async login(email: string, password: string): Promise<SessionModel> {
    await this.throttle.attempt(email);
    const user = await this.users.authenticate(email, password);
    if (!user) throw AuthErrors.invalidCredentials();
    await this.throttle.succeeded(email);
    const token = await this.tokens.issue({
      kind: 'user',
      userId: user.id,
      role: user.role,
      organizationId: user.organizationId,
    });
    return Object.assign(new SessionModel(), {
      token,
      role: user.role,
      user: UserModel.from(user),
      participant: null,
    });
  }

  /** A session for a participant whose identity another step has proven (a redeemed magic link). */
  async participantSession(participantId: string): Promise<SessionModel> {
    const participant = await this.participants.get(participantId);
    const token = await this.tokens.issue({ kind: 'participant', participantId, role: Role.PARTICIPANT });
    return Object.assign(new SessionModel(), {
      token,
      role: Role.PARTICIPANT,
      user: null,
      participant: ParticipantModel.from(participant, true),
    });
  }

  async me(actor: Actor): Promise<MeModel> {
    if (actor.kind === 'participant') {
      const participant = await this.participants.get(actor.participantId);
      return Object.assign(new MeModel(), {
        role: actor.role,
        user: null,
        organization: null,
        participant: ParticipantModel.from(participant, true),
      });
    }
    const user = await this.users.get(actor.userId);
    const organization = user.organizationId ? await this.organizations.get(user.organizationId) : null;
    return Object.assign(new MeModel(), {
      role: user.role,
      user: UserModel.from(user),
      organization: organization && OrganizationModel.from(organization),
      participant: null,
    });
  }
}
