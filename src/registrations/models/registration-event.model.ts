import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  EVENT_KIND_LABEL,
  EVENT_KIND_LABEL_EN,
  EVENT_STANDING_LABEL,
  eventStanding,
} from '../../events/event-labels';
import { EventKind, EventStatus } from '../../events/event-enums';
import { Event } from '../../events/event.entity';
import { eventTitleFor, eventVenueFor } from '../../events/event-title';

/**
 * The event a participant's registration is for, as their screen shows it: in their language, and
 * nothing of what only staff see (capacity, visibility, co-hosts, 商談枠, the registration window).
 */
@ObjectType('RegistrationEvent', {
  description: '参加登録のイベント（参加者向けの概要。参加者の言語設定で表示）',
})
export class RegistrationEventModel {
  @Field(() => ID)
  id: string;

  @Field(() => EventKind)
  kind: EventKind;

  @Field({ description: '種類の表示（例: 商談会 / Business matching）' })
  kindLabel: string;

  @Field({ description: 'イベント名（英語の参加者には、あれば英語のイベント名）' })
  title: string;

  @Field()
  startsAt: Date;

  @Field()
  endsAt: Date;

  @Field(() => String, {
    nullable: true,
    description: '会場（英語の参加者には、あれば英語の会場名）。オンラインのみなら null',
  })
  venue: string | null;

  @Field(() => String, { nullable: true, description: 'オンライン参加のURL' })
  onlineUrl: string | null;

  @Field(() => EventStatus)
  status: EventStatus;

  @Field({
    description:
      '参加者から見た開催状況: 開催予定・開催中・終了・中止（Upcoming, Under way, Ended, Cancelled）',
  })
  statusLabel: string;

  static from(event: Event, locale: 'ja' | 'en', now = new Date()): RegistrationEventModel {
    return Object.assign(new RegistrationEventModel(), {
      id: event.id,
      kind: event.kind,
      kindLabel: (locale === 'en' ? EVENT_KIND_LABEL_EN : EVENT_KIND_LABEL)[event.kind],
      title: eventTitleFor(event, locale),
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      venue: eventVenueFor(event, locale),
      onlineUrl: event.onlineUrl,
      status: event.status,
      statusLabel: EVENT_STANDING_LABEL[locale][eventStanding(event, now)],
    });
  }
}
