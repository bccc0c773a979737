import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Role } from './auth/actor';
import { AppError } from './common/errors/app-error';
import { ConfigModule } from './config/config.module';
import { ConfigValidationError, loadDotEnv } from './config/app-config';
import { DatabaseModule } from './database/database.module';
import { validationFailures } from './common/validation/validation-failures';
import { CreateStaffUserInput } from './users/dto/create-staff-user.input';
import { UsersModule } from './users/users.module';
import { UsersService } from './users/users.service';

@Module({ imports: [ConfigModule, DatabaseModule, UsersModule] })
class CliModule {}

const USAGE = `Usage:
  npm run cli -- create-admin --email EMAIL --name NAME [--password PASSWORD]

Creates the first admin account (further accounts are created with createStaffUser).
Without --password a random one is generated and printed once.`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
  });
  if (positionals[0] !== 'create-admin' || !values.email || !values.name) {
    console.error(USAGE);
    return 64; // EX_USAGE
  }
  loadDotEnv();
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    const password = values.password ?? randomBytes(12).toString('base64url');
    const input = plainToInstance(CreateStaffUserInput, {
      email: values.email,
      name: values.name,
      password,
      role: Role.ADMIN,
    });
    const [failure] = validationFailures(await validate(input));
    if (failure) {
      console.error(`${failure[0]}: ${failure[1]}`);
      return 65; // EX_DATAERR
    }
    const user = await app.get(UsersService).create(input);
    console.log(
      `Admin created: ${user.email}${values.password ? '' : `\nPassword (shown once): ${password}`}`,
    );
    return 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigValidationError || error instanceof AppError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
