import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public, CurrentActor } from '../auth/access.decorators';
import { Actor, isStaff } from '../auth/actor';
import { checkRange } from '../common/validation/date-range.query';
import { EventsService } from '../events/events.service';
import { EventModel } from '../events/models/event.model';

const MAX_RANGE_DAYS = 400;

@Resolver()
export class CalendarResolver {
  constructor(private readonly events: EventsService) {}

  @Query(() => [EventModel], {
    description: '共有イベントカレンダー: 全団体の公開中イベント（スタッフには招待制も表示）',
  })
  @Public()
  async eventCalendar(
    @CurrentActor() actor: Actor | undefined,
    @Args('from') from: Date,
    @Args('to') to: Date,
  ): Promise<EventModel[]> {
    checkRange(from, to, MAX_RANGE_DAYS);
    return (await this.events.calendar(from, to, isStaff(actor))).map(EventModel.from);
  }
}
