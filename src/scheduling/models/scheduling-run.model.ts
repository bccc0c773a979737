import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SchedulingRun, SchedulingRunStatus } from '../scheduling-run.entity';
import { UnscheduledMeetingModel } from './unscheduled-meeting.model';

registerEnumType(SchedulingRunStatus, {
  name: 'SchedulingRunStatus',
  description: '待機中・実行中・完了・失敗',
});

@ObjectType('SchedulingRun', {
  description: '面談の自動配置の実行。ratio = scheduledWeight / upperBound（理論上の上限に対する達成率）',
})
export class SchedulingRunModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => SchedulingRunStatus)
  status: SchedulingRunStatus;

  @Field(() => Float, { description: '進捗 0〜1' })
  progress: number;

  @Field(() => String, { nullable: true })
  phase: string | null;

  @Field(() => Int, { nullable: true, description: '配置対象の承諾済み申込数（公開済みの面談を除く）' })
  requestCount: number | null;

  @Field(() => Int, { nullable: true, description: '今回配置した面談数' })
  scheduledCount: number | null;

  @Field(() => Int, { nullable: true })
  scheduledWeight: number | null;

  @Field(() => Int, { nullable: true, description: '配置できる重みの理論上の上限' })
  upperBound: number | null;

  @Field(() => Float, { nullable: true })
  ratio: number | null;

  @Field(() => Boolean, { nullable: true, description: '最適であることが証明された' })
  optimal: boolean | null;

  @Field(() => Int, { nullable: true, description: '動かさなかった公開済みの面談数' })
  lockedCount: number | null;

  @Field(() => [UnscheduledMeetingModel])
  unscheduled: UnscheduledMeetingModel[];

  @Field(() => String, { nullable: true })
  error: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  static from(run: SchedulingRun): SchedulingRunModel {
    const ratio =
      run.scheduledWeight === null || run.upperBound === null
        ? null
        : run.upperBound === 0
          ? 1
          : run.scheduledWeight / run.upperBound;
    return Object.assign(new SchedulingRunModel(), {
      id: run.id,
      eventId: run.eventId,
      status: run.status,
      progress: run.progress,
      phase: run.phase,
      requestCount: run.requestCount,
      scheduledCount: run.scheduledCount,
      scheduledWeight: run.scheduledWeight,
      upperBound: run.upperBound,
      ratio,
      optimal: run.optimal,
      lockedCount: run.lockedCount,
      unscheduled: run.unscheduled.map((entry) => Object.assign(new UnscheduledMeetingModel(), entry)),
      error: run.error,
      createdAt: run.createdAt,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
    });
  }
}
