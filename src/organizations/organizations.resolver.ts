import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/access.decorators';
import { Role } from '../auth/actor';
import { CreateOrganizationInput } from './dto/create-organization.input';
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

  @Query(() => [OrganizationModel], { description: '主催団体の一覧（共催先を選ぶときなどに使う）' })
  @Allow(Role.ADMIN, Role.ORGANIZER, Role.STAFF)
  async organizations(): Promise<OrganizationModel[]> {
    return (await this.organizationsService.list()).map(OrganizationModel.from);
  }
}
