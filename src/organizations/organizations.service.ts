import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { normalizeMunicipality } from '../common/japan/municipality';
import { CreateOrganizationInput } from './dto/create-organization.input';
import { UpdateOrganizationContactInput } from './dto/update-organization-contact.input';
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
    const name = input.name.trim();
    // Two organisations that differ only in case, width or spacing are the same one typed twice,
    // and staff could not tell them apart in a list. Checked here rather than by a unique index,
    // which a deployment that already holds such a pair could not build.
    const [taken]: { name: string }[] = await this.organizations.query(
      `SELECT name FROM organizations
        WHERE lower(regexp_replace(normalize(name, NFKC), '\\s', '', 'g'))
            = lower(regexp_replace(normalize($1, NFKC), '\\s', '', 'g'))
        LIMIT 1`,
      [name],
    );
    if (taken) throw OrganizationErrors.nameTaken(taken.name);
    return this.organizations.save(
      this.organizations.create({
        name,
        nameEn: input.nameEn?.trim() || null,
        kind: input.kind,
        municipality: normalizeMunicipality(input.municipality),
        corporateNumber: input.corporateNumber ?? null,
        address: input.address?.trim() || null,
        addressEn: input.addressEn?.trim() || null,
        contactEmail: input.contactEmail?.trim() || null,
        contactPhone: input.contactPhone?.trim() || null,
      }),
    );
  }

  /**
   * Sets or clears the contact parts given; those left out stay, but for the English address of
   * an address that changes without one: English readers get the new address in Japanese rather
   * than the old one in English.
   */
  async updateContact(id: string, input: UpdateOrganizationContactInput): Promise<Organization> {
    const organization = await this.get(id);
    const cleaned = (value: string | null | undefined, current: string | null) =>
      value === undefined ? current : value?.trim() || null;
    organization.nameEn = cleaned(input.nameEn, organization.nameEn);
    const address = cleaned(input.address, organization.address);
    organization.addressEn =
      address !== organization.address && input.addressEn === undefined
        ? null
        : cleaned(input.addressEn, organization.addressEn);
    organization.address = address;
    organization.contactEmail = cleaned(input.contactEmail, organization.contactEmail);
    organization.contactPhone = cleaned(input.contactPhone, organization.contactPhone);
    return this.organizations.save(organization);
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
