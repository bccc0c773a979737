/**
 * `npm run bench:event [fair|expo]` — one large 商談会 through the service as deployed (HTTP,
 * GraphQL, CSV, the scheduling job on the queue): the scheduler's whole run from the button to
 * SUCCEEDED (reading the event, computing, writing every meeting), then what staff do with the
 * result — a page of the meeting list and the next one, one participant's meetings, the meeting
 * list's CSV (the floor sheet), the requests' CSV, the unplaced requests' CSV — and last the
 * publication that queues everyone's agenda email.
 *
 * `fair` (the default) is the scheduler's target instance: 1,000 participants, 8,000 agreed
 * requests, 2 × 8 slots at 200 tables. `expo` is ten times that: 10,000 participants, 60,000
 * requests, 3 × 10 slots at 1,000 tables. The requests come from the scheduling benchmark's
 * generator (heavy-tailed popularity, weights 1–9). Lists are timed five times after a warm-up
 * call (median reported); the run and the publication once. Targets: a page under a second, a
 * CSV under 10 s.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Role } from '../src/auth/actor';
import { UsersService } from '../src/users/users.service';
import { randomPerson } from '../scripts/demo/companies';
import { NAME_STEMS } from '../scripts/demo/industries';
import { Random } from '../scripts/demo/random';
import { medianMs, post, startService } from './bench-service';
import { mixedEvent } from './scheduling/instances';

const ROUNDS = 5;
const CHUNK = 5_000;

interface Shape {
  participants: number;
  requests: number;
  sessions: number;
  slots: number;
  tables: number;
}

const SHAPES: Record<string, Shape> = {
  fair: { participants: 1_000, requests: 8_000, sessions: 2, slots: 8, tables: 200 },
  expo: { participants: 10_000, requests: 60_000, sessions: 3, slots: 10, tables: 1_000 },
};

const COMPANY_SUFFIXES = ['製作所', '工業', '精機', '電機', '化成', '商事', '技研', '産業'];

/** The event's people and their agreed requests, as the scheduling benchmark generates them. */
function attendees(shape: Shape) {
  const instance = mixedEvent({
    seed: 13,
    ...shape,
    boothShare: 0,
    maxMeetings: [3, 10],
    partialShare: 0,
    unavailableShare: 0,
  });
  const random = new Random('bench-event');
  const people = instance.participants.map((participant, index) => {
    const person = randomPerson(random, 0.2);
    const [stem] = random.pick(NAME_STEMS);
    return {
      key: participant.id,
      email: `maker${index + 1}@bench.example.jp`,
      name: person.name,
      furigana: person.furigana,
      company: `株式会社${stem}${random.pick(COMPANY_SUFFIXES)}`,
      phone: `03${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
    };
  });
  return { people, requests: instance.requests };
}

async function load(db: DataSource, eventId: string, shape: Shape): Promise<void> {
  const { people, requests } = attendees(shape);
  const ids = new Map<string, string>();
  for (let start = 0; start < people.length; start += CHUNK) {
    const chunk = people.slice(start, start + CHUNK);
    const rows: { id: string; email: string }[] = await db.query(
      `WITH company AS (
         INSERT INTO companies (name, municipality)
         SELECT name, '東京都大田区' FROM unnest($4::varchar[]) WITH ORDINALITY AS c(name, n)
         RETURNING id, name
       ), numbered AS (
         SELECT id, row_number() OVER () AS n FROM company
       )
       INSERT INTO participants (email, name, furigana, phone, company_id)
       SELECT p.email, p.name, p.furigana, p.phone, numbered.id
       FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $5::varchar[]) WITH ORDINALITY
         AS p(email, name, furigana, phone, n)
       JOIN numbered USING (n)
       RETURNING id, email`,
      [
        chunk.map((p) => p.email),
        chunk.map((p) => p.name),
        chunk.map((p) => p.furigana),
        chunk.map((p) => p.company),
        chunk.map((p) => p.phone),
      ],
    );
    const byEmail = new Map(rows.map((row) => [row.email, row.id]));
    for (const person of chunk) ids.set(person.key, byEmail.get(person.email)!);
  }
  await db.query(
    `INSERT INTO registrations (event_id, participant_id, status, registered_at)
     SELECT $1, id, 'REGISTERED', now() FROM unnest($2::uuid[]) AS id`,
    [eventId, [...ids.values()]],
  );
  for (let start = 0; start < requests.length; start += CHUNK) {
    const chunk = requests.slice(start, start + CHUNK);
    await db.query(
      `INSERT INTO meeting_requests (event_id, from_participant_id, to_participant_id, status, weight, responded_at)
       SELECT $1, a, b, 'ACCEPTED', w, now() FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS r(a, b, w)`,
      [
        eventId,
        chunk.map((request) => ids.get(request.a)),
        chunk.map((request) => ids.get(request.b)),
        chunk.map((request) => request.weight ?? 1),
      ],
    );
  }
  await db.query('ANALYZE');
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

const MEETINGS = `query($eventId: ID!, $after: String, $participantId: ID) {
  meetings(eventId: $eventId, first: 50, after: $after, participantId: $participantId) {
    totalCount pageInfo { endCursor }
    edges { node { id startsAt table status seenBy participantA { name } participantB { name } } }
  }
}`;

interface RunView {
  status: string;
  error: string | null;
  requestCount: number;
  scheduledCount: number;
  scheduledWeight: number;
  upperBound: number;
}

async function main(): Promise<void> {
  const shapeName = process.argv[2] ?? 'fair';
  const shape = SHAPES[shapeName];
  if (!shape) throw new Error(`unknown shape ${shapeName}: one of ${Object.keys(SHAPES).join(', ')}`);
  console.error(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  );
  // The agendas published at the end go out as .eml files, into a folder of the run's own.
  const mailDir = mkdtempSync(join(tmpdir(), 'bench-event-mail-'));
  process.env.MAIL_DIR = mailDir;
  const { app, url, token: admin, dataSource } = await startService('tsunagu_bench_event');
  try {
    const graphql = async <T>(query: string, variables: object = {}, token = admin): Promise<T> => {
      const result = await post(url, query, variables, token);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data as T;
    };
    const { createOrganization } = await graphql<{ createOrganization: { id: string } }>(`
      mutation {
        createOrganization(
          input: { name: "大田区産業振興協会", kind: MUNICIPALITY, municipality: "東京都大田区" }
        ) {
          id
        }
      }
    `);
    await app.get(UsersService).create({
      email: 'organizer@bench.example.jp',
      name: '商談会 担当',
      password: 'bench-password-123',
      role: Role.ORGANIZER,
      organizationId: createOrganization.id,
    });
    const organizer = (
      await graphql<{ login: { token: string } }>(
        'mutation { login(email: "organizer@bench.example.jp", password: "bench-password-123") { token } }',
      )
    ).login.token;
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const { createEvent } = await graphql<{ createEvent: { id: string } }>(
      `
        mutation ($input: CreateEventInput!) {
          createEvent(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          kind: 'BUSINESS_MATCHING',
          title: 'おおた商談会',
          venue: '大田区産業プラザPiO',
          startsAt: `${day}T09:00:00+09:00`,
          endsAt: `${day}T18:00:00+09:00`,
          capacity: null,
        },
      },
      organizer,
    );
    const eventId = createEvent.id;
    await graphql('mutation($id: ID!) { publishEvent(id: $id) { id } }', { id: eventId }, organizer);
    for (let session = 0; session < shape.sessions; session++) {
      await graphql(
        'mutation($input: AddMatchmakingSessionInput!) { addMatchmakingSession(input: $input) { id } }',
        {
          input: {
            eventId,
            name: `第${session + 1}部`,
            startsAt: `${day}T${String(9 + session * 3).padStart(2, '0')}:30:00+09:00`,
            slotMinutes: 15,
            slotCount: shape.slots,
            tableCount: shape.tables,
          },
        },
        organizer,
      );
    }
    await load(dataSource, eventId, shape);

    const csv = async (path: string): Promise<string> => {
      const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${organizer}` } });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return response.text();
    };
    const [run, runMs] = await timed(async () => {
      const { scheduleMeetings } = await graphql<{ scheduleMeetings: { id: string } }>(
        'mutation($eventId: ID!) { scheduleMeetings(eventId: $eventId) { id } }',
        { eventId },
        organizer,
      );
      for (;;) {
        const { schedulingRun } = await graphql<{ schedulingRun: RunView & { id: string } }>(
          `
            query ($id: ID!) {
              schedulingRun(id: $id) {
                id
                status
                error
                requestCount
                scheduledCount
                scheduledWeight
                upperBound
              }
            }
          `,
          { id: scheduleMeetings.id },
          organizer,
        );
        if (schedulingRun.status === 'FAILED') throw new Error(`scheduling failed: ${schedulingRun.error}`);
        if (schedulingRun.status === 'SUCCEEDED') return schedulingRun;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    console.log(
      `${shapeName}: ${shape.participants} participants, ${run.requestCount} agreed requests, ` +
        `${shape.sessions} × ${shape.slots} slots at ${shape.tables} tables`,
    );
    console.log(
      `scheduleMeetings: ${run.scheduledCount} placed, weight ${run.scheduledWeight} of at most ` +
        `${run.upperBound} (${((100 * run.scheduledWeight) / run.upperBound).toFixed(2)} %); ` +
        `${Math.round(runMs)} ms from the button to SUCCEEDED`,
    );

    const first = (
      await graphql<{ meetings: { pageInfo: { endCursor: string } } }>(MEETINGS, { eventId }, organizer)
    ).meetings;
    const someone = (
      await dataSource.query(`SELECT participant_a_id AS id FROM meetings WHERE event_id = $1 LIMIT 1`, [
        eventId,
      ])
    )[0].id as string;
    console.log(`(median of ${ROUNDS}, ms)`);
    console.log('| what | ms |');
    console.log('|---|---:|');
    const rows: [string, () => Promise<unknown>][] = [
      ['meetings, a page of 50', () => graphql(MEETINGS, { eventId }, organizer)],
      [
        'meetings, the next page',
        () => graphql(MEETINGS, { eventId, after: first.pageInfo.endCursor }, organizer),
      ],
      [
        'meetings of one participant',
        () => graphql(MEETINGS, { eventId, participantId: someone }, organizer),
      ],
      ['meetings.csv (the floor sheet)', () => csv(`/exports/events/${eventId}/meetings.csv`)],
      ['meeting-requests.csv', () => csv(`/exports/events/${eventId}/meeting-requests.csv`)],
      [
        'unscheduled.csv (requests not placed)',
        () => csv(`/exports/scheduling-runs/${run.id}/unscheduled.csv`),
      ],
    ];
    for (const [what, call] of rows) console.log(`| ${what} | ${Math.round(await medianMs(call, ROUNDS))} |`);

    const [published, publishMs] = await timed(() =>
      graphql<{ publishSchedule: { publishedMeetings: number } }>(
        'mutation($eventId: ID!) { publishSchedule(eventId: $eventId) { publishedMeetings } }',
        { eventId },
        organizer,
      ),
    );
    console.log(
      `publishSchedule: ${published.publishSchedule.publishedMeetings} meetings published, ` +
        `${Math.round(publishMs)} ms (the agendas queued, not yet sent)`,
    );
  } finally {
    await app.close();
    rmSync(mailDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
