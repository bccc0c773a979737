import { redactUrl } from './redact';

describe('redactUrl', () => {
  it('hides the password and keeps what tells the place apart', () => {
    expect(redactUrl('redis://:s3cret@redis.internal:6380/2')).toBe('redis://:***@redis.internal:6380/2');
    expect(redactUrl('smtp://mailer:p%40ss@smtp.example.jp:587')).toBe(
      'smtp://mailer:***@smtp.example.jp:587',
    );
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/tsunagu')).toBe(
      'postgres://postgres@127.0.0.1:5432/tsunagu',
    );
  });

  it('never echoes a value it cannot parse', () => {
    expect(redactUrl('user:secret@host')).toBe('(not a URL)');
  });
});
