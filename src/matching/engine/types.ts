/**
 * Public data shapes of the matching engine. They mirror the `match` file format in SPEC.md;
 * every field beyond `id` is optional so a sparse profile still gets (fewer) suggestions.
 */

export type Locale = 'ja' | 'en';

/** Role at the event (Registration.role). Unknown strings are treated like VISITOR. */
export type EventRole = 'VISITOR' | 'EXHIBITOR' | 'BUYER' | 'SELLER' | 'SPEAKER';

export interface MatchParticipant {
  id: string;
  /** JSIC major division letter, A–T. */
  industry?: string;
  municipality?: string;
  kind?: string;
  offers?: string[];
  needs?: string[];
  themes?: string[];
  offersText?: string;
  needsText?: string;
  /** Ids of participants this one has already met; treated as symmetric. */
  metBefore?: string[];
  /** Company key; two people of one company never appear in the same list. */
  company?: string;
  role?: string;
  locale?: string;
  /** Display names used in reasons, e.g. 「〇〇社の『EC構築支援』」. */
  name?: string;
  companyName?: string;
  /** Matchmaking consent; false means neither suggested nor given suggestions. Default true. */
  optIn?: boolean;
  /** Ids this participant dismissed; they never come back in this participant's list. */
  dismissed?: string[];
}

export interface MatchSettings {
  /** Added to the score of a pair from different JSIC divisions. Default 0.1; 0 disables. */
  crossIndustryBonus?: number;
  /** Drop pairs who met before. Default true. */
  excludeMetBefore?: boolean;
  /** BUYER sees only SELLERs and the reverse. Default true. */
  roleRules?: boolean;
  /** Let two EXHIBITORs be suggested to each other. Default false. */
  allowExhibitorPairs?: boolean;
  /**
   * Every pair has an EXHIBITOR on one side: at an event whose 商談枠 are all at exhibitors'
   * booths, two others would have nowhere to meet. Default false.
   */
  exhibitorOnOneSide?: boolean;
}

export interface MatchInput {
  participants: MatchParticipant[];
  settings?: MatchSettings;
}

export interface Suggestion {
  id: string;
  /** 0–1, higher is better; rounded to 3 decimals. */
  score: number;
  /** 1–3 sentences in the receiving participant's locale. */
  reasons: string[];
}

export interface MatchOutput {
  suggestions: Record<string, Suggestion[]>;
}

export type ProgressCallback = (done: number, total: number) => void;

export interface ComputeOptions {
  /** Suggestions per participant. Default 10. */
  top?: number;
  onProgress?: ProgressCallback;
}
