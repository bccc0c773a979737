import { GraphQLError, Source } from 'graphql';
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
      message: 'kind に指定できない値です: PARTY',
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
      message: 'first は数値で指定してください',
      extensions: { field: 'first' },
    });
  });

  it('numbers an item of a list variable under the list’s name', () => {
    expect(
      refusal(
        'Variable "$targets" got invalid value "SALES" at "targets[1].metric"; Value "SALES" does not exist in "ReportMetric" enum.',
        'BAD_USER_INPUT',
      ),
    ).toEqual({
      message: 'targets.1.metric に指定できない値です: SALES',
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
      message: 'status に指定できない値です: OPENED',
      extensions: { code: 'BAD_USER_INPUT', field: 'status' },
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
