import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, IntrospectionQuery, Kind, parse, validate } from 'graphql';
import { createTestApp, ok, TestApp } from './support/test-app';

/** The GraphQL examples in README.md must stay true: each operation is validated against the live schema. */
describe('README examples', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('are valid operations of the running service', async () => {
    const schema = buildClientSchema(ok(await t.gql<IntrospectionQuery>(getIntrospectionQuery())));
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(blocks.length).toBeGreaterThan(5);
    const problems: string[] = [];
    let operations = 0;
    for (const block of blocks) {
      for (const definition of parse(block).definitions) {
        operations += 1;
        const errors = validate(schema, { kind: Kind.DOCUMENT, definitions: [definition] });
        problems.push(...errors.map((error) => `${error.message}\n  in: ${block.slice(0, 120)}`));
      }
    }
    expect(problems).toEqual([]);
    expect(operations).toBeGreaterThan(30);
  });
});
