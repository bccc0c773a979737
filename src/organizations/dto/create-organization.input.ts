import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, MaxLength } from 'class-validator';
import { RequiredText } from '../../common/validation/required-text';
import { IsCorporateNumber, IsMunicipality } from '../../common/japan/japan.validators';
import { OrganizationKind } from '../organization-kind';

@InputType()
export class CreateOrganizationInput {
  @Field()
  @RequiredText('団体名')
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
