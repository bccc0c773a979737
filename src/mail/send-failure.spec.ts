import { classifySendFailure, withoutAddresses } from './send-failure';

/** What nodemailer throws when the only recipient is refused at RCPT TO. */
function rcptRefused(response: string) {
  const responseCode = Number(response.slice(0, 3));
  return {
    code: 'EENVELOPE',
    message: `Can't send mail - all recipients were rejected: ${response}`,
    responseCode,
    command: 'RCPT TO',
    rejectedErrors: [{ response, responseCode, command: 'RCPT TO' }],
  };
}

describe('classifySendFailure', () => {
  it('treats a refusal about the mailbox on RCPT TO or on the message data as a hard bounce', () => {
    for (const response of [
      '550 5.1.1 <x@example.jp>: Recipient address rejected: User unknown',
      '550 5.1.10 Null MX',
      '553 5.1.3 Bad address syntax',
      '550 5.2.1 Mailbox disabled, not accepting messages',
      '550 No such user here',
      '550 User unknown',
      '551 5.1.6 User has moved',
    ]) {
      expect([response, classifySendFailure(rcptRefused(response)).kind]).toEqual([response, 'hard-bounce']);
    }
    expect(
      classifySendFailure({ responseCode: 554, command: 'DATA', message: '554 5.1.1 no such mailbox' }).kind,
    ).toBe('hard-bounce');
  });

  it('refuses without suppressing anyone for relay, policy, authentication, content and our sender', () => {
    for (const response of [
      '550 5.7.1 Relaying denied',
      '550 Relaying denied',
      '554 5.7.1 <x@example.jp>: Relay access denied',
      '550 5.1.1 Relaying not allowed', // a server that names the wrong code still means relaying
      '550 5.7.26 Unauthenticated email is not accepted (SPF/DKIM)',
      '530 5.7.0 Authentication required',
      '535 5.7.8 Authentication credentials invalid',
      '552 5.2.2 Mailbox full',
      '550 5.1.8 Bad sender system address',
      '554 5.3.0 Transaction failed',
      '500 5.5.2 Command unrecognized',
      '550 Requested action not taken: mailbox unavailable',
      '554 Transaction failed',
    ]) {
      const failure = classifySendFailure(rcptRefused(response));
      expect([response, failure.kind]).toEqual([response, 'refused']);
      expect(failure.reason).toContain(response);
    }
    expect(
      classifySendFailure({ responseCode: 554, command: 'DATA', message: '554 5.6.0 rejected' }).kind,
    ).toBe('refused');
  });

  it('retries 4xx, 5xx on other commands, and connection errors', () => {
    expect(classifySendFailure({ responseCode: 451, command: 'RCPT TO' }).kind).toBe('temporary');
    expect(classifySendFailure({ responseCode: 530, command: 'MAIL FROM' }).kind).toBe('temporary');
    expect(classifySendFailure({ responseCode: 535, command: 'AUTH PLAIN' }).kind).toBe('temporary');
    expect(classifySendFailure(new Error('connect ECONNREFUSED 127.0.0.1:25')).kind).toBe('temporary');
  });
});

describe('withoutAddresses', () => {
  it('leaves what the server said, without the mailbox it quoted', () => {
    expect(
      withoutAddresses(
        "Can't send mail - all recipients were rejected: 550 5.1.1 <Tanaka.M+kiki@kawaguchi-imono.co.jp>: User unknown",
      ),
    ).toBe("Can't send mail - all recipients were rejected: 550 5.1.1 <[address]>: User unknown");
    expect(withoutAddresses('451 4.2.0 shido@kawaguchi-cci.exmaple: try again later')).toBe(
      '451 4.2.0 [address]: try again later',
    );
    expect(withoutAddresses('550 5.1.1 Mailbox unavailable for sato.k@example.jp.')).toBe(
      '550 5.1.1 Mailbox unavailable for [address].',
    );
    expect(withoutAddresses('553 mail to a@b refused')).toBe('553 mail to [address] refused');
    expect(withoutAddresses('Connection timeout (ETIMEDOUT 10.0.0.5:587)')).toBe(
      'Connection timeout (ETIMEDOUT 10.0.0.5:587)',
    );
  });
});
