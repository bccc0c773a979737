import { meetingsCameToCountSql } from '../meetings/came-to-meeting';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { Actor, isStaff, Role } from '../auth/actor';
import { AppError, InputError } from '../common/errors/app-error';
import { startOfTokyoDay } from '../common/japan/tokyo-day';
import { formatTokyoJapanese, formatTokyoJapaneseDay } from '../common/time/tokyo-time';
import { keysetPage, PageArgs } from '../common/pagination/keyset-page';
import { ConnectionShape } from '../common/pagination/connection';
import { EventStatus, EventVisibility } from '../events/event-enums';
import { Event } from '../events/event.entity';
import { EventsService } from '../events/events.service';
import { registrationWindow } from '../events/registration-window';
import { EventErrors } from '../events/events.errors';
import { Participant } from '../participants/participant.entity';
import { allLocked, lockPeople, PEOPLE_CHANGED, withPeopleLocked } from '../participants/participant-store';
import { ParticipantErrors } from '../participants/participants.errors';
import { ParticipantsService } from '../participants/participants.service';
import { changeNoticeParams, EventChanges } from '../events/event-changes';
import {
  confirmOnPublish,
  confirmsNow,
  registrationConfirmation,
} from '../invitations/registration-confirmation.composer';
import { invitationKey } from '../invitations/invitation-key';
import { invitationsNotSent } from '../invitations/invitations-not-sent';
import { OutboxStatus } from '../mail/outbox-status';
import { OutboxRequest, OutboxService } from '../mail/outbox.service';
import { ownCancellation } from './mail/own-cancellation.composer';
import { isCancelledHolding, registrationCancelled } from './mail/registration-cancelled.composer';
import { WAITLIST_PROMOTED_TEMPLATE } from './mail/waitlist-promoted.composer';
import { RegistrationCancellations } from './registration-cancellations';
import { normalizeBooth, sameBooth } from './booth-label';
import { Registration } from './registration.entity';
import {
  COUNTED_AGAINST_CAPACITY,
  EventRole,
  REGISTRATION_TRANSITIONS,
  RegistrationStatus,
  SEATED,
} from './registration-enums';
import { seatForNewcomer, seatsFree } from './seat-availability';
import { RegistrationErrors } from './registrations.errors';
import { SeatsGiven } from './seats-given';

/**
 * A registration as the staff list shows it: for one still INVITED, whether its invitation email
 * could not be sent (null for the others).
 */
/**
 * How a booth change is refused: by default as staff changing a booth (updateRegistration) read it;
 * a caller that changes a booth on its own account (a merge) says it in its own terms. `from` is
 * the booth the meetings were placed at, `to` the one the person would have.
 */
export interface BoothRefusals {
  hasMeetings(from: string | null, to: string | null): AppError;
  taken(booth: string, holder: string): AppError;
}

const BOOTH_CHANGE_REFUSALS: BoothRefusals = {
  hasMeetings: () => RegistrationErrors.boothHasMeetings(),
  taken: (booth, holder) => RegistrationErrors.boothTaken(booth, holder),
};

export type ListedRegistration = Registration & { invitationNotSent: boolean | null };

export interface SeatRequest {
  role?: EventRole;
  booth?: string | null;
}

/** Who someone is at the event and where they stand; left out stays, `booth: null` removes it. */
export interface RegistrationChange {
  role?: EventRole;
  booth?: string | null;
}

/** Registrations whose role and booth staff may still change: everyone but those who left. */
const EDITABLE: RegistrationStatus[] = [
  RegistrationStatus.INVITED,
  RegistrationStatus.REGISTERED,
  RegistrationStatus.WAITLISTED,
  RegistrationStatus.ATTENDED,
  RegistrationStatus.NO_SHOW,
];

@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly participants: ParticipantsService,
    private readonly cancellations: RegistrationCancellations,
    private readonly outbox: OutboxService,
    private readonly tokens: ActionTokensService,
    changes: EventChanges,
    private readonly seatsGiven: SeatsGiven,
  ) {
    changes.register({
      published: (manager, event) => this.confirmDraftRegistrations(manager, event),
      updated: (manager, before, after) => this.moveLinkExpiry(manager, before, after),
      reseated: async (manager, before, after) => {
        if (after.capacity === before.capacity) return;
        // Fewer seats than people holding one would leave the event over capacity with nobody
        // told whose seat is gone: refused (the whole update rolls back), the organiser decides.
        if (after.capacity !== null) {
          const seated = await manager.countBy(Registration, {
            eventId: after.id,
            status: In(COUNTED_AGAINST_CAPACITY),
          });
          if (seated > after.capacity) throw EventErrors.capacityBelowRegistered(seated);
        }
        // More seats (or no limit any more): the waitlist moves up at once, in order, until the
        // event starts (nextOnWaitlist).
        // Moved up by an edit that also moves the event or its venue (a new version): their
        // 繰り上げ email tells them so, and ChangedEventListener sends them no 日時変更 beside it.
        if (after.capacity === null || after.capacity > (before.capacity ?? Infinity))
          await this.promoteFromWaitlist(
            manager,
            after,
            after.sequence !== before.sequence ? changeNoticeParams(before, after) : {},
          );
      },
    });
  }

  /**
   * A draft's registrations were not confirmed as they were made (`confirmsNow`): staff prepare
   * the list before the event goes out. Publishing confirms each seat and place on the waiting
   * list held now, in the publishing transaction. A confirmation a draft wrote before that rule
   * (and skipped as having nothing to send) goes again, since nobody had it.
   */
  private async confirmDraftRegistrations(manager: EntityManager, event: Event): Promise<void> {
    const registrations = await manager.find(Registration, {
      select: { id: true, participantId: true, eventId: true, status: true },
      where: {
        eventId: event.id,
        status: In([RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED]),
      },
    });
    const confirmations = confirmOnPublish(registrations);
    const { existing } = await this.outbox.enqueue(manager, confirmations);
    await this.outbox.reopenSkipped(manager, existing);
  }

  /**
   * Cancel links work until the event starts and invitation links until it ends: when those times
   * move, the links in emails already sent move with them.
   */
  private async moveLinkExpiry(manager: EntityManager, before: Event, after: Event): Promise<void> {
    const startMoved = before.startsAt.getTime() !== after.startsAt.getTime();
    const endMoved = before.endsAt.getTime() !== after.endsAt.getTime();
    if (!startMoved && !endMoved) return;
    const rows: { id: string }[] = await manager.query('SELECT id FROM registrations WHERE event_id = $1', [
      after.id,
    ]);
    const ids = rows.map((row) => row.id);
    await this.tokens.moveExpiry(
      manager,
      TokenPurpose.REGISTRATION_CANCEL,
      ids,
      before.startsAt,
      after.startsAt,
    );
    await this.tokens.moveExpiry(manager, TokenPurpose.INVITATION_RESPONSE, ids, before.endsAt, after.endsAt);
  }

  /**
   * A participant registers themself, or staff of the organising side register someone. Either way
   * the seat is decided under the event's row lock, so parallel requests for the last seats queue
   * up and the ones that find the event full are waitlisted. Role and booth are the organiser's to
   * give: staff registering someone who already holds a seat or waits set them on that registration
   * (as updateRegistration does); a participant may only repeat the ones they have.
   */
  async register(
    actor: Actor,
    eventId: string,
    participantId: string | undefined,
    seat: SeatRequest,
  ): Promise<{ registration: Registration; placementsRemoved: number | null }> {
    const bySelf = actor.kind === 'participant';
    if (bySelf && participantId && participantId !== actor.participantId) throw RegistrationErrors.notYours();
    const who = bySelf ? actor.participantId : participantId;
    if (!who) throw new InputError('participantId', '登録する参加者を指定してください');
    if (!bySelf) await this.participants.get(who);
    // Someone who may not see the event (a draft, an invite-only event they are not on the list
    // of) is told it does not exist, as `event` tells them, not why they cannot register.
    if (bySelf) await this.events.getVisible(actor, eventId);
    const { registration, placementsRemoved } = await this.dataSource.transaction((manager) =>
      this.registerIn(manager, actor, eventId, who, seat),
    );
    return { registration: await this.get(registration.id), placementsRemoved: placementsRemoved ?? null };
  }

  /**
   * A participant registers themself, in the caller's transaction: the same way as `register`, for
   * a caller whose own change must commit with the registration (an application link is used up
   * by the registration it makes). Answers whether this call gave the seat or the place on the
   * waiting list, rather than finding one they already held.
   */
  registerSelf(
    manager: EntityManager,
    participantId: string,
    eventId: string,
  ): Promise<{ registration: Registration; changed: boolean }> {
    const actor: Actor = { kind: 'participant', participantId, role: Role.PARTICIPANT };
    return this.registerIn(manager, actor, eventId, participantId, {});
  }

  private async registerIn(
    manager: EntityManager,
    actor: Actor,
    eventId: string,
    who: string,
    seat: SeatRequest,
  ): Promise<{ registration: Registration; changed: boolean; placementsRemoved?: number }> {
    const bySelf = actor.kind === 'participant';
    // The person before the event (see lockPeople): merged away while this waited, they are
    // no longer there to register, as after the merge; erased, meanwhile or before, they get no
    // seat back.
    if (!(await lockPeople(manager, [who])).has(who)) throw ParticipantErrors.notFound(who, 'participantId');
    const person = await manager.findOneOrFail(Participant, {
      select: { id: true, erasedAt: true },
      where: { id: who },
    });
    if (person.erasedAt) throw ParticipantErrors.erased();
    const event = await this.events.lockManaged(manager, bySelf ? null : actor, eventId);
    const existing = await manager.findOneBy(Registration, { eventId, participantId: who });
    if (bySelf) {
      this.assertOpenForSelfRegistration(event, existing);
      this.assertNoRoleOrBoothOfTheirOwn(existing, seat);
    } else if (![EventStatus.DRAFT, EventStatus.PUBLISHED].includes(event.status)) {
      throw RegistrationErrors.eventNotOpen();
    }
    if (!bySelf && existing && [...SEATED, RegistrationStatus.WAITLISTED].includes(existing.status)) {
      const { placementsRemoved } = await this.applyChange(manager, existing, seat);
      return { registration: existing, changed: false, placementsRemoved };
    }
    const was = existing?.status ?? null;
    const seated = await this.requestSeat(manager, event, who, existing, seat);
    const changed = seated.status !== was;
    if (changed && confirmsNow(event, seated.status))
      await this.outbox.enqueue(manager, [registrationConfirmation(seated, seated.status, was)]);
    return { registration: seated, changed };
  }

  /**
   * Staff of the organising side (or a co-host) set someone's role at the event (at a 商談会, who
   * buys and who sells) and their booth. Suggestions already made stay until the next matching
   * run, which reads the new role; the next scheduling run reads the new booth.
   */
  async update(
    actor: Actor,
    registrationId: string,
    change: RegistrationChange,
  ): Promise<{ registration: Registration; placementsRemoved: number }> {
    if (change.role === undefined && change.booth === undefined) throw RegistrationErrors.nothingToChange();
    const { placementsRemoved } = await this.dataSource.transaction(async (manager) => {
      const { registration } = await this.lockRegistration(manager, registrationId, actor);
      return this.applyChange(manager, registration, change);
    });
    return { registration: await this.get(registrationId), placementsRemoved };
  }

  /**
   * Under the event's row lock (lockManaged), in the caller's transaction: updateRegistration's
   * rules, which the 出展者一覧 upload (RegistrationsCsvService) applies row by row. Answers how many
   * unpublished placements a new booth took back (see takeBackPlacements).
   */
  async applyChange(
    manager: EntityManager,
    registration: Registration,
    change: RegistrationChange,
    refuse: BoothRefusals = BOOTH_CHANGE_REFUSALS,
  ): Promise<{ placementsRemoved: number }> {
    if (!EDITABLE.includes(registration.status)) throw RegistrationErrors.notEditable(registration.status);
    const role = change.role ?? registration.role;
    const given = change.booth === undefined ? registration.booth : normalizeBooth(change.booth);
    // B-1 typed for the holder of B-01 is the booth they have: nothing moves, the spelling stays.
    let booth = sameBooth(given, registration.booth) ? registration.booth : given;
    if (role === registration.role && booth === registration.booth) return { placementsRemoved: 0 };
    let placementsRemoved = 0;
    if (booth !== registration.booth) {
      // A change refused below rolls back with the caller's transaction, placements and all.
      placementsRemoved = await this.takeBackPlacements(manager, registration, () =>
        refuse.hasMeetings(registration.booth, booth),
      );
      if (booth) {
        const at = await this.boothHolder(manager, registration.eventId, booth, registration);
        if (at.holder) throw refuse.taken(at.spelling ?? booth, at.holder);
        booth = at.spelling ?? booth;
      }
    }
    await manager.update(Registration, registration.id, { role, booth });
    return { placementsRemoved };
  }

  /**
   * Who else holds `booth` at the event, as staff would name them (会社名 and person), or null if
   * nobody does; and the booth as the event already writes it (B-01 for B-1), or null if nobody
   * stands there. Those who cancelled or declined no longer hold one. Colleagues of one company may
   * share their booth (the scheduler then places one meeting at a time there); another company may
   * not. Callers hold the event's row lock, so two registrations cannot take the booth at once.
   *
   * Labels are compared as booths (sameBooth), not as typed, and the caller stores the spelling
   * found: so every holder of one booth carries one label, which the meetings placed there, the
   * database's one-meeting-per-booth-and-slot index and the scheduler compare as it is. Storing
   * only a canonical key instead would show staff and participants 「B-1」 where the floor plan
   * prints 「B-01」. The event's booths are few (one per exhibitor), so they are compared here.
   */
  private async boothHolder(
    manager: EntityManager,
    eventId: string,
    booth: string,
    registration: { id?: string; participantId: string },
  ): Promise<{ holder: string | null; spelling: string | null }> {
    const rows: { booth: string; name: string; company: string | null; colleague: boolean }[] =
      await manager.query(
        `SELECT r.booth, p.name, c.name AS company,
                r.participant_id = $3
                  OR coalesce(me.company_id = coalesce(r.company_id, p.company_id), false) AS colleague
           FROM registrations r
           JOIN participants p ON p.id = r.participant_id
           LEFT JOIN participants me ON me.id = $3
           LEFT JOIN companies c ON c.id = coalesce(r.company_id, p.company_id)
          WHERE r.event_id = $1 AND r.booth IS NOT NULL AND r.id IS DISTINCT FROM $2::uuid
            AND r.status = ANY($4::registration_status[])
          ORDER BY r.created_at, r.id`,
        [eventId, registration.id ?? null, registration.participantId, EDITABLE],
      );
    const there = rows.filter((row) => sameBooth(row.booth, booth));
    const other = there.find((row) => !row.colleague);
    const holder = other
      ? other.company
        ? `${other.company}（${other.name} 様）`
        : `${other.name} 様`
      : null;
    return { holder, spelling: there[0]?.booth ?? null };
  }

  /**
   * In booth-mode sessions a meeting takes place at the exhibitor's booth, and the scheduler keeps
   * published meetings where they are: a new booth (or none) under meetings people were sent would
   * send them to a place that no longer holds them. Cancelling those comes first (refused here).
   * Placements nobody has been told of yet (a scheduling run's or staff's, not published) are the
   * schedule's draft: they go back to agreed and not placed, as the next run would replace them
   * anyway, and the next run places them at the new booth. Their meeting rows are deleted as that
   * run deletes them (their sides with them); the agreement (ACCEPTED request) stays, so the floor
   * sheet lists them as agreed without a slot and the agenda, which shows published meetings only,
   * is unchanged. Answers how many were taken back. The caller holds the event's row lock, which
   * publishing and a run writing its placements take too, and placing or moving a meeting (or giving
   * a freed slot at a booth) takes shared, reading the booth under it; the meeting rows are locked
   * against a cancellation or 実施 recorded at the same time.
   */
  private async takeBackPlacements(
    manager: EntityManager,
    registration: Registration,
    refuse: () => AppError = () => RegistrationErrors.boothHasMeetings(),
  ): Promise<number> {
    const placed: { id: string; draft: boolean }[] = await manager.query(
      `SELECT m.id, (m.published_at IS NULL AND m.status = 'SCHEDULED') AS draft
         FROM meetings m
         JOIN meeting_participants mp ON mp.meeting_id = m.id
        WHERE mp.event_id = $1 AND mp.participant_id = $2 AND mp.active AND mp.session_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM matchmaking_sessions
                       WHERE event_id = $1 AND mode = 'BOOTHS' AND removed_at IS NULL)
        ORDER BY m.id
          FOR UPDATE OF m`,
      [registration.eventId, registration.participantId],
    );
    if (placed.some((meeting) => !meeting.draft)) throw refuse();
    if (placed.length === 0) return 0;
    await manager.query('DELETE FROM meetings WHERE id = ANY($1::uuid[])', [
      placed.map((meeting) => meeting.id),
    ]);
    return placed.length;
  }

  /**
   * Participants choose no role or booth of their own: the organiser decides who exhibits, buys or
   * speaks. Naming the ones they already have (or VISITOR, without a registration yet) is harmless.
   */
  private assertNoRoleOrBoothOfTheirOwn(existing: Registration | null, seat: SeatRequest): void {
    if (seat.role !== undefined && seat.role !== (existing?.role ?? EventRole.VISITOR))
      throw RegistrationErrors.setByOrganiser('role');
    const booth = normalizeBooth(seat.booth);
    if (booth !== null && !sameBooth(booth, existing?.booth))
      throw RegistrationErrors.setByOrganiser('booth');
  }

  /**
   * The one place where a seat is given: REGISTERED while seats remain and nobody waits for one
   * (seatForNewcomer), WAITLISTED otherwise. Callers must hold the event's row lock
   * (EventsService.lockManaged) in `manager`'s transaction.
   */
  async requestSeat(
    manager: EntityManager,
    event: Event,
    participantId: string,
    existing: Registration | null,
    seat: SeatRequest,
  ): Promise<Registration> {
    if (existing && [...SEATED, RegistrationStatus.WAITLISTED].includes(existing.status)) return existing;
    const status = (await seatForNewcomer(manager, event))
      ? RegistrationStatus.REGISTERED
      : RegistrationStatus.WAITLISTED;
    if (existing && !REGISTRATION_TRANSITIONS.can(existing.status, status)) {
      throw RegistrationErrors.invalidTransition(existing.status, status);
    }
    const now = new Date();
    const participant = await manager.findOne(Participant, {
      select: { id: true, companyId: true },
      where: { id: participantId },
    });
    const booth = await this.boothForSeat(manager, event.id, participantId, existing, seat);
    const saved = await manager.save(Registration, {
      ...(existing ?? {}),
      eventId: event.id,
      participantId,
      companyId: participant?.companyId ?? null,
      status,
      role: seat.role ?? existing?.role ?? EventRole.VISITOR,
      booth,
      registeredAt: status === RegistrationStatus.REGISTERED ? now : null,
      waitlistedAt: status === RegistrationStatus.WAITLISTED ? now : null,
    });
    if (status === RegistrationStatus.REGISTERED) await this.seatsGiven.notify(manager, event, [saved]);
    return saved;
  }

  /**
   * The booth of a new or returning seat: the one staff give, refused if another company holds it;
   * else the one they had before they cancelled or declined, unless it has since gone to another
   * company, when they come back without one (staff give them another).
   */
  private async boothForSeat(
    manager: EntityManager,
    eventId: string,
    participantId: string,
    existing: Registration | null,
    seat: SeatRequest,
  ): Promise<string | null> {
    const given = normalizeBooth(seat.booth);
    const booth = given ?? existing?.booth ?? null;
    if (!booth) return null;
    const at = await this.boothHolder(manager, eventId, booth, { id: existing?.id, participantId });
    if (!at.holder) return at.spelling ?? booth;
    if (given) throw RegistrationErrors.boothTaken(at.spelling ?? booth, at.holder);
    return null;
  }

  /**
   * Cancels a registration; before the event starts a freed seat goes to the first person on the
   * waitlist (after it, staff may still tidy the list: nobody is moved up). When staff
   * cancel someone's registration, that person is told (参加取消のお知らせ), and the answer links of
   * their invitation stop working: the organiser has withdrawn it. Cancelling one's own is answered
   * on the screen, and the invitation still takes them back; a seat's email follows all the same,
   * to take the event off their calendar (see cancelAndTell).
   */
  async cancel(actor: Actor, registrationId: string): Promise<Registration> {
    const afterCommit = await this.withCancellationLocked(
      async () => registrationId,
      () => RegistrationErrors.notFound(registrationId),
      async (manager, { registration, event }) => {
        await this.assertMayAct(manager, actor, registration, event);
        this.assertTransition(registration.status, RegistrationStatus.CANCELLED);
        const then = await this.cancelAndTell(
          manager,
          registration,
          event,
          isStaff(actor) ? 'staff' : 'self',
        );
        if (isStaff(actor))
          await this.tokens.expire(manager, TokenPurpose.INVITATION_RESPONSE, [registration.id]);
        return then;
      },
    );
    for (const then of afterCommit) await then();
    return this.get(registrationId);
  }

  /**
   * Runs `cancel` in a transaction that locks, in the lock order of participant-store.ts, the
   * people a cancellation of the registration `registrationOf` names writes to
   * (peopleWrittenToByCancelling), then the event's row, and reads the registration under it: an
   * erasure or a merge of one of them is either committed and seen, or waits. Who they are is read
   * again under the event's lock, where nobody can ask the person for a meeting, or join the
   * waiting list, any more: one who did meanwhile, or a row a merge moved, has the transaction
   * start again, locking them too. A registration that is not there is refused with `missing`.
   */
  async withCancellationLocked<T>(
    registrationOf: (manager: EntityManager) => Promise<string>,
    missing: () => AppError,
    cancel: (manager: EntityManager, locked: { registration: Registration; event: Event }) => Promise<T>,
  ): Promise<T> {
    const peopleOf = async (manager: EntityManager) => {
      const registration = await manager.findOneBy(Registration, { id: await registrationOf(manager) });
      return registration ? this.peopleWrittenToByCancelling(manager, registration) : [];
    };
    return withPeopleLocked(this.dataSource, peopleOf, async (manager, people) => {
      const id = await registrationOf(manager);
      const unlocked = await manager.findOneBy(Registration, { id });
      if (!unlocked) throw missing();
      const event = await this.events.lockManaged(manager, null, unlocked.eventId);
      if (!allLocked(people, await peopleOf(manager))) return PEOPLE_CHANGED;
      return cancel(manager, { registration: await manager.findOneByOrFail(Registration, { id }), event });
    });
  }

  /**
   * Whom cancelLocked would write to if `registration` were cancelled now: its person, the other
   * sides of their meetings and requests at the event (RegistrationCancellations.peopleTold), and
   * those on the waiting list the seat goes to (movedUpBy). A canceller locks them before the
   * event's row, and reads them again under it (the lock order of participant-store.ts): here, and
   * an erasure leaving the events still to come (ParticipantErasureService).
   */
  async peopleWrittenToByCancelling(manager: EntityManager, registration: Registration): Promise<string[]> {
    return [
      registration.participantId,
      ...(await this.cancellations.peopleTold(manager, registration)),
      ...(await this.movedUpBy(manager, registration)),
    ];
  }

  /**
   * Whom giving up `registration` moves up from the waiting list (their 繰り上げ email points at
   * them), for peopleWrittenToByCancelling: the first on the list, as many as the seat frees.
   */
  private async movedUpBy(manager: EntityManager, registration: Registration): Promise<string[]> {
    if (!COUNTED_AGAINST_CAPACITY.includes(registration.status)) return [];
    const event = await manager.findOneBy(Event, { id: registration.eventId });
    if (!event) return [];
    return (await this.nextOnWaitlist(manager, event, 1)).map((waiting) => waiting.participantId);
  }

  /**
   * cancelLocked, and the email that goes with it, in the caller's transaction (which holds the
   * event's row lock): staff cancelling tell the person (参加取消のお知らせ); someone cancelling their
   * own seat gets 参加キャンセル受付. Either way a seat's email carries the METHOD:CANCEL that takes
   * the event off the calendar their confirmation put it on.
   */
  async cancelAndTell(
    manager: EntityManager,
    registration: Registration,
    event: Event,
    by: 'staff' | 'self',
  ): Promise<(() => Promise<void>)[]> {
    // Before the listeners run: the meetings to mention are those they are about to call off.
    const notice = await this.cancellationNotice(manager, registration, event, by);
    const then = await this.cancelLocked(manager, registration, event);
    await this.outbox.enqueue(manager, notice);
    return then;
  }

  /**
   * Gives up the seat inside the caller's transaction, which holds the event's row lock: cancelled,
   * the waitlist moves up (before the event starts, see nextOnWaitlist), the cancellation
   * listeners run. Answers what they left for after the commit. (Also how an erased participant
   * leaves the events still to come.)
   */
  async cancelLocked(
    manager: EntityManager,
    registration: Registration,
    event: Event,
  ): Promise<(() => Promise<void>)[]> {
    await manager.update(Registration, registration.id, { status: RegistrationStatus.CANCELLED });
    if (COUNTED_AGAINST_CAPACITY.includes(registration.status))
      await this.promoteFromWaitlist(manager, event);
    return this.cancellations.notify(manager, registration);
  }

  /**
   * Locks the event's row (every change to its seats, or to a booth at it, serialises on it) and
   * reads, under the lock, the registrations these participants have there: what a merge decides
   * on (removeDuplicate) must be what a booth change or a cancellation committed just before.
   * Callers locking several events lock them in id order.
   */
  async lockRegistrationsAt(
    manager: EntityManager,
    eventId: string,
    participantIds: string[],
  ): Promise<{ event: Event; registrations: Registration[] }> {
    const event = await this.events.lockManaged(manager, null, eventId);
    const registrations = await manager.find(Registration, {
      where: { eventId, participantId: In(participantIds) },
    });
    return { event, registrations };
  }

  /**
   * A registration that repeats another of the same person at the event (two profiles of one
   * person merged, 名寄せ) goes without a word to anyone: the person keeps their other one, `keeps`.
   * A seat it held goes to the waiting list, as a cancelled one does, before the event starts.
   * Both were read under the event's row lock (lockRegistrationsAt), taken after the caller's lock
   * on the two profiles and before the meetings', and the caller holds it still.
   *
   * A role other than 来場者 and a booth only the one that goes had pass to the one kept, under the
   * rules of a booth change (applyChange, in this transaction): refused if another company stands
   * at that booth, and the kept profile's unpublished placements are taken back (refused over
   * published ones). The meetings of the profile that goes were placed at its booth: if the person
   * keeps another (or none), those placements are taken back too, as its booth change would.
   * Refusals are the caller's (`refuse`). Answers how many placements were taken back.
   */
  async removeDuplicate(
    manager: EntityManager,
    event: Event,
    registration: Registration,
    keeps: Registration,
    refuse: BoothRefusals,
  ): Promise<{ placementsRemoved: number }> {
    await manager.delete(Registration, registration.id);
    if (COUNTED_AGAINST_CAPACITY.includes(registration.status))
      await this.promoteFromWaitlist(manager, event);
    const role = keeps.role === EventRole.VISITOR ? registration.role : keeps.role;
    const booth = keeps.booth ?? registration.booth;
    let placementsRemoved = 0;
    if (!sameBooth(registration.booth, booth))
      placementsRemoved += await this.takeBackPlacements(manager, registration, () =>
        refuse.hasMeetings(registration.booth, booth),
      );
    // One cancelled or declined holds no booth (boothHolder) and has no meetings placed: what it
    // had is kept for when they come back (boothForSeat checks it then).
    if (!EDITABLE.includes(keeps.status)) {
      if (role !== keeps.role || booth !== keeps.booth)
        await manager.update(Registration, keeps.id, { role, booth });
      return { placementsRemoved };
    }
    placementsRemoved += (await this.applyChange(manager, keeps, { role, booth }, refuse)).placementsRemoved;
    return { placementsRemoved };
  }

  /**
   * The email for someone whose registration is cancelled, with how many of their meetings at the
   * event go with it (LeaverMeetingsListener calls off the scheduled ones; those on a published
   * agenda also get their own 面談中止 with the calendar cancel). Only at a published event still to
   * come: a draft's seats were confirmed to nobody yet (staff still shape its list), except an
   * invitation already in the invitee's inbox; at an event that is over nobody is on their way.
   * Staff cancelling anything someone held tell them (参加取消のお知らせ). Someone cancelling their
   * own seat saw it done on the screen: their email is for the calendar entry only, so a place on
   * the waiting list, which had none, gets nothing.
   */
  private async cancellationNotice(
    manager: EntityManager,
    registration: Registration,
    event: Event,
    by: 'staff' | 'self',
  ): Promise<OutboxRequest[]> {
    if (event.endsAt.getTime() < Date.now() || !isCancelledHolding(registration.status)) return [];
    const published = event.status === EventStatus.PUBLISHED;
    // A seat at a published event is the one whose confirmation attached the event's entry
    // (METHOD:PUBLISH): an invitation and a place on the waiting list carry none.
    const onCalendar = published && registration.status === RegistrationStatus.REGISTERED;
    if (by === 'self' && !onCalendar) return [];
    if (!published && !(await this.invitationWentOut(manager, registration))) return [];
    const [meetings]: { total: number; published: number }[] = await manager.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE published_at IS NOT NULL)::int AS published
         FROM meetings
        WHERE event_id = $1 AND status = 'SCHEDULED' AND $2 IN (participant_a_id, participant_b_id)`,
      [registration.eventId, registration.participantId],
    );
    const sequence = onCalendar ? await this.withdrawnEntrySequence(manager, event) : undefined;
    const at = new Date();
    if (by === 'self')
      return sequence === undefined ? [] : [ownCancellation(registration, meetings, sequence, at)];
    return [registrationCancelled(registration, registration.status, meetings, at, sequence)];
  }

  /**
   * The SEQUENCE of the METHOD:CANCEL that takes the event off the calendar of someone whose seat
   * ends while the event goes on. Every file they were sent carried the event's SEQUENCE of its
   * day, so at most n, the one now: their CANCEL goes at n + 1, and the event moves to n + 2, in
   * this transaction (under its row lock, as 開催中止 raises it). Every version written from now
   * on, the feed's, a 日時変更's and above all the PUBLISH of a seat they take again (registered
   * again, an invitation accepted, moved up from the waiting list), is then above their CANCEL,
   * and their calendar takes it. Raised by one only, that PUBLISH would carry the CANCEL's own
   * SEQUENCE, which a calendar may ignore. Others' entries, at n or below, are simply updated by
   * their next file, as SEQUENCE only has to grow.
   */
  private async withdrawnEntrySequence(manager: EntityManager, event: Event): Promise<number> {
    const [rows]: [{ sequence: number }[]] = await manager.query(
      `UPDATE events SET sequence = sequence + 2, updated_at = now() WHERE id = $1 RETURNING sequence`,
      [event.id],
    );
    return rows[0].sequence - 1;
  }

  /**
   * A draft's invitee whose invitation has left (or is leaving) the outbox: they have it in their
   * inbox, so they are told when it is withdrawn. Nobody else has heard of a draft.
   */
  private async invitationWentOut(manager: EntityManager, registration: Registration): Promise<boolean> {
    if (registration.status !== RegistrationStatus.INVITED) return false;
    const [row]: { status: OutboxStatus }[] = await manager.query(
      `SELECT status FROM outbox_messages WHERE key = $1`,
      [invitationKey(registration.id, registration.invitationRound)],
    );
    return row !== undefined && [OutboxStatus.SENDING, OutboxStatus.SENT].includes(row.status);
  }

  /**
   * 受付 (出席) or 欠席, from 00:00 of the event's day in Tokyo (desks open before the doors), while
   * the event runs and after it closed, so that the list can be put right afterwards: a forgotten
   * check-in, or someone checked in by mistake. Checking in twice is refused with the time of the
   * first; marking absent twice changes nothing.
   */
  async recordAttendance(
    actor: Actor,
    registrationId: string,
    to: RegistrationStatus.ATTENDED | RegistrationStatus.NO_SHOW,
    /** When they came, for a check-in entered afterwards; now by default. */
    checkedInAt: Date = new Date(),
  ): Promise<Registration> {
    await this.dataSource.transaction(async (manager) => {
      const { registration, event } = await this.lockRegistration(manager, registrationId, actor);
      if (event.status !== EventStatus.PUBLISHED && event.status !== EventStatus.CLOSED)
        throw RegistrationErrors.attendanceClosed();
      const eventDay = startOfTokyoDay(event.startsAt);
      if (Date.now() < eventDay.getTime())
        throw RegistrationErrors.checkInTooEarly(formatTokyoJapaneseDay(eventDay));
      if (checkedInAt.getTime() < eventDay.getTime() || checkedInAt.getTime() > Date.now() + 60_000)
        throw RegistrationErrors.checkInTimeOutside(formatTokyoJapaneseDay(eventDay));
      if (registration.status === to) {
        if (to === RegistrationStatus.NO_SHOW) return;
        throw RegistrationErrors.alreadyCheckedIn(
          formatTokyoJapanese(registration.checkedInAt ?? new Date()),
        );
      }
      this.assertTransition(registration.status, to);
      if (to === RegistrationStatus.NO_SHOW) {
        // 欠席 beside meetings recorded as taking place with them would make the figures disagree.
        const [{ held }]: { held: number }[] = await manager.query(
          `SELECT ${meetingsCameToCountSql('r')} AS held FROM registrations r WHERE r.id = $1`,
          [registration.id],
        );
        if (held > 0) throw RegistrationErrors.cameToMeetings(held);
      }
      await manager.update(Registration, registration.id, {
        status: to,
        checkedInAt: to === RegistrationStatus.ATTENDED ? checkedInAt : null,
      });
    });
    return this.get(registrationId);
  }

  async get(id: string): Promise<Registration> {
    const registration = await this.dataSource.getRepository(Registration).findOne({
      where: { id },
      relations: { participant: { company: true } },
    });
    if (!registration) throw RegistrationErrors.notFound(id);
    return registration;
  }

  /**
   * An event's registrations, a page at a time, each with whether its invitation email could not
   * be sent (for those still INVITED): one more statement per page, whatever its length. The
   * company they registered for comes in the same statement as the one they are with now (the
   * 参加者名簿 has both: the year's 参加事業者数 counts the first).
   */
  async listForEvent<N>(
    actor: Actor,
    eventId: string,
    status: RegistrationStatus | undefined,
    page: PageArgs,
    toNode: (registration: ListedRegistration) => N,
  ): Promise<ConnectionShape<N>> {
    await this.events.getManaged(actor, eventId);
    const query = this.dataSource
      .getRepository(Registration)
      .createQueryBuilder('registration')
      .leftJoinAndSelect('registration.participant', 'participant')
      .leftJoinAndSelect('participant.company', 'company')
      .leftJoinAndSelect('registration.company', 'registeredCompany')
      .where('registration.eventId = :eventId', { eventId });
    if (status) query.andWhere('registration.status = :status', { status });
    const found = await keysetPage(query, 'registration.createdAt', page, (registration) => registration);
    const invited = found.edges
      .map((edge) => edge.node)
      .filter((r) => r.status === RegistrationStatus.INVITED);
    const notSent = await invitationsNotSent(
      this.dataSource.manager,
      invited.map((registration) => registration.id),
    );
    return {
      ...found,
      edges: found.edges.map(({ cursor, node }) => ({
        cursor,
        node: toNode(
          Object.assign(node, {
            invitationNotSent: node.status === RegistrationStatus.INVITED ? notSent.has(node.id) : null,
          }),
        ),
      })),
    };
  }

  listForParticipant(participantId: string): Promise<Registration[]> {
    return this.dataSource.getRepository(Registration).find({
      where: { participantId },
      // The events come in the same query: one statement however many registrations.
      relations: { participant: { company: true }, event: true },
      order: { createdAt: 'DESC' },
    });
  }

  /**
   * Gives freed seats to the waitlist in the order people joined it, and tells each of them: a
   * seat they asked for is a service message, not a newsletter, so it goes whatever their
   * marketing-mail consent (as a cancelled meeting does); a bounced address is still skipped.
   */
  private async promoteFromWaitlist(
    manager: EntityManager,
    event: Event,
    change: Record<string, string> = {},
  ): Promise<void> {
    const next = await this.nextOnWaitlist(manager, event);
    if (next.length === 0) return;
    const now = new Date();
    await manager.update(
      Registration,
      { id: In(next.map((registration) => registration.id)) },
      { status: RegistrationStatus.REGISTERED, registeredAt: now },
    );
    await this.seatsGiven.notify(manager, event, next);
    await this.outbox.enqueue(
      manager,
      next.map((registration) => ({
        // The time is in the key: after a later cancel, waitlist and move-up, that is a new message.
        key: `waitlist-promoted-${registration.id}-${now.getTime()}`,
        template: WAITLIST_PROMOTED_TEMPLATE,
        participantId: registration.participantId,
        eventId: event.id,
        transactional: true,
        params: { registrationId: registration.id, ...change },
      })),
    );
  }

  /**
   * The places on the waiting list the free seats at the event go to, first come first: with
   * `freeing` more, those a seat given up would free (a cancellation, before it writes, reads whom
   * it moves up). None at an event cancelled or closed, and none once it has started: a seat given
   * up then is no seat for anyone (as the cancel link stops working at the start), and a
   * 【繰り上げ参加確定】 with a calendar entry for an event under way or over would tell someone to
   * come to what they have missed. Whoever still waits then stays on the list, for staff to tidy.
   */
  private async nextOnWaitlist(manager: EntityManager, event: Event, freeing = 0): Promise<Registration[]> {
    if (![EventStatus.DRAFT, EventStatus.PUBLISHED].includes(event.status)) return [];
    if (event.startsAt.getTime() <= Date.now()) return [];
    const free = (await seatsFree(manager, event)) + freeing;
    if (free <= 0) return [];
    return manager.find(Registration, {
      where: { eventId: event.id, status: RegistrationStatus.WAITLISTED },
      order: { waitlistedAt: 'ASC', id: 'ASC' },
      take: Number.isFinite(free) ? free : undefined,
    });
  }

  private assertOpenForSelfRegistration(event: Event, existing: Registration | null): void {
    if (event.status !== EventStatus.PUBLISHED) throw RegistrationErrors.eventNotOpen();
    if (event.visibility === EventVisibility.INVITE_ONLY && existing?.status !== RegistrationStatus.INVITED) {
      throw RegistrationErrors.inviteOnly();
    }
    if (registrationWindow(event) !== 'OPEN') throw RegistrationErrors.windowClosed();
  }

  private async assertMayAct(manager: EntityManager, actor: Actor, registration: Registration, event: Event) {
    if (actor.kind === 'participant') {
      if (actor.participantId !== registration.participantId) throw RegistrationErrors.notYours();
      return;
    }
    // Staff who do not run the event are answered as for any other operation on it.
    const coHosts = await manager.createQueryBuilder().relation(Event, 'coHosts').of(event.id).loadMany();
    await this.events.assertManages(manager, actor, { ...event, coHosts }, () =>
      RegistrationErrors.notFound(registration.id),
    );
  }

  private assertTransition(from: RegistrationStatus, to: RegistrationStatus): void {
    if (!REGISTRATION_TRANSITIONS.can(from, to)) throw RegistrationErrors.invalidTransition(from, to);
  }

  /**
   * Locks the registration's event (every change to an event's seats serialises on that row) and
   * reads the registration under the lock. With an actor, they must manage the event.
   */
  private async lockRegistration(manager: EntityManager, id: string, actor: Actor | null = null) {
    const unlocked = await manager.findOneBy(Registration, { id });
    if (!unlocked) throw RegistrationErrors.notFound(id);
    const event = await this.events.lockManaged(manager, actor, unlocked.eventId, () =>
      RegistrationErrors.notFound(id),
    );
    const registration = await manager.findOneByOrFail(Registration, { id });
    return { registration, event };
  }
}
