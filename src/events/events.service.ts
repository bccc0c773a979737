import { Injectable } from '@nestjs/common';
import { cameToAMeetingSql, firstMeetingCameToSql } from '../meetings/came-to-meeting';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { Actor, isStaff, Role, StaffActor } from '../auth/actor';
import { fiscalYearOf } from '../common/japan/fiscal-year';
import { normalizeTags } from '../common/japan/tags';
import { formatTokyoDateTime, formatTokyoJapanese } from '../common/time/tokyo-time';
import { MicroBatch } from '../common/batching/micro-batch';
import { keysetPage, MAX_PAGE_SIZE, PageArgs } from '../common/pagination/keyset-page';
import { OrganizationsService } from '../organizations/organizations.service';
import { AddMatchmakingSessionInput } from './dto/add-matchmaking-session.input';
import { CreateEventInput } from './dto/create-event.input';
import { EventFilter } from './dto/event-filter.input';
import { UpdateEventInput } from './dto/update-event.input';
import { isOpenToAll, managesEvent, organisesEvent } from './event-access';
import { EventChanges, movedBy, summarizeChange } from './event-changes';
import { countsInFiscalYearReportSql } from './counts-in-fiscal-year-report';
import { EventStatus, EventVisibility, SessionMode } from './event-enums';
import { Event } from './event.entity';
import { assertEventRules } from './event-rules';
import { EDITABLE_EVENT_STATUSES, EVENT_TRANSITIONS } from './event-status';
import { EventErrorCode, EventErrors } from './events.errors';
import { awaitsGrid, revertRefusal, slotGridStates } from './slot-grid-state';
import {
  COUNTED_REGISTRATION_STATUSES,
  NO_REGISTRATIONS,
  RegistrationCounts,
  seatsLeft,
} from './registration-counts';
import { registrationWindow } from './registration-window';
import { ApplicationState, hasPublicPage } from './event-public-page';
import { isUuid } from '../common/validation/uuid';
import { AppError } from '../common/errors/app-error';
import { MatchmakingSession } from './matchmaking-session.entity';
import { allLocked, PEOPLE_CHANGED, withPeopleLocked } from '../participants/participant-store';

const RELATIONS = { organization: true, coHosts: true, sessions: true } as const;

/**
 * Whom the change listeners tell of an event's new status, by the status of their registration:
 * a cancelled event's 開催中止 goes to everyone holding or waiting for a seat and to the invitees
 * (CancelledEventListener), a draft published confirms the seats and places on the waiting list
 * staff prepared (RegistrationsService.confirmDraftRegistrations). Closing writes nobody an email:
 * its 欠席 change their registrations, whose foreign keys lock nobody.
 */
const TOLD_OF_TRANSITIONS: Partial<Record<EventStatus, readonly string[]>> = {
  [EventStatus.CANCELLED]: ['INVITED', 'REGISTERED', 'WAITLISTED', 'ATTENDED'],
  [EventStatus.PUBLISHED]: ['REGISTERED', 'WAITLISTED'],
};

/**
 * Whom an update may tell of itself: a new time or place everyone holding or waiting for a seat
 * and the invitees (ChangedEventListener), a new 申込締切 the invitees (InvitationDeadlineListener),
 * more seats those they move up from the waiting list (RegistrationsService.promoteFromWaitlist).
 */
const TOLD_OF_UPDATES: readonly string[] = ['INVITED', 'REGISTERED', 'WAITLISTED', 'ATTENDED'];

@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly changes: EventChanges,
  ) {}

  private get events() {
    return this.dataSource.getRepository(Event);
  }

  /** Counts per event, one query for every event of a list (Event.registrationCounts, seatsLeft). */
  private readonly countsByEvent = new MicroBatch(
    async (eventIds: string[]) => {
      const counts = await this.registrationCounts(eventIds);
      return eventIds.map((id) => counts.get(id) ?? NO_REGISTRATIONS);
    },
    { maxSize: MAX_PAGE_SIZE, maxRunning: 2 },
  );

  /** Whether each event counts in its 年度's report, one query for every event of a list. */
  private readonly countedInYear = new MicroBatch(
    async (eventIds: string[]) => {
      const counted = await this.countedInFiscalYearReport(eventIds);
      return eventIds.map((id) => counted.has(id));
    },
    { maxSize: MAX_PAGE_SIZE, maxRunning: 2 },
  );

  /** Whether each event awaits a grid, one query for every event of a list (see awaitingGrid). */
  private readonly gridsAwaited = new MicroBatch(
    async (eventIds: string[]) => {
      const states = await slotGridStates(this.dataSource.manager, eventIds);
      return eventIds.map((id) => {
        const state = states.get(id);
        return state !== undefined && awaitsGrid(state);
      });
    },
    { maxSize: MAX_PAGE_SIZE, maxRunning: 2 },
  );

  /** A new draft; pass `manager` to create it inside the caller's transaction (a mini-salon accepted). */
  async create(
    actor: StaffActor,
    input: CreateEventInput,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Event> {
    // Staff create for their own organisation; naming another is refused rather than ignored, so
    // nobody believes they created an event for an organisation they do not belong to.
    if (actor.role !== Role.ADMIN && input.organizationId && input.organizationId !== actor.organizationId) {
      throw EventErrors.otherOrganization();
    }
    const organizationId = actor.role === Role.ADMIN ? input.organizationId : actor.organizationId;
    if (!organizationId) throw EventErrors.notManaged();
    await this.organizations.get(organizationId, 'organizationId', manager);
    const coHosts = await this.coHosts(manager, organizationId, input.coHostIds ?? []);
    const event = this.events.create({
      organizationId,
      coHosts,
      kind: input.kind,
      title: input.title.trim(),
      titleEn: input.titleEn?.trim() || null,
      description: input.description?.trim() ?? '',
      descriptionEn: input.descriptionEn?.trim() || null,
      themes: normalizeTags(input.themes ?? []),
      venue: input.venue?.trim() || null,
      venueEn: input.venueEn?.trim() || null,
      onlineUrl: input.onlineUrl?.trim() || null,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      registrationOpensAt: input.registrationOpensAt ?? null,
      registrationClosesAt: input.registrationClosesAt ?? null,
      capacity: input.capacity ?? null,
      visibility: input.visibility ?? EventVisibility.PUBLIC,
      status: EventStatus.DRAFT,
      fiscalYear: fiscalYearOf(input.startsAt),
    });
    assertEventRules(event);
    const saved = await manager.save(event);
    return manager.findOneOrFail(Event, { where: { id: saved.id }, relations: RELATIONS });
  }

  /**
   * Under the event's row lock, with the change listeners in the same transaction (seats added move
   * the waitlist up, a new time or place is told to everyone signed up), the people they may write
   * to locked before it (lockSignedUpAndEvent).
   */
  async update(actor: Actor, id: string, input: UpdateEventInput): Promise<Event> {
    await this.lockSignedUpAndEvent(actor, id, TOLD_OF_UPDATES, async (manager) => {
      const event = await manager.findOneOrFail(Event, { where: { id }, relations: RELATIONS });
      if (!EDITABLE_EVENT_STATUSES.includes(event.status)) throw EventErrors.notEditable(event.status);
      const before = { ...event };
      const { coHostIds, themes, ...fields } = input;
      const changes: Partial<Event> = Object.fromEntries(
        Object.entries(fields).filter(([, value]) => value !== undefined),
      ) as Partial<Event>;
      if (themes) changes.themes = normalizeTags(themes);
      if (coHostIds) {
        // Who co-hosts decides who else may read the event's participants: the organiser's call.
        if (!organisesEvent(actor, event)) throw EventErrors.coHostsByOrganizer();
        changes.coHosts = await this.coHosts(manager, event.organizationId, coHostIds);
      }
      // As on create: a venue given again with a stray space is the same venue, not a change.
      if (typeof fields.venue === 'string') changes.venue = fields.venue.trim() || null;
      if (typeof fields.titleEn === 'string') changes.titleEn = fields.titleEn.trim() || null;
      if (typeof fields.venueEn === 'string') changes.venueEn = fields.venueEn.trim() || null;
      if (typeof fields.descriptionEn === 'string')
        changes.descriptionEn = fields.descriptionEn.trim() || null;
      // A new venue with no English for it: English readers get the new one in Japanese rather
      // than the old one in English.
      if (changes.venue !== undefined && changes.venue !== event.venue && fields.venueEn === undefined) {
        changes.venueEn = null;
      }
      // The same for a new title: an English one kept would name the event as it was.
      if (changes.title !== undefined && changes.title !== event.title && fields.titleEn === undefined) {
        changes.titleEn = null;
      }
      // And for a new description: the English one kept would describe the event as it was.
      if (
        changes.description !== undefined &&
        changes.description !== event.description &&
        fields.descriptionEn === undefined
      ) {
        changes.descriptionEn = null;
      }
      if (typeof fields.onlineUrl === 'string') changes.onlineUrl = fields.onlineUrl.trim() || null;
      const merged = this.events.merge(event, changes);
      // merge adds the given co-hosts to those the event has and never takes one out.
      if (changes.coHosts) merged.coHosts = changes.coHosts;
      merged.fiscalYear = fiscalYearOf(merged.startsAt);
      // A new time or place is a new version of the event: the people it was sent to have it on
      // their calendars or in their inbox (a draft's invitees, and those who accepted, too).
      const { schedule, place } = summarizeChange(before, merged);
      if (schedule || place) merged.sequence = before.sequence + 1;
      assertEventRules(merged);
      if (event.status === EventStatus.PUBLISHED) assertNotMovedIntoPast(before, merged);
      await this.moveSessions(manager, merged, movedBy(before, merged));
      await this.assertSessionsInside(manager, merged);
      await manager.save(merged);
      await this.changes.updated(manager, before, merged);
    });
    return this.get(id);
  }

  /**
   * Runs `write`, a change to the event as a whole, with the people signed up for the event with
   * `statuses` locked before the event (withPeopleAndEventLocked): those its listeners tell of the
   * change, by emails (outbox rows) that point at them. Someone signed up, or a registration moved
   * to a profile kept by a merge, after the people were read and before the event was locked starts
   * the transaction again with them; later ones wait for the event.
   */
  private lockSignedUpAndEvent<T>(
    actor: Actor,
    id: string,
    statuses: readonly string[],
    write: (manager: EntityManager, event: Event) => Promise<T>,
  ): Promise<T> {
    return this.withPeopleAndEventLocked(
      actor,
      id,
      (manager) => peopleSignedUp(manager, id, statuses),
      write,
    );
  }

  /**
   * Runs `write` under the event's row lock (lockManaged), having locked before it (the lock order
   * in participant-store.ts) the rows of the people `peopleOf` reads: those `write` writes rows
   * pointing at, such as the emails (outbox rows) of a change to the event, of a schedule published
   * (AgendaService.publish) or of おすすめ sent (SuggestionDigestsService.send). An erasure or a
   * merge of one of them, which holds the person and then waits for the event, is then either done
   * first or waits for this, where otherwise each would wait for the other (a deadlock, which
   * Postgres answers by failing one of them). `peopleOf` is read again under the event's lock, and
   * anyone it names then who was not locked (written in between by a writer that holds the event)
   * starts the transaction again with them (withPeopleLocked). An event's thousands of people are
   * locked in one id-ordered statement (lockPeople), FOR KEY SHARE as their foreign keys would lock
   * them: only an erasure or a merge of one of them waits for it. Nothing is written before the
   * actor is found to manage the event.
   */
  withPeopleAndEventLocked<T>(
    actor: Actor | null,
    id: string,
    peopleOf: (manager: EntityManager) => Promise<string[]>,
    write: (manager: EntityManager, event: Event) => Promise<T>,
  ): Promise<T> {
    return withPeopleLocked(this.dataSource, peopleOf, async (manager, locked) => {
      const event = await this.lockManaged(manager, actor, id);
      if (!allLocked(locked, await peopleOf(manager))) return PEOPLE_CHANGED;
      return write(manager, event);
    });
  }

  /**
   * An event moved to another day (see movedBy) takes its 商談枠 along; the meetings in them
   * follow in the meetings module's listener. One row at a time, the farthest along the move
   * first, so no session overlaps another on its way (the exclusion constraint checks each row as
   * it is written). A removed 商談枠 (not loaded) stays where it was, with the meetings cancelled
   * in it: history keeps the time that was planned, as for a meeting cancelled in one in use.
   */
  private async moveSessions(manager: EntityManager, event: Event, shiftMs: number): Promise<void> {
    if (shiftMs === 0) return;
    const sessions = [...(event.sessions ?? [])].sort(
      (a, b) => (b.startsAt.getTime() - a.startsAt.getTime()) * Math.sign(shiftMs),
    );
    for (const session of sessions) {
      session.startsAt = new Date(session.startsAt.getTime() + shiftMs);
      await manager.update(MatchmakingSession, session.id, { startsAt: session.startsAt });
    }
  }

  /**
   * Otherwise 商談枠 and the meetings placed in them keep their times when the event's times
   * change: an edit that would leave one outside the event is refused, naming the side it falls
   * out of, rather than leave people booked for a time the event no longer covers.
   */
  private async assertSessionsInside(manager: EntityManager, event: Event): Promise<void> {
    const outside = (event.sessions ?? [])
      .filter((session) => session.startsAt < event.startsAt || sessionEnd(session) > event.endsAt)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
    if (!outside) return;
    // Meetings live in their own module; one indexed count keeps the modules apart.
    const [{ meetings }]: { meetings: number }[] = await manager.query(
      `SELECT count(*)::int AS meetings FROM meetings WHERE session_id = $1 AND status <> 'CANCELLED'`,
      [outside.id],
    );
    throw EventErrors.sessionOutsideNewTime(
      outside.startsAt < event.startsAt ? 'startsAt' : 'endsAt',
      `商談枠${describeSession(outside, true).replace(/^既存の商談枠/, '')}`,
      meetings,
    );
  }

  /**
   * publish / close / cancel: one transition of the status table, under a row lock, with those
   * the change listeners tell of it locked before (lockSignedUpAndEvent). Closing can record as 欠席
   * everyone still 参加登録済, i.e. not checked in at the desk (`markNotCheckedInAbsent`).
   */
  async transition(
    actor: Actor,
    id: string,
    to: EventStatus,
    { markNotCheckedInAbsent = false }: { markNotCheckedInAbsent?: boolean } = {},
  ): Promise<Event> {
    await this.lockSignedUpAndEvent(actor, id, TOLD_OF_TRANSITIONS[to] ?? [], async (manager, event) => {
      if (!EVENT_TRANSITIONS.can(event.status, to)) throw EventErrors.invalidTransition(event.status, to);
      // Closing is for after the day: a closed event can no longer be edited or cancelled, and its
      // figures count in reports, so a future one closed by mistake would be stuck.
      if (to === EventStatus.CLOSED && Date.now() < event.startsAt.getTime())
        throw EventErrors.notStarted(formatTokyoJapanese(event.startsAt));
      // Nor in the middle of the day: meetings still to come would stay 予定 in a closed event,
      // and the survey would thank people who have meetings ahead.
      if (to === EventStatus.CLOSED) {
        const [ahead]: { count: number; last: Date }[] = await manager.query(
          `SELECT count(*)::int AS count, max(starts_at) AS last FROM meetings
            WHERE event_id = $1 AND status = 'SCHEDULED' AND starts_at > now()`,
          [id],
        );
        if (ahead.count > 0) throw EventErrors.meetingsAhead(ahead.count, formatTokyoJapanese(ahead.last));
      }
      const publishedAt = new Date();
      await manager.update(Event, id, {
        status: to,
        ...(to === EventStatus.PUBLISHED ? { publishedAt } : {}),
        // Called off: a new version of the calendar entry, which the 開催中止 email's CANCEL carries.
        ...(to === EventStatus.CANCELLED ? { sequence: event.sequence + 1 } : {}),
      });
      if (to === EventStatus.CANCELLED) await this.changes.cancelled(manager, event);
      if (to === EventStatus.PUBLISHED)
        await this.changes.published(manager, { ...event, status: to, publishedAt });
      if (to === EventStatus.CLOSED && markNotCheckedInAbsent) {
        // Not checked in, but at a meeting already recorded as taking place: they came.
        await manager.query(
          `UPDATE registrations r SET status = 'ATTENDED', checked_in_at = ${firstMeetingCameToSql('r')}, updated_at = now()
            WHERE r.event_id = $1 AND r.status = 'REGISTERED' AND ${cameToAMeetingSql('r')}`,
          [id],
        );
        await manager.query(
          `UPDATE registrations SET status = 'NO_SHOW', updated_at = now()
            WHERE event_id = $1 AND status = 'REGISTERED'`,
          [id],
        );
      }
    });
    return this.get(id);
  }

  async addSession(actor: Actor, input: AddMatchmakingSessionInput): Promise<Event> {
    const event = await this.getManaged(actor, input.eventId);
    if (!EDITABLE_EVENT_STATUSES.includes(event.status)) throw EventErrors.notEditable(event.status);
    const mode = input.mode ?? SessionMode.TABLES;
    if (mode === SessionMode.TABLES && !input.tableCount) throw EventErrors.sessionTablesRequired();
    const endsAt = new Date(input.startsAt.getTime() + input.slotMinutes * input.slotCount * 60_000);
    if (input.startsAt < event.startsAt || endsAt > event.endsAt) {
      const fitting =
        input.startsAt < event.startsAt
          ? null
          : Math.floor((event.endsAt.getTime() - input.startsAt.getTime()) / (input.slotMinutes * 60_000));
      throw EventErrors.sessionOutsideEvent({ startsAt: input.startsAt, endsAt }, event, fitting);
    }
    await this.dataSource.transaction(async (manager) => {
      // Under the event lock, so two sessions added at once cannot both pass the overlap check.
      await this.lockManaged(manager, null, event.id);
      const sessions = await manager.findBy(MatchmakingSession, { eventId: event.id });
      const { name } = input;
      const sameName = name ? sessions.find((session) => sameSessionName(session.name, name)) : undefined;
      if (sameName) throw EventErrors.sessionNameTaken(describeSession(sameName));
      const overlapping = sessions.find(
        (session) => session.startsAt < endsAt && input.startsAt < sessionEnd(session),
      );
      if (overlapping) throw EventErrors.sessionOverlap(describeSession(overlapping));
      await manager.save(MatchmakingSession, {
        eventId: event.id,
        name: input.name ?? '',
        startsAt: input.startsAt,
        slotMinutes: input.slotMinutes,
        slotCount: input.slotCount,
        mode,
        tableCount: mode === SessionMode.TABLES ? (input.tableCount ?? null) : null,
      });
    });
    return this.get(event.id);
  }

  /**
   * Takes away a 商談枠 added by mistake: a session with live meetings in it is refused, naming it
   * and saying how many, since those people were (or will be) told to come then; staff move them
   * first. Meetings cancelled in it stay as they were, history (キャンセル in the reports, lines of
   * the CSVs and of exportMyData, each naming the session and its time): the session is kept for
   * them, marked removed (MatchmakingSession.removedAt), and is out of everything to come — the
   * event's sessions, scheduling runs, placing and moving meetings, the freed-slot offer.
   */
  async removeSession(actor: Actor, sessionId: string): Promise<Event> {
    const session = await this.dataSource.manager.findOneBy(MatchmakingSession, { id: sessionId });
    if (!session) throw EventErrors.sessionNotFound(sessionId);
    const event = await this.getManaged(actor, session.eventId, () => EventErrors.sessionNotFound(sessionId));
    if (!EDITABLE_EVENT_STATUSES.includes(event.status)) throw EventErrors.notEditable(event.status);
    await this.dataSource.transaction(async (manager) => {
      // Under the event lock, as placing or moving a meeting and a scheduling run's writing take it;
      // and the session's own, which every writer of a meeting takes to write into it (giving a
      // freed slot at a table takes that one only).
      await this.lockManaged(manager, null, event.id);
      const locked = await manager.findOne(MatchmakingSession, {
        where: { id: session.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!locked) throw EventErrors.sessionNotFound(sessionId);
      // Meetings live in their own module; one indexed count keeps the modules apart.
      const [{ live }]: { live: number }[] = await manager.query(
        `SELECT count(*)::int AS live FROM meetings
          WHERE event_id = $1 AND session_id = $2 AND status <> 'CANCELLED'`,
        [event.id, session.id],
      );
      if (live > 0)
        throw EventErrors.sessionHasMeetings(describeSession(session).replace(/^既存の商談枠/, ''), live);
      await manager.softDelete(MatchmakingSession, session.id);
    });
    return this.get(event.id);
  }

  /**
   * Makes an event given 商談枠 by mistake (a salon, where people meet as they mingle) one without
   * 商談枠 again, once staff removed them all. Until then such an event counts as one whose grid is
   * being built again (withoutSlots): an agreement waits for a slot. Here staff say no grid is
   * coming: its removed sessions are given up (MatchmakingSession.givenUpAt, kept for their
   * meetings' history), and the meetings module makes the agreements still waiting meetings at the
   * venue and tells whoever was told a time would follow (EventChanges.withoutSessions). Refused
   * while a 商談枠 is in use (remove it first) or a meeting is placed in a slot (removal refuses a
   * session with one, so only data changed by hand gets there), and for a 商談会, which has its
   * meetings in slots by nature. One that never had 商談枠, or was
   * made one again already, is left as it is. Event.canRevertToNoMatchmakingSessions tells staff
   * when it would change the event (awaitsGrid), from the same state it decides on.
   */
  async revertToNoSessions(actor: Actor, eventId: string): Promise<Event> {
    // The two sides of every agreement waiting for a slot before the event (the lock order in
    // participant-store.ts): the meetings at the venue and the agendas written for them point at
    // them, and an erasure or a merge of one of them locks the person before the event.
    // Under the event lock, as adding and removing a session, placing a meeting and a scheduling
    // run's writing take it; an answer to a request takes it shared before deciding whether the
    // meeting is at the venue, so none agreed meanwhile is left waiting for a grid. One agreed
    // before the lock, with someone not locked yet, starts it again with them.
    const sides = (manager: EntityManager) => sidesWaitingForASlot(manager, eventId);
    await this.withPeopleAndEventLocked(actor, eventId, sides, async (manager, event) => {
      // What Event.canRevertToNoMatchmakingSessions reads, read here under the lock.
      const state = (await slotGridStates(manager, [eventId])).get(eventId)!;
      switch (revertRefusal(state)) {
        case EventErrorCode.NOT_EDITABLE:
          throw EventErrors.notEditable(state.status);
        case EventErrorCode.MATCHING_HAS_SLOTS:
          throw EventErrors.matchingHasSlots();
        case EventErrorCode.HAS_SESSIONS: {
          const [first] = await manager.find(MatchmakingSession, {
            where: { eventId },
            order: { startsAt: 'ASC' },
            take: 1,
          });
          throw EventErrors.hasSessions(
            describeSession(first).replace(/^既存の商談枠/, ''),
            state.sessions - 1,
          );
        }
        case EventErrorCode.MEETINGS_IN_SLOTS:
          throw EventErrors.meetingsInSlots(state.meetingsInSlots);
      }
      const [, givenUp]: [unknown, number] = await manager.query(
        `UPDATE matchmaking_sessions SET given_up_at = now()
          WHERE event_id = $1 AND removed_at IS NOT NULL AND given_up_at IS NULL`,
        [eventId],
      );
      if (givenUp > 0) await this.changes.withoutSessions(manager, event);
      return undefined;
    });
    return this.get(eventId);
  }

  /**
   * revertToNoMatchmakingSessions would make the event one without 商談枠 now: it decides on the
   * same state (slotGridStates, revertRefusal), read here for a page of events at once
   * (Event.canRevertToNoMatchmakingSessions).
   */
  awaitingGrid(eventId: string): Promise<boolean> {
    return this.gridsAwaited.add(eventId);
  }

  async get(id: string): Promise<Event> {
    const event = await this.events.findOne({ where: { id }, relations: RELATIONS });
    if (!event) throw EventErrors.notFound(id);
    return event;
  }

  /**
   * The event as the actor may see it. Published public events are open to all; drafts only to
   * the organising side; published invite-only events to staff (the shared calendar shows them)
   * and to the participants on their list. Anyone else is told it does not exist.
   */
  async getVisible(actor: Actor, id: string): Promise<Event> {
    const event = await this.get(id);
    if (!(await this.maySee(this.dataSource.manager, actor, event))) throw EventErrors.notFound(id);
    return event;
  }

  /**
   * A published public event for its public page, with where its 参加のお申込 stands; null for
   * anything else (a malformed id too), which the page answers as "not found", telling nothing.
   */
  async publicPage(id: string): Promise<{ event: Event; application: ApplicationState } | null> {
    const event = isUuid(id) ? await this.events.findOne({ where: { id }, relations: RELATIONS }) : null;
    if (!event || !hasPublicPage(event)) return null;
    const counts = (await this.registrationCounts([id])).get(id) ?? NO_REGISTRATIONS;
    return {
      event,
      application: {
        window: registrationWindow(event),
        full: seatsLeft(event, counts) === 0,
      },
    };
  }

  /**
   * The event, if the actor's organisation runs or co-hosts it. One the actor may see but not run
   * (another organisation's published event, on the shared calendar) is 主催・共催していない; one
   * they may not even see is not found, as getVisible says, so that no id tells a hidden event apart.
   * A caller that came to the event through another row (a meeting, a run) passes that row's own
   * not-found as `hidden`: the row is then as missing as the event, and the event's id stays unsaid.
   */
  async getManaged(actor: Actor, id: string, hidden?: () => AppError): Promise<Event> {
    const event = await this.get(id);
    await this.assertManages(this.dataSource.manager, actor, event, hidden);
    return event;
  }

  /**
   * Locks the event row for the rest of the transaction (capacity and status changes serialise on
   * it). After any person's row the transaction locks, never before (the lock order in
   * participant-store.ts).
   */
  async lockManaged(
    manager: EntityManager,
    actor: Actor | null,
    id: string,
    hidden?: () => AppError,
  ): Promise<Event> {
    const locked = await manager.findOne(Event, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!locked) throw EventErrors.notFound(id);
    if (actor) {
      const coHosts = await manager.createQueryBuilder().relation(Event, 'coHosts').of(id).loadMany();
      await this.assertManages(manager, actor, { ...locked, coHosts }, hidden);
    }
    return locked;
  }

  /**
   * Refused unless the actor's organisation runs or co-hosts the event (with its coHosts loaded):
   * as not managed where the actor may see the event, else as not found (see getManaged).
   */
  async assertManages(
    manager: EntityManager,
    actor: Actor,
    event: Event,
    hidden: () => AppError = () => EventErrors.notFound(event.id),
  ): Promise<void> {
    if (managesEvent(actor, event)) return;
    if (await this.maySee(manager, actor, event)) throw EventErrors.notManaged();
    throw hidden();
  }

  /**
   * Whether the actor may see the event (getVisible's rule). `event` carries its coHosts; the
   * participant's list is read through `manager`, so a caller holding the event's lock reads it
   * in its transaction.
   */
  async maySee(manager: EntityManager, actor: Actor, event: Event): Promise<boolean> {
    if (isOpenToAll(event) || managesEvent(actor, event)) return true;
    if (event.status === EventStatus.DRAFT) return false;
    if (isStaff(actor)) return true;
    // Registrations live in their own module; a single indexed lookup keeps the modules apart.
    const listed: unknown[] = await manager.query(
      'SELECT 1 FROM registrations WHERE event_id = $1 AND participant_id = $2',
      [event.id, actor.participantId],
    );
    return listed.length > 0;
  }

  /**
   * Staff see their organisation's events (run or co-hosted) in every status; participants see
   * published public events. Ordered by start time.
   */
  list<N>(actor: Actor, filter: EventFilter | undefined, page: PageArgs, toNode: (event: Event) => N) {
    const query = this.events
      .createQueryBuilder('event')
      .leftJoinAndSelect('event.organization', 'organization')
      .leftJoinAndSelect('event.coHosts', 'coHost')
      .leftJoinAndSelect('event.sessions', 'session');
    if (isStaff(actor) && actor.role !== Role.ADMIN) {
      query.andWhere(
        new Brackets((where) =>
          where
            .where('event.organizationId = :org', { org: actor.organizationId })
            .orWhere(
              'EXISTS (SELECT 1 FROM event_co_hosts ch WHERE ch.event_id = event.id AND ch.organization_id = :org)',
            ),
        ),
      );
    } else if (!isStaff(actor)) {
      query.andWhere('event.status IN (:...open)', { open: [EventStatus.PUBLISHED, EventStatus.CLOSED] });
      query.andWhere('event.visibility = :public', { public: EventVisibility.PUBLIC });
    }
    this.applyFilter(query, filter);
    return keysetPage(query, 'event.startsAt', page, toNode);
  }

  /**
   * Registration counts of each event, for the events export and the Event type. Registrations
   * belong to their own module (which depends on this one), so this reads them in SQL: one grouped
   * query keeps a list a fixed cost however many events it holds.
   */
  async registrationCounts(eventIds: string[]): Promise<Map<string, RegistrationCounts>> {
    if (eventIds.length === 0) return new Map();
    const rows: (RegistrationCounts & { event_id: string })[] = await this.dataSource.query(
      `SELECT event_id,
              count(*) FILTER (WHERE status = ANY($2))::int AS registrations,
              count(*) FILTER (WHERE status IN ('REGISTERED', 'ATTENDED'))::int AS registered,
              count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted,
              count(*) FILTER (WHERE status = 'ATTENDED')::int AS attended,
              count(*) FILTER (WHERE status = 'NO_SHOW')::int AS absent,
              count(*) FILTER (WHERE status = 'INVITED')::int AS invited
         FROM registrations WHERE event_id = ANY($1) GROUP BY event_id`,
      [eventIds, COUNTED_REGISTRATION_STATUSES],
    );
    return new Map(rows.map(({ event_id, ...counts }) => [event_id, counts]));
  }

  registrationCountsOf(eventId: string): Promise<RegistrationCounts> {
    return this.countsByEvent.add(eventId);
  }

  /**
   * Which of the events the 年度実績報告 of their organiser and co-hosts counts as of now
   * (countsInFiscalYearReportSql, the report's own rule): for events.csv's 年度実績に計上, in one
   * statement for them all.
   */
  async countedInFiscalYearReport(eventIds: string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT e.id FROM events e WHERE e.id = ANY($1) AND ${countsInFiscalYearReportSql('e')}`,
      [eventIds],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** The same for one event of a list, read with the rest of its page (Event.countsInFiscalYearReport). */
  countsInFiscalYearReport(eventId: string): Promise<boolean> {
    return this.countedInYear.add(eventId);
  }

  /** The shared calendar: every organisation's published events in [from, to). */
  calendar(from: Date, to: Date, includeInviteOnly: boolean): Promise<Event[]> {
    const query = this.events
      .createQueryBuilder('event')
      .leftJoinAndSelect('event.organization', 'organization')
      .leftJoinAndSelect('event.coHosts', 'coHost')
      .leftJoinAndSelect('event.sessions', 'session')
      .where('event.status = :published', { published: EventStatus.PUBLISHED })
      .andWhere('event.endsAt > :from AND event.startsAt < :to', { from, to })
      .orderBy('event.startsAt', 'ASC')
      .addOrderBy('event.id', 'ASC');
    if (!includeInviteOnly) query.andWhere('event.visibility = :public', { public: EventVisibility.PUBLIC });
    return query.getMany();
  }

  private applyFilter(query: ReturnType<typeof this.events.createQueryBuilder>, filter?: EventFilter) {
    if (filter?.status) query.andWhere('event.status = :status', { status: filter.status });
    if (filter?.kind) query.andWhere('event.kind = :kind', { kind: filter.kind });
    if (filter?.fiscalYear) query.andWhere('event.fiscalYear = :fy', { fy: filter.fiscalYear });
    if (filter?.from) query.andWhere('event.endsAt > :from', { from: filter.from });
    if (filter?.to) query.andWhere('event.startsAt < :to', { to: filter.to });
  }

  private async coHosts(manager: EntityManager, organizationId: string, ids: string[]) {
    if (ids.includes(organizationId)) throw EventErrors.selfCoHost();
    return this.organizations.getMany([...new Set(ids)], 'coHostIds', manager);
  }
}

/**
 * A published event's people are told of every new time (日時変更), so a new start or end must lie
 * ahead. Drafts may lie in the past: an organisation enters last year's events for its reports.
 */
function assertNotMovedIntoPast(before: Event, after: Event): void {
  const now = Date.now();
  for (const field of ['startsAt', 'endsAt'] as const) {
    if (after[field].getTime() !== before[field].getTime() && after[field].getTime() < now)
      throw EventErrors.movedIntoPast(field, formatTokyoJapanese(after[field]));
  }
}

function sessionEnd(session: Pick<MatchmakingSession, 'startsAt' | 'slotMinutes' | 'slotCount'>): Date {
  return new Date(session.startsAt.getTime() + session.slotMinutes * session.slotCount * 60_000);
}

/** 「午前の部」 and 「午前の部 」 or 「午前の部」 in full-width spaces are one name to whoever reads them. */
function sameSessionName(a: string, b: string): boolean {
  const key = (name: string) => name.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();
  return key(a) === key(b);
}

/**
 * 「午前の部」（10:00〜11:20）: how the organiser recognises the session in the way; with its day
 * (「午前の部」（2026年12月1日(火) 10:00〜11:20）) when the event's date is what is changing.
 */
function describeSession(session: MatchmakingSession, withDay = false): string {
  const time = (instant: Date) => formatTokyoDateTime(instant).slice(11);
  const start = withDay ? formatTokyoJapanese(session.startsAt) : time(session.startsAt);
  const range = `（${start}〜${time(sessionEnd(session))}）`;
  return session.name ? `「${session.name}」${range}` : `既存の商談枠${range}`;
}

/**
 * The people on either side of an agreement at the event still waiting for a slot (accepted, with
 * no meeting but called-off ones), for withPeopleLocked: those EventChanges.withoutSessions makes
 * meet at the venue. Meetings live in their own module; one indexed read keeps the modules apart.
 */
async function sidesWaitingForASlot(manager: EntityManager, eventId: string): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT DISTINCT unnest(ARRAY[r.from_participant_id, r.to_participant_id]) AS id
       FROM meeting_requests r
      WHERE r.event_id = $1 AND r.status = 'ACCEPTED'
        AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.request_id = r.id AND m.status <> 'CANCELLED')`,
    [eventId],
  );
  return rows.map((row) => row.id);
}

/**
 * The people signed up for the event with a registration in one of `statuses`, for
 * lockSignedUpAndEvent. Registrations live in their own module; one indexed read keeps the
 * modules apart.
 */
async function peopleSignedUp(
  manager: EntityManager,
  eventId: string,
  statuses: readonly string[],
): Promise<string[]> {
  if (statuses.length === 0) return [];
  const rows: { id: string }[] = await manager.query(
    'SELECT participant_id AS id FROM registrations WHERE event_id = $1 AND status = ANY($2)',
    [eventId, statuses],
  );
  return rows.map((row) => row.id);
}
