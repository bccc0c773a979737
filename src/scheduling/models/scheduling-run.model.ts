import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RunPhase, SchedulingRun, SchedulingRunStatus } from '../scheduling-run.entity';

/** What staff read while the run works; the codes stay in `phase` for clients that use them. */
export const SCHEDULE_PHASE_LABEL: Record<RunPhase, string> = {
  validate: '入力の確認中',
  bound: '上限の計算中',
  greedy: '初期配置の作成中',
  improve: '配置の改善中',
  compact: '空き枠の詰め直し中',
  saving: '配置の保存中',
  done: '完了',
};

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

  @Field(() => Int, { description: '進捗（0〜100 のパーセント）。SUCCEEDED になったときに 100' })
  progress: number;

  @Field(() => String, {
    nullable: true,
    description:
      '処理の段階（英語のコード: validate, bound, greedy, improve, compact, saving, done）。表示には phaseLabel を',
  })
  phase: string | null;

  @Field(() => String, {
    nullable: true,
    description: '処理の段階の表示名（例: 上限の計算中・配置の改善中）',
  })
  phaseLabel: string | null;

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
      phaseLabel: run.phase ? (SCHEDULE_PHASE_LABEL[run.phase] ?? run.phase) : null,
      requestCount: run.requestCount,
      scheduledCount: run.scheduledCount,
      scheduledWeight: run.scheduledWeight,
      upperBound: run.upperBound,
      ratio,
      optimal: run.optimal,
      lockedCount: run.lockedCount,
      error: run.error,
      createdAt: run.createdAt,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
    });
  }
}
