import { EntityManager } from 'typeorm';
import { EventStatus, EventVisibility } from '../events/event-enums';
import { EventMailContexts } from './event-mail-context';

const EVENT_ID = '3f0c8a52-6d0e-4b8e-9a57-1d2b3c4d5e6f';

/**
 * A database of one event whose title and version staff may change: reads are counted, and each
 * read answers what was stored when it was made (one held back answers that when let go).
 */
function database() {
  const stored = { title: '台東ビジネス交流会', version: 'v1' };
  let hold: Promise<void> | null = null;
  const reads = { versions: 0, events: 0 };
  const manager = {
    query: (sql: string) => {
      // Whether the event has (or had) a 商談枠 (withoutSlots): never, here.
      if (/ AS without /.test(sql)) return Promise.resolve([{ without: true }]);
      reads.versions += 1;
      return Promise.resolve([{ version: stored.version }]);
    },
    findOne: async () => {
      reads.events += 1;
      const { title } = stored;
      if (hold) await hold;
      return {
        id: EVENT_ID,
        title,
        titleEn: null,
        description: '',
        descriptionEn: null,
        themes: [],
        venue: '台東区民会館',
        venueEn: null,
        onlineUrl: null,
        startsAt: new Date('2027-02-01T09:00:00Z'),
        endsAt: new Date('2027-02-01T11:00:00Z'),
        registrationClosesAt: null,
        capacity: null,
        status: EventStatus.PUBLISHED,
        visibility: EventVisibility.PUBLIC,
        organization: {
          name: '台東区商工会',
          nameEn: null,
          address: null,
          addressEn: null,
          contactEmail: null,
          contactPhone: null,
        },
        coHosts: [],
      };
    },
  } as unknown as EntityManager;
  return {
    manager,
    reads,
    edit(title: string, version: string) {
      Object.assign(stored, { title, version });
    },
    /** Reads of the event started from now on answer when the returned function is called. */
    holdReads(): () => void {
      let release!: () => void;
      hold = new Promise((resolve) => (release = resolve));
      return () => {
        hold = null;
        release();
      };
    },
  };
}

/** Lets the reads already started go as far as they can. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('EventMailContexts', () => {
  it('reads an unchanged event once for a whole campaign, each email checked against its claim', async () => {
    const db = database();
    const contexts = new EventMailContexts();
    for (let i = 0; i < 1_000; i += 1) {
      await contexts.require(EVENT_ID, 'v1');
      expect((await contexts.get(db.manager, EVENT_ID, 'ja'))?.title).toBe('台東ビジネス交流会');
    }
    expect(db.reads).toEqual({ versions: 1, events: 1 });
  });

  it('reads the event again for an email whose claim saw another version, once for all such emails', async () => {
    const db = database();
    const contexts = new EventMailContexts();
    await contexts.require(EVENT_ID, 'v1');
    expect((await contexts.get(db.manager, EVENT_ID, 'en'))?.title).toBe('台東ビジネス交流会');

    db.edit('台東ビジネス交流会（第2回）', 'v2');
    // Claimed together after the edit: the details kept are dropped, and read again once.
    await Promise.all([contexts.require(EVENT_ID, 'v2'), contexts.require(EVENT_ID, 'v2')]);
    const [first, second] = await Promise.all([
      contexts.get(db.manager, EVENT_ID, 'ja'),
      contexts.get(db.manager, EVENT_ID, 'ja'),
    ]);
    expect([first?.title, second?.title]).toEqual([
      '台東ビジネス交流会（第2回）',
      '台東ビジネス交流会（第2回）',
    ]);
    expect(db.reads.events).toBe(2);
    // The campaign goes on at the new version without reading it again.
    await contexts.require(EVENT_ID, 'v2');
    await contexts.get(db.manager, EVENT_ID, 'ja');
    expect(db.reads.events).toBe(2);
  });

  it('waits for details still being read when the claim answered, and drops them if of another version', async () => {
    const db = database();
    const contexts = new EventMailContexts();
    const release = db.holdReads();
    const reading = contexts.get(db.manager, EVENT_ID, 'ja');
    await settled();
    db.edit('台東ビジネス交流会（第2回）', 'v2');
    // That read began before the edit: an email claimed after it does not take its answer.
    const checked = contexts.require(EVENT_ID, 'v2');
    release();
    expect((await reading)?.title).toBe('台東ビジネス交流会');
    await checked;
    expect((await contexts.get(db.manager, EVENT_ID, 'ja'))?.title).toBe('台東ビジネス交流会（第2回）');
    expect(db.reads.events).toBe(2);
  });

  it('keeps details whose read began after the claim answered, even of a later version', async () => {
    const db = database();
    const contexts = new EventMailContexts();
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    try {
      const release = db.holdReads();
      const reading = contexts.get(db.manager, EVENT_ID, 'ja');
      await settled();
      db.edit('台東ビジネス交流会（第2回）', 'v2');
      const checked = contexts.require(EVENT_ID, 'v2');
      // Read again meanwhile (the first read's time ran out), after one more edit.
      db.edit('台東ビジネス交流会（第3回）', 'v3');
      now.mockReturnValue(1_010_000);
      const again = contexts.get(db.manager, EVENT_ID, 'ja');
      release();
      await Promise.all([reading, checked, again]);
      expect((await contexts.get(db.manager, EVENT_ID, 'ja'))?.title).toBe('台東ビジネス交流会（第3回）');
      expect(db.reads.events).toBe(2);
    } finally {
      now.mockRestore();
    }
  });

  it('still reads the event again after the few seconds it keeps it', async () => {
    const db = database();
    const contexts = new EventMailContexts();
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    try {
      await contexts.get(db.manager, EVENT_ID, 'ja');
      now.mockReturnValue(1_009_999);
      await contexts.get(db.manager, EVENT_ID, 'ja');
      expect(db.reads.events).toBe(1);
      now.mockReturnValue(1_010_000);
      await contexts.get(db.manager, EVENT_ID, 'ja');
      expect(db.reads.events).toBe(2);
    } finally {
      now.mockRestore();
    }
  });
});
