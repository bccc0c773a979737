import { AppConfig } from '../config/app-config';
import { UNSUBSCRIBE_LINK_DAYS, UnsubscribeLinks } from './unsubscribe-links';

describe('UnsubscribeLinks', () => {
  const config = Object.assign(new AppConfig(), { JWT_SECRET: 'x'.repeat(32) });
  const links = new UnsubscribeLinks(config);
  const id = '6f0c1c1e-2d5b-4c8e-9a51-3b7d2f1e0a99';
  const now = Date.UTC(2026, 10, 22);

  it('names the participant it was made for, until it expires a year later', () => {
    const token = links.token(id, now);
    expect(links.verify(token, now)).toBe(id);
    expect(links.verify(token, now + (UNSUBSCRIBE_LINK_DAYS - 1) * 86_400_000)).toBe(id);
    expect(links.verify(token, now + (UNSUBSCRIBE_LINK_DAYS + 1) * 86_400_000)).toBeNull();
  });

  it('refuses a link that was changed or signed with another secret', () => {
    const token = links.token(id, now);
    const [, day, signature] = token.split('.');
    const other = 'aaaaaaaa-2d5b-4c8e-9a51-3b7d2f1e0a99';
    expect(links.verify(`${other}.${day}.${signature}`, now)).toBeNull();
    expect(links.verify(`${id}.${(parseInt(day, 36) + 30).toString(36)}.${signature}`, now)).toBeNull();
    const elsewhere = new UnsubscribeLinks(Object.assign(new AppConfig(), { JWT_SECRET: 'y'.repeat(32) }));
    expect(elsewhere.verify(token, now)).toBeNull();
    expect(links.verify('y'.repeat(43), now)).toBeNull();
    expect(links.verify(`${id}.${day}.${signature}x`, now)).toBeNull();
  });

  it('still says whose an expired link is, for its page, and nothing of a forged one', () => {
    const token = links.token(id, now);
    const later = now + (UNSUBSCRIBE_LINK_DAYS + 1) * 86_400_000;
    expect(links.read(token, now)).toEqual({ participantId: id, expired: false });
    expect(links.read(token, later)).toEqual({ participantId: id, expired: true });
    const [, day, signature] = token.split('.');
    expect(links.read(`aaaaaaaa-2d5b-4c8e-9a51-3b7d2f1e0a99.${day}.${signature}`, later)).toBeNull();
  });
});
