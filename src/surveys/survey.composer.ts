import { tokyoDateOf } from '../common/time/calendar-date';
import { Injectable } from '@nestjs/common';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { AppConfig } from '../config/app-config';
import { EventMailContexts } from '../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../mail/mail-composers';
import { ComposedEmail } from '../mail/templates/email-layout';
import { formatDay } from '../mail/templates/mail-dates';
import { languageOf } from '../participants/participant-kind';
import { Registration } from '../registrations/registration.entity';
import { surveyEmail } from './survey.template';
import { ANSWERING_STATUSES, surveyLinkExpiresAt } from './survey-rules';

export const SURVEY_TEMPLATE = 'survey';

/** The survey email of one registration; nothing if the registration no longer took part. */
@Injectable()
export class SurveyComposer implements MailComposer {
  readonly template = SURVEY_TEMPLATE;

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
    const registration = await manager.findOneBy(Registration, { id: message.params.registrationId });
    if (!registration || !ANSWERING_STATUSES.includes(registration.status)) return null;
    const event = await this.contexts.get(manager, registration.eventId, languageOf(participant));
    if (!event) return null;
    const expiresAt = surveyLinkExpiresAt(event.endsAt);
    if (expiresAt.getTime() <= Date.now()) return null;
    const token = issueToken({ purpose: TokenPurpose.SURVEY_ANSWER, subjectId: registration.id, expiresAt });
    const locale = languageOf(participant);
    return surveyEmail({
      locale,
      participantName: participant.name,
      event,
      answerUrl: `${this.config.PUBLIC_URL}/surveys/answer?token=${token}`,
      answerBy: formatDay(locale, new Date(expiresAt.getTime() - 1)),
      sameDay: tokyoDateOf(new Date()) === tokyoDateOf(event.endsAt),
      unsubscribeUrl,
    });
  }
}
