/** The matching engine's public surface; the service imports only from here. */
export { computeSuggestions } from './match-engine';
export type { EngineTuning } from './match-engine';
export { recommendInvitees } from './invitees';
export type { InviteeInput, InviteeRecommendation } from './invitees';
export { MatchInputError, validateMatchInput } from './input-validation';
export { characterNgrams, normalizeText } from './text-features';
export { englishGloss, glossedTags } from './gloss';
export { jsicDivision, jsicDivisionName } from './jsic';
export type { TextAnalyzer, TextFeature } from './text-features';
export type {
  ComputeOptions,
  EventRole,
  Locale,
  MatchInput,
  MatchOutput,
  MatchParticipant,
  MatchSettings,
  ProgressCallback,
  Suggestion,
} from './types';
