import 'reflect-metadata';
import { INestApplicationContext, Module } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Role } from './auth/actor';
import { LoginThrottle } from './auth/login-throttle';
import { AppError } from './common/errors/app-error';
import { ConfigModule } from './config/config.module';
import { ConfigValidationError, loadConfig, loadDotEnv } from './config/app-config';
import { StartupError } from './common/lifecycle/process-lifecycle';
import { checkDatabase } from './database/database-check';
import { DatabaseModule } from './database/database.module';
import { validationFailures } from './common/validation/validation-failures';
import { formatTokyoDateTime } from './common/time/tokyo-time';
import { CreateOrganizationInput } from './organizations/dto/create-organization.input';
import { OrganizationKind } from './organizations/organization-kind';
import { OrganizationsModule } from './organizations/organizations.module';
import { OrganizationsService } from './organizations/organizations.service';
import { CreateStaffUserInput } from './users/dto/create-staff-user.input';
import { ChangeStaffRoleArgs } from './users/dto/change-staff-role.args';
import { SetStaffPasswordInput } from './users/dto/set-staff-password.input';
import { UsersModule } from './users/users.module';
import { STAFF_ROLE_LABEL } from './users/staff-accounts';
import { UsersService } from './users/users.service';

@Module({
  imports: [ConfigModule, DatabaseModule, OrganizationsModule, UsersModule],
  providers: [LoginThrottle],
})
class CliModule {}

/** How to call each command, shown alone under a mistake in that command. */
const COMMAND_USAGE: Record<string, string> = {
  'create-admin': 'npm run cli -- create-admin --email EMAIL --name NAME [--password PASSWORD]',
  'create-organization': `npm run cli -- create-organization --name NAME --kind KIND --municipality MUNICIPALITY [--corporate-number NUMBER]
      [--name-en NAME] [--address ADDRESS] [--address-en ADDRESS] [--contact-email EMAIL] [--contact-phone PHONE]
      KIND: ${Object.values(OrganizationKind).join(', ')}`,
  'create-staff-user':
    'npm run cli -- create-staff-user --email EMAIL --name NAME --role ORGANIZER|STAFF --organization ID [--password PASSWORD]',
  organizations: 'npm run cli -- organizations',
  'deactivate-staff-user': 'npm run cli -- deactivate-staff-user --email EMAIL',
  'reactivate-staff-user': 'npm run cli -- reactivate-staff-user --email EMAIL',
  'set-staff-password': 'npm run cli -- set-staff-password --email EMAIL [--password PASSWORD]',
  'set-staff-role':
    'npm run cli -- set-staff-role --email EMAIL --role ADMIN|ORGANIZER|STAFF [--organization ID]',
};

const USAGE = `Usage:
${Object.values(COMMAND_USAGE)
  .map((line) => `  ${line}`)
  .join('\n')}

The admin's tasks from a shell: the first admin account, organisations and their staff accounts
(the same as the createOrganization and createStaffUser mutations), and the organisations' ids.
Someone who leaves: deactivate-staff-user switches the account off and ends its sessions at once
(as deactivateStaffUser; the last active admin cannot be); reactivate-staff-user switches it on
again. set-staff-password gives an account a new password, ends its sessions and lifts a login
pause for the address (e.g. an admin locked out). Without --password a random one is generated
and printed once. set-staff-role gives an account another role (as changeStaffRole): an admin who
becomes an organizer or staff member needs --organization; the last active admin keeps the role.`;

const EX_USAGE = 64;
const EX_DATAERR = 65;
const EX_CONFIG = 78;

type Options = Partial<Record<(typeof OPTION_NAMES)[number], string>>;
const OPTION_NAMES = [
  'email',
  'name',
  'name-en',
  'password',
  'kind',
  'municipality',
  'corporate-number',
  'address',
  'address-en',
  'contact-email',
  'contact-phone',
  'role',
  'organization',
] as const;

interface Command {
  required: (keyof Options)[];
  run(app: INestApplicationContext, options: Options): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  'create-admin': {
    required: ['email', 'name'],
    run: (app, options) => createUser(app, options, Role.ADMIN),
  },
  'create-staff-user': {
    required: ['email', 'name', 'role', 'organization'],
    run: (app, options) => createUser(app, options, options.role as Role),
  },
  'create-organization': {
    required: ['name', 'kind', 'municipality'],
    async run(app, options) {
      const input = await validated(CreateOrganizationInput, {
        name: options.name,
        nameEn: options['name-en'],
        kind: options.kind,
        municipality: options.municipality,
        corporateNumber: options['corporate-number'],
        address: options.address,
        addressEn: options['address-en'],
        contactEmail: options['contact-email'],
        contactPhone: options['contact-phone'],
      });
      if (!input) return EX_DATAERR;
      const organization = await app.get(OrganizationsService).create(input);
      console.log(`Organisation created: ${organization.name}\nid: ${organization.id}`);
      return 0;
    },
  },
  'deactivate-staff-user': {
    required: ['email'],
    async run(app, options) {
      const users = app.get(UsersService);
      const user = await users.deactivate(null, (await users.getByEmail(options.email!)).id);
      console.log(
        `Account deactivated: ${user.email} (since ${formatTokyoDateTime(user.deactivatedAt!)}); its sessions have ended`,
      );
      return 0;
    },
  },
  'reactivate-staff-user': {
    required: ['email'],
    async run(app, options) {
      const users = app.get(UsersService);
      const user = await users.reactivate(null, (await users.getByEmail(options.email!)).id);
      console.log(`Account reactivated: ${user.email}; they sign in again with their password`);
      return 0;
    },
  },
  'set-staff-password': {
    required: ['email'],
    async run(app, options) {
      const password = options.password ?? randomBytes(12).toString('base64url');
      const input = await validated(SetStaffPasswordInput, { email: options.email, password });
      if (!input) return EX_DATAERR;
      const users = app.get(UsersService);
      const user = await users.setPassword((await users.getByEmail(input.email)).id, input.password);
      await app.get(LoginThrottle).succeeded(user.email);
      console.log(
        `Password set: ${user.email}; its sessions have ended` +
          (user.deactivatedAt ? ' (the account is deactivated: reactivate-staff-user to let them in)' : '') +
          (options.password ? '' : `\nPassword (shown once): ${password}`),
      );
      return 0;
    },
  },
  'set-staff-role': {
    required: ['email', 'role'],
    async run(app, options) {
      const users = app.get(UsersService);
      const { id } = await users.getByEmail(options.email!);
      const input = await validated(ChangeStaffRoleArgs, {
        id,
        role: options.role,
        organizationId: options.organization,
      });
      if (!input) return EX_DATAERR;
      const user = await users.changeRole(null, id, input.role, input.organizationId ?? null);
      console.log(
        `Role set: ${user.email} is ${user.role} (${STAFF_ROLE_LABEL[user.role]})` +
          (user.organization ? ` of ${user.organization.name}` : '') +
          '; their open sessions have the new role at once',
      );
      return 0;
    },
  },
  organizations: {
    required: [],
    async run(app) {
      for (const organization of await app.get(OrganizationsService).list()) {
        console.log(`${organization.id}\t${organization.kind}\t${organization.name}`);
      }
      return 0;
    },
  },
};

async function createUser(app: INestApplicationContext, options: Options, role: Role): Promise<number> {
  const password = options.password ?? randomBytes(12).toString('base64url');
  const input = await validated(CreateStaffUserInput, {
    email: options.email,
    name: options.name,
    password,
    role,
    organizationId: role === Role.ADMIN ? undefined : options.organization,
  });
  if (!input) return EX_DATAERR;
  const user = await app.get(UsersService).create(input);
  const what = role === Role.ADMIN ? 'Admin' : `${user.role} account`;
  console.log(
    `${what} created: ${user.email}${options.password ? '' : `\nPassword (shown once): ${password}`}`,
  );
  return 0;
}

/** The input with the same rules as the GraphQL mutation; prints the first failure by field. */
async function validated<T extends object>(type: new () => T, plain: object): Promise<T | null> {
  const input = plainToInstance(type, plain);
  const [failure] = validationFailures(await validate(input));
  if (!failure) return input;
  console.error(`${failure[0]}: ${failure[1]}`);
  return null;
}

/**
 * What is wrong with how the command was called, first line first (the command missing or
 * unknown, with the nearest known one; an option missing; a word too many), then how to call that
 * command: the whole usage buried the one thing to fix. Undefined when the call is fine.
 */
function usageMistake(positionals: string[], options: Options): string | undefined {
  const [name, ...extra] = positionals;
  if (name === undefined) return `コマンドがありません\n\n${USAGE}`;
  const command = COMMANDS[name];
  if (!command) {
    const nearest = nearestCommand(name);
    return nearest
      ? `不明なコマンドです: ${name}（${nearest} のことですか？）\n\n  ${COMMAND_USAGE[nearest]}`
      : `不明なコマンドです: ${name}\n\n${USAGE}`;
  }
  const missing = command.required.filter((option) => !options[option]).map((option) => `--${option}`);
  if (missing.length > 0) return `${missing.join('、')} がありません\n\n  ${COMMAND_USAGE[name]}`;
  if (extra.length > 0) return `余分な引数があります: ${extra.join(' ')}\n\n  ${COMMAND_USAGE[name]}`;
  return undefined;
}

/** The known command a misspelt one was meant to be: at most a third of its letters off. */
function nearestCommand(name: string): string | undefined {
  const [best] = Object.keys(COMMANDS)
    .map((known) => ({ known, distance: editDistance(name, known) }))
    .sort((a, b) => a.distance - b.distance);
  return best.distance <= Math.max(2, Math.floor(best.known.length / 3)) ? best.known : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.some((arg) => arg === '--help' || arg === '-h') || args[0] === 'help') {
    console.log(USAGE);
    return 0;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: Object.fromEntries(OPTION_NAMES.map((name) => [name, { type: 'string' as const }])),
    });
  } catch (error) {
    // An unknown or valueless option: say which, then how to call that command, not a stack trace.
    const usage = args[0] in COMMAND_USAGE ? `  ${COMMAND_USAGE[args[0]]}` : USAGE;
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return EX_USAGE;
  }
  const { positionals, values } = parsed;
  const mistake = usageMistake(positionals, values as Options);
  if (mistake) {
    console.error(mistake);
    return EX_USAGE;
  }
  const command = COMMANDS[positionals[0]];
  const options = values as Options;
  loadDotEnv();
  // As the service starts: a wrong variable or database is one line naming it, not Nest's stack
  // trace (and TypeORM's, every 3 s for half a minute).
  let databaseUrl: string;
  try {
    databaseUrl = loadConfig(process.env).DATABASE_URL;
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    console.error(error.message);
    return EX_CONFIG;
  }
  await checkDatabase(databaseUrl, { waitMs: 6_000, log: (line) => console.error(line) });
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    return await command.run(app, options);
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof StartupError) console.error(`npm run cli could not start: ${error.message}`);
    else if (error instanceof AppError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
