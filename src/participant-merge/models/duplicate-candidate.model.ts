import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection';
import { ParticipantModel } from '../../participants/models/participant.model';
import { DuplicateCandidate } from '../duplicate-candidates.service';

@ObjectType('DuplicateCandidate', {
  description:
    '名寄せ候補: 同じ方が二重に登録されているかもしれない2人と、一致した項目。同じ方なら mergeParticipants で統合し、別人なら markDistinctParticipants で候補から外す',
})
export class DuplicateCandidateModel {
  @Field(() => ParticipantModel, { description: '2人のうち先の方（どちらを残すかは統合のときに選ぶ）' })
  first: ParticipantModel;

  @Field(() => ParticipantModel)
  second: ParticipantModel;

  @Field(() => Int, { description: '先の方の参加登録の数（辞退・取消を含む）' })
  firstRegistrationCount: number;

  @Field(() => Int, { description: '後の方の参加登録の数（辞退・取消を含む）' })
  secondRegistrationCount: number;

  @Field({ description: '氏名が同じ（空白・全角半角・髙/高などの異体字の違いは同じとみなす）' })
  sameName: boolean;

  @Field()
  sameFurigana: boolean;

  @Field({ description: '携帯電話番号（070/080/090）が同じ。会社の代表番号は同僚と共通のため見ない' })
  sameMobilePhone: boolean;

  @Field()
  sameCompany: boolean;

  @Field(() => [String], { description: '一致した項目（例: 氏名、携帯電話番号）' })
  matched: string[];

  @Field({ description: '別人として確認済み（includeDistinct: true のときだけ一覧に出る）' })
  markedDistinct: boolean;

  static from(candidate: DuplicateCandidate): DuplicateCandidateModel {
    return Object.assign(new DuplicateCandidateModel(), {
      ...candidate,
      first: ParticipantModel.from(candidate.first, true),
      second: ParticipantModel.from(candidate.second, true),
      matched: matchedLabels(candidate),
    });
  }
}

/** What the two have in common, in the words of the participant list's columns. */
export function matchedLabels(candidate: DuplicateCandidate): string[] {
  return [
    candidate.sameName && '氏名',
    candidate.sameFurigana && 'フリガナ',
    candidate.sameMobilePhone && '携帯電話番号',
    candidate.sameCompany && '事業者',
  ].filter((label): label is string => Boolean(label));
}

export const DuplicateCandidateConnection = Connection(DuplicateCandidateModel, 'DuplicateCandidate');
