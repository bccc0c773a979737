import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { municipalityForEnglishReader } from '../common/japan/municipality';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isStaff, ParticipantActor, Role, StaffActor } from '../auth/actor';
import { ForbiddenError, InputError } from '../common/errors/app-error';
import { ConnectionShape } from '../common/pagination/connection';
import { keysetPage, PageArgs } from '../common/pagination/keyset-page';
import { isUuid } from '../common/validation/uuid';
import { tokyoDateOf } from '../common/time/calendar-date';
import { EventKind, EventVisibility } from '../events/event-enums';
import { EventsService } from '../events/events.service';
import { InvitationsService } from '../invitations/invitations.service';
import { OutboxService } from '../mail/outbox.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { lockSelfAgainstErasure } from '../participants/participant-store';
import { AcceptMiniSalonRequestInput } from './dto/accept-mini-salon-request.input';
import { RequestMiniSalonInput } from './dto/request-mini-salon.input';
import { MINI_SALON_DECISION_TEMPLATE } from './mini-salon-decision.composer';
import { MINI_SALON_REQUEST_NOTICE_TEMPLATE } from './mini-salon-request-notice.composer';
import { MINI_SALON_REQUEST_RECEIVED_TEMPLATE } from './mini-salon-request-received.composer';
import { MINI_SALON_REQUEST_TRANSITIONS, MiniSalonRequestStatus } from './mini-salon-enums';
import { MiniSalonRequest } from './mini-salon-request.entity';
import { MiniSalonErrors } from './mini-salons.errors';

const RELATIONS = { organization: true, requestedBy: { company: true }, event: true } as const;

/**
 * ミニサロン開催要望: participants ask, the organisation's organisers accept (the event is created
 * as a draft, in the same transaction) or decline with a reason, and the requester hears back by
 * email either way. Staff see their organisation's requests; a participant sees their own.
 */
@Injectable()
export class MiniSalonRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly events: EventsService,
    private readonly invitations: InvitationsService,
    private readonly outbox: OutboxService,
  ) {}

  async request(actor: ParticipantActor, input: RequestMiniSalonInput): Promise<MiniSalonRequest> {
    if (input.preferredTo < input.preferredFrom) throw MiniSalonErrors.datesReversed();
    if (input.preferredFrom < tokyoDateOf(new Date())) throw MiniSalonErrors.datesPast();
    await this.organizations.get(input.organizationId, 'organizationId');
    return this.dataSource.transaction(async (manager) => {
      // An erasure of the requester under way is waited for, and their words are not left behind
      // it (see lockSelfAgainstErasure).
      await lockSelfAgainstErasure(manager, actor.participantId);
      // ON CONFLICT DO NOTHING: the partial unique index (one open request per person and
      // organisation) decides, even for two requests sent at once.
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(MiniSalonRequest)
        .values({
          organizationId: input.organizationId,
          requestedById: actor.participantId,
          groupName: input.groupName?.trim() || null,
          theme: input.theme.trim(),
          area: input.area,
          preferredFrom: input.preferredFrom,
          preferredTo: input.preferredTo,
          expectedParticipants: input.expectedParticipants,
          message: input.message?.trim() ?? '',
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const [row] = inserted.raw as { id: string }[];
      if (!row) throw MiniSalonErrors.alreadyOpen();
      // The requester learns it arrived and what comes next; the organisation's 主催者, who
      // decide, learn that it waits for them rather than finding it only when they look. With
      // no 主催者 in use (the only one left, say), its 支援担当 hear of it, to have one set up.
      const activeWith = async (role: Role): Promise<string[]> =>
        (
          (await manager.query(
            `SELECT id FROM users WHERE organization_id = $1 AND role = $2 AND deactivated_at IS NULL ORDER BY id`,
            [input.organizationId, role],
          )) as { id: string }[]
        ).map((user) => user.id);
      const organisers = await activeWith(Role.ORGANIZER);
      const told = organisers.length > 0 ? organisers : await activeWith(Role.STAFF);
      await this.outbox.enqueue(manager, [
        {
          key: `mini-salon-request-received-${row.id}`,
          template: MINI_SALON_REQUEST_RECEIVED_TEMPLATE,
          participantId: actor.participantId,
          transactional: true,
          params: { requestId: row.id },
        },
        ...told.map((userId) => ({
          key: `mini-salon-request-notice-${row.id}-${userId}`,
          template: MINI_SALON_REQUEST_NOTICE_TEMPLATE,
          userId,
          params: { requestId: row.id, ...(organisers.length === 0 ? { noOrganiser: 'true' } : {}) },
        })),
      ]);
      return this.get(manager, row.id);
    });
  }

  /** Newest first: the organisation's requests for staff (all for an admin), their own for a participant. */
  async list<N>(
    actor: Actor,
    status: MiniSalonRequestStatus | null,
    page: PageArgs,
    toNode: (request: MiniSalonRequest) => N,
  ): Promise<ConnectionShape<N>> {
    const query = this.dataSource
      .getRepository(MiniSalonRequest)
      .createQueryBuilder('request')
      .leftJoinAndSelect('request.organization', 'organization')
      .leftJoinAndSelect('request.requestedBy', 'requestedBy')
      .leftJoinAndSelect('requestedBy.company', 'company')
      // Whether the salon it led to was called off since: its 状態 says so.
      .leftJoinAndSelect('request.event', 'event')
      // Who accepted or declined it: the export names them (対応者).
      .leftJoinAndSelect('request.decidedBy', 'decidedBy');
    if (status) query.andWhere('request.status = :status', { status });
    if (!isStaff(actor)) {
      query.andWhere('request.requestedById = :participantId', { participantId: actor.participantId });
    } else if (actor.role !== Role.ADMIN) {
      query.andWhere('request.organizationId = :org', { org: actor.organizationId });
    }
    return keysetPage(query, 'request.createdAt', page, toNode, 'DESC');
  }

  /**
   * 開催決定: the mini-salon is created as a draft event of the organisation with its requester
   * invited, and the requester told: the 開催決定 email carries the invitation's 参加する／辞退する, so
   * the person who asked for the salon is never left waiting for an invitation nobody sends.
   */
  async accept(actor: StaffActor, id: string, input: AcceptMiniSalonRequestInput): Promise<MiniSalonRequest> {
    // A draft may lie in the past (last year's events entered for the reports), but a salon
    // announced to its requester as 開催決定 must be ahead, or its invitation links are dead.
    if (input.startsAt.getTime() <= Date.now()) throw MiniSalonErrors.startsInPast();
    return this.dataSource.transaction(async (manager) => {
      const request = await this.lockForDecision(manager, actor, id, MiniSalonRequestStatus.ACCEPTED);
      const event = await this.events.create(
        actor,
        {
          organizationId: request.organizationId,
          kind: EventKind.MINI_SALON,
          // The default title in both languages; a title of the organiser's own has no English
          // one unless they give it.
          title: input.title?.trim() || `ミニサロン『${request.theme}』（${request.area}）`,
          titleEn:
            input.titleEn?.trim() ||
            (input.title?.trim()
              ? null
              : `Mini-salon on "${request.theme}" in ${municipalityForEnglishReader(request.area)}`),
          // Not the request's message: it was written to the organiser, not to every invitee.
          description: input.description?.trim() ?? '',
          descriptionEn: input.descriptionEn ?? null,
          themes: [request.theme],
          venue: input.venue ?? null,
          venueEn: input.venueEn ?? null,
          onlineUrl: input.onlineUrl ?? null,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          capacity: input.capacity ?? request.expectedParticipants,
          // Held on request for a small circle: the organiser invites, rather than announcing it to all.
          visibility: EventVisibility.INVITE_ONLY,
          coHostIds: input.coHostIds,
        },
        manager,
      );
      const [invited] = await this.invitations.createInvitedRegistrations(manager, event.id, [
        request.requestedById,
      ]);
      return this.decide(
        manager,
        actor,
        request,
        MiniSalonRequestStatus.ACCEPTED,
        { eventId: event.id },
        { registrationId: invited.id },
      );
    });
  }

  /** 見送り, with the reason the requester will read. */
  async decline(actor: StaffActor, id: string, reason: string): Promise<MiniSalonRequest> {
    const declineReason = reason.trim();
    if (!declineReason)
      throw new InputError('reason', '見送りの理由を入力してください（要望者にお伝えします）');
    if (declineReason.length > 2000) throw new InputError('reason', '理由は 2000 文字以内で入力してください');
    return this.dataSource.transaction(async (manager) => {
      const request = await this.lockForDecision(manager, actor, id, MiniSalonRequestStatus.DECLINED);
      return this.decide(manager, actor, request, MiniSalonRequestStatus.DECLINED, { declineReason });
    });
  }

  /** The requester takes their request back while it is still being considered. */
  async withdraw(actor: ParticipantActor, id: string): Promise<MiniSalonRequest> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.lock(manager, id);
      if (request.requestedById !== actor.participantId) throw new ForbiddenError();
      if (!MINI_SALON_REQUEST_TRANSITIONS.can(request.status, MiniSalonRequestStatus.WITHDRAWN)) {
        throw MiniSalonErrors.alreadyDecided(request.status);
      }
      await manager.update(MiniSalonRequest, id, { status: MiniSalonRequestStatus.WITHDRAWN });
      return this.get(manager, id);
    });
  }

  private async decide(
    manager: EntityManager,
    actor: StaffActor,
    request: MiniSalonRequest,
    status: MiniSalonRequestStatus,
    changes: Partial<Pick<MiniSalonRequest, 'eventId' | 'declineReason'>>,
    /** The requester's invitation to the accepted salon, whose answer links the email carries. */
    invitation: { registrationId: string } | Record<string, never> = {},
  ): Promise<MiniSalonRequest> {
    await manager.update(MiniSalonRequest, request.id, {
      ...changes,
      status,
      decidedById: actor.userId,
      decidedAt: new Date(),
    });
    // Transactional: the answer to something the participant asked for.
    await this.outbox.enqueue(manager, [
      {
        key: `mini-salon-decision-${request.id}`,
        template: MINI_SALON_DECISION_TEMPLATE,
        participantId: request.requestedById,
        transactional: true,
        eventId: changes.eventId ?? null,
        params: { requestId: request.id, ...invitation },
      },
    ]);
    return this.get(manager, request.id);
  }

  private async lockForDecision(
    manager: EntityManager,
    actor: StaffActor,
    id: string,
    to: MiniSalonRequestStatus,
  ): Promise<MiniSalonRequest> {
    const request = await this.lock(manager, id);
    if (actor.role !== Role.ADMIN && actor.organizationId !== request.organizationId)
      throw new ForbiddenError();
    if (!MINI_SALON_REQUEST_TRANSITIONS.can(request.status, to))
      throw MiniSalonErrors.alreadyDecided(request.status);
    return request;
  }

  private async lock(manager: EntityManager, id: string): Promise<MiniSalonRequest> {
    if (!isUuid(id)) throw MiniSalonErrors.notFound(id);
    const request = await manager.findOne(MiniSalonRequest, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!request) throw MiniSalonErrors.notFound(id);
    return request;
  }

  private async get(manager: EntityManager, id: string): Promise<MiniSalonRequest> {
    return manager.findOneOrFail(MiniSalonRequest, { where: { id }, relations: RELATIONS });
  }
}
