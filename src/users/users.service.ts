import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Role } from '../auth/actor';
import { hashPassword, verifyPassword } from '../auth/password';
import { isUuid } from '../common/validation/uuid';
import { OrganizationsService } from '../organizations/organizations.service';
import { CreateStaffUserInput } from './dto/create-staff-user.input';
import { User } from './user.entity';
import { UserErrors } from './users.errors';

/** What a staff session is checked against on each request. */
export type StaffSessionState = Pick<
  User,
  'id' | 'role' | 'organizationId' | 'deactivatedAt' | 'sessionsValidAfter'
>;

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly organizations: OrganizationsService,
  ) {}

  async create(input: CreateStaffUserInput): Promise<User> {
    const email = input.email.trim().toLowerCase();
    if (input.role !== Role.ADMIN && !input.organizationId) throw UserErrors.organizationRequired();
    const organizationId = input.role === Role.ADMIN ? null : (input.organizationId ?? null);
    if (organizationId) await this.organizations.get(organizationId, 'organizationId');
    if (await this.users.existsBy({ email })) throw UserErrors.emailTaken(email);
    const user = this.users.create({
      email,
      name: input.name.trim(),
      role: input.role,
      organizationId,
      passwordHash: await hashPassword(input.password),
    });
    return this.get((await this.users.save(user)).id);
  }

  /** The account with its organisation. */
  async get(id: string): Promise<User> {
    const user = isUuid(id)
      ? await this.users.findOne({ where: { id }, relations: { organization: true } })
      : null;
    if (!user) throw UserErrors.notFound();
    return user;
  }

  /** What a session token is checked against: one primary-key look-up, null if the account is gone. */
  sessionState(id: string): Promise<StaffSessionState | null> {
    return this.users.findOne({
      where: { id },
      select: { id: true, role: true, organizationId: true, deactivatedAt: true, sessionsValidAfter: true },
    });
  }

  /**
   * The user if the password matches; undefined otherwise (the caller must not say which part was
   * wrong). A deactivated account is answered like any other: only the caller, once the password
   * is known to be right, may say that it is switched off.
   */
  async authenticate(email: string, password: string): Promise<User | undefined> {
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .leftJoinAndSelect('user.organization', 'organization')
      .where('user.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
    if (!user) {
      // Hash anyway so a missing account takes as long as a wrong password.
      await hashPassword(password);
      return undefined;
    }
    return (await verifyPassword(user.passwordHash, password)) ? user : undefined;
  }
}
