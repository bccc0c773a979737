import { classifySendFailure } from './send-failure';

describe('classifySendFailure', () => {
  it('treats 5xx on RCPT TO or on the message data as a hard bounce', () => {
    expect(
      classifySendFailure({ responseCode: 550, command: 'RCPT TO', message: '550 No such user' }).kind,
    ).toBe('hard-bounce');
    expect(classifySendFailure({ responseCode: 554, command: 'DATA', message: 'rejected' }).kind).toBe(
      'hard-bounce',
    );
    expect(
      classifySendFailure({ code: 'EENVELOPE', rejectedErrors: [{ responseCode: 550, command: 'RCPT TO' }] })
        .kind,
    ).toBe('hard-bounce');
  });

  it('retries 4xx, 5xx on other commands, and connection errors', () => {
    expect(classifySendFailure({ responseCode: 451, command: 'RCPT TO' }).kind).toBe('temporary');
    expect(classifySendFailure({ responseCode: 530, command: 'MAIL FROM' }).kind).toBe('temporary');
    expect(classifySendFailure(new Error('connect ECONNREFUSED 127.0.0.1:25')).kind).toBe('temporary');
  });
});
