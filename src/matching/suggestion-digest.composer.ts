import { Injectable } from '@nestjs/common';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { AppConfig } from '../config/app-config';
import { EventMailContexts } from '../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { ComposedEmail } from '../mail/templates/email-layout';
import { languageOf } from '../participants/participant-kind';
import { MATCHABLE_EVENT_STATUSES } from './matching.service';
import { Suggestion } from './suggestion.entity';
import { suggestionDigestEmail } from './suggestion-digest.template';

export const SUGGESTION_DIGEST_TEMPLATE = 'suggestion-digest';
/** How many suggestions a digest shows. */
export const DIGEST_SIZE = 5;

/**
 * The suggestion digest of one participant for one run. Read at send time: a suggestion dismissed
 * in the meantime is left out, and a run replaced by a newer one sends nothing (the organizer
 * sends the newer run's digests).
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
    const event = await this.contexts.get(manager, message.eventId);
    if (!event || !MATCHABLE_EVENT_STATUSES.includes(event.status)) return null;
    const suggestions = await manager.find(Suggestion, {
      where: {
        eventId: event.id,
        participantId: participant.id,
        runId: message.params.runId,
        dismissed: false,
      },
      relations: { suggestedParticipant: { company: true } },
      order: { rank: 'ASC' },
      take: DIGEST_SIZE,
    });
    if (suggestions.length === 0) return null;
    return suggestionDigestEmail({
      locale: languageOf(participant),
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
          reasons: suggestion.reasons,
          requestUrl: `${this.config.PUBLIC_URL}/suggestions/meeting-request?token=${token}`,
        };
      }),
      unsubscribeUrl,
    });
  }
}
