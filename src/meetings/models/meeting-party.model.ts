import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Participant } from '../../participants/participant.entity';

@ObjectType('MeetingParty', { description: '面談の当事者（連絡先は双方が合意した後にのみ相手に表示）' })
export class MeetingPartyModel {
  @Field(() => ID)
  participantId: string;

  @Field()
  name: string;

  @Field({ description: 'フリガナ' })
  furigana: string;

  @Field(() => String, { nullable: true })
  companyName: string | null;

  @Field(() => String, { nullable: true, description: '双方の合意後・本人・スタッフにのみ表示' })
  email: string | null;

  @Field(() => String, { nullable: true, description: '双方の合意後・本人・スタッフにのみ表示' })
  phone: string | null;

  static from(participant: Participant, showContact: boolean): MeetingPartyModel {
    return Object.assign(new MeetingPartyModel(), {
      participantId: participant.id,
      name: participant.name,
      furigana: participant.furigana,
      companyName: participant.company?.name ?? null,
      email: showContact ? participant.email : null,
      phone: showContact ? participant.phone : null,
    });
  }
}
