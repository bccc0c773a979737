import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { SessionMode } from '../event-enums';
import { MatchmakingSession } from '../matchmaking-session.entity';

@ObjectType('MatchmakingSession', { description: '商談枠' })
export class MatchmakingSessionModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  startsAt: Date;

  @Field({ description: '最後の枠の終了時刻' })
  endsAt: Date;

  @Field(() => Int)
  slotMinutes: number;

  @Field(() => Int)
  slotCount: number;

  @Field(() => SessionMode)
  mode: SessionMode;

  @Field(() => Int, { nullable: true })
  tableCount: number | null;

  static from(session: MatchmakingSession): MatchmakingSessionModel {
    return Object.assign(new MatchmakingSessionModel(), {
      id: session.id,
      name: session.name,
      startsAt: session.startsAt,
      endsAt: new Date(session.startsAt.getTime() + session.slotMinutes * session.slotCount * 60_000),
      slotMinutes: session.slotMinutes,
      slotCount: session.slotCount,
      mode: session.mode,
      tableCount: session.tableCount,
    });
  }
}
