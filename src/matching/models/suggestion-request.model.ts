import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MeetingRequestStatus } from '../../meetings/meeting-enums';

@ObjectType('SuggestionRequest', {
  description:
    'おすすめの二人の間の面談申込（回答待ち・承諾済み、または受け取る参加者の申込を相手が辞退したもの）。' +
    'あるあいだは新たに申し込めないため、申込ボタンの代わりにこの状態を示す',
})
export class SuggestionRequestModel {
  @Field(() => ID, { description: '面談申込の ID（myMeetingRequests と同じ）' })
  id: string;

  @Field(() => MeetingRequestStatus, {
    description:
      'PENDING（回答待ち）、ACCEPTED（承諾済み）、または DECLINED（受け取る参加者の申込を相手が辞退: 見送りはイベントの終わりまで有効で、申し込み直すと MEETING_DECLINED_BEFORE）',
  })
  status: MeetingRequestStatus;

  @Field({
    description:
      'true: おすすめの相手からの申込（受け取る参加者が回答する）。false: 受け取る参加者が申し込んだ（申込済み）',
  })
  incoming: boolean;
}
