import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MatchingRun } from '../matching-run.entity';
import { MatchingRunStatus } from '../matching-run-status';

@ObjectType('MatchingRun', { description: 'マッチング（おすすめの計算）の実行と進捗' })
export class MatchingRunModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => MatchingRunStatus)
  status: MatchingRunStatus;

  @Field(() => Int, { description: '進捗（0〜100 のパーセント）。SUCCEEDED になったときに 100' })
  progress: number;

  @Field(() => Int, { nullable: true, description: '対象人数（参加登録済みでマッチングに同意した人）' })
  participantCount: number | null;

  @Field(() => Int, { nullable: true, description: '作成したおすすめの件数' })
  suggestionCount: number | null;

  @Field(() => String, { nullable: true, description: '失敗した理由' })
  error: string | null;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  @Field()
  createdAt: Date;

  static from(run: MatchingRun): MatchingRunModel {
    return Object.assign(new MatchingRunModel(), {
      id: run.id,
      eventId: run.eventId,
      status: run.status,
      progress: run.progress,
      participantCount: run.participantCount,
      suggestionCount: run.suggestionCount,
      error: run.error,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      createdAt: run.createdAt,
    });
  }
}
