/**
 * `npm run bench:mail [-- COUNT]` — sends a 10,000-invitation campaign through the whole pipeline
 * as it is deployed: the service writes the campaign (registrations + outbox rows, one transaction)
 * and relays it to BullMQ; one worker process (compiled `src/worker.js`, as production runs it)
 * claims, composes and sends each email over pooled SMTP into a local SMTP sink. Then the same
 * number of the same emails go straight through the same MailTransport with the same pool and
 * rate settings ("sink alone"), to show what the queue and the database add. Targets: ≥ 200
 * emails/s, and the pipeline within 25% of the sink-alone time.
 *
 * The script compiles itself and the service first (tsconfig.bench.json → dist/bench) and runs
 * every process from JavaScript: under ts-node, Node's `domain` module is loaded (by ts-node's
 * REPL support), which slows every EventEmitter and would tax both sides with a cost production
 * does not pay.
 *
 * Settings (environment): BENCH_RATE (SMTP_RATE_PER_SECOND, default 250), BENCH_POOL
 * (SMTP_POOL_SIZE, default 5), BENCH_CONCURRENCY (MAIL_CONCURRENCY, default 200), BENCH_WORKERS
 * (worker processes, default 1), BENCH_ROUNDS (default 5: single rounds on a shared VM vary by ±15 points).
 *
 * After a warm-up (one whole campaign each way, not counted), each round sends one campaign
 * through the pipeline, then the same emails through the sink alone: the two sides of a round
 * run in the same minute, so this VM's drifting speed (±10 % over minutes) falls on both. The
 * figures reported are the round whose overhead is the median; every round's times are listed.
 *
 * Two comparisons:
 * - `npm run -s bench:mail` — both paths throttled to 250 emails/s, as production sends: shows
 *   whether the pipeline keeps up with the rate it is given.
 * - `BENCH_RATE=100000 npm run -s bench:mail` — unthrottled: both paths as fast as this machine
 *   goes, i.e. what the queue and the database cost.
 * Both paths compose every email with the same template; the pipeline's time also includes the
 * invite transaction (inviteTransactionMs), since no email may leave before it commits.
 * `cpuMsPerEmail` splits the CPU each phase used by process (Linux /proc), and `machine` is all of
 * it, idle included: on a small machine the queue and the database compete with the sender for
 * the same cores, and this shows by how much.
 */
import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { DataSource } from 'typeorm';
import { ActionTokensService } from '../src/action-tokens/action-tokens.service';
import { TokenPurpose } from '../src/action-tokens/action-token-purpose';
import { Role } from '../src/auth/actor';
import { AppConfig, loadConfig } from '../src/config/app-config';
import { databaseOptions } from '../src/database/database-options';
import { EventKind, EventStatus } from '../src/events/event-enums';
import { invitationEmail } from '../src/invitations/invitation.template';
import { InvitationsService } from '../src/invitations/invitations.service';
import { MailTransport } from '../src/mail/mail-transport';
import { UnsubscribeLinks } from '../src/mail/unsubscribe-links';
import { OrganizationKind } from '../src/organizations/organization-kind';
import { ALL_QUEUES, QueueName } from '../src/queue/queue-names';
import { AppModule } from '../src/app.module';
import { WorkerProcess } from '../test/support/worker-process';
import { freshDatabase } from './bench-database';
import { CpuMeter, pidsOf } from './cpu-meter';
import { CpuPinning } from './cpu-pinning';

const COUNT = Number(process.argv[2] ?? 10_000);
const RATE = process.env.BENCH_RATE ?? '250';
const POOL = process.env.BENCH_POOL ?? '5';
// Unthrottled, each email spends ~50 ms in the worker (mostly batching waits): 200 keep it busy.
const CONCURRENCY = process.env.BENCH_CONCURRENCY ?? '200';
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** BENCH_PIN=1: the sending process on core 0, Postgres, Redis and the sink on core 1 (see CpuPinning). */
const pinning = process.env.BENCH_PIN === '1' ? new CpuPinning() : null;
const ALL_CORES = `0-${cpus().length - 1}`;
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const databaseUrl = await freshDatabase('tsunagu_bench_mail');
  const migrator = new DataSource(databaseOptions(databaseUrl));
  await migrator.initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();

  const pipelineSink = await SinkProcess.start();
  const prefix = `bench_mail_${randomBytes(3).toString('hex')}`;
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: prefix,
    RUN_MIGRATIONS: 'false',
    JWT_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_URL: 'https://tsunagu.example.jp',
    SMTP_URL: pipelineSink.url,
    SMTP_RATE_PER_SECOND: RATE,
    SMTP_POOL_SIZE: POOL,
    MAIL_CONCURRENCY: CONCURRENCY,
    LOG_LEVEL: 'warn',
    // As deployed: this process is the service (writes and relays); the worker processes send.
    WORKER_IN_PROCESS: 'false',
  };
  // This script is an entry point: the app reads its configuration from the environment.
  Object.assign(process.env, env);
  const config = loadConfig(process.env);
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  const dataSource = app.get(DataSource);
  const workers = Array.from({ length: WORKERS }, () => WorkerProcess.start(config));
  await workersReady(prefix, WORKERS);

  const { organizationId, participantIds } = await seed(dataSource, COUNT);
  log(
    `seeded ${COUNT} participants; ${ROUNDS} round(s) of pipeline then sink alone (rate ${RATE}/s, pool ${POOL}, concurrency ${CONCURRENCY}, ${WORKERS} worker process(es))…`,
  );

  const workerPids = () => workers.map((worker) => worker.pid);
  const processes = {
    service: { pids: () => [process.pid] },
    worker: { pids: workerPids },
    postgres: { command: 'postgres' },
    redis: { command: 'redis-server' },
    sink: { pids: () => [pipelineSink.pid] },
  };
  // Warm-up, not counted: one whole campaign each way. A deployed worker has been running for a
  // while (its code compiled by V8's JIT, its connections and Postgres' caches warm), and so has
  // the sender it is compared with.
  const warmUp = participantIds;
  await pipeline(
    app,
    dataSource,
    await createEvent(dataSource, organizationId),
    warmUp,
    pipelineSink,
    0,
    processes,
    workerPids,
  );
  // Its own sink process, kept for every round like the pipeline's.
  const directSink = await SinkProcess.start();
  await sinkAlone(app, config, directSink, 0, warmUp.length);
  let received = warmUp.length;

  const pipelineRuns: PipelineRun[] = [];
  const sinkAloneRuns: { seconds: number; cpuMs: Record<string, number> }[] = [];
  // Alternating the two, round after round, keeps a drift in the VM's speed from landing on one side.
  for (let round = 1; round <= ROUNDS; round += 1) {
    const eventId = await createEvent(dataSource, organizationId);
    const run = await pipeline(
      app,
      dataSource,
      eventId,
      participantIds,
      pipelineSink,
      received,
      processes,
      workerPids,
    );
    received += COUNT;
    pipelineRuns.push(run);
    const alone = await sinkAlone(app, config, directSink, received - COUNT, COUNT);
    sinkAloneRuns.push(alone);
    log(
      `round ${round}: pipeline ${roundTo(run.seconds)} s (invite ${run.inviteMs} ms), sink alone ${roundTo(alone.seconds)} s`,
    );
  }
  await Promise.all(workers.map((worker) => worker.stop()));
  await cleanup(app, prefix);
  await pipelineSink.stop();
  await directSink.stop();
  pinning?.restore();

  // Each round's pipeline against the sink-alone run right after it (the same minute of this VM);
  // the figures reported are those of the median round.
  const overheads = pipelineRuns.map(
    (run, i) => (run.seconds - sinkAloneRuns[i].seconds) / sinkAloneRuns[i].seconds,
  );
  const medianRound = overheads.indexOf(median(overheads, (overhead) => overhead));
  const pipelineRun = pipelineRuns[medianRound];
  const sinkAloneRun = sinkAloneRuns[medianRound];
  const pipelineSeconds = pipelineRun.seconds;
  const sinkAloneSeconds = sinkAloneRun.seconds;
  const result = {
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
    emails: COUNT,
    rounds: ROUNDS,
    settings: {
      SMTP_RATE_PER_SECOND: Number(RATE),
      SMTP_POOL_SIZE: Number(POOL),
      MAIL_CONCURRENCY: Number(CONCURRENCY),
      workerProcesses: WORKERS,
      pinnedToCores: pinning !== null,
    },
    inviteTransactionMs: pipelineRun.inviteMs,
    pipeline: {
      timeToLastEmailSeconds: roundTo(pipelineSeconds),
      everyRoundSeconds: pipelineRuns.map((run) => roundTo(run.seconds)),
      emailsPerSecond: Math.round(COUNT / pipelineSeconds),
      outboxRowsSent: Number(pipelineRun.sent),
      resentAfterCrash: Number(pipelineRun.resent),
      cpuMsPerEmail: perEmail(pipelineRun.cpuMs, COUNT),
    },
    sinkAlone: {
      timeToLastEmailSeconds: roundTo(sinkAloneSeconds),
      everyRoundSeconds: sinkAloneRuns.map((run) => roundTo(run.seconds)),
      emailsPerSecond: Math.round(COUNT / sinkAloneSeconds),
      cpuMsPerEmail: perEmail(sinkAloneRun.cpuMs, COUNT),
    },
    overheadPercent: roundTo(overheads[medianRound] * 100),
    everyRoundOverheadPercent: overheads.map((overhead) => roundTo(overhead * 100)),
    targets: {
      atLeast200PerSecond: COUNT / pipelineSeconds >= 200,
      overheadUnder25Percent: pipelineSeconds < sinkAloneSeconds * 1.25,
    },
  };
  console.log(JSON.stringify(result, null, 2));
}

interface PipelineRun {
  seconds: number;
  inviteMs: number;
  sent: string;
  resent: string;
  cpuMs: Record<string, number>;
}

/** One campaign through the deployed pipeline: invite, relay, workers, SMTP sink; timed to the last email. */
async function pipeline(
  app: INestApplicationContext,
  dataSource: DataSource,
  eventId: string,
  participantIds: string[],
  sink: SinkProcess,
  receivedBefore: number,
  processes: ConstructorParameters<typeof CpuMeter>[0],
  workerPids: () => (number | undefined)[],
): Promise<PipelineRun> {
  if (pinning) {
    pinning.pin(workerPids(), '0');
    pinning.pin([sink.pid, ...pidsOf('postgres'), ...pidsOf('redis-server')], '1');
    // The service writes the campaign and relays it: any core.
    pinning.pin([process.pid], ALL_CORES);
  }
  const cpu = new CpuMeter(processes);
  const started = performance.now();
  const campaign = await app
    .get(InvitationsService)
    .invite(
      { kind: 'user', userId: randomUUID(), role: Role.ADMIN, organizationId: null },
      eventId,
      participantIds,
    );
  const committed = performance.now();
  await sink.waitFor(receivedBefore + participantIds.length);
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = cpu.elapsed();
  // The last rows are marked SENT a few milliseconds after the sink has them.
  const { sent, resent } = await waitForSentRows(dataSource, campaign.id, participantIds.length);
  return { seconds, inviteMs: Math.round(committed - started), sent, resent, cpuMs };
}

function median<T>(runs: T[], key: (run: T) => number): T {
  return [...runs].sort((a, b) => key(a) - key(b))[Math.floor(runs.length / 2)];
}

/** The organiser's contact: in the footer and the Reply-To of every invitation, on both sides. */
const ORGANISER_EMAIL = 'salon@tokyo-zaimu.example.jp';

/**
 * An organisation, with the contact email an organiser needs to invite, and COUNT participants
 * who consented to email.
 */
async function seed(dataSource: DataSource, count: number) {
  const [{ id: organizationId }]: { id: string }[] = await dataSource.query(
    `INSERT INTO organizations (name, kind, municipality, contact_email)
     VALUES ('東京財務事務所', $1, '東京都千代田区', $2) RETURNING id`,
    [OrganizationKind.FINANCE_OFFICE, ORGANISER_EMAIL],
  );
  const rows: { id: string }[] = await dataSource.query(
    `INSERT INTO participants (email, name, furigana, consent_email)
     SELECT 'invitee' || i || '@example.jp', '髙橋 﨑' || i, 'タカハシ サキ', true FROM generate_series(1, $1) AS i
     RETURNING id`,
    [count],
  );
  return { organizationId, participantIds: rows.map((row) => row.id) };
}

/** A published event for one round's campaign. */
async function createEvent(dataSource: DataSource, organizationId: string): Promise<string> {
  const startsAt = new Date(Date.now() + 14 * 86_400_000);
  const [{ id }]: { id: string }[] = await dataSource.query(
    `INSERT INTO events (organization_id, kind, title, venue, starts_at, ends_at, status, fiscal_year)
     VALUES ($1, $2, '東京活性化サロン（第5回）販路開拓', '東京財務事務所 会議室', $3, $4, $5, 2026) RETURNING id`,
    [
      organizationId,
      EventKind.SALON,
      startsAt,
      new Date(startsAt.getTime() + 3 * 3_600_000),
      EventStatus.PUBLISHED,
    ],
  );
  return id;
}

/**
 * The same invitations without queue or database: composed with the same template, links minted
 * by the same code (a stored token's secret and hash, a signed unsubscribe link; not stored), and
 * sent through the same MailTransport class with the same settings, into its own sink.
 */
async function sinkAlone(
  app: INestApplicationContext,
  config: AppConfig,
  sink: SinkProcess,
  receivedBefore: number,
  count: number,
): Promise<{ seconds: number; cpuMs: Record<string, number> }> {
  if (pinning) {
    pinning.pin([process.pid], '0');
    pinning.pin([sink.pid], '1');
  }
  const cpu = new CpuMeter({ sender: { pids: () => [process.pid] }, sink: { pids: () => [sink.pid] } });
  const transport = new MailTransport(Object.assign(new AppConfig(), config, { SMTP_URL: sink.url }));
  const tokens = app.get(ActionTokensService);
  const unsubscribeLinks = app.get(UnsubscribeLinks);
  const event = {
    id: randomUUID(),
    title: '東京活性化サロン（第5回）販路開拓',
    status: EventStatus.PUBLISHED,
    startsAt: new Date(),
    endsAt: new Date(Date.now() + 3 * 3_600_000),
    venue: '東京財務事務所 会議室',
    onlineUrl: null,
    capacity: 60,
    organizer: '東京財務事務所',
    organizerContact: { address: null, email: ORGANISER_EMAIL, phone: null },
    coHosts: [],
  };
  const started = performance.now();
  const sends: Promise<unknown>[] = [];
  for (let i = 1; i <= count; i += 1) {
    const participantId = randomUUID();
    const { raw } = tokens.prepare({
      purpose: TokenPurpose.INVITATION_RESPONSE,
      subjectId: randomUUID(),
      expiresAt: event.endsAt,
    });
    const respond = `${config.PUBLIC_URL}/invitations/respond?token=${raw}`;
    const unsubscribeUrl = `${config.PUBLIC_URL}/unsubscribe/${unsubscribeLinks.token(participantId)}`;
    const email = invitationEmail({
      locale: 'ja',
      participantName: `髙橋 﨑${i}`,
      event,
      acceptUrl: `${respond}&accept=1`,
      declineUrl: `${respond}&accept=0`,
      unsubscribeUrl,
    });
    sends.push(
      transport.send({
        from: config.MAIL_FROM,
        replyTo: { name: event.organizer, address: ORGANISER_EMAIL },
        to: { name: `髙橋 﨑${i}`, address: `direct${i}@example.jp` },
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: `<${randomUUID()}@tsunagu.local>`,
        headers: {
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      }),
    );
  }
  await Promise.all(sends);
  await sink.waitFor(receivedBefore + count);
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = cpu.elapsed();
  transport.onApplicationShutdown();
  return { seconds, cpuMs };
}

async function waitForSentRows(dataSource: DataSource, campaignId: string, count: number) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [row]: { sent: string; resent: string }[] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'SENT') AS sent, COALESCE(sum(resent_after_crash), 0) AS resent
         FROM outbox_messages WHERE batch_id = $1`,
      [campaignId],
    );
    if (Number(row.sent) >= count || Date.now() > deadline) return row;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves once `count` worker processes have a BullMQ worker on the mail queue. */
async function workersReady(prefix: string, count: number): Promise<void> {
  const queue = new Queue(QueueName.MAIL, { connection: { url: process.env.REDIS_URL }, prefix });
  try {
    const deadline = Date.now() + 60_000;
    while ((await queue.getWorkersCount()) < count) {
      if (Date.now() > deadline) throw new Error('the worker processes did not start within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await queue.close();
  }
}

async function cleanup(app: INestApplicationContext, prefix: string): Promise<void> {
  await app.close();
  for (const name of ALL_QUEUES) {
    const queue = new Queue(name, { connection: { url: process.env.REDIS_URL }, prefix });
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

/** The SMTP sink, in a child process (bench/smtp-sink-process.ts). */
class SinkProcess {
  private count = 0;
  private waiters: { count: number; resolve: () => void }[] = [];

  private constructor(
    private readonly child: ReturnType<typeof fork>,
    readonly url: string,
  ) {
    child.on('message', (message: { count?: number }) => {
      if (message.count === undefined) return;
      this.count = message.count;
      this.waiters = this.waiters.filter((waiter) =>
        waiter.count <= this.count ? (waiter.resolve(), false) : true,
      );
    });
  }

  static start(): Promise<SinkProcess> {
    const compiled = __filename.endsWith('.js');
    const child = fork(join(__dirname, `smtp-sink-process.${compiled ? 'js' : 'ts'}`), [], {
      execArgv: compiled ? [] : ['-r', 'ts-node/register/transpile-only'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve) => {
      child.once('message', (message: { url: string }) => resolve(new SinkProcess(child, message.url)));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  waitFor(count: number): Promise<void> {
    if (this.count >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill();
    });
  }
}

const roundTo = (value: number) => Math.round(value * 100) / 100;
/** CPU milliseconds per email by part; `machine` is both cores' busy time, `machineIdle` what was left. */
const perEmail = (cpuMs: Record<string, number>, count: number) => {
  const { machineBusy, machineIdle, ...parts } = cpuMs;
  const per = (ms: number) => Math.round((ms / count) * 1000) / 1000;
  return {
    ...Object.fromEntries(Object.entries(parts).map(([name, ms]) => [name, per(ms)])),
    machine: per(machineBusy),
    machineIdle: per(machineIdle),
  };
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
