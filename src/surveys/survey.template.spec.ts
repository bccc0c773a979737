import { EventStatus } from '../events/event-enums';
import { surveyEmail } from './survey.template';

describe('the survey email', () => {
  const data = {
    locale: 'ja' as const,
    participantName: '杉山 勝',
    event: {
      id: 'e1',
      title: 'かわせみビジネスマッチング大会',
      status: EventStatus.CLOSED,
      startsAt: new Date('2027-01-27T01:00:00Z'),
      endsAt: new Date('2027-01-27T07:00:00Z'),
      venue: '立川商工会館',
      onlineUrl: null,
      capacity: null,
      organizer: '多摩かわせみ信用金庫',
      coHosts: [],
    },
    answerUrl: 'https://example.jp/surveys/answer?token=x',
    answerBy: '2027年2月10日(水)',
    unsubscribeUrl: null,
  };

  it('thanks for the day itself when staff send it as the event ends, and for the other day after', () => {
    expect(surveyEmail({ ...data, sameDay: true }).text).toContain(
      '本日は「かわせみビジネスマッチング大会」にご参加いただき',
    );
    expect(surveyEmail(data).text).toContain('先日は「かわせみビジネスマッチング大会」にご参加いただき');
  });
});
