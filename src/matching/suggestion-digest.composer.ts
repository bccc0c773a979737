import { Injectable } from '@nestjs/common';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { AppConfig } from '../config/app-config';
import { EventMailContexts } from '../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { ComposedEmail } from '../mail/templates/email-layout';
import { languageOf } from '../participants/participant-kind';
import { profileIntroduction } from '../participants/profile-summary';
import { MATCHABLE_EVENT_STATUSES } from './matching.service';
import { Suggestion } from './suggestion.entity';
import { suggestionDigestEmail } from './suggestion-digest.template';
import { CONSENTING_PAIR_SQL, SEATED_PAIR_SQL, UNASKED_PAIR_SQL } from './suggestion-pairs';

export const SUGGESTION_DIGEST_TEMPLATE = 'suggestion-digest';
/** How many suggestions a digest shows. */
export const DIGEST_SIZE = 5;

/**
 * On an outbox row `d` and a suggestion `s`: `d` is a digest to the suggestion's participant at its
 * event that names it. Whether it introduced the person depends on its status: one sent did, one
 * pending or sending will, one skipped (the reader unsubscribed, the address bounced) or failed did
 * not, and the next digest may introduce them.
 */
export const DIGEST_NAMING_SQL = `d.template = '${SUGGESTION_DIGEST_TEMPLATE}' AND d.event_id = s.event_id
  AND d.participant_id = s.participant_id
  AND s.id::text = ANY(string_to_array(d.params->>'suggestionIds', ','))`;

/**
 * The suggestion digest of one participant: the suggestions chosen when it was written
 * (`suggestionIds`), read at send time. One dismissed, dropped by a newer run, whose pair has been
 * asked in the meantime, whose either side has left the event or withdrawn matchmaking consent
 * since, or introduced by another digest sent meanwhile, is left out; when none is left, nothing
 * is sent. (Digests written before `suggestionIds` show the run's top five, and send nothing once a
 * newer run replaced it.)
 */
@Injectable()
export class SuggestionDigestComposer implements MailComposer {
  readonly template = SUGGESTION_DIGEST_TEMPLATE;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
    private readonly config: AppConfig,
  ) {
    composers.register(this);
  }

  async compose({
    message,
    participant,
    unsubscribeUrl,
    manager,
    issueToken,
  }: ComposeInput): Promise<ComposedEmail | null> {
    if (!message.eventId) return null;
    const event = await this.contexts.get(manager, message.eventId, languageOf(participant));
    if (!event || !MATCHABLE_EVENT_STATUSES.includes(event.status)) return null;
    const chosen = message.params.suggestionIds?.split(',');
    const suggestions = await manager
      .getRepository(Suggestion)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.suggestedParticipant', 'suggested')
      .leftJoinAndSelect('suggested.company', 'company')
      .where('s.eventId = :eventId AND s.participantId = :participantId AND s.dismissed = false', {
        eventId: event.id,
        participantId: participant.id,
      })
      .andWhere(chosen ? 's.id IN (:...chosen)' : 's.runId = :runId', { chosen, runId: message.params.runId })
      .andWhere(UNASKED_PAIR_SQL)
      .andWhere(SEATED_PAIR_SQL)
      .andWhere(CONSENTING_PAIR_SQL)
      // A failed digest sent again later: whom a newer digest has introduced meanwhile is left out.
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM outbox_messages d WHERE ${DIGEST_NAMING_SQL} AND d.status = 'SENT' AND d.id <> :messageId)`,
        { messageId: message.id },
      )
      .orderBy('s.rank', 'ASC')
      .limit(DIGEST_SIZE)
      .getMany();
    if (suggestions.length === 0) return null;
    const earlier: unknown[] = await manager.query(
      `SELECT 1 FROM outbox_messages
        WHERE template = $1 AND event_id = $2 AND participant_id = $3 AND status = 'SENT' AND id <> $4
        LIMIT 1`,
      [SUGGESTION_DIGEST_TEMPLATE, event.id, participant.id, message.id],
    );
    const locale = languageOf(participant);
    return suggestionDigestEmail({
      locale,
      participantName: participant.name,
      event,
      items: suggestions.map((suggestion) => {
        const token = issueToken({
          purpose: TokenPurpose.SUGGESTION_MEETING_REQUEST,
          subjectId: suggestion.id,
          expiresAt: event.endsAt,
        });
        const other = suggestion.suggestedParticipant;
        return {
          name: other.name,
          companyName: other.company?.name ?? null,
          title: other.title,
          ...profileIntroduction(other, locale),
          reasons: suggestion.reasons,
          requestUrl: `${this.config.PUBLIC_URL}/suggestions/meeting-request?token=${token}`,
        };
      }),
      followUp: earlier.length > 0,
      unsubscribeUrl,
    });
  }
}
