import { Profile } from './profiles';
import { MatchSettings } from './types';

/**
 * Which pairs may be suggested at all, before any scoring. Kept apart from the scorer because
 * these are the event's rules, not a judgement of fit: a perfect match who was dismissed stays out.
 */
export class Eligibility {
  private readonly metBefore: Array<Set<number>>;
  private readonly dismissed: Array<Set<number>>;
  private readonly optedIn: boolean[];
  private readonly roles: string[];
  private readonly excludeMetBefore: boolean;
  private readonly roleRules: boolean;
  private readonly allowExhibitorPairs: boolean;
  private readonly exhibitorOnOneSide: boolean;

  constructor(
    private readonly profiles: Profile[],
    settings: MatchSettings = {},
  ) {
    const indexById = new Map(profiles.map((p) => [p.participant.id, p.index]));
    this.metBefore = profiles.map(() => new Set<number>());
    this.dismissed = profiles.map(() => new Set<number>());
    for (const p of profiles) {
      for (const other of p.participant.metBefore ?? []) {
        const j = indexById.get(other);
        // Meeting is mutual even when only one side remembered to record it.
        if (j !== undefined) {
          this.metBefore[p.index].add(j);
          this.metBefore[j].add(p.index);
        }
      }
      for (const other of p.participant.dismissed ?? []) {
        const j = indexById.get(other);
        if (j !== undefined) this.dismissed[p.index].add(j);
      }
    }
    this.optedIn = profiles.map((p) => p.participant.optIn !== false);
    this.roles = profiles.map((p) => (p.participant.role ?? 'VISITOR').toUpperCase());
    this.excludeMetBefore = settings.excludeMetBefore ?? true;
    this.roleRules = settings.roleRules ?? true;
    this.allowExhibitorPairs = settings.allowExhibitorPairs ?? false;
    this.exhibitorOnOneSide = settings.exhibitorOnOneSide ?? false;
  }

  isOptedIn(index: number): boolean {
    return this.optedIn[index];
  }

  /** May `candidate` appear in `receiver`'s list? Not symmetric: dismissal belongs to the receiver. */
  allows(receiver: number, candidate: number): boolean {
    if (receiver === candidate) return false;
    if (!this.optedIn[receiver] || !this.optedIn[candidate]) return false;
    if (this.profiles[receiver].companyKey === this.profiles[candidate].companyKey) return false;
    if (this.dismissed[receiver].has(candidate)) return false;
    if (this.excludeMetBefore && this.metBefore[receiver].has(candidate)) return false;
    return this.rolesAllow(this.roles[receiver], this.roles[candidate]);
  }

  private rolesAllow(a: string, b: string): boolean {
    if (a === 'EXHIBITOR' && b === 'EXHIBITOR') return this.allowExhibitorPairs;
    if (this.exhibitorOnOneSide && a !== 'EXHIBITOR' && b !== 'EXHIBITOR') return false;
    if (!this.roleRules) return true;
    // At a 商談会 buyers meet sellers; a buyer-buyer or seller-seller table is a wasted slot.
    if (a === 'BUYER') return b === 'SELLER';
    if (a === 'SELLER') return b === 'BUYER';
    if (b === 'BUYER' || b === 'SELLER') return false;
    return true;
  }
}
