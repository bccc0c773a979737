import { CandidateIndex } from './candidate-index';
import { Eligibility } from './eligibility';
import { validateMatchInput } from './input-validation';
import { scorePair } from './pair-score';
import { buildProfiles, ProfileOptions } from './profiles';
import { buildReasons, resolveLocale } from './reasons';
import { ComputeOptions, MatchInput, MatchOutput, Suggestion } from './types';

export interface EngineTuning extends ProfileOptions {
  /** Candidates fully scored per participant; more costs time, fewer may miss a good pair. */
  candidatesPerParticipant?: number;
  maxPostings?: number;
}

const DEFAULT_TOP = 10;
/** Report progress about a hundred times per run, not once per participant. */
const PROGRESS_STEPS = 100;

/**
 * Suggestions for every opted-in participant: pure and deterministic for the same input.
 * Throws MatchInputError on malformed input (duplicate or missing ids, wrong field types).
 */
export function computeSuggestions(
  input: MatchInput,
  options: ComputeOptions = {},
  tuning: EngineTuning = {},
): MatchOutput {
  validateMatchInput(input);
  const top = Math.max(0, Math.floor(options.top ?? DEFAULT_TOP));
  const settings = input.settings ?? {};
  const event = buildProfiles(input.participants, tuning);
  const eligibility = new Eligibility(event.profiles, settings);
  const index = new CandidateIndex(event, { maxPostings: tuning.maxPostings });
  // Extra candidates absorb the ones dropped for sharing a company with a better one.
  const candidateLimit = Math.max(tuning.candidatesPerParticipant ?? 60, top * 4);

  const suggestions: Record<string, Suggestion[]> = {};
  const total = event.profiles.length;
  const progressEvery = Math.max(1, Math.ceil(total / PROGRESS_STEPS));
  // Profiles and the candidate index are built: a sign of life before the first participant.
  options.onProgress?.(0, total);
  for (const receiver of event.profiles) {
    if (eligibility.isOptedIn(receiver.index)) {
      const locale = resolveLocale(receiver.participant.locale);
      const scored = index
        .candidatesFor(receiver.index, eligibility, candidateLimit)
        .map((c) => ({
          other: event.profiles[c],
          pair: scorePair(event, receiver, event.profiles[c], settings.crossIndustryBonus),
        }))
        .filter((s) => s.pair.score > 0)
        .sort((x, y) => y.pair.score - x.pair.score || x.other.index - y.other.index);
      const usedCompanies = new Set<string>();
      const list: Suggestion[] = [];
      for (const { other, pair } of scored) {
        if (list.length >= top) break;
        if (usedCompanies.has(other.companyKey)) continue;
        usedCompanies.add(other.companyKey);
        list.push({
          id: other.participant.id,
          score: Math.round(pair.score * 1000) / 1000,
          reasons: buildReasons(event, receiver, other, pair, locale),
        });
      }
      suggestions[receiver.participant.id] = list;
    }
    const done = receiver.index + 1;
    if (options.onProgress && (done % progressEvery === 0 || done === total)) options.onProgress(done, total);
  }
  return { suggestions };
}
