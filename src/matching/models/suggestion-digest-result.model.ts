import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ORGANIZER_ADDRESS_MISSING_DESCRIPTION } from '../../organizations/organizer-address';

@ObjectType('SuggestionDigestResult', {
  description: 'おすすめメールの送信受付。participants = queued + alreadyQueued + notEmailable + nothingNew',
})
export class SuggestionDigestResultModel {
  @Field(() => ID, {
    description:
      'どのマッチング結果を送ったか（最新の完了した実行）。送信状況は emailProgress(eventId, batchId: runId) で',
  })
  runId: string;

  @Field(() => Int, { description: 'おすすめのある参加者の数' })
  participants: number;

  @Field(() => Int, { description: '今回送信待ちにしたメールの通数' })
  queued: number;

  @Field(() => Int, { description: 'この結果についてすでに送信済み・送信待ちだった通数' })
  alreadyQueued: number;

  @Field(() => Int, { description: 'メール受信の同意がない・配信停止・不達のため送らない人数' })
  notEmailable: number;

  @Field(() => Int, {
    description:
      'おすすめの相手が全員、以前のおすすめメールで紹介済み、または面談申込済みのため送らない人数（マッチングの再実行後など）',
  })
  nothingNew: number;

  @Field(() => Int, {
    description:
      'おすすめが1件もないため送らない人数（participants には含まない。participantsWithoutSuggestions で一覧と理由）',
  })
  withoutSuggestions: number;

  @Field({ description: ORGANIZER_ADDRESS_MISSING_DESCRIPTION })
  organizerAddressMissing: boolean;
}
