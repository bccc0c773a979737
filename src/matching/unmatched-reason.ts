import { registerEnumType } from '@nestjs/graphql';

/** Why a participant holding a seat has no suggestion left from the event's latest run. */
export enum UnmatchedReason {
  /** Has not agreed to matchmaking (マッチング同意): no run suggests them or anyone to them. */
  NO_CONSENT = 'NO_CONSENT',
  /** Registered after the run started: running matching again takes them in. */
  JOINED_AFTER_RUN = 'JOINED_AFTER_RUN',
  /**
   * Agreed to matchmaking after the run started (as their 変更履歴 records): the run left them
   * out, and running matching again takes them in.
   */
  CONSENTED_AFTER_RUN = 'CONSENTED_AFTER_RUN',
  /**
   * The run suggested people, all of whom have since cancelled or withdrawn their matchmaking
   * consent (one who withdrew is not named: why someone is out of matchmaking is theirs).
   */
  SUGGESTED_LEFT = 'SUGGESTED_LEFT',
  /** They marked every suggestion 非表示 (not interested). */
  ALL_DISMISSED = 'ALL_DISMISSED',
  /** The run found nobody whose offers, needs or themes fit theirs. */
  NO_FIT = 'NO_FIT',
}

registerEnumType(UnmatchedReason, {
  name: 'UnmatchedReason',
  description:
    'おすすめがない理由: マッチングに未同意・マッチング後に参加登録・マッチング後に同意・相手が全員参加取消または同意取下げ・全て非表示・条件に合う相手なし',
});

export const UNMATCHED_REASON_LABEL: Record<UnmatchedReason, string> = {
  NO_CONSENT: 'マッチングに同意していない（プロフィールで同意すると、次の実行から対象になります）',
  JOINED_AFTER_RUN: 'マッチング実行後に参加登録（再実行で対象になります）',
  CONSENTED_AFTER_RUN: 'マッチング実行後にマッチングに同意（再実行で対象になります）',
  SUGGESTED_LEFT: 'おすすめの相手が全員、参加を取り消したかマッチングの同意を取り下げた',
  ALL_DISMISSED: 'おすすめを全て非表示にした',
  NO_FIT: '条件に合う相手が見つからなかった',
};

/**
 * Why, from what the run left of their suggestions: `suggested` rows of the run not dismissed (all
 * with someone who has left or withdrawn consent since, or they would not be asked about), `dismissed` rows at the event.
 */
export function unmatchedReason(
  seen: {
    consented: boolean;
    registeredAt: Date | null;
    /** When their matchmaking consent last changed, if the 変更履歴 records it. */
    consentChangedAt: Date | null;
    suggested: number;
    dismissed: number;
  },
  runStartedAt: Date | null,
): UnmatchedReason {
  if (!seen.consented) return UnmatchedReason.NO_CONSENT;
  if (seen.registeredAt && runStartedAt && seen.registeredAt > runStartedAt)
    return UnmatchedReason.JOINED_AFTER_RUN;
  if (seen.consentChangedAt && runStartedAt && seen.consentChangedAt > runStartedAt)
    return UnmatchedReason.CONSENTED_AFTER_RUN;
  if (seen.suggested > 0) return UnmatchedReason.SUGGESTED_LEFT;
  if (seen.dismissed > 0) return UnmatchedReason.ALL_DISMISSED;
  return UnmatchedReason.NO_FIT;
}
