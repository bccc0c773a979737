import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { languageOf } from '../participants/participant-kind';
import { eventTitleFor } from '../events/event-title';
import { DataSource, EntityManager } from 'typeorm';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { ActionTokenErrorCode, ActionTokenErrors } from '../action-tokens/action-tokens.errors';
import { AppError } from '../common/errors/app-error';
import { StaffActor } from '../auth/actor';
import { EventStatus } from '../events/event-enums';
import { EventsService } from '../events/events.service';
import { OutboxService } from '../mail/outbox.service';
import { lockPeople, withPeopleLocked } from '../participants/participant-store';
import { ParticipantErrors } from '../participants/participants.errors';
import { ParticipantsService } from '../participants/participants.service';
import { Registration } from '../registrations/registration.entity';
import { REGISTRATION_TRANSITIONS, RegistrationStatus, SEATED } from '../registrations/registration-enums';
import { RegistrationsService } from '../registrations/registrations.service';
import { previewRegistrationLink, RegistrationLinkPreview } from '../registrations/registration-link-preview';
import { invitationKey } from './invitation-key';
import { INVITATION_TEMPLATE } from './invitation.composer';
import { confirmsNow, registrationConfirmation } from './registration-confirmation.composer';
import { InvitationCampaign } from './invitation-campaign.entity';
import { InvitationErrors, MAX_INVITEES } from './invitations.errors';
import { InvitationAnswerModel } from './models/invitation-answer.model';
import { isUuid } from '../common/validation/uuid';
import { organiserContactPoint, organiserToAsk } from '../mail/templates/email-layout';
import { Organization } from '../organizations/organization.entity';
import { organizationNameFor, organiserContactFor } from '../organizations/organization-name';
import { requireOrganizerContact } from '../organizations/organizer-contact';

const INVITABLE = [EventStatus.DRAFT, EventStatus.PUBLISHED];

@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly participants: ParticipantsService,
    private readonly registrations: RegistrationsService,
    private readonly outbox: OutboxService,
    private readonly tokens: ActionTokensService,
  ) {}

  /**
   * Invites participants to an event: an INVITED registration for each one not registered yet, and
   * those who had cancelled or declined invited again (INVITED once more, the links of their
   * earlier invitation and seat ended), with one invitation email each, written to the outbox in the same
   * transaction. Nothing is sent here; the queue does that after the commit.
   */
  async invite(actor: StaffActor, eventId: string, participantIds: string[]): Promise<InvitationCampaign> {
    const ids = [...new Set(participantIds)];
    if (ids.length === 0) throw InvitationErrors.noInvitees();
    if (ids.length > MAX_INVITEES) throw InvitationErrors.tooMany();
    const malformed = ids.find((id) => !isUuid(id));
    if (malformed) throw InvitationErrors.invalidId(malformed);
    await this.participants.requireExisting(ids);

    const campaignId = await this.dataSource.transaction(async (manager) => {
      // The invitees before the event (see lockPeople): one merged away while this waited is
      // no longer there, as requireExisting would have found after the merge.
      const present = await lockPeople(manager, ids);
      const gone = ids.find((id) => !present.has(id));
      if (gone) throw ParticipantErrors.notFound(gone);
      const event = await this.events.lockManaged(manager, actor, eventId);
      if (!INVITABLE.includes(event.status)) throw InvitationErrors.eventNotOpen();
      if (event.registrationClosesAt && event.registrationClosesAt.getTime() < Date.now())
        throw InvitationErrors.pastDeadline(event.registrationClosesAt);
      await requireOrganizerContact(manager, event.organizationId, 'invitation');
      const reinvited = await this.inviteAgain(manager, eventId, ids);
      const created = await this.createInvitedRegistrations(manager, eventId, ids);
      const invited = [...created, ...reinvited];
      // Only the new email's buttons answer: an old one's, or a page of it reloaded, would act on
      // this invitation by surprise (a decline given before, submitted again). So with the cancel
      // link of a seat they had before: it would withdraw the invitation, or later cancel the seat
      // the new one gives, whose own confirmation brings its link. Their pages say a newer email
      // has come.
      const reinvitedIds = reinvited.map((registration) => registration.id);
      await this.tokens.replace(manager, TokenPurpose.INVITATION_RESPONSE, reinvitedIds);
      await this.tokens.replace(manager, TokenPurpose.REGISTRATION_CANCEL, reinvitedIds);
      const campaign = await manager.save(
        manager.create(InvitationCampaign, {
          eventId,
          createdByUserId: actor.userId,
          invited: invited.length,
          reinvited: reinvited.length,
          alreadyRegistered: ids.length - invited.length,
          notEmailable: 0,
        }),
      );
      const written = await this.outbox.enqueue(
        manager,
        invited.map((registration) => ({
          key: invitationKey(registration.id, registration.invitationRound),
          template: INVITATION_TEMPLATE,
          participantId: registration.participantId,
          eventId,
          batchId: campaign.id,
          params: {
            registrationId: registration.id,
            ...(registration.invitationRound > 1 ? { round: String(registration.invitationRound) } : {}),
          },
        })),
      );
      await manager.update(InvitationCampaign, campaign.id, { notEmailable: written.notEmailable.length });
      return campaign.id;
    });
    const campaign = await this.getCampaign(campaignId);
    this.logger.log(
      `invitation campaign ${campaign.id} (event ${eventId}): ${campaign.invited} invited, ` +
        `${campaign.reinvited} of them again, ${campaign.alreadyRegistered} already registered, ` +
        `${campaign.notEmailable} without email`,
    );
    return campaign;
  }

  async getCampaign(id: string): Promise<InvitationCampaign> {
    const campaign = await this.dataSource.getRepository(InvitationCampaign).findOneBy({ id });
    if (!campaign) throw InvitationErrors.campaignNotFound(id);
    return campaign;
  }

  /**
   * Answers an invitation from its email link. Accepting asks for a seat under the event lock
   * (waitlisted when full); declining moves INVITED → DECLINED. Giving the same answer again
   * changes nothing and answers the same (`changed: false`).
   */
  async respond(rawToken: string, accept: boolean): Promise<InvitationAnswerModel> {
    return this.sayIfReplaced(() => this.answer(rawToken, accept));
  }

  private answer(rawToken: string, accept: boolean): Promise<InvitationAnswerModel> {
    return withPeopleLocked(this.dataSource, this.inviteeOf(rawToken), async (manager) => {
      const token = await this.tokens.resolve(manager, TokenPurpose.INVITATION_RESPONSE, rawToken);
      const found = await manager.findOne(Registration, {
        where: { id: token.subjectId },
        relations: { participant: true },
      });
      if (!found) throw ActionTokenErrors.invalid();
      const event = await this.events.lockManaged(manager, null, found.eventId);
      if (!INVITABLE.includes(event.status)) throw InvitationErrors.eventNotOpen();
      // Re-read under the event lock: seats are decided one answer at a time.
      const registration = (await manager.findOneBy(Registration, { id: found.id }))!;
      const was = registration.status;
      const status = accept
        ? await this.accept(manager, registration, event)
        : await this.decline(manager, registration);
      await this.tokens.markUsed(manager, token);
      if (accept && status !== registration.status && confirmsNow(event, status)) {
        // (A seat given later from the waiting list is told by its own email.)
        await this.outbox.enqueue(manager, [registrationConfirmation(registration, status, was)]);
      }
      return Object.assign(new InvitationAnswerModel(), {
        registrationId: registration.id,
        eventId: event.id,
        eventTitle: eventTitleFor(event, languageOf(found.participant)),
        status,
        changed: status !== registration.status,
      });
    });
  }

  /**
   * The person the invitation is for, to lock before the link and the event (withPeopleLocked).
   * A merge of their profile under way is waited for: it may have moved the invitation to the
   * profile that stays, or removed it and pointed the link at the one that stayed (the kept
   * profile's): the answer then starts again with the one it is now for locked.
   */
  private inviteeOf(rawToken: string) {
    return async (manager: EntityManager): Promise<string[]> => {
      const token = await this.tokens.resolve(manager, TokenPurpose.INVITATION_RESPONSE, rawToken, {
        lock: false,
      });
      const invitation = await manager.findOne(Registration, {
        select: { id: true, participantId: true },
        where: { id: token.subjectId },
      });
      return invitation ? [invitation.participantId] : [];
    };
  }

  /** For the page behind the link: reads, changes nothing. */
  preview(rawToken: string): Promise<RegistrationLinkPreview> {
    return this.sayIfReplaced(() =>
      previewRegistrationLink(
        this.dataSource.manager,
        this.tokens,
        TokenPurpose.INVITATION_RESPONSE,
        rawToken,
      ),
    );
  }

  /**
   * An earlier invitation's link, ended when the person was invited again, says so in the
   * invitation's own words instead of the links' 「新しいご案内メールに置き換わりました」: the new
   * invitation email is the one to answer.
   */
  private async sayIfReplaced<T>(act: () => Promise<T>): Promise<T> {
    try {
      return await act();
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== ActionTokenErrorCode.REPLACED) throw error;
      const newer = InvitationErrors.replaced();
      throw error.readerLocale ? newer.forReader(error.readerLocale) : newer;
    }
  }

  private async accept(
    manager: EntityManager,
    registration: Registration,
    event: Awaited<ReturnType<EventsService['lockManaged']>>,
  ): Promise<RegistrationStatus> {
    if ([...SEATED, RegistrationStatus.WAITLISTED].includes(registration.status)) return registration.status;
    if (!REGISTRATION_TRANSITIONS.can(registration.status, RegistrationStatus.REGISTERED)) {
      throw InvitationErrors.notAnswerable();
    }
    if (event.registrationClosesAt && event.registrationClosesAt.getTime() < Date.now()) {
      // Whom to ask, named as the link's page and the emails' footer name them.
      const organization = await manager.findOneByOrFail(Organization, { id: event.organizationId });
      const whom = (locale: 'ja' | 'en') =>
        organiserToAsk(
          locale,
          organizationNameFor(organization, locale),
          organiserContactPoint(locale, organiserContactFor(organization, locale)),
        );
      throw InvitationErrors.registrationClosed(event.registrationClosesAt, {
        ja: whom('ja'),
        en: whom('en'),
      });
    }
    const seated = await this.registrations.requestSeat(
      manager,
      event,
      registration.participantId,
      registration,
      {},
    );
    return seated.status;
  }

  private async decline(manager: EntityManager, registration: Registration): Promise<RegistrationStatus> {
    if (registration.status === RegistrationStatus.DECLINED) return registration.status;
    if ([...SEATED, RegistrationStatus.WAITLISTED].includes(registration.status)) {
      throw InvitationErrors.alreadyRegistered(registration.status === RegistrationStatus.WAITLISTED);
    }
    if (!REGISTRATION_TRANSITIONS.can(registration.status, RegistrationStatus.DECLINED)) {
      throw InvitationErrors.notAnswerable();
    }
    await manager.update(Registration, registration.id, { status: RegistrationStatus.DECLINED });
    return RegistrationStatus.DECLINED;
  }

  /**
   * INSERT … ON CONFLICT DO NOTHING: those with any registration for the event are left as they
   * are (inviteAgain has put those who had cancelled or declined back first). One statement over an
   * array, so a 10,000-invitee campaign commits (and its first email leaves) sooner. Also for a
   * mini-salon accepted from a request: its requester is invited in the transaction that creates
   * the event, and the 開催決定 email carries the answer links.
   */
  async createInvitedRegistrations(
    manager: EntityManager,
    eventId: string,
    participantIds: string[],
  ): Promise<InvitedRegistration[]> {
    const rows: InvitedRegistration[] = await manager.query(
      `INSERT INTO registrations (event_id, participant_id, status, invitation_round)
       SELECT $1::uuid, participant_id, $3::registration_status, 1 FROM unnest($2::uuid[]) AS participant_id
       ON CONFLICT DO NOTHING
       RETURNING id, participant_id AS "participantId", invitation_round AS "invitationRound"`,
      [eventId, participantIds, RegistrationStatus.INVITED],
    );
    return rows;
  }

  /**
   * Those among `participantIds` whose registration was cancelled (by themselves or by staff) or
   * who declined, INVITED again on their next round of invitation. One statement over the array,
   * like the INSERT; everyone else (invited and not answered yet, registered, waiting, 出席・欠席)
   * is left as they are.
   */
  private async inviteAgain(
    manager: EntityManager,
    eventId: string,
    participantIds: string[],
  ): Promise<InvitedRegistration[]> {
    const from = REGISTRATION_TRANSITIONS.sourcesOf(RegistrationStatus.INVITED);
    const [rows]: [InvitedRegistration[]] = await manager.query(
      `UPDATE registrations
          SET status = $3::registration_status, invitation_round = coalesce(invitation_round, 0) + 1,
              registered_at = NULL, waitlisted_at = NULL, updated_at = now()
        WHERE event_id = $1 AND participant_id = ANY($2::uuid[]) AND status = ANY($4::registration_status[])
        RETURNING id, participant_id AS "participantId", invitation_round AS "invitationRound"`,
      [eventId, participantIds, RegistrationStatus.INVITED, from],
    );
    return rows;
  }
}

type InvitedRegistration = Pick<Registration, 'id' | 'participantId'> & { invitationRound: number };
