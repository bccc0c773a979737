import { randomUUID } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { Role } from '../src/auth/actor';
import { EmailChangeRetentionProcessor } from '../src/email-change/email-change-retention.processor';
import { eventually } from './support/eventually';
import { createOrganization, createParticipant, staffSession } from './support/fixtures';
import { createTestApp, ok, TestApp } from './support/test-app';

/**
 * Without SMTP_URL the service needs nothing else: each email is written as an .eml file under
 * MAIL_DIR, read here as a mail client would open it.
 */
describe('emails as .eml files when no SMTP server is configured', () => {
  let t: TestApp;
  let admin: string;
  let organizer: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await staffSession(t, Role.ADMIN, null);
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

  /** The person's emails, once every one of them is written (SENT), by outbox row. */
  const writtenTo = (participantId: string, count: number) =>
    eventually(async () => {
      const rows: { id: string; status: string; template: string }[] = await t.dataSource.query(
        `SELECT id, status, template FROM outbox_messages WHERE participant_id = $1 ORDER BY created_at`,
        [participantId],
      );
      return rows.length === count && rows.every((row) => row.status === 'SENT') && rows;
    }, `${count} emails to be written`);
  /** The .eml files under MAIL_DIR of these outbox rows. */
  const filesOf = async (rows: { id: string }[]) => {
    const files = await readdir(t.config.MAIL_DIR);
    return files.filter((file) => rows.some((row) => file.endsWith(`-${row.id}@tsunagu.local.eml`)));
  };
  const signIn = async (email: string) =>
    ok(await t.gql('mutation($email: String!) { requestMagicLink(email: $email) }', { email }));
  const askForAddress = async (participantId: string, email: string) =>
    ok(
      await t.gql(
        'mutation($email: String!) { requestEmailChange(email: $email) }',
        { email },
        await t.participantToken(participantId),
      ),
    );

  it('deletes the files of the emails sent to a person an admin erased, and no one else’s', async () => {
    const erased = await createParticipant(t, organizer, { name: '森 由紀子' });
    const other = await createParticipant(t, organizer, { name: '森 健一' });
    await signIn(erased.email);
    await askForAddress(erased.id, 'mori.yukiko@ome-orimono.example.jp');
    await signIn(other.email);
    const hers = await writtenTo(erased.id, 2);
    const his = await writtenTo(other.id, 1);
    expect(await filesOf(hers)).toHaveLength(2);

    ok(
      await t.gql('mutation($id: ID!) { eraseParticipant(id: $id) { erasedAt } }', { id: erased.id }, admin),
    );

    // Her name, her addresses and her links were in them: the mail log keeps the rows, not these.
    expect(await filesOf(hers)).toEqual([]);
    expect(await filesOf(his)).toHaveLength(1);
    // Erasing again finds nothing left to delete, and answers as before.
    ok(
      await t.gql('mutation($id: ID!) { eraseParticipant(id: $id) { erasedAt } }', { id: erased.id }, admin),
    );
  });

  it('deletes the file of a confirmation sent to an address never confirmed once the retention forgets it', async () => {
    const person = await createParticipant(t, organizer, { name: '小林 千尋' });
    const recent = await createParticipant(t, organizer, { name: '小林 修' });
    await signIn(person.email);
    await askForAddress(person.id, 'kobayashi@ome-kougei.exmaple.jp');
    await askForAddress(recent.id, 'kobayashi.o@ome-kougei.example.jp');
    const [signInEmail, confirmation] = await writtenTo(person.id, 2);
    expect(confirmation.template).toBe('email-change-confirmation');
    const [recentConfirmation] = await writtenTo(recent.id, 1);
    // Her request was left to expire 92 days ago; his was asked for today.
    await t.dataSource.query(
      `UPDATE email_change_requests SET created_at = created_at - interval '92 days' WHERE participant_id = $1`,
      [person.id],
    );

    expect(await t.app.get(EmailChangeRetentionProcessor).process()).toBe(1);

    expect(await filesOf([confirmation])).toEqual([]);
    expect(await filesOf([signInEmail])).toHaveLength(1);
    expect(await filesOf([recentConfirmation])).toHaveLength(1);
  });

  it('sweeps up at night the files of forgotten emails that an erasure left behind, and only those', async () => {
    const erased = await createParticipant(t, organizer, { name: '中村 葵' });
    const other = await createParticipant(t, organizer, { name: '中村 蓮' });
    await signIn(erased.email);
    await signIn(other.email);
    const [hers] = await writtenTo(erased.id, 1);
    const [his] = await writtenTo(other.id, 1);
    const [herFile] = await filesOf([hers]);
    const kept = await readFile(join(t.config.MAIL_DIR, herFile));
    ok(
      await t.gql('mutation($id: ID!) { eraseParticipant(id: $id) { erasedAt } }', { id: erased.id }, admin),
    );
    // As if the process had died between the erasure's commit and its deleting the file; and a
    // file of a row this database never had (a developer's folder kept from another one).
    await writeFile(join(t.config.MAIL_DIR, herFile), kept);
    const stranger = `2026-04-01T00-00-00-000Z-${randomUUID()}@tsunagu.local.eml`;
    await writeFile(join(t.config.MAIL_DIR, stranger), 'From: someone else');

    await t.app.get(EmailChangeRetentionProcessor).process();

    expect(await filesOf([hers])).toEqual([]);
    expect(await filesOf([his])).toHaveLength(1);
    expect(await readdir(t.config.MAIL_DIR)).toContain(stranger);
  });
});
