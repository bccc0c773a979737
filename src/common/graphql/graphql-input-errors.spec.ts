import { buildSchema, execute, GraphQLError, parse, Source, validate } from 'graphql';
import { formatInputError } from './graphql-input-errors';

describe('formatInputError', () => {
  const refusal = (message: string, code: string, error?: unknown) =>
    formatInputError({ message, extensions: { code } }, error);

  it('names the field inside a variable and explains in Japanese', () => {
    expect(
      refusal(
        'Variable "$input" got invalid value "PARTY" at "input.kind"; Value "PARTY" does not exist in "EventKind" enum.',
        'BAD_USER_INPUT',
      ),
    ).toEqual({
      message: '種類に指定できない値です: PARTY',
      extensions: { code: 'BAD_USER_INPUT', field: 'kind' },
    });
    expect(
      refusal(
        'Variable "$input" got invalid value { kind: "SEMINAR" }; Field "title" of required type "String!" was not provided.',
        'BAD_USER_INPUT',
      ).extensions,
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(
      refusal(
        'Variable "$first" got invalid value "x"; Int cannot represent non-integer value: "x"',
        'BAD_USER_INPUT',
      ),
    ).toMatchObject({
      message: '件数は整数で指定してください',
      extensions: { field: 'first' },
    });
  });

  it('names a field of a variable that the input type does not have, or that is null', () => {
    expect(
      refusal(
        'Variable "$input" got invalid value { nmae: "x" } at "input.company"; Field "nmae" is not defined by type "CompanyInput". Did you mean "name"?',
        'BAD_USER_INPUT',
      ),
    ).toEqual({
      message: 'company.nmae という項目はありません（name のことですか）',
      extensions: { code: 'BAD_USER_INPUT', field: 'company.nmae' },
    });
    expect(
      refusal(
        'Variable "$input" got invalid value null at "input.title"; Expected non-nullable type "String!" not to be null.',
        'BAD_USER_INPUT',
      ),
    ).toEqual({
      message: 'タイトルを指定してください',
      extensions: { code: 'BAD_USER_INPUT', field: 'title' },
    });
  });

  it('numbers an item of a list variable under the list’s name', () => {
    expect(
      refusal(
        'Variable "$targets" got invalid value "SALES" at "targets[1].metric"; Value "SALES" does not exist in "ReportMetric" enum.',
        'BAD_USER_INPUT',
      ),
    ).toEqual({
      message: '目標の2件目の指標に指定できない値です: SALES',
      extensions: { code: 'BAD_USER_INPUT', field: 'targets.1.metric' },
    });
  });

  it('names the field of a literal by where it stands in the query', () => {
    const source = new Source('{ events(filter: { status: OPENED }) { totalCount } }');
    const error = new GraphQLError('Value "OPENED" does not exist in "EventStatus" enum.', {
      source,
      positions: [source.body.indexOf('OPENED')],
    });
    expect(refusal(error.message, 'GRAPHQL_VALIDATION_FAILED', error)).toMatchObject({
      message: '状態に指定できない値です: OPENED',
      extensions: { code: 'BAD_USER_INPUT', field: 'status' },
    });
  });

  describe('values sent in variables, whatever text they hold', () => {
    const schema = buildSchema(`
      input ParticipantInput { name: String! furigana: String! offersText: String needs: [String!] }
      type Query { ok: Int }
      type Mutation { upsertParticipant(input: ParticipantInput!): Int }
    `);
    const query = parse('mutation($i: ParticipantInput!) { upsertParticipant(input: $i) }');
    /** graphql-js's refusal of the variables, as Apollo hands it to formatError (UserInputError). */
    const refused = (i: Record<string, unknown>) => {
      const [error] = (
        execute({ schema, document: query, variableValues: { i } }) as { errors: GraphQLError[] }
      ).errors;
      return { message: error.message, originalError: error.originalError ?? error, positions: undefined };
    };
    const offersText =
      '町工場の技術; 海外の販路\n"small factories; connections to buyers in India and Singapore"; needs: [a; b]';

    it.each([
      ['a value with "; ", quotes and newlines', { name: '山田', offersText, needs: ['x; y', '"z"; w'] }],
      ['a value that looks like a refusal', { name: 'x"; Field \\"name\\" of required type', offersText }],
    ])('names the field left out beside %s', (_, i) => {
      const error = refused(i);
      const expected = {
        message: 'フリガナを指定してください',
        extensions: { code: 'BAD_USER_INPUT', field: 'furigana' },
      };
      expect(refusal(error.message, 'BAD_USER_INPUT', error)).toEqual(expected);
      // Without the wrapped error, read from the message alone.
      expect(refusal(error.message, 'BAD_USER_INPUT')).toEqual(expected);
    });

    it('names a wrong value inside the variable beside such text', () => {
      const error = refused({ name: '山田', furigana: 'ヤマダ', offersText: { note: offersText } });
      const expected = {
        message: expect.stringMatching(/文字列で指定してください$/),
        extensions: { code: 'BAD_USER_INPUT', field: 'offersText' },
      };
      expect(refusal(error.message, 'BAD_USER_INPUT', error)).toEqual(expected);
      expect(refusal(error.message, 'BAD_USER_INPUT')).toEqual(expected);
    });
  });

  describe('values written in the query itself', () => {
    const schema = buildSchema(`
      enum EventKind { SEMINAR SALON }
      input CompanyInput { name: String! employees: Int }
      input CreateEventInput { kind: EventKind! title: String! venue: String company: CompanyInput }
      input TargetInput { metric: EventKind! target: Int }
      type Query { participants(first: Int, after: String): Int }
      type Mutation {
        createEvent(input: CreateEventInput!): Int
        setTargets(targets: [TargetInput!]!): Int
        suggestions(includeDismissed: Boolean): Int
      }
    `);
    /** Each refusal as Apollo passes it on: graphql-js's error, code GRAPHQL_VALIDATION_FAILED. */
    const refusals = (query: string) =>
      validate(schema, parse(query)).map((error) =>
        refusal(error.message, 'GRAPHQL_VALIDATION_FAILED', error),
      );
    const event = 'kind: SALON, title: "DX 推進サロン"';

    it.each([
      ['{ participants(first: "10") }', 'first', '件数は整数で指定してください'],
      ['{ participants(first: 1.5) }', 'first', '件数は整数で指定してください'],
      ['{ participants(first: 99999999999) }', 'first', '件数の値が範囲を超えています'],
      ['{ participants(after: 5) }', 'after', 'カーソルは文字列で指定してください'],
      [
        'mutation { suggestions(includeDismissed: "no") }',
        'includeDismissed',
        'includeDismissed は true か false で指定してください',
      ],
      [
        `mutation { createEvent(input: { ${event}, venu: "x" }) }`,
        'venu',
        'venu という項目はありません（venue のことですか）',
      ],
      ['mutation { createEvent(input: { kind: SALON }) }', 'title', 'タイトルを指定してください'],
      [
        'mutation { createEvent(input: { kind: SALON, title: null }) }',
        'title',
        'タイトルを指定してください',
      ],
      [
        'mutation { createEvent(input: { kind: PARTY, title: "x" }) }',
        'kind',
        '種類に指定できない値です: PARTY',
      ],
      [
        'mutation { createEvent(input: { kind: SALN, title: "x" }) }',
        'kind',
        '種類に指定できない値です: SALN（SALON のことですか）',
      ],
      [
        'mutation { createEvent(input: { kind: "SALON", title: "x" }) }',
        'kind',
        'kind は引用符を付けずに SALON と書いてください',
      ],
      [
        `mutation { createEvent(input: { ${event}, company: { employees: 5 } }) }`,
        'company.name',
        '事業者名を指定してください',
      ],
      [
        `mutation { createEvent(input: { ${event}, company: { name: "x", employees: "5" } }) }`,
        'company.employees',
        '従業員数は整数で指定してください',
      ],
      [
        `mutation { createEvent(input: { ${event}, company: { name: "x", nmae: "y" } }) }`,
        'company.nmae',
        'company.nmae という項目はありません（name のことですか）',
      ],
      ['mutation { createEvent(input: "x") }', 'input', 'input の値が正しくありません'],
      ['mutation { createEvent }', 'input', 'input を指定してください'],
      [
        'mutation { setTargets(targets: [{ metric: SALON }, { metric: PARTY }]) }',
        'targets.1.metric',
        '目標の2件目の指標に指定できない値です: PARTY',
      ],
      [
        'mutation { setTargets(targets: [{ metric: SALON }, { target: 3 }]) }',
        'targets.1.metric',
        '目標の2件目の指標を指定してください',
      ],
    ])('%s → %s', (query, field, message) => {
      expect(refusals(query)).toEqual([{ message, extensions: { code: 'BAD_USER_INPUT', field } }]);
    });

    it('names each of several refusals in one query by its own place', () => {
      expect(
        refusals('{ a: participants(first: "1") b: participants(first: 2, after: 3) }').map(
          (r) => r.extensions,
        ),
      ).toEqual([
        { code: 'BAD_USER_INPUT', field: 'first' },
        { code: 'BAD_USER_INPUT', field: 'after' },
      ]);
    });

    it('leaves the shape of the query alone', () => {
      for (const query of [
        '{ participants { nope } }',
        '{ nope }',
        'query($first: String) { participants(first: $first) }',
        '{ participants(frist: 10) }',
      ]) {
        expect(refusals(query).map((r) => r.extensions?.code)).not.toContain('BAD_USER_INPUT');
      }
    });
  });

  describe('in English, for a participant whose locale is en', () => {
    const schema = buildSchema(`
      enum Locale { ja en }
      input ProfileInput { title: String locale: Locale consentEmail: Boolean name: String }
      type Query { ok: Int }
      type Mutation { updateMyProfile(input: ProfileInput!): Int }
    `);
    const inEnglish = (query: string, variables?: Record<string, unknown>) => {
      const document = parse(query);
      const errors = variables
        ? (execute({ schema, document, variableValues: variables }) as { errors: GraphQLError[] }).errors
        : validate(schema, document);
      return errors.map((error) =>
        formatInputError(
          {
            message: error.message,
            extensions: { code: variables ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED' },
          },
          error,
          { locale: 'en', schema },
        ),
      );
    };
    const withVariable = (input: Record<string, unknown>) =>
      inEnglish('mutation($input: ProfileInput!) { updateMyProfile(input: $input) }', { input });

    it.each([
      [{ title: 42 }, 'title', 'Job title must be text.'],
      [{ locale: 'de' }, 'locale', 'Language cannot be de.'],
      [{ consentEmail: 'yes' }, 'consentEmail', 'Consent to announcement emails must be true or false.'],
      [{ nmae: 'x' }, 'nmae', 'There is no field nmae. Did you mean name?'],
    ])('%j in a variable → %s', (input, field, message) => {
      expect(withVariable(input)).toEqual([{ message, extensions: { code: 'BAD_USER_INPUT', field } }]);
    });

    it('names the field of a literal by the type of its argument, and says what was left out', () => {
      expect(inEnglish('mutation { updateMyProfile(input: { title: 42 }) }')).toEqual([
        { message: 'Job title must be text.', extensions: { code: 'BAD_USER_INPUT', field: 'title' } },
      ]);
      expect(inEnglish('mutation { updateMyProfile }')).toEqual([
        { message: 'input is required.', extensions: { code: 'BAD_USER_INPUT', field: 'input' } },
      ]);
    });

    it('keeps the code and field of the Japanese', () => {
      const input = { locale: 'de' };
      const [english] = withVariable(input);
      const [error] = (
        execute({
          schema,
          document: parse('mutation($input: ProfileInput!) { updateMyProfile(input: $input) }'),
          variableValues: { input },
        }) as { errors: GraphQLError[] }
      ).errors;
      const japanese = formatInputError(
        { message: error.message, extensions: { code: 'BAD_USER_INPUT' } },
        error,
      );
      expect(japanese).toEqual({ message: '言語に指定できない値です: de', extensions: english.extensions });
    });
  });

  it('leaves our own errors and other validation failures alone', () => {
    const own = {
      message: 'イベント名を入力してください',
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field: 'title' },
    };
    expect(formatInputError(own, undefined)).toBe(own);
    const unknownField = {
      message: 'Cannot query field "nope" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(formatInputError(unknownField, undefined)).toBe(unknownField);
  });
});
