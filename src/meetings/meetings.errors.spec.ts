import { MeetingStatus } from './meeting-enums';
import { MeetingErrors } from './meetings.errors';

describe('MeetingErrors', () => {
  it('names meeting states by the labels staff see, not the enum values', () => {
    expect(MeetingErrors.invalidTransition(MeetingStatus.NO_SHOW, MeetingStatus.CANCELLED).message).toBe(
      '面談の状態を「不参加あり」から「中止」に変更できません',
    );
  });
});
