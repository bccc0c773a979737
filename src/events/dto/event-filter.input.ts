import { Field, InputType, Int } from '@nestjs/graphql';
import { IsDate, IsEnum, IsInt, IsOptional } from 'class-validator';
import { EventKind, EventStatus } from '../event-enums';

@InputType()
export class EventFilter {
  @Field(() => EventStatus, { nullable: true })
  @IsOptional()
  @IsEnum(EventStatus)
  status?: EventStatus;

  @Field(() => EventKind, { nullable: true })
  @IsOptional()
  @IsEnum(EventKind)
  kind?: EventKind;

  @Field(() => Int, { nullable: true, description: '年度（例: 2026 = 令和8年度）' })
  @IsOptional()
  @IsInt()
  fiscalYear?: number;

  @Field({ nullable: true, description: 'この日時以降に終わるイベント' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field({ nullable: true, description: 'この日時より前に始まるイベント' })
  @IsOptional()
  @IsDate()
  to?: Date;
}
