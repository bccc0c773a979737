import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { eventTitleFor } from '../events/event-title';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { ActionTokenErrors } from '../action-tokens/action-tokens.errors';
import { Actor, isStaff, Role } from '../auth/actor';
import { Event } from '../events/event.entity';
import { boothsOnly } from '../events/booths-only';
import { MatchmakingSession } from '../events/matchmaking-session.entity';
import { EventStatus } from '../events/event-enums';
import { EventsService } from '../events/events.service';
import { OutboxService } from '../mail/outbox.service';
import { languageOf } from '../participants/participant-kind';
import { lockPeople, lockSelfAgainstErasure, withPeopleLocked } from '../participants/participant-store';
import { nameShownToOthers } from '../participants/participant-label';
import { Participant } from '../participants/participant.entity';
import { ProfileIntroduction, profileIntroduction } from '../participants/profile-summary';
import { Registration } from '../registrations/registration.entity';
import { EventRole, SEATED } from '../registrations/registration-enums';
import { agreementEmailKeys, MeetingMailTemplate } from './mail/meeting-mail-templates';
import { Meeting } from './meeting.entity';
import {
  AcceptanceMode,
  CAPPED_REQUEST_STATUSES,
  MEETING_REQUEST_TRANSITIONS,
  MeetingRequestCancelReason,
  MeetingRequestStatus,
  MeetingStatus,
  OPEN_REQUEST_STATUSES,
  RequestStanding,
} from './meeting-enums';
import { MeetingRequest } from './meeting-request.entity';
import { MeetingSettingsService } from './meeting-settings.service';
import { AgendaService } from './agenda.service';
import { calledOffEmails, MeetingsService, requestSides } from './meetings.service';
import { isUniqueViolation } from '../common/errors/unique-violation';
import { MAX_MESSAGE_LENGTH, MeetingErrors } from './meetings.errors';
import { isUuid } from '../common/validation/uuid';
import { ConnectionShape } from '../common/pagination/connection';
import { keysetPage, PageArgs } from '../common/pagination/keyset-page';
import { joinMeetingParty } from './meeting-party-join';

/** What the page behind an email link shows before the recipient presses a button. */
export interface MeetingRequestPreview {
  locale: 'ja' | 'en';
  recipientName: string;
  /**
   * The requester as the request's email named them: as their profile does, or, for a request
   * asked from a profile merged since into the one they have now (名寄せ), as that profile did then.
   * Null once the requester is erased (their company went with the erasure): named to nobody.
   */
  requesterName: string | null;
  requesterCompany: string | null;
  /** Who the requester is, as their request email says it; null once they are erased. */
  requesterProfile: ProfileIntroduction | null;
  message: string;
  eventTitle: string;
  status: MeetingRequestStatus;
  /** It had been answered: a cancelled one was an agreed meeting called off, not a request taken back. */
  answered: boolean;
  /**
   * Withdrawn by a merge (名寄せ) as the second open request between the same two people: nobody
   * took it back, it goes on as the other one. Null otherwise, and once the requester is erased
   * (named to nobody, their requests withdrawn with them).
   */
  joined: JoinedRequest | null;
}

/** What the page of a request a merge withdrew says (MeetingRequestPreview.joined). */
export interface JoinedRequest {
  /** Whose two profiles were joined: the requester's, or the reader's (the person asked). */
  reason: MeetingRequestCancelReason;
  /** The request it goes on as, as the reader knows it; null if that one is gone. */
  continuedAs: ContinuedRequest | null;
}

/** The request that stayed, seen by the reader of the link of the one a merge withdrew. */
export interface ContinuedRequest {
  /**
   * It asks the reader too, from the same requester: the reader answers it from this link. Else
   * it is the reader's own request to that person.
   */
  asksReader: boolean;
  /** The other person: its requester as its email named them, or the one the reader asked. */
  otherName: string;
  otherCompany: string | null;
  /** Who its requester is, for the reader deciding (null for the reader's own request). */
  requesterProfile: ProfileIntroduction | null;
  message: string;
  status: MeetingRequestStatus;
  answered: boolean;
}

export interface MeetingRequestAnswer {
  request: MeetingRequest;
  /** False when the same answer had already been given. */
  changed: boolean;
}

/**
 * 面談申込: asking, answering (in the app or from the email), withdrawing. Every change writes its
 * emails to the outbox in the same transaction.
 */
@Injectable()
export class MeetingRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly settings: MeetingSettingsService,
    private readonly outbox: OutboxService,
    private readonly tokens: ActionTokensService,
    private readonly meetings: MeetingsService,
    private readonly agenda: AgendaService,
  ) {}

  /**
   * `fromParticipantId` asks `toParticipantId` to meet at the event. Both must hold a seat
   * (REGISTERED or ATTENDED), and the person asked must agree to matchmaking now; one open request
   * per pair (either direction, enforced by a unique index); the event's cap on outgoing requests
   * applies. Under AUTO_ACCEPT the request is agreed at once. Used by the GraphQL mutation and by the
   * suggestion digest's link.
   *
   * When the other person has already asked and is waiting for an answer, asking back is saying
   * yes: their request is accepted exactly as `respond(…, true)` would (same checks, same emails),
   * and that request is the answer, with `fromParticipantId` the other person.
   */
  async requestMeeting(
    fromParticipantId: string,
    eventId: string,
    toParticipantId: string,
    message?: string | null,
  ): Promise<MeetingRequest> {
    if (!isUuid(toParticipantId)) throw MeetingErrors.recipientNotRegistered();
    if (!isUuid(eventId)) throw MeetingErrors.requesterNotRegistered();
    if (fromParticipantId === toParticipantId) throw MeetingErrors.selfRequest();
    const text = messageText(message);

    const id = await this.dataSource.transaction(async (manager) => {
      // The two people first, before the event (the lock order in participant-store.ts): the
      // request, its email and a meeting agreed at once point at them. An erasure or a merge of
      // either is waited for, and the seats read below are as it left them. The requester's row
      // then as for a write of their own: their message is not left behind an erasure of them
      // (see lockSelfAgainstErasure).
      await lockPeople(manager, [fromParticipantId, toParticipantId]);
      await lockSelfAgainstErasure(manager, fromParticipantId);
      // Shared lock: cancelling the event (which locks it for update) waits for this request, or
      // this request sees the event cancelled; never a new request on an event called off.
      const event = await manager.findOne(Event, {
        where: { id: eventId },
        lock: { mode: 'pessimistic_read' },
      });
      // An event the requester may not see (a draft, another's invite-only event) is answered as
      // a missing one: not registered there, rather than whether it is open.
      const requester: Actor = {
        kind: 'participant',
        participantId: fromParticipantId,
        role: Role.PARTICIPANT,
      };
      if (!event || !(await this.events.maySee(manager, requester, event)))
        throw MeetingErrors.requesterNotRegistered();
      if (event.status !== EventStatus.PUBLISHED) throw MeetingErrors.eventNotOpen();
      // The requester's seat row, locked: one requester's requests are counted one at a time.
      const seats = await manager.find(Registration, {
        where: { eventId, participantId: In([fromParticipantId, toParticipantId]), status: In(SEATED) },
        lock: { mode: 'pessimistic_write' },
        order: { id: 'ASC' },
      });
      if (!seats.some((seat) => seat.participantId === fromParticipantId))
        throw MeetingErrors.requesterNotRegistered();
      if (!seats.some((seat) => seat.participantId === toParticipantId))
        throw MeetingErrors.recipientNotRegistered();
      // At a 商談会 buyers meet sellers, as the matching suggests them: two of a side is a wasted table.
      const [fromRole, toRole] = [fromParticipantId, toParticipantId].map(
        (id) => seats.find((seat) => seat.participantId === id)!.role,
      );
      if (fromRole === toRole && (fromRole === EventRole.BUYER || fromRole === EventRole.SELLER))
        throw MeetingErrors.sameSide(fromRole);
      if (
        !seats.some((seat) => seat.booth) &&
        boothsOnly(
          await manager.find(MatchmakingSession, { select: { id: true, mode: true }, where: { eventId } }),
        )
      )
        throw MeetingErrors.noBoothBetween();

      const settings = await this.settings.get(manager, eventId);
      await this.expireStale(manager, eventId);
      // The seat rows locked above serialise two people asking each other at the same moment: the
      // second finds the first's request here. An acceptance is no new request, so no cap applies.
      const theirs = await manager.findOne(MeetingRequest, {
        where: {
          eventId,
          fromParticipantId: toParticipantId,
          toParticipantId: fromParticipantId,
          status: MeetingRequestStatus.PENDING,
        },
        lock: { mode: 'pessimistic_write' },
      });
      // Their request is the answer; what was typed for the new one goes with it as the reply.
      if (theirs) return (await this.answer(manager, theirs, true, text)).request.id;
      // Asked only while they agree to matchmaking: one who withdrew (or never agreed) is reached by
      // no new request, from the app or a digest's link. Answering their own request (above) is not
      // asking them; staff may still place a meeting by hand. Read without a lock: a withdrawal at
      // this very moment leaves one more pending request, like those already pending when it came.
      const recipient = await manager.findOne(Participant, {
        select: { id: true, consentMatchmaking: true },
        where: { id: toParticipantId },
      });
      if (!recipient?.consentMatchmaking) throw MeetingErrors.recipientNotAccepting();
      if (settings.maxRequestsPerParticipant !== null) {
        const sent = await manager.countBy(MeetingRequest, {
          eventId,
          fromParticipantId,
          status: In(CAPPED_REQUEST_STATUSES),
        });
        if (sent >= settings.maxRequestsPerParticipant)
          throw MeetingErrors.capReached(settings.maxRequestsPerParticipant);
      }

      // The unique index decides races; this check only spares the common case a failed INSERT.
      const open = await manager.count(MeetingRequest, {
        where: [
          { eventId, fromParticipantId, toParticipantId, status: In(OPEN_REQUEST_STATUSES) },
          {
            eventId,
            fromParticipantId: toParticipantId,
            toParticipantId: fromParticipantId,
            status: In(OPEN_REQUEST_STATUSES),
          },
        ],
      });
      if (open > 0) throw MeetingErrors.duplicate();
      // A 見送り holds for the rest of the event: the same person does not ask again (from a
      // digest's link, say). The one who declined may still ask them.
      const declined = await manager.existsBy(MeetingRequest, {
        eventId,
        fromParticipantId,
        toParticipantId,
        status: MeetingRequestStatus.DECLINED,
      });
      if (declined) throw MeetingErrors.declinedBefore();

      const auto = settings.acceptanceMode === AcceptanceMode.AUTO_ACCEPT;
      const expiresAt =
        settings.requestExpiryHours !== null
          ? new Date(Math.min(Date.now() + settings.requestExpiryHours * 3_600_000, event.endsAt.getTime()))
          : event.endsAt;
      let request: MeetingRequest;
      try {
        request = await manager.save(
          manager.create(MeetingRequest, {
            eventId,
            fromParticipantId,
            toParticipantId,
            message: text,
            status: auto ? MeetingRequestStatus.ACCEPTED : MeetingRequestStatus.PENDING,
            autoAccepted: auto,
            respondedAt: auto ? new Date() : null,
            expiresAt,
          }),
        );
      } catch (error) {
        if (isUniqueViolation(error, 'uq_meeting_requests_open_pair')) throw MeetingErrors.duplicate();
        throw error;
      }
      if (auto) await this.meetings.meetAtVenue(manager, request);
      // Under AUTO_ACCEPT nobody is asked: both sides are told the meeting is agreed.
      await this.outbox.enqueue(
        manager,
        auto
          ? [this.agreedEmail(request), this.outcomeEmail(request)]
          : [
              {
                key: agreementEmailKeys.request(request.id),
                template: MeetingMailTemplate.REQUEST,
                participantId: toParticipantId,
                eventId,
                transactional: true,
                params: { requestId: request.id },
              },
            ],
      );
      return request.id;
    });
    return this.get(id);
  }

  /**
   * The recipient answers in the app. The two people's rows first, before the event's (the lock
   * order in participant-store.ts): the answer's emails and a meeting agreed at the venue point at
   * them (withPeopleLocked, which follows a merge committed meanwhile).
   */
  async respond(
    actor: Actor,
    id: string,
    accept: boolean,
    message?: string | null,
  ): Promise<MeetingRequestAnswer> {
    const reply = messageText(message);
    if (!isUuid(id)) throw MeetingErrors.requestNotFound(id);
    return withPeopleLocked(this.dataSource, requestSides(id), async (manager) => {
      await this.lockEventOf(manager, id);
      const request = await this.lock(manager, id);
      if (actor.kind !== 'participant' || actor.participantId !== request.toParticipantId)
        throw MeetingErrors.notRecipient();
      return this.answer(manager, request, accept, reply);
    });
  }

  /**
   * The recipient answers from the email link (the token names the request). The two people's
   * rows first, as `respond` takes them, then the link's: an erasure locks the person, then their
   * events and requests, then deletes their links.
   */
  async respondByToken(rawToken: string, accept: boolean, message?: string): Promise<MeetingRequestAnswer> {
    const reply = messageText(message);
    const sidesOf = async (manager: EntityManager) => {
      const link = await this.tokens.find(manager, TokenPurpose.MEETING_RESPONSE, rawToken);
      return link ? requestSides(link.subjectId)(manager) : [];
    };
    return withPeopleLocked(this.dataSource, sidesOf, async (manager) => {
      const token = await this.tokens.resolve(manager, TokenPurpose.MEETING_RESPONSE, rawToken);
      await this.lockEventOf(manager, token.subjectId);
      const request = await manager.findOne(MeetingRequest, {
        where: { id: token.subjectId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request) throw ActionTokenErrors.invalid();
      const answer = await this.answer(
        manager,
        (await this.continuationAskingTheSame(manager, request)) ?? request,
        accept,
        reply,
      );
      await this.tokens.markUsed(manager, token);
      return answer;
    });
  }

  /**
   * The request that one a merge withdrew goes on as, locked, when it is between the same two
   * people the same way round: the link of the one withdrawn was sent to the person it asks, and
   * answers it (as a link of a registration that went acts on the one that stayed). Null otherwise.
   */
  private async continuationAskingTheSame(
    manager: EntityManager,
    request: MeetingRequest,
  ): Promise<MeetingRequest | null> {
    if (request.status !== MeetingRequestStatus.CANCELLED || !request.cancelReason || !request.continuedAsId)
      return null;
    const next = await manager.findOne(MeetingRequest, {
      where: { id: request.continuedAsId },
      lock: { mode: 'pessimistic_write' },
    });
    return next?.fromParticipantId === request.fromParticipantId &&
      next.toParticipantId === request.toParticipantId
      ? next
      : null;
  }

  /** For the page behind the email link: reads, changes nothing. */
  async preview(rawToken: string): Promise<MeetingRequestPreview> {
    const manager = this.dataSource.manager;
    const token = await this.tokens.resolve(manager, TokenPurpose.MEETING_RESPONSE, rawToken, {
      lock: false,
    });
    const request = await manager.findOne(MeetingRequest, {
      where: { id: token.subjectId },
      relations: {
        event: true,
        fromParticipant: { company: true },
        toParticipant: true,
        requestedAs: true,
      },
    });
    if (!request) throw ActionTokenErrors.invalid();
    const locale = languageOf(request.toParticipant);
    const requesterName = nameShownToOthers(request.fromParticipant);
    // Asked from a profile staff merged since, and emailed before the merge: the email named them
    // as that profile did, and the reader knows the request by that name. A withdrawn one above
    // all: the same person's request from the kept profile may still stand, under its own name.
    const requester = requesterAsAsked(request, token.createdAt);
    return {
      locale,
      recipientName: request.toParticipant.name,
      requesterName: requesterName === null ? null : requester.name,
      requesterCompany: requester.company,
      requesterProfile: requesterName === null ? null : profileIntroduction(request.fromParticipant, locale),
      message: request.message,
      eventTitle: eventTitleFor(request.event, locale),
      status: effectiveStatus(request),
      answered: request.respondedAt !== null,
      joined:
        request.status === MeetingRequestStatus.CANCELLED && request.cancelReason && requesterName !== null
          ? {
              reason: request.cancelReason,
              continuedAs: request.continuedAsId
                ? await this.continuedAs(manager, request, request.continuedAsId, locale)
                : null,
            }
          : null,
    };
  }

  /**
   * The request that one a merge withdrew goes on as, for the page of the withdrawn one's link:
   * the same requester's to the reader, or the reader's own to the requester.
   */
  private async continuedAs(
    manager: EntityManager,
    withdrawn: MeetingRequest,
    id: string,
    locale: 'ja' | 'en',
  ): Promise<ContinuedRequest | null> {
    const request = await manager.findOne(MeetingRequest, {
      where: { id },
      relations: { fromParticipant: { company: true }, toParticipant: { company: true }, requestedAs: true },
    });
    if (!request) return null;
    const asksReader = request.toParticipantId === withdrawn.toParticipantId;
    // Its requester as its email named them (emailed before any merge since, as it was asked
    // before the merge that withdrew the other); the one the reader asked, as now on file.
    const other = asksReader
      ? requesterAsAsked(request, request.createdAt)
      : { name: request.toParticipant.name, company: request.toParticipant.company?.name ?? null };
    return {
      asksReader,
      otherName: other.name,
      otherCompany: other.company,
      requesterProfile: asksReader ? profileIntroduction(request.fromParticipant, locale) : null,
      message: asksReader ? request.message : '',
      status: effectiveStatus(request),
      answered: request.respondedAt !== null,
    };
  }

  /** The standing of MeetingRequestPort: what is between the two at the event, as it reads now. */
  async standing(eventId: string, participantId: string, otherId: string): Promise<RequestStanding | null> {
    const requests = await this.dataSource.getRepository(MeetingRequest).find({
      where: [
        {
          eventId,
          fromParticipantId: participantId,
          toParticipantId: otherId,
          status: In([...OPEN_REQUEST_STATUSES, MeetingRequestStatus.DECLINED]),
        },
        {
          eventId,
          fromParticipantId: otherId,
          toParticipantId: participantId,
          status: In(OPEN_REQUEST_STATUSES),
        },
      ],
    });
    const read = requests.map((request) => ({
      status: effectiveStatus(request),
      mine: request.fromParticipantId === participantId,
    }));
    if (read.some(({ status }) => status === MeetingRequestStatus.ACCEPTED)) return 'AGREED';
    const pending = read.filter(({ status }) => status === MeetingRequestStatus.PENDING);
    if (pending.some(({ mine }) => mine)) return 'ASKED';
    if (pending.length > 0) return 'ASKED_BY_THEM';
    if (read.some(({ status }) => status === MeetingRequestStatus.DECLINED)) return 'DECLINED';
    return null;
  }

  /** The agreedAtTheVenue of MeetingRequestPort: of the one agreed request the pair may have. */
  async agreedAtTheVenue(eventId: string, participantId: string, otherId: string): Promise<boolean> {
    const manager = this.dataSource.manager;
    const agreed = await manager.findOne(MeetingRequest, {
      select: { id: true },
      where: [
        {
          eventId,
          fromParticipantId: participantId,
          toParticipantId: otherId,
          status: MeetingRequestStatus.ACCEPTED,
        },
        {
          eventId,
          fromParticipantId: otherId,
          toParticipantId: participantId,
          status: MeetingRequestStatus.ACCEPTED,
        },
      ],
    });
    return agreed !== null && (await this.agenda.agreedAtTheVenue(manager, agreed.id));
  }

  /**
   * Withdraws a request: the requester (while pending), either side (once accepted), or the
   * event's organiser. A meeting already placed for it is cancelled with it. The two people's rows
   * first, then the event's, then the request's (the lock order in participant-store.ts), as an
   * answer takes them: the event's cancellation and revertToNoMatchmakingSessions hold the event
   * before its requests, so a withdrawal meanwhile waits for them rather than holding the request
   * they withdraw or meet at the venue next (a deadlock, which Postgres answers by failing one of
   * them). The request's before its meeting's, as the meeting called off takes them
   * (MeetingsService.cancel), and as a placement share-locks it before it writes a meeting
   * (MeetingsService.place, offerFreedSlot): one placed meanwhile is committed and called off here,
   * or waits and finds the request withdrawn. The request is read once locked: answered, or
   * withdrawn with the event or its meeting, meanwhile.
   */
  async cancel(actor: Actor, id: string): Promise<MeetingRequest> {
    if (!isUuid(id)) throw MeetingErrors.requestNotFound(id);
    const freed = await withPeopleLocked(this.dataSource, requestSides(id), async (manager) => {
      if (isStaff(actor)) await this.lockManagedEventOf(manager, actor, id);
      else await this.lockEventOf(manager, id);
      const request = await this.lock(manager, id);
      assertSideMayCancel(actor, request);
      if (request.status === MeetingRequestStatus.CANCELLED) return null;
      if (!MEETING_REQUEST_TRANSITIONS.can(request.status, MeetingRequestStatus.CANCELLED))
        throw MeetingErrors.invalidRequestTransition(request.status);
      const live = await manager.findOne(Meeting, {
        where: { requestId: id, status: MeetingStatus.SCHEDULED },
        lock: { mode: 'pessimistic_write' },
      });
      if (live) return this.meetings.cancelLocked(manager, live);
      const happened = await manager.findOne(Meeting, {
        where: { requestId: id, status: In([MeetingStatus.HELD, MeetingStatus.NO_SHOW]) },
      });
      if (happened) throw MeetingErrors.meetingHappened(happened.status);
      await manager.update(MeetingRequest, id, { status: MeetingRequestStatus.CANCELLED });
      // Agreed and waiting for a time: both sides were told it was on (面談成立), so both hear it is
      // off. A request withdrawn unanswered needs no email: the link in it says it is withdrawn.
      if (request.status === MeetingRequestStatus.ACCEPTED)
        await this.outbox.enqueue(
          manager,
          calledOffEmails({
            eventId: request.eventId,
            requestId: request.id,
            participantAId: request.fromParticipantId,
            participantBId: request.toParticipantId,
          }),
        );
      return null;
    });
    if (freed) await this.meetings.offerFreedSlot(freed);
    return this.get(id);
  }

  async get(id: string): Promise<MeetingRequest> {
    const request = await this.dataSource.getRepository(MeetingRequest).findOne({
      where: { id },
      relations: { fromParticipant: { company: true }, toParticipant: { company: true } },
    });
    if (!request) throw MeetingErrors.requestNotFound(id);
    return request;
  }

  /** A participant's requests at an event, sent and received, newest first. */
  async listMine(participantId: string, eventId: string): Promise<MeetingRequest[]> {
    return this.dataSource.getRepository(MeetingRequest).find({
      where: [
        { eventId, fromParticipantId: participantId },
        { eventId, toParticipantId: participantId },
      ],
      relations: { fromParticipant: { company: true }, toParticipant: { company: true } },
      order: { createdAt: 'DESC' },
    });
  }

  /** Every request of an event, for its organiser, oldest first. */
  async listForEvent<N>(
    actor: Actor,
    eventId: string,
    status: MeetingRequestStatus | null | undefined,
    page: PageArgs,
    toNode: (request: MeetingRequest) => N,
  ): Promise<ConnectionShape<N>> {
    await this.events.getManaged(actor, eventId);
    const query = this.eventRequests(eventId);
    if (status) query.andWhere(effectiveStatusIs(status), { status });
    return keysetPage(query, 'request.createdAt', page, toNode);
  }

  /**
   * Agreed meetings with no live meeting behind them, oldest first: at an event without 商談枠 the
   * pair meets at the venue at a time of their own; at one with them, the schedule has not placed
   * them (yet). The floor sheet lists them after the placed meetings.
   */
  async listAgreedWithoutMeeting<N>(
    actor: Actor,
    eventId: string,
    page: PageArgs,
    toNode: (request: MeetingRequest) => N,
  ): Promise<ConnectionShape<N>> {
    await this.events.getManaged(actor, eventId);
    const query = this.eventRequests(eventId)
      .andWhere('request.status = :accepted', { accepted: MeetingRequestStatus.ACCEPTED })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM meetings m WHERE m.request_id = request.id AND m.status <> '${MeetingStatus.CANCELLED}')`,
      );
    return keysetPage(query, 'request.createdAt', page, toNode);
  }

  /** An event's requests with both sides as the lists show them (joinMeetingParty). */
  private eventRequests(eventId: string): SelectQueryBuilder<MeetingRequest> {
    const query = this.dataSource.getRepository(MeetingRequest).createQueryBuilder('request');
    joinMeetingParty(query, 'request.fromParticipant', 'fromParticipant', 'fromCompany');
    joinMeetingParty(query, 'request.toParticipant', 'toParticipant', 'toCompany');
    return query.where('request.eventId = :eventId', { eventId });
  }

  /**
   * Two requests that cross, found by a merge (名寄せ) that made one person of the requester of one
   * and the person asked by the other: each had asked the other. They end as asking back ends
   * (requestMeeting): the one asked first, `requestId`, is accepted with the other's message as
   * the reply, the meeting at the venue where there is no schedule, and the emails of an
   * acceptance, in the caller's transaction. The caller has withdrawn the other one, and found
   * this one still to be answered (pending, before its deadline, at a published event).
   */
  async acceptCrossed(manager: EntityManager, requestId: string, reply: string): Promise<void> {
    const request = await manager.findOneOrFail(MeetingRequest, {
      where: { id: requestId },
      lock: { mode: 'pessimistic_write' },
    });
    await this.answer(manager, request, true, reply);
  }

  private async answer(
    manager: EntityManager,
    request: MeetingRequest,
    accept: boolean,
    reply = '',
  ): Promise<MeetingRequestAnswer> {
    const to = accept ? MeetingRequestStatus.ACCEPTED : MeetingRequestStatus.DECLINED;
    if (request.status === to) return { request, changed: false };
    if (effectiveStatus(request) === MeetingRequestStatus.EXPIRED) throw MeetingErrors.expired();
    if (!MEETING_REQUEST_TRANSITIONS.can(request.status, to))
      throw MeetingErrors.invalidRequestTransition(request.status);
    const event = await manager.findOneBy(Event, { id: request.eventId });
    if (event?.status !== EventStatus.PUBLISHED) throw MeetingErrors.eventNotOpen();
    await manager.update(MeetingRequest, request.id, { status: to, respondedAt: new Date(), reply });
    if (accept) await this.meetings.meetAtVenue(manager, request);
    await this.outbox.enqueue(manager, [
      this.outcomeEmail(request),
      ...(accept ? [this.agreedEmail(request)] : []),
    ]);
    return { request: { ...request, status: to }, changed: true };
  }

  /** To the person asked, once the meeting is agreed (MeetingAgreedComposer). */
  private agreedEmail(request: Pick<MeetingRequest, 'id' | 'eventId' | 'toParticipantId'>) {
    return {
      key: agreementEmailKeys.agreed(request.id),
      template: MeetingMailTemplate.AGREED,
      participantId: request.toParticipantId,
      eventId: request.eventId,
      transactional: true,
      params: { requestId: request.id },
    };
  }

  /** To the requester: agreed, declined, or expired unanswered (MeetingOutcomeComposer). */
  private outcomeEmail(request: Pick<MeetingRequest, 'id' | 'eventId' | 'fromParticipantId'>) {
    return {
      key: agreementEmailKeys.outcome(request.id),
      template: MeetingMailTemplate.OUTCOME,
      participantId: request.fromParticipantId,
      eventId: request.eventId,
      transactional: true,
      params: { requestId: request.id },
    };
  }

  /**
   * Share-locks the event of a request before the request itself is locked: an answer or a
   * withdrawal and the event's cancellation (event for update, then its requests) take the two in
   * the same order, so they run one after the other, and an answer never lands on an event that
   * was called off.
   */
  private async lockEventOf(manager: EntityManager, requestId: string): Promise<void> {
    const eventId = await this.eventIdOf(manager, requestId);
    if (eventId) await manager.findOne(Event, { where: { id: eventId }, lock: { mode: 'pessimistic_read' } });
  }

  /**
   * Locks the event of a request that staff withdraw, before the request, if they run or co-host
   * it: a request of another organisation's event is as missing as the event.
   */
  private async lockManagedEventOf(manager: EntityManager, actor: Actor, requestId: string): Promise<void> {
    const eventId = await this.eventIdOf(manager, requestId);
    if (eventId)
      await this.events.lockManaged(manager, actor, eventId, () => MeetingErrors.requestNotFound(requestId));
  }

  private async eventIdOf(manager: EntityManager, requestId: string): Promise<string | null> {
    const request = await manager.findOne(MeetingRequest, {
      where: { id: requestId },
      select: { id: true, eventId: true },
    });
    return request?.eventId ?? null;
  }

  private async lock(manager: EntityManager, id: string): Promise<MeetingRequest> {
    if (!isUuid(id)) throw MeetingErrors.requestNotFound(id);
    const request = await manager.findOne(MeetingRequest, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!request) throw MeetingErrors.requestNotFound(id);
    return request;
  }

  /**
   * The sweep (MeetingRequestExpiryProcessor): every pending request past its deadline becomes
   * EXPIRED, a few hundred per transaction, and its requester is told. Answers how many expired.
   */
  async expireDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const expired = await this.dataSource.transaction((manager) => this.expireStale(manager));
      total += expired;
      if (expired < EXPIRY_BATCH) return total;
    }
  }

  /**
   * Pending requests past their deadline become EXPIRED (they free the pair and the cap), with
   * an email to each requester written in the same transaction while the event is still on (a
   * request left unanswered until the event's end is not news afterwards). The sweep expires them
   * on time; a new request at the event expires its overdue ones first, so the cap counts right
   * even between two sweeps.
   */
  private async expireStale(manager: EntityManager, eventId?: string): Promise<number> {
    // One event's are few and all must go now; the sweep takes everyone's in batches. SKIP
    // LOCKED: a request being answered at this moment is left to that answer.
    const rows: (Pick<MeetingRequest, 'id' | 'eventId' | 'fromParticipantId'> & { eventOn: boolean })[] =
      await manager.query(
        `WITH expired AS (
           UPDATE meeting_requests SET status = 'EXPIRED', updated_at = now()
            WHERE id IN (SELECT id FROM meeting_requests
                          WHERE status = 'PENDING' AND expires_at <= now() AND ($1::uuid IS NULL OR event_id = $1)
                          LIMIT ${eventId ? 'ALL' : EXPIRY_BATCH}
                          FOR UPDATE SKIP LOCKED)
            RETURNING id, event_id, from_participant_id)
         SELECT expired.id, expired.event_id AS "eventId", expired.from_participant_id AS "fromParticipantId",
                events.ends_at > now() AS "eventOn"
           FROM expired JOIN events ON events.id = expired.event_id`,
        [eventId ?? null],
      );
    await this.outbox.enqueue(
      manager,
      rows.filter((request) => request.eventOn).map((request) => this.outcomeEmail(request)),
    );
    return rows.length;
  }
}

const EXPIRY_BATCH = 500;

/**
 * effectiveStatus as SQL on the alias `request`, for `:status`: the list filtered by 期限切れ holds
 * the requests a sweep has not yet reached, and the one filtered by 回答待ち leaves them out.
 */
function effectiveStatusIs(status: MeetingRequestStatus): string {
  const pastDeadline = `request.status = '${MeetingRequestStatus.PENDING}' AND request.expiresAt IS NOT NULL
    AND request.expiresAt <= now()`;
  if (status === MeetingRequestStatus.PENDING) return `(request.status = :status AND NOT (${pastDeadline}))`;
  if (status === MeetingRequestStatus.EXPIRED) return `(request.status = :status OR (${pastDeadline}))`;
  return 'request.status = :status';
}

/** A pending request past its deadline reads as EXPIRED even before a sweep writes it. */
export function effectiveStatus(request: Pick<MeetingRequest, 'status' | 'expiresAt'>): MeetingRequestStatus {
  if (
    request.status === MeetingRequestStatus.PENDING &&
    request.expiresAt &&
    request.expiresAt.getTime() <= Date.now()
  )
    return MeetingRequestStatus.EXPIRED;
  return request.status;
}

/**
 * The requester as a request's email named them: as the profile it was asked from did, when staff
 * have merged that profile since and the email went out before the merge (`emailedAt`); else as
 * their profile does now. Expects fromParticipant (with company) and requestedAs loaded.
 */
function requesterAsAsked(
  request: MeetingRequest,
  emailedAt: Date,
): { name: string; company: string | null } {
  const asked = request.requestedAs;
  return asked?.name && emailedAt < asked.mergedAt
    ? { name: asked.name, company: asked.companyName }
    : { name: request.fromParticipant.name, company: request.fromParticipant.company?.name ?? null };
}

/**
 * A participant withdraws only a request of their own: while pending, one they asked (the person
 * asked declines it instead); once accepted, either side. Staff's right comes with the event's
 * lock (lockManagedEventOf).
 */
function assertSideMayCancel(actor: Actor, request: MeetingRequest): void {
  if (isStaff(actor)) return;
  const side = [request.fromParticipantId, request.toParticipantId].includes(actor.participantId);
  if (!side) throw MeetingErrors.notASide();
  if (request.status === MeetingRequestStatus.PENDING && actor.participantId !== request.fromParticipantId)
    throw MeetingErrors.notASide();
}

/** A request's or an answer's message as kept: trimmed, within MAX_MESSAGE_LENGTH (else refused). */
function messageText(message: string | null | undefined): string {
  const text = (message ?? '').trim();
  if (text.length > MAX_MESSAGE_LENGTH) throw MeetingErrors.messageTooLong();
  return text;
}
