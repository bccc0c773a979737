import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, MaxLength } from 'class-validator';
import { QueryBoolean } from '../../common/validation/query-params';
import { IsJsicCode } from '../../common/japan/japan.validators';
import { ParticipantKind } from '../participant-kind';

@InputType()
export class ParticipantFilter {
  @Field({ nullable: true, description: '氏名・フリガナ・事業者名・メールアドレスの部分一致' })
  @IsOptional()
  @MaxLength(100)
  text?: string;

  @Field({ nullable: true, description: '業種（JSIC 大分類 A〜T）' })
  @IsOptional()
  @IsJsicCode()
  industry?: string;

  @Field({ nullable: true, description: '所在地（例: 東京都葛飾区）' })
  @IsOptional()
  @MaxLength(50)
  municipality?: string;

  @Field(() => ParticipantKind, { nullable: true })
  @IsOptional()
  @IsEnum(ParticipantKind)
  kind?: ParticipantKind;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(50)
  theme?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(50)
  tag?: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: 宛先不明でメールの送信を止めている参加者だけ（アドレスを確かめて changeParticipantEmail で直す）。false: それ以外',
  })
  @QueryBoolean()
  @IsOptional()
  @IsBoolean()
  emailSuppressed?: boolean | null;
}
