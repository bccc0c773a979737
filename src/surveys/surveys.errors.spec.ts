import { SurveyErrors } from './surveys.errors';

describe('SurveyErrors.eventNotEnded', () => {
  const endsAt = new Date('2026-11-20T13:00:00+09:00');

  it('names the time of the end on the day itself', () => {
    const error = SurveyErrors.eventNotEnded(endsAt, new Date('2026-11-20T10:51:00+09:00'));
    expect(error.message).toBe('アンケートはイベントの終了（13:00）後に送れます');
  });

  it('names the day too for an event that ends on another day (Tokyo)', () => {
    const error = SurveyErrors.eventNotEnded(endsAt, new Date('2026-11-19T23:30:00+09:00'));
    expect(error.message).toBe('アンケートはイベントの終了（11月20日 13:00）後に送れます');
  });
});
