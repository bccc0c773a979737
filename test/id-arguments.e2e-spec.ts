import { randomUUID } from 'node:crypto';
import {
  getIntrospectionQuery,
  IntrospectionQuery,
  IntrospectionInputTypeRef,
  IntrospectionOutputTypeRef,
  IntrospectionType,
} from 'graphql';
import { Role } from '../src/auth/actor';
import { createParticipant, staffSession } from './support/fixtures';
import { createTestApp, ok, TestApp } from './support/test-app';

type Operation = {
  kind: 'query' | 'mutation';
  name: string;
  args: { name: string; type: IntrospectionInputTypeRef }[];
  /** The answer is a scalar or an enum, so the operation takes no selection. */
  leaf: boolean;
};

/**
 * Every query and mutation that takes an ID argument answers a malformed id with BAD_USER_INPUT
 * naming that argument, never with Postgres's 22P02 as an INTERNAL_SERVER_ERROR. The operations are
 * read from the schema, so a new one is covered the day it is added.
 */
describe('malformed id arguments', () => {
  let t: TestApp;
  let admin: string;
  let participant: string;
  let types: Map<string, IntrospectionType>;
  const operations: Operation[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await staffSession(t, Role.ADMIN, null);
    participant = await t.participantToken((await createParticipant(t, admin)).id);
    const schema = ok(await t.gql<IntrospectionQuery>(getIntrospectionQuery())).__schema;
    types = new Map(schema.types.map((type) => [type.name, type]));
    for (const [kind, root] of [
      ['query', schema.queryType],
      ['mutation', schema.mutationType],
    ] as const) {
      const type = root && types.get(root.name);
      if (type?.kind !== 'OBJECT') continue;
      for (const field of type.fields) {
        const answer = types.get(namedOutput(field.type));
        const leaf = answer?.kind === 'SCALAR' || answer?.kind === 'ENUM';
        operations.push({ kind, name: field.name, args: [...field.args], leaf });
      }
    }
  });

  afterAll(async () => {
    await t.close();
  });

  const namedOutput = (ref: IntrospectionOutputTypeRef): string =>
    ref.kind === 'NON_NULL' || ref.kind === 'LIST' ? namedOutput(ref.ofType) : ref.name;
  const named = (ref: IntrospectionInputTypeRef): string =>
    ref.kind === 'NON_NULL' || ref.kind === 'LIST' ? named(ref.ofType) : ref.name;
  const typeText = (ref: IntrospectionInputTypeRef): string =>
    ref.kind === 'NON_NULL'
      ? `${typeText(ref.ofType)}!`
      : ref.kind === 'LIST'
        ? `[${typeText(ref.ofType)}]`
        : ref.name;

  /** A value GraphQL accepts for the type, so only the id under test can be at fault. */
  const sample = (ref: IntrospectionInputTypeRef, id: string): unknown => {
    if (ref.kind === 'NON_NULL') return sample(ref.ofType, id);
    if (ref.kind === 'LIST') return [sample(ref.ofType, id)];
    const type = types.get(ref.name)!;
    if (type.kind === 'ENUM') return type.enumValues[0].name;
    if (type.kind === 'INPUT_OBJECT') {
      return Object.fromEntries(
        type.inputFields
          .filter((field) => field.type.kind === 'NON_NULL' && field.defaultValue === null)
          .map((field) => [field.name, sample(field.type, randomUUID())]),
      );
    }
    const scalars: Record<string, unknown> = {
      ID: id,
      String: 'x',
      Int: 1,
      Float: 1,
      Boolean: false,
      DateTime: '2027-01-15T10:00:00+09:00',
    };
    return scalars[ref.name] ?? 'x';
  };

  it('covers every operation with an ID argument', () => {
    const withIds = operations.filter((operation) => operation.args.some((arg) => named(arg.type) === 'ID'));
    expect(withIds.length).toBeGreaterThan(30);
  });

  it('answers "abc" in each ID argument with BAD_USER_INPUT naming it', async () => {
    const wrong: string[] = [];
    for (const operation of operations) {
      for (const target of operation.args.filter((arg) => named(arg.type) === 'ID')) {
        const variables = Object.fromEntries(
          operation.args.map((arg) => [arg.name, sample(arg.type, arg === target ? 'abc' : randomUUID())]),
        );
        const query = `${operation.kind}(${operation.args.map((arg) => `$${arg.name}: ${typeText(arg.type)}`).join(', ')}) {
          ${operation.name}(${operation.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})${operation.leaf ? '' : ' { __typename }'}
        }`;
        let response = await t.gql(query, variables, admin);
        if (['FORBIDDEN', 'UNAUTHENTICATED'].includes(response.errors?.[0]?.extensions?.code ?? '')) {
          response = await t.gql(query, variables, participant);
        }
        const error = response.errors?.[0];
        if (error?.extensions?.code !== 'BAD_USER_INPUT' || error.extensions.field !== target.name) {
          wrong.push(`${operation.name}(${target.name}): ${JSON.stringify(error ?? response.data)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers a malformed id in a CSV export URL in Japanese, naming the parameter', async () => {
    const response = await fetch(`${t.url}/exports/events/abc/registrations.csv`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; field: string; message: string };
    expect(body).toMatchObject({ error: 'BAD_USER_INPUT', field: 'eventId' });
    expect(body.message).toContain('eventId');
    expect(body.message).toMatch(/形式/);
  });
});
