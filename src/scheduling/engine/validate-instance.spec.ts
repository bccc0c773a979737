import { InstanceError, validateInstance } from './validate-instance';

/** The instance as loosely typed JSON, so a test can break it in any way. */
type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const base = (): Raw => ({
  sessions: [{ id: 'am', slots: 4, tables: 2 }],
  participants: [
    { id: 'p1', sessions: ['am'], maxMeetings: 3 },
    { id: 'p2', sessions: ['am'], maxMeetings: 3 },
  ],
  requests: [{ a: 'p1', b: 'p2', weight: 2 }],
});

function errorOf(raw: unknown): string {
  try {
    validateInstance(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(InstanceError);
    return (error as Error).message;
  }
  throw new Error('expected the instance to be rejected');
}

describe('validateInstance', () => {
  it('accepts the SPEC example shape and defaults the weight to 1', () => {
    const raw = base();
    raw.requests.push({ a: 'p2', b: 'p1' } as never);
    const instance = validateInstance(raw);
    expect(instance.requests[1].weight).toBe(1);
  });

  it.each([
    [
      'a request naming an unknown participant',
      (r: Raw) => (r.requests[0].b = 'p9'),
      'requests[0].b: unknown participant "p9"',
    ],
    [
      'an unknown session',
      (r: Raw) => (r.participants[0].sessions = ['pm']),
      'participants[0].sessions[0]: unknown session "pm"',
    ],
    [
      'negative slots',
      (r: Raw) => (r.sessions[0].slots = -1),
      'sessions[0].slots: must not be negative (got -1)',
    ],
    [
      'a negative weight',
      (r: Raw) => (r.requests[0].weight = -2),
      'requests[0].weight: must be a finite number ≥ 0',
    ],
    [
      'a duplicate participant id',
      (r: Raw) => (r.participants[1].id = 'p1'),
      'participants[1].id: duplicate participant id "p1"',
    ],
    [
      'an unavailable slot out of range',
      (r: Raw) => (r.participants[0].unavailable = [{ session: 'am', slot: 4 }]),
      'participants[0].unavailable[0].slot: session "am" has slots 0..3',
    ],
    ['missing requests', (r: Raw) => delete r.requests, 'requests: must be an array'],
  ])('rejects %s with a one-line reason', (_label, mutate, message) => {
    const raw = base();
    mutate(raw);
    expect(errorOf(raw)).toBe(message);
  });

  it('rejects something that is not an object', () => {
    expect(errorOf([1, 2])).toBe('instance: must be a JSON object');
  });
});
