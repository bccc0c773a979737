import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSIC_DIVISIONS, JsicCode } from '../../common/japan/jsic';
import { Company } from '../company.entity';

@ObjectType('Company', { description: '事業者' })
export class CompanyModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: '法人番号' })
  corporateNumber: string | null;

  @Field(() => String, { nullable: true, description: 'JSIC 大分類コード（A〜T）' })
  industry: string | null;

  @Field(() => String, { nullable: true, description: '業種名（例: 製造業）' })
  industryName: string | null;

  @Field(() => String, { nullable: true })
  municipality: string | null;

  @Field(() => Int, { nullable: true })
  employees: number | null;

  @Field()
  description: string;

  static from(company: Company): CompanyModel {
    return Object.assign(new CompanyModel(), {
      id: company.id,
      name: company.name,
      corporateNumber: company.corporateNumber,
      industry: company.industry,
      industryName: company.industry ? JSIC_DIVISIONS[company.industry as JsicCode] : null,
      municipality: company.municipality,
      employees: company.employees,
      description: company.description,
    });
  }
}
