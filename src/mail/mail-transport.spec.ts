import { Logger } from '@nestjs/common';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { MailTransport, OutgoingEmail } from './mail-transport';

describe('MailTransport.forgetFiles', () => {
  const hers = '0b9e4f0a-6f55-4c1e-9d7a-2a3f8c1d5e01';
  const his = '7c2d1e3f-8a9b-4c0d-8e1f-3b4a5c6d7e02';
  let dir: string;
  const transports: MailTransport[] = [];

  const transportWith = (settings: Partial<AppConfig> = {}) => {
    const transport = new MailTransport(
      Object.assign(
        new AppConfig(),
        { MAIL_DIR: dir, MAIL_FROM: 'Tsunagu <no-reply@tsunagu.local>' },
        settings,
      ),
    );
    transports.push(transport);
    return transport;
  };
  const email = (transport: MailTransport, outboxId: string): OutgoingEmail => ({
    from: 'Tsunagu <no-reply@tsunagu.local>',
    to: { name: '森 由紀子', address: 'mori@ome-orimono.example.jp' },
    subject: '【Tsunagu】ログイン用リンクのお知らせ',
    text: '森 由紀子 様',
    html: '<p>森 由紀子 様</p>',
    messageId: transport.messageIdOf(outboxId),
    headers: {},
  });

  beforeEach(async () => {
    // "mail transport closed", at each afterEach.
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    dir = join(await mkdtemp(join(tmpdir(), 'tsunagu-mail-')), 'mail');
  });
  afterEach(async () => {
    for (const transport of transports.splice(0)) transport.onApplicationShutdown();
    await rm(join(dir, '..'), { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  it('deletes every file written for the rows, whatever MAIL_FROM was then, and nothing else', async () => {
    const before = transportWith({ MAIL_FROM: 'Tsunagu <no-reply@ome-cci.example.jp>' });
    await before.send(email(before, hers));
    const transport = transportWith();
    // Written again after a crash before the row was marked sent: a second file, a later time.
    await transport.send(email(transport, hers));
    await transport.send(email(transport, his));
    await writeFile(join(dir, 'README.txt'), 'not an email');

    expect(await transport.forgetFiles([hers])).toBe(2);

    const left = await readdir(dir);
    expect(left.sort()).toEqual([
      expect.stringMatching(new RegExp(`-${his}@tsunagu\\.local\\.eml$`)),
      'README.txt',
    ]);
    expect(await transport.forgetFiles([hers])).toBe(0);
  });

  it('does nothing without a MAIL_DIR yet, with an SMTP server or not', async () => {
    expect(await transportWith().forgetFiles([hers])).toBe(0);
    expect(await transportWith({ SMTP_URL: 'smtp://127.0.0.1:1' }).forgetFiles([hers])).toBe(0);
    expect(await transportWith({ SMTP_URL: 'smtp://127.0.0.1:1' }).filedOutboxIds()).toEqual([]);
  });

  it('deletes the files written before the switch to an SMTP server, and finds them for the nightly sweep', async () => {
    const files = transportWith();
    await files.send(email(files, hers));
    await files.send(email(files, his));
    const smtp = transportWith({ SMTP_URL: 'smtp://127.0.0.1:1' });

    expect((await smtp.filedOutboxIds()).sort()).toEqual([hers, his].sort());
    expect(await smtp.forgetFiles([hers])).toBe(1);
    expect(await readdir(dir)).toEqual([expect.stringContaining(his)]);
  });

  it('logs a file it cannot delete, by name, and deletes the others', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const transport = transportWith();
    await transport.send(email(transport, hers));
    // Something unlink cannot remove, named as her email's file.
    const stuck = `2026-01-05T09-00-00-000Z-${hers}@tsunagu.local.eml`;
    await mkdir(join(dir, stuck));

    await expect(transport.forgetFiles([hers])).resolves.toBe(1);

    expect(await readdir(dir)).toEqual([stuck]);
    expect(logged).toHaveBeenCalledTimes(1);
    const [message] = logged.mock.calls[0] as [string];
    expect(message).toContain(stuck);
    expect(message).not.toContain('mori@');
  });
});

describe('MailTransport.messageIdOf', () => {
  it("takes the domain of MAIL_FROM's address, whatever its display name says", () => {
    const transport = new MailTransport(
      Object.assign(new AppConfig(), {
        MAIL_FROM: '"つなぐ@川口商工会議所" <no-reply@kawaguchi-cci.example.jp>',
      }),
    );
    expect(transport.messageIdOf('0b9e4f0a-6f55-4c1e-9d7a-2a3f8c1d5e01')).toBe(
      '<0b9e4f0a-6f55-4c1e-9d7a-2a3f8c1d5e01@kawaguchi-cci.example.jp>',
    );
  });
});
