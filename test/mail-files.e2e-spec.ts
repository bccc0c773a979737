import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { Role } from '../src/auth/actor';
import { eventually } from './support/eventually';
import { createOrganization, createParticipant, staffSession } from './support/fixtures';
import { createTestApp, ok, TestApp } from './support/test-app';

/**
 * Without SMTP_URL the service needs nothing else: each email is written as an .eml file under
 * MAIL_DIR, read here as a mail client would open it.
 */
describe('emails as .eml files when no SMTP server is configured', () => {
  let t: TestApp;
  let organizer: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await staffSession(t, Role.ADMIN, null);
    organizer = await staffSession(
      t,
      Role.ORGANIZER,
      await createOrganization(t, admin, { name: '青梅商工会議所' }),
    );
  });
  afterAll(() => t?.close());

  it('writes the sign-in email to a file named after its outbox row, and records it as sent', async () => {
    const person = await createParticipant(t, organizer, { name: '髙橋 﨑子' });
    ok(await t.gql('mutation($email: String!) { requestMagicLink(email: $email) }', { email: person.email }));

    const row = await eventually(async () => {
      const [found]: { id: string; status: string; smtp_response: string }[] = await t.dataSource.query(
        `SELECT id, status, smtp_response FROM outbox_messages WHERE participant_id = $1`,
        [person.id],
      );
      return found?.status === 'SENT' && found;
    }, 'the sign-in email to be written');
    const files = await readdir(t.config.MAIL_DIR);
    const name = files.find((file) => file.endsWith(`-${row.id}@tsunagu.local.eml`));
    expect(name).toBeDefined();
    expect(row.smtp_response).toBe(`written ${join(t.config.MAIL_DIR, name!)}`);

    const mail = await simpleParser(await readFile(join(t.config.MAIL_DIR, name!)));
    expect(mail.messageId).toBe(`<${row.id}@tsunagu.local>`);
    expect(mail.subject).toBe('【Tsunagu】ログイン用リンクのお知らせ');
    expect(mail.to).toMatchObject({ value: [{ name: '髙橋 﨑子', address: person.email }] });
    expect(mail.text).toContain('髙橋 﨑子 様');
    expect(mail.text).toMatch(new RegExp(`${t.url}/sign-in\\?token=[\\w-]+`));
    expect(mail.html).toContain('髙橋 﨑子 様');
  });
});
