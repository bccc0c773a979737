import type { LogLevel } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { getNextMillis } from 'bullmq';
import { existsSync } from 'node:fs';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  isEmail,
  IsOptional,
  IsString,
  IsUrl,
  registerDecorator,
  validateSync,
  ValidationArguments,
} from 'class-validator';
import { TOKYO } from '../common/time/tokyo-time';

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];
/**
 * true/false, 1/0, yes/no, on/off; anything else is left as it is, so IsSwitch refuses it and
 * the start stops naming the variable: a typo (`ture`) must not quietly turn the worker off.
 */
const toBoolean = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  return TRUE.includes(word) ? true : FALSE.includes(word) ? false : value;
};

/**
 * One rule with one message per variable: class-validator reports every failed decorator, so
 * IsInt + Min + Max gave `PORT=abc` three lines for one mistake. `reason` returns why a value is
 * refused, or undefined when it is fine; `message` names the variable and what it takes.
 */
function Setting(
  name: string,
  reason: (value: unknown) => string | undefined,
  message: (property: string, why: string) => string,
): PropertyDecorator {
  return (target, propertyName) => {
    let why = '';
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate(value: unknown) {
          why = reason(value) ?? '';
          return why === '';
        },
        defaultMessage: ({ property }: ValidationArguments) => message(property, why),
      },
    });
  };
}

/** A switch: true/false, 1/0, yes/no, on/off. */
function IsSwitch(): PropertyDecorator {
  return (target, propertyName) => {
    Transform(toBoolean)(target, propertyName);
    Setting(
      'isSwitch',
      (value) => (typeof value === 'boolean' ? undefined : 'not a switch'),
      (property) => `${property} must be true/false, 1/0, yes/no or on/off`,
    )(target, propertyName);
  };
}

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

/** A whole number, at least `min` (and at most `max`), in one message. */
function IsWholeNumber(min: number, max?: number): PropertyDecorator {
  const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
  return (target, propertyName) => {
    Transform(toInt)(target, propertyName);
    Setting(
      'isWholeNumber',
      (value) =>
        typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= min &&
        (max === undefined || value <= max)
          ? undefined
          : 'out of range',
      (property) => `${property} must be a whole number ${range}`,
    )(target, propertyName);
  };
}

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

/**
 * Every link in every email is this plus a path (`${PUBLIC_URL}/sign-in?token=…`), so the base is
 * normalised here once: trailing slashes go (`http://host/` would give `//sign-in`, a 404), and a
 * query or fragment, which the appended path would land inside, is refused. A path prefix
 * (`https://example.jp/tsunagu`, behind a reverse proxy) is kept.
 */
const withoutTrailingSlashes = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().replace(/\/+$/, '') : value;

function IsPublicBaseUrl(): PropertyDecorator {
  return (target, propertyName) => {
    Transform(withoutTrailingSlashes)(target, propertyName);
    Setting(
      'isPublicBaseUrl',
      (value) => {
        let url: URL;
        try {
          url = new URL(value as string);
        } catch {
          return 'scheme';
        }
        if (!['http:', 'https:'].includes(url.protocol) || !/^https?:\/\/[^/]/i.test(value as string))
          return 'scheme';
        if (url.search !== '' || url.hash !== '' || /[?#]/.test(value as string)) return 'query';
        if (url.username !== '' || url.password !== '') return 'credentials';
        return undefined;
      },
      (property, why) =>
        why === 'query'
          ? `${property} must be the service's address without a query (?…) or fragment (#…): email links add their own path to it`
          : why === 'credentials'
            ? `${property} must not hold a user name or password: it is shown in every email`
            : `${property} must be a URL starting with http:// or https://`,
    )(target, propertyName);
  };
}

/**
 * jsonwebtoken reads the lifetime with `ms`: a word it does not know (`forever`) passed the start
 * and then failed every login, and a bare number is read as milliseconds, so `43200` (meant as
 * seconds) would sign tokens that are expired on arrival. Checked by signing once, as login will.
 */
function sessionLifetimeSeconds(value: string): number | undefined {
  if (!/[a-z]/i.test(value)) return undefined;
  try {
    const jwt = new JwtService({ secret: 'only-to-check-the-lifetime' });
    const { iat, exp } = jwt.decode<{ iat: number; exp: number }>(
      jwt.sign({}, { expiresIn: value as `${number}h` }),
    );
    return exp - iat;
  } catch {
    return undefined;
  }
}

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

  @IsWholeNumber(1, 65535)
  PORT = 3000;

  /**
   * Connections each process keeps to Postgres. Every process (the service, each worker) has its
   * own pool: together they must stay under the server's max_connections.
   */
  @IsWholeNumber(1)
  DATABASE_POOL_SIZE = 20;

  /**
   * How long a request or a job waits for a free connection (or for a new one to connect) before
   * it fails, logged as `timeout exceeded when trying to connect`: a pool used up answers with an
   * error the engineer on call can see, rather than leaving requests waiting for ever.
   */
  @IsWholeNumber(1)
  DATABASE_POOL_WAIT_MS = 30_000;

  /** Where links in emails point: the address participants reach the service at. */
  @IsPublicBaseUrl()
  PUBLIC_URL = 'http://localhost:3000';

  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['redis', 'rediss'] },
    { message: urlMessage },
  )
  REDIS_URL = 'redis://127.0.0.1:6379';

  /**
   * Prefix for BullMQ keys, so several environments (or test files) can share one Redis. Set but
   * empty is refused (see EMPTY_REFUSED), not read as the default: two environments would then
   * consume each other's jobs.
   */
  @Setting(
    'isQueuePrefix',
    (value) => (typeof value === 'string' && /^\S+$/.test(value) ? undefined : 'blank'),
    (property) => `${property} must be a name without spaces, not empty (e.g. tsunagu_staging)`,
  )
  QUEUE_PREFIX = 'tsunagu';

  @IsSwitch()
  RUN_MIGRATIONS = true;

  @Setting(
    'isSecret',
    (value) =>
      value === undefined ? 'missing' : typeof value === 'string' && value.length >= 32 ? undefined : 'short',
    (property, why) =>
      why === 'missing'
        ? `${property} is required: at least 32 random characters (openssl rand -hex 32)`
        : `${property} must be at least 32 characters`,
  )
  JWT_SECRET: string;

  /** How long a session token lasts, as jsonwebtoken reads it: `12h`, `30m`, `7d`. */
  @Setting(
    'isSessionLifetime',
    (value) => ((sessionLifetimeSeconds(value as string) ?? 0) >= 60 ? undefined : 'unreadable'),
    (property) => `${property} must be a duration of at least a minute with its unit, such as 12h, 30m or 7d`,
  )
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

  /** The sender of every email: an address, or `Name <address>`. */
  @Setting(
    'isSender',
    (value) =>
      typeof value === 'string' && isEmail(value.trim(), { allow_display_name: true, require_tld: false })
        ? undefined
        : 'not an address',
    (property) =>
      `${property} must be an email address or Name <address> (e.g. Tsunagu <no-reply@example.jp>)`,
  )
  MAIL_FROM = 'Tsunagu <no-reply@tsunagu.local>';

  /**
   * Messages per second each worker process may hand to the SMTP server: with several workers, set
   * it to the relay's limit divided by their number. No second of one process carries more than this.
   */
  @IsWholeNumber(1)
  SMTP_RATE_PER_SECOND = 50;

  @IsWholeNumber(1)
  SMTP_POOL_SIZE = 5;

  /** Run the queue worker inside the HTTP process: convenient for a single-machine start. */
  @IsSwitch()
  WORKER_IN_PROCESS = true;

  @IsWholeNumber(1)
  WORKER_CONCURRENCY = 10;

  /**
   * Emails in flight per worker process. Sending mostly waits (on SMTP, on the database), and the
   * sender shares its statements across the emails in flight, so this is higher than
   * WORKER_CONCURRENCY; SMTP_POOL_SIZE and SMTP_RATE_PER_SECOND are what limit the pace.
   */
  @IsWholeNumber(1)
  MAIL_CONCURRENCY = 100;

  /** How many times the sender tries one email before marking it failed. */
  @IsWholeNumber(1)
  MAIL_MAX_ATTEMPTS = 6;

  /** First retry delay after a temporary SMTP failure; doubles on each further try. */
  @IsWholeNumber(1)
  MAIL_RETRY_BASE_MS = 30_000;

  /**
   * How long a sender owns an email it started to send. A row still `sending` after this (its
   * worker died) is sent again — the only way a duplicate can happen, and it is counted.
   */
  @IsWholeNumber(100)
  MAIL_LEASE_MS = 120_000;

  /** How often the outbox relay looks for emails not yet handed to the queue. */
  @IsWholeNumber(50)
  OUTBOX_POLL_MS = 5_000;

  /** An email handed to the queue but still unsent after this is handed over again (Redis lost it). */
  @IsWholeNumber(100)
  OUTBOX_REENQUEUE_AFTER_MS = 300_000;

  /** BullMQ job lock; a job whose worker died is picked up again after about this long. */
  @IsWholeNumber(500)
  QUEUE_LOCK_MS = 30_000;

  /**
   * How long a stopping process (SIGTERM) waits for the jobs it holds before handing them back to
   * their queues. Give the process manager this plus a few seconds before it kills (docker stop
   * waits 10 s).
   */
  @IsWholeNumber(0)
  SHUTDOWN_GRACE_MS = 8_000;

  @IsWholeNumber(1)
  MAGIC_LINK_TTL_MINUTES = 15;

  /** Wrong staff passwords in a row for one address before login pauses for it. */
  @IsWholeNumber(1)
  LOGIN_MAX_FAILURES = 10;

  /** How long login pauses after LOGIN_MAX_FAILURES; also how long a failure counts. */
  @IsWholeNumber(1)
  LOGIN_PAUSE_MINUTES = 15;

  /** Sign-in emails per address per hour; further requests answer true and send nothing. */
  @IsWholeNumber(1)
  MAGIC_LINK_PER_HOUR = 5;

  /**
   * Application links (an event's public page: 申込用のリンクを受け取る) per address per hour, over
   * every event; further requests get the same answer and send nothing.
   */
  @IsWholeNumber(1)
  APPLY_LINK_PER_HOUR = 5;

  /** How long a staff member's password-reset link works, from the request. */
  @IsWholeNumber(1)
  PASSWORD_RESET_TTL_MINUTES = 30;

  /** Password-reset emails per staff address per hour; further requests answer true and send nothing. */
  @IsWholeNumber(1)
  PASSWORD_RESET_PER_HOUR = 3;

  /** Wall-clock budget of one meeting-scheduling run (the engine's soft time limit). */
  @IsWholeNumber(100)
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

  /**
   * Days an address change that was never confirmed (replaced by a later one, called off, or its
   * link expired) keeps the address it asked for, from when it ended: nobody confirmed that the
   * address is the person's, and it may be someone else's (a typo). The page behind its link needs
   * only the rest of the row (see EmailChangeRetentionProcessor).
   */
  @IsWholeNumber(1)
  EMAIL_CHANGE_RETENTION_DAYS = 90;

  /** When the addresses of address changes past EMAIL_CHANGE_RETENTION_DAYS are forgotten (cron, Asia/Tokyo). */
  @IsCron()
  EMAIL_CHANGE_RETENTION_CRON = '30 3 * * *';

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

/**
 * Variables that, set but empty (`QUEUE_PREFIX=`), are refused rather than read as unset: falling
 * back to the default would quietly share what the variable keeps apart.
 */
const EMPTY_REFUSED = new Set(['QUEUE_PREFIX']);

function validateInto<T extends object>(type: new () => T, env: NodeJS.ProcessEnv): T {
  const declared = new Set([...Object.keys(new type()), 'JWT_SECRET', 'SMTP_URL']);
  // Only the declared variables: the rest of the environment is none of our business. Otherwise
  // empty is unset (`SMTP_URL=` in .env.example means "write .eml files").
  const provided = Object.fromEntries(
    Object.entries(env).filter(
      ([key, value]) => declared.has(key) && value !== undefined && (value !== '' || EMPTY_REFUSED.has(key)),
    ),
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

/** The address of MAIL_FROM: `Tsunagu <no-reply@tsunagu.local>` → `no-reply@tsunagu.local`. */
export function senderAddress(mailFrom: string): string {
  return /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
}

/** Nest's logger levels up to and including LOG_LEVEL. */
export function loggerLevels(level: AppConfig['LOG_LEVEL']): LogLevel[] {
  const order: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  return order.slice(0, order.indexOf(level) + 1);
}
