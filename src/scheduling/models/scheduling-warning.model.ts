import { Field, ObjectType } from '@nestjs/graphql';
import type { SchedulingWarning } from '../scheduling.service';

@ObjectType('SchedulingWarning', {
  description: '自動配置は完了したが、スタッフに確認してほしいこと（例: 1つのブースに別々の事業者）',
})
export class SchedulingWarningModel {
  @Field({ description: 'BOOTH_SHARED（1つのブースに別々の事業者が割り当てられている）' })
  code: string;

  @Field(() => String, { nullable: true, description: '対象のブース（イベントでの表記）' })
  booth: string | null;

  @Field({ description: '内容と対処（日本語）' })
  message: string;

  static from(warning: SchedulingWarning): SchedulingWarningModel {
    return Object.assign(new SchedulingWarningModel(), {
      code: warning.code,
      booth: warning.booth,
      message: warning.message,
    });
  }
}
