import { Injectable } from '@nestjs/common';
import { OrganizationModel } from '../organizations/models/organization.model';
import { ParticipantModel } from '../participants/models/participant.model';
import { ParticipantsService } from '../participants/participants.service';
import { UserModel } from '../users/models/user.model';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { Actor, Role, StaffActor } from './actor';
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
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Staff sign-in with a password; guessing pauses after a few wrong ones (LoginThrottle). A
   * deactivated account is told so only once its password was right.
   */
  async login(email: string, password: string): Promise<SessionModel> {
    await this.throttle.attempt(email);
    const user = await this.users.authenticate(email, password);
    if (!user) throw AuthErrors.invalidCredentials();
    await this.throttle.succeeded(email);
    if (user.deactivatedAt) throw AuthErrors.accountDeactivated();
    return this.staffSession(user);
  }

  /**
   * A new password for the signed-in staff member. The current one is checked like a login (a
   * wrong one counts in LoginThrottle, so a session left open does not allow guessing it); every
   * other session ends, and the caller gets a fresh one to stay signed in.
   */
  async changeMyPassword(
    actor: StaffActor,
    currentPassword: string,
    newPassword: string,
  ): Promise<SessionModel> {
    const { email } = await this.users.get(actor.userId);
    await this.throttle.attempt(email);
    if (!(await this.users.passwordMatches(actor.userId, currentPassword)))
      throw AuthErrors.wrongCurrentPassword();
    await this.throttle.succeeded(email);
    return this.staffSession(await this.users.setPassword(actor.userId, newPassword));
  }

  private async staffSession(user: User): Promise<SessionModel> {
    return Object.assign(new SessionModel(), {
      token: await this.tokens.issueForUser(user),
      role: user.role,
      user: UserModel.from(user),
      participant: null,
    });
  }

  /** A session for a participant whose identity another step has proven (a redeemed magic link). */
  async participantSession(participantId: string): Promise<SessionModel> {
    const participant = await this.participants.get(participantId);
    const token = await this.tokens.issueForParticipant(participantId);
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
    return Object.assign(new MeModel(), {
      role: user.role,
      user: UserModel.from(user),
      organization: user.organization && OrganizationModel.from(user.organization),
      participant: null,
    });
  }
}
