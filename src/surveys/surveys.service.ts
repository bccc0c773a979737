import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { eventTitleFor } from '../events/event-title';
import { DataSource, EntityManager } from 'typeorm';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokenErrors } from '../action-tokens/action-tokens.errors';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { Actor, StaffActor } from '../auth/actor';
import { DAY_MS, startOfTokyoDay } from '../common/japan/tokyo-day';
import { EventStatus } from '../events/event-enums';
import { EventsService } from '../events/events.service';
import { OutboxService } from '../mail/outbox.service';
import { MailLocale } from '../mail/templates/email-layout';
import { formatDay } from '../mail/templates/mail-dates';
import { languageOf } from '../participants/participant-kind';
import { lockSelfAgainstErasure } from '../participants/participant-store';
import { Registration } from '../registrations/registration.entity';
import { SurveyAnswerInput } from './dto/survey-answer.input';
import { SurveyAnswerResultModel } from './models/survey-answer-result.model';
import { SurveyAnswerModel, SurveyResultsModel } from './models/survey-results.model';
import { SurveySendResultModel } from './models/survey-send-result.model';
import { SURVEY_TEMPLATE } from './survey.composer';
import { SurveyResponse } from './survey-response.entity';
import {
  ANSWERING_STATUSES,
  satisfactionAverage,
  surveyedStatuses,
  surveyLinkExpiresAt,
} from './survey-rules';
import { SurveyErrors } from './surveys.errors';

/** How many days after an event the morning scan still sends its survey (a missed scan is caught up). */
const AUTO_SEND_DAYS = 3;

export interface SurveyPreview {
  locale: MailLocale;
  participantName: string;
  eventTitle: string;
  /** The answer given before, to fill the form with. */
  previous: Pick<SurveyResponse, 'gainedOpportunities' | 'satisfaction' | 'comment'> | null;
  /**
   * Whether the registration may still answer: not once staff recorded them as 欠席 after the
   * survey went out (a correction the day after, when no check-in was used) or cancelled it.
   */
  answerable: boolean;
}

/**
 * アンケート after an event: it goes out the morning after (or earlier, when staff send it once the
 * event is over), each participant answers from the link in their email (and may change the
 * answer while the link lives), staff read the figures. The outbox key per registration makes a
 * second send add nothing.
 */
@Injectable()
export class SurveysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly outbox: OutboxService,
    private readonly tokens: ActionTokensService,
  ) {}

  /**
   * Under the event's lock, with the people it emails locked before it (the lock order of
   * participant-store.ts), as the emails' foreign keys lock them: a merge of two profiles that were
   * there, which locks them and then the event, waits for the send or the send for it, rather than
   * each holding what the other needs (a deadlock, failing one of them). An erasure of one of them
   * (which locks no event that is over) then either skips the survey written for them or has been
   * seen by the send: nobody to email.
   */
  async send(actor: StaffActor, eventId: string): Promise<SurveySendResultModel> {
    const peopleOf = (manager: EntityManager) => peopleAsked(manager, eventId);
    return this.events.withPeopleAndEventLocked(actor, eventId, peopleOf, async (manager, event) => {
      if (event.status !== EventStatus.CLOSED && event.status !== EventStatus.PUBLISHED)
        throw SurveyErrors.eventNotOver();
      // closeEvent ends check-in and may come before the end; the survey thanks people for having
      // been there, so it waits for endsAt either way.
      if (event.endsAt.getTime() > Date.now()) throw SurveyErrors.eventNotEnded(event.endsAt);
      // Every email would carry a link that no longer works, so the composer would drop each one:
      // say so now rather than answer "queued" for mail that will never go.
      const linkExpiresAt = surveyLinkExpiresAt(event.endsAt);
      if (linkExpiresAt.getTime() <= Date.now())
        throw SurveyErrors.windowClosed(formatDay('ja', new Date(linkExpiresAt.getTime() - 1)));
      return this.queueSurveys(manager, eventId);
    });
  }

  /**
   * The morning scan (SURVEY_CRON): every event that ended before today in Tokyo, and not more
   * than AUTO_SEND_DAYS before, gets its survey sent as staff would send it. Events whose staff
   * sent it already add nothing (the keys), so a scan missed while the worker was down is caught
   * up the next morning. Cancelled and draft events are left out.
   */
  async sendForEndedEvents(now = new Date()): Promise<{ events: number; queued: number }> {
    const today = startOfTokyoDay(now).getTime();
    const events: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM events
        WHERE status = ANY($1) AND ends_at >= $2 AND ends_at < $3
        ORDER BY ends_at`,
      [
        [EventStatus.PUBLISHED, EventStatus.CLOSED],
        new Date(today - AUTO_SEND_DAYS * DAY_MS),
        new Date(today),
      ],
    );
    let queued = 0;
    for (const { id } of events) {
      // Under the event's lock, its people locked before it, like a send by staff: the two cannot
      // interleave.
      const peopleOf = (manager: EntityManager) => peopleAsked(manager, id);
      const result = await this.events.withPeopleAndEventLocked(null, id, peopleOf, (manager) =>
        this.queueSurveys(manager, id),
      );
      queued += result.queued;
    }
    return { events: events.length, queued };
  }

  /** Writes one survey email per participant who took part (see surveyedStatuses). */
  private async queueSurveys(manager: EntityManager, eventId: string): Promise<SurveySendResultModel> {
    const [{ checked_in: checkedIn }]: { checked_in: number }[] = await manager.query(
      `SELECT count(*)::int AS checked_in FROM registrations WHERE event_id = $1 AND status = 'ATTENDED'`,
      [eventId],
    );
    const registrations: { id: string; participant_id: string }[] = await manager.query(
      `SELECT id, participant_id FROM registrations WHERE event_id = $1 AND status = ANY($2) ORDER BY id`,
      [eventId, surveyedStatuses(checkedIn)],
    );
    const result = await this.outbox.enqueue(
      manager,
      registrations.map((registration) => ({
        key: `survey-${registration.id}`,
        template: SURVEY_TEMPLATE,
        participantId: registration.participant_id,
        eventId,
        // One batch per event's survey, whether staff or the morning scan sent it.
        batchId: eventId,
        params: { registrationId: registration.id },
      })),
    );
    return Object.assign(new SurveySendResultModel(), {
      batchId: eventId,
      participants: registrations.length,
      queued: result.written.length,
      alreadyQueued: result.existing.length,
      notEmailable: result.notEmailable.length,
    });
  }

  /** For the page behind the link: reads, changes nothing. */
  async preview(rawToken: string): Promise<SurveyPreview> {
    const manager = this.dataSource.manager;
    const token = await this.tokens.resolve(manager, TokenPurpose.SURVEY_ANSWER, rawToken, { lock: false });
    const registration = await manager.findOne(Registration, {
      where: { id: token.subjectId },
      relations: { event: true, participant: true },
    });
    if (!registration) throw ActionTokenErrors.invalid();
    const previous = await manager.findOneBy(SurveyResponse, { registrationId: registration.id });
    const locale = languageOf(registration.participant);
    return {
      locale,
      participantName: registration.participant.name,
      eventTitle: eventTitleFor(registration.event, locale),
      previous,
      answerable: ANSWERING_STATUSES.includes(registration.status),
    };
  }

  /** Records the answer, or replaces the one given before; the same answer twice changes nothing. */
  async submit(rawToken: string, input: SurveyAnswerInput): Promise<SurveyAnswerResultModel> {
    return this.dataSource.transaction(async (manager) => {
      // The person's row before the link's, as an erasure takes them (see lockSelfAgainstErasure):
      // the answer's row points at the person, so writing it waits for an erasure under way, which
      // would in turn wait for the link it deletes if this held it first (a deadlock, which
      // Postgres answers by failing one of them: perhaps the erasure).
      const unlocked = await this.tokens.resolve(manager, TokenPurpose.SURVEY_ANSWER, rawToken, {
        lock: false,
      });
      const answering = await manager.findOneBy(Registration, { id: unlocked.subjectId });
      if (!answering) throw ActionTokenErrors.invalid();
      await lockSelfAgainstErasure(manager, answering.participantId);
      const token = await this.tokens.resolve(manager, TokenPurpose.SURVEY_ANSWER, rawToken);
      const registration = await manager.findOne(Registration, {
        where: { id: token.subjectId },
        relations: { event: true, participant: true },
      });
      if (!registration) throw ActionTokenErrors.invalid();
      if (!ANSWERING_STATUSES.includes(registration.status)) throw SurveyErrors.notAParticipant();
      const rows: { updated: boolean }[] = await manager.query(
        `INSERT INTO survey_responses (registration_id, event_id, participant_id, gained_opportunities, satisfaction, comment)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (registration_id) DO UPDATE
            SET gained_opportunities = EXCLUDED.gained_opportunities,
                satisfaction = EXCLUDED.satisfaction,
                comment = EXCLUDED.comment,
                updated_at = now()
         RETURNING (xmax <> 0) AS updated`,
        [
          registration.id,
          registration.eventId,
          registration.participantId,
          input.gainedOpportunities,
          input.satisfaction,
          (input.comment ?? '').trim(),
        ],
      );
      await this.tokens.markUsed(manager, token);
      return Object.assign(new SurveyAnswerResultModel(), {
        eventTitle: eventTitleFor(registration.event, languageOf(registration.participant)),
        updated: rows[0].updated,
      });
    });
  }

  /**
   * The figures count only answers of those who took part (ANSWERING_STATUSES, as of now), and the
   * response rate only the emails sent to them, so both sides of the share stand on the same people.
   * An answer left out (its person recorded as 欠席 afterwards) stays stored and is counted apart.
   */
  async results(actor: Actor, eventId: string): Promise<SurveyResultsModel> {
    await this.events.getManaged(actor, eventId);
    const [[{ sent }], stored] = await Promise.all([
      this.dataSource.query(
        `SELECT count(*)::int AS sent
           FROM outbox_messages o
           JOIN registrations r ON r.id = (o.params->>'registrationId')::uuid
          WHERE o.event_id = $1 AND o.template = $2 AND o.status = 'SENT' AND r.status = ANY($3)`,
        [eventId, SURVEY_TEMPLATE, ANSWERING_STATUSES],
      ) as Promise<{ sent: number }[]>,
      this.dataSource.getRepository(SurveyResponse).find({
        where: { eventId },
        relations: { registration: true, participant: { company: true } },
        order: { updatedAt: 'DESC' },
      }),
    ]);
    const responses = stored.filter((response) => ANSWERING_STATUSES.includes(response.registration.status));
    const total = responses.reduce((sum, response) => sum + response.satisfaction, 0);
    return Object.assign(new SurveyResultsModel(), {
      eventId,
      sent,
      responses: responses.length,
      excludedResponses: stored.length - responses.length,
      responseRate: sent > 0 ? responses.length / sent : null,
      // One decimal, rounded half up as the reports' SQL round() does.
      responseRatePercent: sent > 0 ? Math.round((1000 * responses.length) / sent) / 10 : null,
      gainedOpportunities: responses.filter((response) => response.gainedOpportunities).length,
      satisfactionAverage: satisfactionAverage(total, responses.length),
      satisfaction: [1, 2, 3, 4, 5].map((score) => ({
        score,
        count: responses.filter((response) => response.satisfaction === score).length,
      })),
      answers: responses.map(SurveyAnswerModel.from),
    });
  }
}

/**
 * Everyone at the event who may be asked (ANSWERING_STATUSES, of which surveyedStatuses picks
 * under the event's lock), for EventsService.withPeopleAndEventLocked: locking a few more than
 * are emailed costs nothing.
 */
async function peopleAsked(manager: EntityManager, eventId: string): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    'SELECT participant_id AS id FROM registrations WHERE event_id = $1 AND status = ANY($2)',
    [eventId, ANSWERING_STATUSES],
  );
  return rows.map((row) => row.id);
}
