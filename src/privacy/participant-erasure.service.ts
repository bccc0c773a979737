import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { AppConfig } from '../config/app-config';
import { FollowUp } from '../deals/follow-up.entity';
import { EmailChangeRequest } from '../email-change/email-change-request.entity';
import { Event } from '../events/event.entity';
import { EventStatus } from '../events/event-enums';
import { EventsService } from '../events/events.service';
import { forgetAddressesInMailLog, placeholderAddress } from '../mail/forgotten-addresses';
import { MailTransport } from '../mail/mail-transport';
import { OutboxMessage } from '../mail/outbox-message.entity';
import { OutboxStatus } from '../mail/outbox-status';
import { Suggestion } from '../matching/suggestion.entity';
import { MeetingRequestStatus, MeetingStatus, OPEN_REQUEST_STATUSES } from '../meetings/meeting-enums';
import { MeetingRequest } from '../meetings/meeting-request.entity';
import { MeetingsService } from '../meetings/meetings.service';
import { Registration } from '../registrations/registration.entity';
import { REGISTRATION_TRANSITIONS, RegistrationStatus } from '../registrations/registration-enums';
import { RegistrationsService } from '../registrations/registrations.service';
import { MiniSalonRequestStatus } from '../mini-salons/mini-salon-enums';
import { MiniSalonRequest } from '../mini-salons/mini-salon-request.entity';
import { SurveyResponse } from '../surveys/survey-response.entity';
import { Deal } from '../deals/deal.entity';
import { DealCorrection } from '../deals/deal-correction.entity';
import { ErasureResultModel } from './models/erasure-result.model';
import { ERASED_NAME, MentionedPerson, mentionRedactor } from './mentions';
import { ErasureCounts, Participant } from '../participants/participant.entity';
import { ParticipantProfileChange } from '../participants/participant-profile-change.entity';
import { allLocked, PEOPLE_CHANGED, withPeopleLocked } from '../participants/participant-store';
import { ParticipantErrors } from '../participants/participants.errors';

const ERASED_FURIGANA = 'サクジョズミ';

/** Outbox rows whose recipient is gone are skipped with the reason the sender uses for a deleted row. */
const RECIPIENT_GONE = 'RECIPIENT_GONE';

type AfterCommit = () => Promise<void>;

/**
 * 個人情報の削除. The person is removed but the numbers stay true: the participant row is kept and
 * anonymised in place, so past registrations, meetings, survey scores and deals still count, and
 * nothing left in the database says who they were. What only served the person going forward is
 * undone: seats at events still to come, meetings and open requests there, suggestions, the
 * links in their emails, emails not yet sent. All of it in one transaction; erasing twice answers
 * the first result again. Once it commits, the .eml files of their emails go too, where emails are
 * written to files (MailTransport.forgetFiles).
 */
@Injectable()
export class ParticipantErasureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
    private readonly meetings: MeetingsService,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
  ) {}

  async erase(participantId: string): Promise<ErasureResultModel> {
    // Before any event's row (the lock order of participant-store.ts): the person's row FOR
    // UPDATE, so that a second erasure of them waits and then finds it done, and those the
    // cancellations at the events still to come write to, so that an erasure of one of them, or a
    // merge of their profile, waits for this or is waited for instead of deadlocking with it.
    const { erased, afterCommit } = await withPeopleLocked(
      this.dataSource,
      (manager) => this.peopleWrittenTo(manager, participantId),
      async (manager, people) => {
        const participant = await manager.findOneBy(Participant, { id: participantId });
        if (!participant) throw ParticipantErrors.notFound(participantId);
        if (participant.erasedAt) return { erased: participant, afterCommit: [] };
        const events = await this.lockUpcomingEvents(manager, participantId);
        // Read again under the events' locks, before anything is written: someone who joined a
        // waiting list there meanwhile, say, has the erasure start again with them locked too.
        const told = await this.peopleWrittenTo(manager, participantId, events);
        if (!allLocked(people, told)) return PEOPLE_CHANGED;
        return this.eraseLocked(manager, participant, events);
      },
      { forUpdate: [participantId] },
    );
    for (const then of afterCommit) await then();
    return ErasureResultModel.from(erased);
  }

  /** The addresses the person's 変更履歴 says they had or were given, before it goes with them. */
  private async addressesInHistory(manager: EntityManager, participantId: string): Promise<string[]> {
    const rows: { address: string }[] = await manager.query(
      `SELECT DISTINCT said.address
         FROM participant_profile_changes c,
              LATERAL (VALUES (c.changes->'email'->>'before'), (c.changes->'email'->>'after')) AS said(address)
        WHERE c.participant_id = $1 AND c.changes ? 'email' AND said.address <> ''`,
      [participantId],
    );
    return rows.map((row) => row.address);
  }

  /** The erasure itself, in the transaction of erase, which holds the person's row and the events'. */
  private async eraseLocked(
    manager: EntityManager,
    participant: Participant,
    events: Event[],
  ): Promise<{ erased: Participant; afterCommit: AfterCommit[] }> {
    const participantId = participant.id;
    const erasedAt = new Date();
    // Anonymised before anything else: from here on the outbox writes no email for them, and
    // the emails the other sides are sent about the cancellations name nobody.
    await manager.update(Participant, participantId, anonymised(participant, erasedAt));
    // Their seats keep the company they came for: 参加事業者数 counts businesses, and only the
    // report reads it (every list names the company from the profile, which no longer has one).
    const left = await this.leaveUpcomingEvents(manager, participantId, events);
    // Before the suggestions go: their ids are the subjects of some of the links.
    const actionTokensDeleted = await this.deleteActionTokens(manager, participantId);
    const counts = {
      ...left.counts,
      actionTokensDeleted,
      suggestionsDeleted: await this.deleteSuggestions(manager, participantId),
      meetingRequestMessagesCleared:
        affected(
          await manager.update(
            MeetingRequest,
            { fromParticipantId: participantId, message: Not('') },
            { message: '' },
          ),
        ) +
        affected(
          await manager.update(
            MeetingRequest,
            { toParticipantId: participantId, reply: Not('') },
            { reply: '' },
          ),
        ),
      emailsSkipped: affected(
        await manager.update(
          OutboxMessage,
          { participantId, status: OutboxStatus.PENDING },
          { status: OutboxStatus.SKIPPED, skipReason: RECIPIENT_GONE },
        ),
      ),
      // The scores stay: they are the event's figures, and say nothing about who gave them.
      surveyCommentsDeleted: affected(
        await manager.update(SurveyResponse, { participantId, comment: Not('') }, { comment: '' }),
      ),
      miniSalonRequestsWithdrawn: await this.withdrawMiniSalonRequests(manager, participantId),
    };
    // Their mail log names none of their addresses: neither the one a row went to instead of
    // theirs (a new address to confirm, the old one told of a change), nor any a refusal quoted
    // — theirs, one staff corrected after it bounced (the row sent to "their own address" then),
    // one of a profile merged into theirs: nothing here remembers those once the 変更履歴 goes,
    // so every address in their rows' texts goes, but ours (our sender's, the organisers',
    // staff's), which staff need to read a failure. A row being sent now records its error or
    // the server's answer without them (MailDelivery). Before their email change requests go:
    // the emails first, the requests after, as the nightly retention of unconfirmed addresses
    // takes them (EmailChangeService.forgetEndedAddresses), which would otherwise deadlock with this.
    // Those their 変更履歴 still names go even where they are ours too (a 支援担当 who registered
    // with their work address, since corrected): the row quoting one would name them.
    await forgetAddressesInMailLog(
      manager,
      { participantId },
      {
        also: [participant.email, ...(await this.addressesInHistory(manager, participantId))],
        placeholder: placeholderAddress('erased', participantId),
        recipient: null,
        everyAddressButOurs: { mailFrom: this.config.MAIL_FROM },
      },
    );
    // Written to MAIL_DIR (without SMTP_URL, or before it was set), each of their emails is also an
    // .eml file, whole: their name, address and links. Those go once this commits, first, and a
    // failure to delete one leaves the erasure done (forgetFiles logs it, and never throws). The
    // emails of profiles merged into theirs are among these rows (the merge moved them), so their
    // files go too.
    const emails = await ids(manager, 'SELECT id FROM outbox_messages WHERE participant_id = $1', [
      participantId,
    ]);
    const erasure: ErasureCounts = {
      ...counts,
      // The history holds the values the anonymisation just removed.
      profileChangesDeleted: affected(await manager.delete(ParticipantProfileChange, { participantId })),
      // Addresses they asked to move to, and those their mail about an address went to.
      emailChangeRequestsDeleted: affected(await manager.delete(EmailChangeRequest, { participantId })),
      followUpsCancelled: await this.cancelFollowUps(manager, participantId),
      notesRedacted: await this.redactNotes(manager, participant),
    };
    // Out of the pool, they are nobody's possible duplicate: staff's 別人 marks on them go.
    await manager.query(
      'DELETE FROM participant_distinct_pairs WHERE $1 IN (first_participant_id, second_participant_id)',
      [participantId],
    );
    // When they looked at their agendas: no use to anyone once they are gone.
    await manager.query('DELETE FROM agenda_views WHERE participant_id = $1', [participantId]);
    // The ids of profiles merged into theirs (after their links, which name those ids, went):
    // the signed links of emails sent to those profiles end with them, as their own do. The
    // names those profiles had go with the rows, and the requests asked from them (their
    // requested_as_id, set null) name nobody, as the rest of their requests do.
    await manager.query('DELETE FROM merged_participants WHERE participant_id = $1', [participantId]);
    await manager.update(Participant, participantId, { erasure });
    const forgetFiles: AfterCommit = async () => {
      await this.transport.forgetFiles(emails);
    };
    return {
      erased: Object.assign(participant, { erasedAt, erasure }),
      afterCommit: [forgetFiles, ...left.afterCommit],
    };
  }

  /**
   * The events still to come where the person has a registration or a meeting request, which the
   * erasure leaves (leaveUpcomingEvents). Past and closed events keep everything, for the figures.
   */
  private async upcomingEventIds(manager: EntityManager, participantId: string): Promise<string[]> {
    return ids(
      manager,
      `SELECT e.id FROM events e
        WHERE e.status = ANY($2) AND e.ends_at > now()
          AND (EXISTS (SELECT 1 FROM registrations r WHERE r.event_id = e.id AND r.participant_id = $1)
            OR EXISTS (SELECT 1 FROM meeting_requests q
                        WHERE q.event_id = e.id AND $1 IN (q.from_participant_id, q.to_participant_id)))
        ORDER BY e.id`,
      [participantId, [EventStatus.DRAFT, EventStatus.PUBLISHED]],
    );
  }

  /**
   * The events the erasure leaves, locked in id order: every change to an event's seats
   * serialises on its row (see RegistrationsService). Taken once the people are locked (erase).
   */
  private async lockUpcomingEvents(manager: EntityManager, participantId: string): Promise<Event[]> {
    const events: Event[] = [];
    for (const eventId of await this.upcomingEventIds(manager, participantId))
      events.push(await this.events.lockManaged(manager, null, eventId));
    return events;
  }

  /**
   * Whom leaving the events still to come (those given, else those read now) writes to: the person,
   * and at each event those a cancellation of their registration tells
   * (RegistrationsService.peopleWrittenToByCancelling: the other sides of their meetings and
   * requests there, whom the seat goes to from the waiting list) or, with no seat left to give up,
   * the other sides cancelForLeaver tells (MeetingsService.counterpartsOf).
   */
  private async peopleWrittenTo(
    manager: EntityManager,
    participantId: string,
    events?: Event[],
  ): Promise<string[]> {
    const people = [participantId];
    const eventIds =
      events?.map((event) => event.id) ?? (await this.upcomingEventIds(manager, participantId));
    for (const eventId of eventIds) {
      const registration = await this.cancellableRegistration(manager, eventId, participantId);
      people.push(
        ...(registration
          ? await this.registrations.peopleWrittenToByCancelling(manager, registration)
          : await this.meetings.counterpartsOf(manager, eventId, participantId)),
      );
    }
    return people;
  }

  /**
   * Their registration at the event, if it is one they can still give up (a seat, a place on the
   * waiting list, an invitation): leaveUpcomingEvents cancels it, else calls off what is open there.
   */
  private async cancellableRegistration(
    manager: EntityManager,
    eventId: string,
    participantId: string,
  ): Promise<Registration | null> {
    const registration = await manager.findOneBy(Registration, { eventId, participantId });
    return registration && REGISTRATION_TRANSITIONS.can(registration.status, RegistrationStatus.CANCELLED)
      ? registration
      : null;
  }

  /**
   * At events still to come the person gives up their seat the way anyone cancelling does: the
   * registration is cancelled, the waitlist moves up, and the cancellation listeners run — among
   * them MeetingsService.cancelForLeaver, which calls off their meetings there (both sides are
   * sent the calendar CANCEL) and withdraws their open requests. `events` are locked already
   * (lockUpcomingEvents).
   */
  private async leaveUpcomingEvents(manager: EntityManager, participantId: string, events: Event[]) {
    const eventIds = events.map((event) => event.id);
    // What is open there now, to count afterwards what the listeners closed.
    const meetingIds = await ids(
      manager,
      `SELECT id FROM meetings
        WHERE event_id = ANY($1) AND status = $3 AND $2 IN (participant_a_id, participant_b_id)`,
      [eventIds, participantId, MeetingStatus.SCHEDULED],
    );
    const requestIds = await ids(
      manager,
      `SELECT id FROM meeting_requests
        WHERE event_id = ANY($1) AND status = ANY($3) AND $2 IN (from_participant_id, to_participant_id)`,
      [eventIds, participantId, OPEN_REQUEST_STATUSES],
    );

    const afterCommit: AfterCommit[] = [];
    let registrationsCancelled = 0;
    for (const event of events) {
      const registration = await this.cancellableRegistration(manager, event.id, participantId);
      if (registration) {
        afterCommit.push(...(await this.registrations.cancelLocked(manager, registration, event)));
        registrationsCancelled += 1;
      } else {
        // No seat left to give up (declined, or checked in at an event under way): what is still
        // open there is called off all the same.
        afterCommit.push(await this.meetings.cancelForLeaver(manager, event.id, participantId));
      }
    }

    const counts = {
      registrationsCancelled,
      meetingsCancelled: (
        await ids(manager, `SELECT id FROM meetings WHERE id = ANY($1) AND status = $2`, [
          meetingIds,
          MeetingStatus.CANCELLED,
        ])
      ).length,
      meetingRequestsWithdrawn: (
        await ids(manager, `SELECT id FROM meeting_requests WHERE id = ANY($1) AND status = $2`, [
          requestIds,
          MeetingRequestStatus.CANCELLED,
        ])
      ).length,
    };
    return { counts, afterCommit };
  }

  /**
   * The links that act on the person or on their rows: sign-in and unsubscribe (the participant),
   * invitation and survey answers (their registrations), the answer links of requests made to them,
   * 「面談を申し込む」 (suggestions for them or of them), and those sent to a profile merged into
   * theirs that the merge could not carry over (they name the id that profile had). Keyed by
   * purpose and subject, so the (purpose, subject_id) index finds them.
   *
   * The answer link of a request they made stays: it is the other person's, it holds nothing of
   * the erased one, and it now opens a page saying the request was withdrawn (naming nobody),
   * rather than one saying the link is not valid.
   */
  private async deleteActionTokens(manager: EntityManager, participantId: string): Promise<number> {
    const [{ count }]: { count: number }[] = await manager.query(
      `WITH subjects AS (
              SELECT $1::uuid AS id
        UNION ALL SELECT id FROM registrations WHERE participant_id = $1
        UNION ALL SELECT id FROM meeting_requests WHERE to_participant_id = $1
        UNION ALL SELECT id FROM suggestions WHERE $1 IN (participant_id, suggested_participant_id)
        UNION ALL SELECT id FROM email_change_requests WHERE participant_id = $1
        UNION ALL SELECT merged_id FROM merged_participants WHERE participant_id = $1
       ), deleted AS (
        DELETE FROM action_tokens
         WHERE purpose = ANY($2) AND subject_id IN (SELECT id FROM subjects)
        RETURNING 1
       )
       SELECT count(*)::int AS count FROM deleted`,
      [participantId, Object.values(TokenPurpose)],
    );
    return count;
  }

  /**
   * Their ミニサロン開催要望: those still being considered are withdrawn; every one keeps its theme,
   * area and dates (the organisation's record of demand) but loses the words they wrote.
   */
  private async withdrawMiniSalonRequests(manager: EntityManager, participantId: string): Promise<number> {
    const withdrawn = affected(
      await manager.update(
        MiniSalonRequest,
        { requestedById: participantId, status: MiniSalonRequestStatus.PENDING },
        { status: MiniSalonRequestStatus.WITHDRAWN },
      ),
    );
    await manager.update(
      MiniSalonRequest,
      { requestedById: participantId },
      { message: '', groupName: null },
    );
    return withdrawn;
  }

  /**
   * Their open follow-ups (巡回指導 plans and the like, follow_ups.participant_id) are 取りやめ, as
   * cancelFollowUp does: nobody is sent to visit a deleted person, and the year report does not
   * show them as 未完了 or 期限超過. A deal's follow-ups stay: the other side is still there.
   */
  private async cancelFollowUps(manager: EntityManager, participantId: string): Promise<number> {
    const now = new Date();
    return affected(
      await manager.update(FollowUp, { participantId, doneAt: IsNull() }, { doneAt: now, cancelledAt: now }),
    );
  }

  /**
   * What staff wrote about them in their deals and follow-ups (the deal's title and notes, a
   * follow-up's notes and result), and in the records of a deal of theirs that was deleted or
   * corrected after its year ended (its title and the reason given), loses their name, address and
   * phone number (mentionRedactor): the deal stays the other side's and the organisation's record,
   * and the correction the year's, but neither must say who this was. Answers how many deals,
   * follow-ups and correction records changed.
   */
  private async redactNotes(
    manager: EntityManager,
    person: MentionedPerson & { id: string },
  ): Promise<number> {
    const redact = mentionRedactor(person);
    const deals = await manager
      .createQueryBuilder(Deal, 'd')
      .select(['d.id', 'd.title', 'd.notes'])
      .where(':id IN (d.participantAId, d.participantBId)', { id: person.id })
      .getMany();
    const followUps = await manager
      .createQueryBuilder(FollowUp, 'f')
      .select(['f.id', 'f.notes', 'f.result'])
      .where('f.participantId = :id OR f.dealId = ANY(:dealIds)', {
        id: person.id,
        dealIds: deals.map((deal) => deal.id),
      })
      .getMany();
    const corrections = await manager
      .createQueryBuilder(DealCorrection, 'x')
      .select(['x.id', 'x.title', 'x.reason'])
      .where(':id IN (x.participantAId, x.participantBId)', { id: person.id })
      .getMany();
    let changed = 0;
    for (const deal of deals) {
      const redacted = { title: redact(deal.title), notes: redact(deal.notes) };
      if (redacted.title === deal.title && redacted.notes === deal.notes) continue;
      await manager.update(Deal, deal.id, redacted);
      changed += 1;
    }
    for (const followUp of followUps) {
      const redacted = { notes: redact(followUp.notes), result: redact(followUp.result) };
      if (redacted.notes === followUp.notes && redacted.result === followUp.result) continue;
      await manager.update(FollowUp, followUp.id, redacted);
      changed += 1;
    }
    for (const correction of corrections) {
      const redacted = { title: redact(correction.title), reason: redact(correction.reason) };
      if (redacted.title === correction.title && redacted.reason === correction.reason) continue;
      await manager.update(DealCorrection, correction.id, redacted);
      changed += 1;
    }
    return changed;
  }

  /**
   * Suggestions for them, and of them to others. Dismissed ones too: they only keep a pair out of
   * later runs, and an erased person is in none.
   */
  private async deleteSuggestions(manager: EntityManager, participantId: string): Promise<number> {
    return affected(
      await manager
        .createQueryBuilder()
        .delete()
        .from(Suggestion)
        .where('participant_id = :participantId OR suggested_participant_id = :participantId', {
          participantId,
        })
        .execute(),
    );
  }
}

/**
 * The row as it stays: nothing that says who the person was. Kind and locale remain (neither
 * identifies anyone); the company keeps its own row, which may be shared with colleagues. 最終更新
 * (profileUpdated*) is left as it was: erasure is not a profile edit, and which staff account last
 * changed the profile says nothing about the person. Staff accounts are switched off, never
 * deleted, so that name stays readable.
 */
function anonymised(participant: Participant, erasedAt: Date): Partial<Participant> {
  return {
    name: ERASED_NAME,
    furigana: ERASED_FURIGANA,
    email: placeholderAddress('erased', participant.id),
    title: null,
    phone: null,
    companyId: null,
    offers: [],
    needs: [],
    themes: [],
    tags: [],
    offersText: '',
    needsText: '',
    consentMatchmaking: false,
    consentEmail: false,
    consentContactSharing: false,
    emailOptOut: true,
    emailOptOutAt: participant.emailOptOutAt ?? erasedAt,
    // The placeholder address cannot receive mail, not even a sign-in link: suppressed, as a
    // bounced address is.
    emailSuppressedAt: participant.emailSuppressedAt ?? erasedAt,
    erasedAt,
  };
}

async function ids(manager: EntityManager, sql: string, parameters: unknown[]): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(sql, parameters);
  return rows.map((row) => row.id);
}

function affected(result: { affected?: number | null }): number {
  return result.affected ?? 0;
}
