import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { normalizeMunicipality } from '../common/japan/municipality';
import { CreateOrganizationInput } from './dto/create-organization.input';
import { Organization } from './organization.entity';
import { OrganizationErrors } from './organizations.errors';

@Injectable()
export class OrganizationsService {
  constructor(@InjectRepository(Organization) private readonly organizations: Repository<Organization>) {}

  async create(input: CreateOrganizationInput): Promise<Organization> {
    if (
      input.corporateNumber &&
      (await this.organizations.existsBy({ corporateNumber: input.corporateNumber }))
    ) {
      throw OrganizationErrors.corporateNumberTaken();
    }
    return this.organizations.save(
      this.organizations.create({
        name: input.name.trim(),
        kind: input.kind,
        municipality: normalizeMunicipality(input.municipality),
        corporateNumber: input.corporateNumber ?? null,
      }),
    );
  }

  /** `field` names the input the id came from, for the error a client sees when it is unknown. */
  async get(id: string, field?: string): Promise<Organization> {
    const organization = await this.organizations.findOneBy({ id });
    if (!organization) throw OrganizationErrors.notFound(id, field);
    return organization;
  }

  /** Fails naming the first unknown id, so a mistyped co-host is reported rather than dropped. */
  async getMany(ids: readonly string[], field?: string): Promise<Organization[]> {
    if (ids.length === 0) return [];
    const found = await this.organizations.findBy({ id: In([...ids]) });
    const missing = ids.find((id) => !found.some((organization) => organization.id === id));
    if (missing) throw OrganizationErrors.notFound(missing, field);
    return found;
  }

  list(): Promise<Organization[]> {
    return this.organizations.find({ order: { name: 'ASC' } });
  }
}
