import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public, CurrentActor } from '../auth/access.decorators';
import { Actor, isStaff } from '../auth/actor';
import { InputError } from '../common/errors/app-error';
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
    if (to <= from) throw new InputError('to', '終了日は開始日より後にしてください');
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
      throw new InputError('to', `期間は${MAX_RANGE_DAYS}日以内で指定してください`);
    }
    return (await this.events.calendar(from, to, isStaff(actor))).map(EventModel.from);
  }
}
