import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection';
import { ParticipantModel } from '../../participants/models/participant.model';
import { Registration } from '../registration.entity';
import { EventRole, RegistrationStatus } from '../registration-enums';

@ObjectType('Registration', { description: '参加登録' })
export class RegistrationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => ParticipantModel)
  participant: ParticipantModel;

  @Field(() => RegistrationStatus)
  status: RegistrationStatus;

  @Field(() => EventRole)
  role: EventRole;

  @Field(() => String, { nullable: true, description: 'ブース番号（出展者）' })
  booth: string | null;

  @Field(() => Date, { nullable: true })
  registeredAt: Date | null;

  @Field(() => Date, { nullable: true })
  waitlistedAt: Date | null;

  @Field(() => Date, { nullable: true })
  checkedInAt: Date | null;

  @Field()
  createdAt: Date;

  /** Expects participant (with company) loaded. */
  static from(registration: Registration, showContact: boolean): RegistrationModel {
    return Object.assign(new RegistrationModel(), {
      id: registration.id,
      eventId: registration.eventId,
      participant: ParticipantModel.from(registration.participant, showContact),
      status: registration.status,
      role: registration.role,
      booth: registration.booth,
      registeredAt: registration.registeredAt,
      waitlistedAt: registration.waitlistedAt,
      checkedInAt: registration.checkedInAt,
      createdAt: registration.createdAt,
    });
  }
}

export const RegistrationConnection = Connection(RegistrationModel, 'Registration');
