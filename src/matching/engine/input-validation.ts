import { MatchInput } from './types';

/** Bad input, with a one-line message naming the field, e.g. `participants[3].id is missing`. */
export class MatchInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MatchInputError';
  }
}

const STRING_FIELDS = [
  'industry',
  'municipality',
  'kind',
  'offersText',
  'needsText',
  'company',
  'role',
  'locale',
  'name',
  'companyName',
] as const;
const STRING_LIST_FIELDS = ['offers', 'needs', 'themes', 'metBefore', 'dismissed'] as const;

/** Checks untrusted JSON (a CLI file, a job payload) and narrows it to MatchInput. */
export function validateMatchInput(value: unknown): asserts value is MatchInput {
  if (!isObject(value)) throw new MatchInputError('input must be a JSON object with a "participants" array');
  const { participants, settings } = value;
  if (!Array.isArray(participants)) throw new MatchInputError('participants must be an array');
  const seen = new Set<string>();
  participants.forEach((p: unknown, i) => {
    const at = `participants[${i}]`;
    if (!isObject(p)) throw new MatchInputError(`${at} must be an object`);
    if (p.id === undefined || p.id === null || p.id === '') throw new MatchInputError(`${at}.id is missing`);
    if (typeof p.id !== 'string') throw new MatchInputError(`${at}.id must be a string`);
    if (seen.has(p.id)) throw new MatchInputError(`${at}.id "${p.id}" is duplicated`);
    seen.add(p.id);
    for (const field of STRING_FIELDS) {
      if (p[field] !== undefined && p[field] !== null && typeof p[field] !== 'string') {
        throw new MatchInputError(`${at}.${field} must be a string`);
      }
    }
    for (const field of STRING_LIST_FIELDS) {
      const list = p[field];
      if (list === undefined || list === null) continue;
      if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
        throw new MatchInputError(`${at}.${field} must be an array of strings`);
      }
    }
    if (p.optIn !== undefined && typeof p.optIn !== 'boolean') {
      throw new MatchInputError(`${at}.optIn must be true or false`);
    }
  });
  if (settings === undefined || settings === null) return;
  if (!isObject(settings)) throw new MatchInputError('settings must be an object');
  const bonus = settings.crossIndustryBonus;
  if (bonus !== undefined && (typeof bonus !== 'number' || !Number.isFinite(bonus) || bonus < 0)) {
    throw new MatchInputError('settings.crossIndustryBonus must be a number ≥ 0');
  }
  for (const flag of [
    'excludeMetBefore',
    'roleRules',
    'allowExhibitorPairs',
    'exhibitorOnOneSide',
  ] as const) {
    if (settings[flag] !== undefined && typeof settings[flag] !== 'boolean') {
      throw new MatchInputError(`settings.${flag} must be true or false`);
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
