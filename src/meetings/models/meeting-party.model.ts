import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Participant } from '../../participants/participant.entity';
import { ERASED_FIELD_DESCRIPTION } from '../../participants/participant-label';

@ObjectType('MeetingParty', {
  description: '面談の当事者（連絡先は双方が合意し、本人が開示に同意した場合にのみ相手に表示）',
})
export class MeetingPartyModel {
  @Field(() => ID)
  participantId: string;

  @Field()
  name: string;

  @Field({ description: ERASED_FIELD_DESCRIPTION })
  erased: boolean;

  @Field({ description: 'フリガナ' })
  furigana: string;

  @Field(() => String, { nullable: true })
  companyName: string | null;

  @Field(() => String, {
    nullable: true,
    description: '本人・スタッフ、または面談成立後に本人が開示に同意していれば相手に表示',
  })
  email: string | null;

  @Field(() => String, {
    nullable: true,
    description: '本人・スタッフ、または面談成立後に本人が開示に同意していれば相手に表示',
  })
  phone: string | null;

  static from(participant: Participant, showContact: boolean): MeetingPartyModel {
    return Object.assign(new MeetingPartyModel(), {
      participantId: participant.id,
      name: participant.name,
      erased: Boolean(participant.erasedAt),
      furigana: participant.furigana,
      companyName: participant.company?.name ?? null,
      email: showContact ? participant.email : null,
      phone: showContact ? participant.phone : null,
    });
  }
}
