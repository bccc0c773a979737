import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { normalizeMunicipality } from '../common/japan/municipality';
import { CreateOrganizationInput } from './dto/create-organization.input';
import { UpdateOrganizationContactInput } from './dto/update-organization-contact.input';
import { Organization } from './organization.entity';
import { OrganizationErrors } from './organizations.errors';
import { eventsWithPromotionalMail, hasOrganizerContact } from './organizer-contact';

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
   * than the old one in English. Clearing the last of its contact email and phone is refused while
   * its coming events have invitations or digests out (see eventsWithPromotionalMail): those still
   * to leave would carry no contact, and its invitees would be told to ask an organiser they cannot
   * reach. The row is locked first (not against new events, which only hold its key), so an
   * invitation being written, which reads it under a share lock, is either seen here or sees the
   * edit.
   */
  async updateContact(id: string, input: UpdateOrganizationContactInput): Promise<Organization> {
    return this.organizations.manager.transaction(async (manager) => {
      const organization = await manager.findOne(Organization, {
        where: { id },
        lock: { mode: 'for_no_key_update' },
      });
      if (!organization) throw OrganizationErrors.notFound(id);
      const cleaned = (value: string | null | undefined, current: string | null) =>
        value === undefined ? current : value?.trim() || null;
      const hadContact = hasOrganizerContact(organization);
      organization.nameEn = cleaned(input.nameEn, organization.nameEn);
      const address = cleaned(input.address, organization.address);
      organization.addressEn =
        address !== organization.address && input.addressEn === undefined
          ? null
          : cleaned(input.addressEn, organization.addressEn);
      organization.address = address;
      organization.contactEmail = cleaned(input.contactEmail, organization.contactEmail);
      organization.contactPhone = cleaned(input.contactPhone, organization.contactPhone);
      if (hadContact && !hasOrganizerContact(organization)) {
        const events = await eventsWithPromotionalMail(manager, id, 3);
        if (events.count > 0)
          throw OrganizationErrors.contactInUse(
            organization,
            events,
            input.contactEmail !== undefined ? 'contactEmail' : 'contactPhone',
          );
      }
      return manager.save(organization);
    });
  }

  /**
   * `field` names the input the id came from, for the error a client sees when it is unknown.
   * Inside a transaction, pass its `manager`: read on a connection of its own while the
   * transaction holds one, a burst of such transactions can leave the pool waiting on itself.
   */
  async get(id: string, field?: string, manager = this.organizations.manager): Promise<Organization> {
    const organization = await manager.findOneBy(Organization, { id });
    if (!organization) throw OrganizationErrors.notFound(id, field);
    return organization;
  }

  /**
   * Fails naming the first unknown id, so a mistyped co-host is reported rather than dropped.
   * `manager` as for get.
   */
  async getMany(
    ids: readonly string[],
    field?: string,
    manager: EntityManager = this.organizations.manager,
  ): Promise<Organization[]> {
    if (ids.length === 0) return [];
    const found = await manager.findBy(Organization, { id: In([...ids]) });
    const missing = ids.find((id) => !found.some((organization) => organization.id === id));
    if (missing) throw OrganizationErrors.notFound(missing, field);
    return found;
  }

  list(): Promise<Organization[]> {
    return this.organizations.find({ order: { name: 'ASC' } });
  }
}
