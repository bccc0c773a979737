/**
 * A lifecycle written as one table: for each state, the states it may move to. Services ask the
 * table instead of scattering `if (status === …)` checks.
 */
export class TransitionTable<S extends string> {
  constructor(private readonly table: Record<S, readonly S[]>) {}

  can(from: S, to: S): boolean {
    return this.table[from].includes(to);
  }

  /** States from which `to` can be reached. */
  sourcesOf(to: S): S[] {
    return (Object.keys(this.table) as S[]).filter((from) => this.can(from, to));
  }
}
