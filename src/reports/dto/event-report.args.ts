import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class EventReportArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'eventId の形式が正しくありません' })
  eventId: string;
}
