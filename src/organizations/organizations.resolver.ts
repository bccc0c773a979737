import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AllowStaff } from '../auth/access.decorators';
import { Role } from '../auth/actor';
import { CreateOrganizationInput } from './dto/create-organization.input';
import { UpdateOrganizationContactInput } from './dto/update-organization-contact.input';
import { OrganizationModel } from './models/organization.model';
import { OrganizationsService } from './organizations.service';

@Resolver(() => OrganizationModel)
export class OrganizationsResolver {
  constructor(private readonly organizationsService: OrganizationsService) {}

  @Mutation(() => OrganizationModel, { description: '主催団体を登録する（管理者）' })
  @Allow(Role.ADMIN)
  async createOrganization(@Args('input') input: CreateOrganizationInput): Promise<OrganizationModel> {
    return OrganizationModel.from(await this.organizationsService.create(input));
  }

  @Mutation(() => OrganizationModel, {
    description:
      '主催団体の住所・問い合わせ先を設定する（管理者）。イベントのメールの末尾と返信先に使う。' +
      'これから開催するイベントに招待メール・おすすめメールがある間は、問い合わせ先のメールアドレスと電話番号を両方とも消すことはできない',
  })
  @Allow(Role.ADMIN)
  async updateOrganizationContact(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateOrganizationContactInput,
  ): Promise<OrganizationModel> {
    return OrganizationModel.from(await this.organizationsService.updateContact(id, input));
  }

  @Query(() => [OrganizationModel], { description: '主催団体の一覧（共催先を選ぶときなどに使う）' })
  @AllowStaff()
  async organizations(): Promise<OrganizationModel[]> {
    return (await this.organizationsService.list()).map(OrganizationModel.from);
  }
}
