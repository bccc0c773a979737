import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { IsCorporateNumber, IsMunicipality } from '../../common/japan/japan.validators';
import { OrganizationKind } from '../organization-kind';

@InputType()
export class CreateOrganizationInput {
  @Field()
  @IsNotEmpty({ message: '団体名を入力してください' })
  @MaxLength(200)
  name: string;

  @Field(() => OrganizationKind)
  @IsEnum(OrganizationKind)
  kind: OrganizationKind;

  @Field({ description: '所在地（例: 東京都葛飾区）' })
  @IsMunicipality()
  municipality: string;

  @Field(() => String, { nullable: true, description: '法人番号（13桁）' })
  @IsOptional()
  @IsCorporateNumber()
  corporateNumber?: string;
}
