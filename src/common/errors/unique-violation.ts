/** Postgres unique_violation on one of the named indexes. */
export function isUniqueViolation(error: unknown, ...constraints: string[]): boolean {
  const driverError =
    (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? error;
  const { code, constraint } = driverError as { code?: string; constraint?: string };
  return code === '23505' && (constraints.length === 0 || constraints.includes(constraint ?? ''));
}
