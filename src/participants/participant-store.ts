import { EntityManager, In, IsNull } from 'typeorm';
import { Company } from './company.entity';
import { Participant } from './participant.entity';
import { CompanyColumns, ParticipantColumns, ParticipantRow } from './participant-row';

const UPSERT_CHUNK = 1000;
// Serialises writers of the shared pool, so two imports cannot both create the same company.
const POOL_WRITE_LOCK = 0x7473_6e67; // "tsng"

export interface UpsertOutcome {
  ids: string[];
  created: number;
  updated: number;
}

/**
 * Writes participants (and their companies) in bulk, keyed by email: one INSERT … ON CONFLICT per
 * chunk. Used by the single upsert and by the CSV import, so both normalise and store alike.
 * Runs inside the caller's transaction.
 */
export async function upsertParticipants(
  manager: EntityManager,
  rows: ParticipantRow[],
): Promise<UpsertOutcome> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [POOL_WRITE_LOCK]);
  const companyIds = await resolveCompanies(
    manager,
    rows.map((row) => row.company),
  );
  const outcome: UpsertOutcome = { ids: [], created: 0, updated: 0 };
  for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
    const chunk = rows.slice(start, start + UPSERT_CHUNK);
    const values = chunk.map((row, index) => {
      const companyId = companyIds[start + index];
      return { ...row.columns, ...(companyId === undefined ? {} : { companyId }) } as ParticipantColumns & {
        companyId?: string | null;
      };
    });
    // The columns this write sets: a column nobody gave is left untouched on existing rows.
    const updateColumns = [...new Set(values.flatMap((value) => Object.keys(value)))].filter(
      (key) => key !== 'email',
    );
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Participant)
      .values(values)
      .orUpdate(updateColumns.map(toColumnName).concat('updated_at'), ['email'])
      .returning('id, (xmax = 0) AS inserted')
      .updateEntity(false)
      .execute();
    for (const raw of result.raw as { id: string; inserted: boolean }[]) {
      outcome.ids.push(raw.id);
      if (raw.inserted) outcome.created += 1;
      else outcome.updated += 1;
    }
  }
  return outcome;
}

/** Changes an existing participant (the profile edit): only the given columns, and the company if given. */
export async function updateParticipant(
  manager: EntityManager,
  id: string,
  row: ParticipantRow,
): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [POOL_WRITE_LOCK]);
  const [companyId] = await resolveCompanies(manager, [row.company]);
  await manager.update(Participant, id, {
    ...row.columns,
    ...(companyId === undefined ? {} : { companyId }),
  });
}

function toColumnName(property: string): string {
  return property.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** One company id per row (or undefined to leave it, null to detach), creating missing companies. */
async function resolveCompanies(
  manager: EntityManager,
  companies: (CompanyColumns | null | undefined)[],
): Promise<(string | null | undefined)[]> {
  const repository = manager.getRepository(Company);
  const keyOf = (company: CompanyColumns) =>
    company.corporateNumber
      ? `#${company.corporateNumber}`
      : `${company.name}\u0000${company.municipality ?? ''}`;

  const wanted = new Map<string, CompanyColumns>();
  for (const company of companies) if (company) wanted.set(keyOf(company), company);
  if (wanted.size === 0) return companies.map((company) => (company === null ? null : undefined));

  const corporateNumbers = [...wanted.values()].flatMap((c) =>
    c.corporateNumber ? [c.corporateNumber] : [],
  );
  const names = [...wanted.values()].flatMap((c) => (c.corporateNumber ? [] : [c.name]));
  const existing = [
    ...(corporateNumbers.length ? await repository.findBy({ corporateNumber: In(corporateNumbers) }) : []),
    ...(names.length ? await repository.findBy({ name: In(names), corporateNumber: IsNull() }) : []),
  ];
  const idByKey = new Map<string, string>();
  const toUpdate: Company[] = [];
  for (const company of existing) {
    const key = keyOf(company as CompanyColumns);
    const incoming = wanted.get(key);
    if (!incoming) continue;
    idByKey.set(key, company.id);
    toUpdate.push(repository.merge(company, withoutEmpty(incoming)));
  }
  const toInsert = [...wanted.entries()].filter(([key]) => !idByKey.has(key));
  for (let start = 0; start < toInsert.length; start += UPSERT_CHUNK) {
    const chunk = toInsert.slice(start, start + UPSERT_CHUNK);
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Company)
      .values(chunk.map(([, company]) => company))
      .returning('id')
      .updateEntity(false)
      .execute();
    (result.raw as { id: string }[]).forEach((raw, index) => idByKey.set(chunk[index][0], raw.id));
  }
  if (toUpdate.length) await repository.save(toUpdate, { chunk: UPSERT_CHUNK, reload: false });
  return companies.map((company) => (company ? idByKey.get(keyOf(company)) : company));
}

/** A later row that leaves a company field blank does not erase what an earlier source said. */
function withoutEmpty(company: CompanyColumns): Partial<CompanyColumns> {
  return Object.fromEntries(Object.entries(company).filter(([, value]) => value !== null && value !== ''));
}
