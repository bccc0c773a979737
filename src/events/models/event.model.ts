import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection';
import { OrganizationModel } from '../../organizations/models/organization.model';
import { Event } from '../event.entity';
import { EventKind, EventStatus, EventVisibility } from '../event-enums';
import { MatchmakingSessionModel } from './matchmaking-session.model';

@ObjectType('Event', { description: 'イベント（サロン・ミニサロン・展示会・商談会・セミナー）' })
export class EventModel {
  @Field(() => ID)
  id: string;

  @Field(() => EventKind)
  kind: EventKind;

  @Field()
  title: string;

  @Field(() => String, { nullable: true, description: '英語のイベント名（言語設定が英語の参加者向け）' })
  titleEn: string | null;

  @Field()
  description: string;

  @Field(() => String, { nullable: true, description: '英語の説明（言語設定が英語の参加者向け）' })
  descriptionEn: string | null;

  @Field(() => [String])
  themes: string[];

  @Field(() => String, { nullable: true })
  venue: string | null;

  @Field(() => String, { nullable: true, description: '英語の会場名・所在地（言語設定が英語の参加者向け）' })
  venueEn: string | null;

  @Field(() => String, { nullable: true })
  onlineUrl: string | null;

  @Field()
  startsAt: Date;

  @Field()
  endsAt: Date;

  @Field(() => Date, { nullable: true })
  registrationOpensAt: Date | null;

  @Field(() => Date, { nullable: true })
  registrationClosesAt: Date | null;

  @Field(() => Int, { nullable: true })
  capacity: number | null;

  @Field(() => EventVisibility)
  visibility: EventVisibility;

  @Field(() => EventStatus)
  status: EventStatus;

  @Field(() => Int, { description: '年度（4月始まり）' })
  fiscalYear: number;

  @Field(() => OrganizationModel, { description: '主催' })
  organization: OrganizationModel;

  @Field(() => [OrganizationModel], { description: '共催' })
  coHosts: OrganizationModel[];

  @Field(() => [MatchmakingSessionModel])
  sessions: MatchmakingSessionModel[];

  /** Expects organization, coHosts and sessions loaded (EventsService always loads them). */
  static from(event: Event): EventModel {
    return Object.assign(new EventModel(), {
      id: event.id,
      kind: event.kind,
      title: event.title,
      titleEn: event.titleEn,
      description: event.description,
      descriptionEn: event.descriptionEn,
      themes: event.themes,
      venue: event.venue,
      venueEn: event.venueEn,
      onlineUrl: event.onlineUrl,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      registrationOpensAt: event.registrationOpensAt,
      registrationClosesAt: event.registrationClosesAt,
      capacity: event.capacity,
      visibility: event.visibility,
      status: event.status,
      fiscalYear: event.fiscalYear,
      organization: OrganizationModel.from(event.organization),
      coHosts: (event.coHosts ?? []).map(OrganizationModel.from),
      sessions: [...(event.sessions ?? [])]
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
        .map(MatchmakingSessionModel.from),
    });
  }
}

export const EventConnection = Connection(EventModel, 'Event');
