import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { EventStatus } from '../../events/event-enums';
import { Event } from '../../events/event.entity';
import { eventCalendarEntry, publishIcsAttachment } from '../../events/event-ics';
import { eventTitleFor } from '../../events/event-title';
import { EventMailContexts } from '../../mail/event-mail-context';
import { ComposeInput, MailComposer, MailComposers } from '../../mail/mail-composers';
import { ComposedEmail } from '../../mail/templates/email-layout';
import { deadlineShown } from '../../mail/email-shown';
import { languageOf } from '../../participants/participant-kind';
import { invitationAnswerUrls } from '../../invitations/invitation-answer-urls';
import { deadlineNews } from '../../invitations/deadline-news';
import { deadlineShownBefore } from '../../invitations/deadlines-told';
import { registrationCancelUrl } from '../../registrations/registration-cancel-url';
import { Registration } from '../../registrations/registration.entity';
import { RegistrationStatus } from '../../registrations/registration-enums';
import { AgendaService } from '../agenda.service';
import { meetingIcsEvent } from '../meeting-ics';
import { EVENT_CHANGE_TOLD } from '../changed-event.listener';
import { changeNoticeOf } from '../../mail/templates/event-change-details';
import { EventChangedAudience, eventChangedEmail, InviteeDeadline } from './event-changed.template';
import { MeetingMailTemplate } from './meeting-mail-templates';

/** A draft's invitees and those who accepted are told as well as a published event's. */
const TOLD_WHILE = [EventStatus.DRAFT, EventStatus.PUBLISHED];

/**
 * The 申込締切 an invitee is asked to answer by, as it is when the email leaves, marked as changed
 * when it is news as against `known`, the one they were last shown (see deadlineNews), which is
 * then 変更前. One already past is left out, as before there were deadlines in this email: the
 * invitee cannot answer by it.
 */
function inviteeDeadline(
  closesAt: Date | null,
  known: Date | null,
  now = Date.now(),
): InviteeDeadline | null {
  if (closesAt && closesAt.getTime() <= now) return null;
  const news = deadlineNews({ registrationClosesAt: known }, { registrationClosesAt: closesAt }, now);
  if (!closesAt && !news) return null;
  return { closesAt, changed: news !== null, wasClosesAt: news?.wasClosesAt ?? null };
}

/**
 * For an email that leaves after the 申込締切: the one the invitee was last shown (`known`, null
 * for none), when it is not the one that has passed; undefined when it is. Staff may have moved the
 * deadline to a time already past, which told them nothing (see deadlineNews): this email is then
 * the first to show it.
 */
function closedChange(closedAt: Date, known: Date | null): { was: Date | null } | undefined {
  return known?.getTime() === closedAt.getTime() ? undefined : { was: known };
}

/**
 * The 申込締切 the listener took the invitee to know (toldClosesAt, '' for none), for one with no
 * email recorded as showing one as this email leaves (theirs went out before emails recorded it).
 * A row that does not say: the one there is now, so nothing is marked that they may not have seen.
 */
function toldByListener(params: Record<string, string>, closesAt: Date | null): Date | null {
  const told = params.toldClosesAt;
  if (told === undefined) return closesAt;
  return told ? new Date(told) : null;
}

/**
 * 日時変更・会場変更 to one participant, told as the event is when the email leaves. An invitee who
 * has not answered is asked again, with new answer links, by the 申込締切, marked as changed (with
 * 変更前) when it is news as against the one they were last shown: set in the same edit (see
 * ChangedEventListener), or since. A person with a seat gets the event's
 * calendar entry (UID `event-<id>@tsunagu`, the event's raised SEQUENCE) with their published
 * meetings beside it, in one METHOD:PUBLISH file, so the calendar moves the entries it has instead
 * of adding new ones. It lives with the meetings because it carries them.
 */
@Injectable()
export class EventChangedComposer implements MailComposer {
  readonly template = MeetingMailTemplate.EVENT_CHANGED;

  constructor(
    composers: MailComposers,
    private readonly contexts: EventMailContexts,
    private readonly agenda: AgendaService,
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
    const invited = registration?.status === RegistrationStatus.INVITED;
    // Left or answered "no" since the change: nothing to tell.
    if (!registration || !(invited || EVENT_CHANGE_TOLD.includes(registration.status))) return null;
    const row = await manager.findOne(Event, {
      where: { id: registration.eventId },
      relations: { organization: true, coHosts: true },
    });
    if (!row || !TOLD_WHILE.includes(row.status) || row.endsAt.getTime() < Date.now()) return null;
    const event = await this.contexts.get(manager, row.id, languageOf(participant));
    if (!event) return null;
    const locale = languageOf(participant);
    const { changed, was } = changeNoticeOf(message.params, locale);
    const compose = (audience: EventChangedAudience) =>
      eventChangedEmail({
        locale,
        participantName: participant.name,
        event,
        changed,
        was,
        audience,
      });
    if (invited) {
      const closesAt = row.registrationClosesAt ?? null;
      // The 申込締切 they were last shown, as this email leaves (it waits while an earlier email to
      // them is still being sent), not as the edit found it: an email written since may have gone
      // first, and one in flight then may never have reached them.
      const lastShown = await deadlineShownBefore(manager, message);
      const known = lastShown === undefined ? toldByListener(message.params, closesAt) : lastShown;
      // Either way it shows the invitee the 申込締切 as it is (passed, ahead, or none: the buttons
      // work until the event ends), which they then know (see deadlinesTold).
      const shown = deadlineShown(closesAt);
      // Past the 申込締切 as the email leaves: 参加する would be refused, so no buttons to press.
      if (closesAt && closesAt.getTime() <= Date.now())
        return {
          ...compose({
            kind: 'closed',
            closedAt: closesAt,
            changed: closedChange(closesAt, known),
            unsubscribeUrl,
          }),
          shown,
        };
      const answer = invitationAnswerUrls(this.config.PUBLIC_URL, issueToken, registration.id, row.endsAt);
      const deadline = inviteeDeadline(closesAt, known);
      return {
        ...compose({ kind: 'invited', ...answer, unsubscribeUrl, ...(deadline ? { deadline } : {}) }),
        shown,
      };
    }
    const cancelUrl =
      row.startsAt.getTime() > Date.now()
        ? registrationCancelUrl(this.config.PUBLIC_URL, issueToken, registration.id, row.startsAt)
        : null;
    if (registration.status === RegistrationStatus.WAITLISTED)
      return compose({ kind: 'waitlisted', cancelUrl });
    const entries = await this.agenda.calendarEntries(manager, participant.id, {
      eventId: row.id,
      includeCancelled: false,
    });
    return {
      ...compose({ kind: 'registered', meetings: entries.length, cancelUrl }),
      attachments: [
        publishIcsAttachment(eventTitleFor(row, locale), [
          eventCalendarEntry(row, this.config.PUBLIC_URL, locale),
          ...entries.map((entry) => meetingIcsEvent(locale, entry)),
        ]),
      ],
    };
  }
}
