import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Role } from '../auth/actor';
import { hashPassword, verifyPassword } from '../auth/password';
import { OrganizationsService } from '../organizations/organizations.service';
import { CreateStaffUserInput } from './dto/create-staff-user.input';
import { User } from './user.entity';
import { UserErrors } from './users.errors';

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
    return this.users.save(user);
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw UserErrors.notFound();
    return user;
  }

  /** The user if the password matches; undefined otherwise (the caller must not say which part was wrong). */
  async authenticate(email: string, password: string): Promise<User | undefined> {
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
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
