import { Role } from '../src/auth/actor';
import {
  createOrganization,
  createParticipant,
  createPublishedEvent,
  registerMutation,
  staffSession,
} from './support/fixtures';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, ok, TestApp } from './support/test-app';

/** Whoever gets a seat or a place on the waiting list hears it by email, however they got it. */
describe('registration confirmations', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organizer: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp(sink.appSettings());
    const admin = await staffSession(t, Role.ADMIN, null);
    organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, {
        name: '墨田区産業振興課',
        kind: 'MUNICIPALITY',
        municipality: '東京都墨田区',
      }),
    );
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const register = async (eventId: string, token: string, participantId?: string) =>
    ok(
      await t.gql<{ register: { id: string; status: string } }>(
        registerMutation('id status'),
        { eventId, ...(participantId ? { participantId } : {}) },
        token,
      ),
    ).register;

  it('confirms a participant’s own registration, a place on the waiting list and staff’s on someone’s behalf, once each', async () => {
    const eventId = await createPublishedEvent(t, organizer, {
      title: 'すみだ ものづくりサロン',
      capacity: 2,
    });
    const [self, byStaff, waiting] = await Promise.all([
      createParticipant(t, organizer, { name: '﨑田 陽介', furigana: 'サキタ ヨウスケ' }),
      createParticipant(t, organizer, { name: '髙木 真理', furigana: 'タカギ マリ' }),
      createParticipant(t, organizer, { name: 'Emma Clarke', furigana: 'エマ クラーク', locale: 'en' }),
    ]);
    const selfToken = await t.participantToken(self.id);
    expect((await register(eventId, selfToken)).status).toBe('REGISTERED');
    expect((await register(eventId, organizer, byStaff.id)).status).toBe('REGISTERED');
    expect((await register(eventId, await t.participantToken(waiting.id))).status).toBe('WAITLISTED');
    // Registering again changes nothing and sends nothing.
    await register(eventId, selfToken);

    await sink.waitUntil(() =>
      [self, byStaff, waiting].every((person) => sink.to(person.email).length === 1),
    );
    const [mine] = sink.to(self.email);
    expect(mine.subject).toBe('【参加登録完了】すみだ ものづくりサロン');
    expect(mine.text).toContain('﨑田 陽介 様');
    expect(mine.text).toContain('「すみだ ものづくりサロン」への参加登録が完了しました。');
    expect(mine.text).toContain('参加をキャンセルする');
    expect(mine.calendars).toHaveLength(1);
    expect(sink.to(byStaff.email)[0].subject).toBe('【参加登録完了】すみだ ものづくりサロン');
    const [english] = sink.to(waiting.email);
    expect(english.subject).toBe('Waiting list: すみだ ものづくりサロン');
    expect(english.text).toContain('so you are on the waiting list');
    expect(english.calendars).toHaveLength(0);

    // One message was ever written for the repeated registration, not a second one still queued.
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM outbox_messages WHERE participant_id = $1`,
      [self.id],
    );
    expect(count).toBe(1);
  });
});
