import type { LogLevel } from '@nestjs/common';
import { getNextMillis } from 'bullmq';
import { existsSync } from 'node:fs';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  registerDecorator,
  validateSync,
  ValidationArguments,
} from 'class-validator';
import { TOKYO } from '../common/time/tokyo-time';

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];
/**
 * true/false, 1/0, yes/no, on/off; anything else is left as it is, so @IsBoolean refuses it and
 * the start stops naming the variable: a typo (`ture`) must not quietly turn the worker off.
 */
const toBoolean = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  return TRUE.includes(word) ? true : FALSE.includes(word) ? false : value;
};
/**
 * Names the variable and the schemes it takes, never the value: a URL can carry a password. Without
 * `require_protocol`, `127.0.0.1:6379` or `localhost:3000` would pass and fail later, far from here.
 */
const urlMessage = ({ property, constraints }: ValidationArguments) => {
  const [options] = constraints as [{ protocols: string[] }];
  return `${property} must be a URL starting with ${options.protocols.map((p) => `${p}://`).join(' or ')}`;
};
/**
 * A cron expression the job schedulers accept (five fields, or six with seconds first), checked
 * with the parser BullMQ itself uses, in Asia/Tokyo. Otherwise a typo only shows when a consuming
 * process upserts its schedulers: a stack trace from the parser naming no variable, and a process
 * (the HTTP service too, with WORKER_IN_PROCESS) that does not start. Four fields parse, but as
 * something else than meant, so the count is checked first.
 */
function IsCron(): PropertyDecorator {
  return (target, propertyName) => {
    let reason = '';
    registerDecorator({
      name: 'isCron',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate(value: unknown) {
          reason = '';
          if (typeof value !== 'string') return false;
          const fields = value.trim().split(/\s+/).length;
          if (!value.trim().startsWith('@') && fields !== 5 && fields !== 6) {
            reason = `${fields} fields`;
            return false;
          }
          try {
            if (getNextMillis(Date.now(), { pattern: value, tz: TOKYO }) !== undefined) return true;
            reason = 'it never comes';
          } catch (error) {
            reason = (error as Error).message;
          }
          return false;
        },
        defaultMessage: ({ property }: ValidationArguments) =>
          `${property} must be a cron expression: minute hour day-of-month month day-of-week, Asia/Tokyo (e.g. "0 10 * * *")` +
          (reason ? `: ${reason}` : ''),
      },
    });
  };
}

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

/** The part of the config the migration CLI needs: it must run without the service's secrets. */
export class DatabaseConfig {
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['postgres', 'postgresql'] },
    { message: urlMessage },
  )
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/tsunagu';
}

/**
 * Every environment variable the service reads, validated once at boot.
 * Nothing else in the code reads process.env: inject AppConfig instead.
 */
export class AppConfig extends DatabaseConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** Where links in emails point: the address participants reach the service at. */
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: urlMessage },
  )
  PUBLIC_URL = 'http://localhost:3000';

  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['redis', 'rediss'] },
    { message: urlMessage },
  )
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix for BullMQ keys, so several environments (or test files) can share one Redis. */
  @IsString()
  @MinLength(1)
  QUEUE_PREFIX = 'tsunagu';

  @Transform(toBoolean)
  @IsBoolean()
  RUN_MIGRATIONS = true;

  // Missing or short, one message: not also "must be a string".
  @IsString({ message: 'JWT_SECRET must be at least 32 characters' })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @IsString()
  JWT_EXPIRES_IN = '12h';

  /** smtp://user:pass@host:port; empty means "write .eml files to MAIL_DIR". */
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['smtp', 'smtps'] },
    { message: urlMessage },
  )
  SMTP_URL?: string;

  @IsString()
  MAIL_DIR = 'var/mail';

  @IsString()
  MAIL_FROM = 'Tsunagu <no-reply@tsunagu.local>';

  /** Messages per second the sender may hand to the SMTP server (pooled transport). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SMTP_RATE_PER_SECOND = 50;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  SMTP_POOL_SIZE = 5;

  /** Run the queue worker inside the HTTP process: convenient for a single-machine start. */
  @Transform(toBoolean)
  @IsBoolean()
  WORKER_IN_PROCESS = true;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  WORKER_CONCURRENCY = 10;

  /**
   * Emails in flight per worker process. Sending mostly waits (on SMTP, on the database), and the
   * sender shares its statements across the emails in flight, so this is higher than
   * WORKER_CONCURRENCY; SMTP_POOL_SIZE and SMTP_RATE_PER_SECOND are what limit the pace.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAIL_CONCURRENCY = 100;

  /** How many times the sender tries one email before marking it failed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAIL_MAX_ATTEMPTS = 6;

  /** First retry delay after a temporary SMTP failure; doubles on each further try. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAIL_RETRY_BASE_MS = 30_000;

  /**
   * How long a sender owns an email it started to send. A row still `sending` after this (its
   * worker died) is sent again — the only way a duplicate can happen, and it is counted.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  MAIL_LEASE_MS = 120_000;

  /** How often the outbox relay looks for emails not yet handed to the queue. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  OUTBOX_POLL_MS = 5_000;

  /** An email handed to the queue but still unsent after this is handed over again (Redis lost it). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  OUTBOX_REENQUEUE_AFTER_MS = 300_000;

  /** BullMQ job lock; a job whose worker died is picked up again after about this long. */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  QUEUE_LOCK_MS = 30_000;

  /**
   * How long a stopping process (SIGTERM) waits for the jobs it holds before handing them back to
   * their queues. Give the process manager this plus a few seconds before it kills (docker stop
   * waits 10 s).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  SHUTDOWN_GRACE_MS = 8_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAGIC_LINK_TTL_MINUTES = 15;

  /** Wrong staff passwords in a row for one address before login pauses for it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 10;

  /** How long login pauses after LOGIN_MAX_FAILURES; also how long a failure counts. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_PAUSE_MINUTES = 15;

  /** Sign-in emails per address per hour; further requests answer true and send nothing. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAGIC_LINK_PER_HOUR = 5;

  /**
   * Application links (an event's public page: 申込用のリンクを受け取る) per address per hour, over
   * every event; further requests get the same answer and send nothing.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  APPLY_LINK_PER_HOUR = 5;

  /** How long a staff member's password-reset link works, from the request. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PASSWORD_RESET_TTL_MINUTES = 30;

  /** Password-reset emails per staff address per hour; further requests answer true and send nothing. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PASSWORD_RESET_PER_HOUR = 3;

  /** Wall-clock budget of one meeting-scheduling run (the engine's soft time limit). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  SCHEDULING_TIME_LIMIT_MS = 8_000;

  /** When the day-before reminders are written (cron, Asia/Tokyo). */
  @IsCron()
  REMINDER_CRON = '0 10 * * *';

  /** When the survey goes to those who took part in an event that ended the day before (cron, Asia/Tokyo). */
  @IsCron()
  SURVEY_CRON = '0 10 * * *';

  /** When staff are emailed the follow-ups due in the coming week (cron, Asia/Tokyo). */
  @IsCron()
  FOLLOW_UP_DIGEST_CRON = '0 8 * * 1';

  /** How often unanswered meeting requests past their deadline are expired and their requesters told (cron). */
  @IsCron()
  MEETING_REQUEST_EXPIRY_CRON = '*/10 * * * *';

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

export class ConfigValidationError extends Error {}

/** Validates an environment and returns the typed config, or throws naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  return validateInto(AppConfig, env);
}

export function loadDatabaseConfig(env: NodeJS.ProcessEnv): DatabaseConfig {
  return validateInto(DatabaseConfig, env);
}

function validateInto<T extends object>(type: new () => T, env: NodeJS.ProcessEnv): T {
  const declared = new Set([...Object.keys(new type()), 'JWT_SECRET', 'SMTP_URL']);
  // Only the declared variables: the rest of the environment is none of our business.
  const provided = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => declared.has(key) && value !== undefined && value !== ''),
  );
  const config = plainToInstance(type, provided, { exposeDefaultValues: true });
  const errors = validateSync(config);
  if (errors.length > 0) {
    const lines = errors.map(
      (error) =>
        `  ${error.property}: ${[...new Set(Object.values(error.constraints ?? {}))].join('; ') || 'invalid'}`,
    );
    throw new ConfigValidationError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}

/** Entry points call this first: a local `.env` (if there is one) fills variables not already set. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/**
 * For entry points (service, worker): `.env`, then the validated config. A wrong or missing
 * variable stops the start, naming it, before anything connects anywhere.
 */
export function loadConfigOrExit(): AppConfig {
  loadDotEnv();
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
}

/** Nest's logger levels up to and including LOG_LEVEL. */
export function loggerLevels(level: AppConfig['LOG_LEVEL']): LogLevel[] {
  const order: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  return order.slice(0, order.indexOf(level) + 1);
}
