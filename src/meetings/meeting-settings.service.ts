import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { EventsService } from '../events/events.service';
import { UpdateMeetingSettingsInput } from './dto/update-meeting-settings.input';
import { DEFAULT_MEETING_SETTINGS, MeetingSettings } from './meeting-settings.entity';

export type EffectiveMeetingSettings = typeof DEFAULT_MEETING_SETTINGS & { eventId: string };

@Injectable()
export class MeetingSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  /** The event's settings, or the defaults when the organiser never set any. */
  async get(manager: EntityManager, eventId: string): Promise<EffectiveMeetingSettings> {
    const row = await manager.findOneBy(MeetingSettings, { eventId });
    return {
      eventId,
      acceptanceMode: row?.acceptanceMode ?? DEFAULT_MEETING_SETTINGS.acceptanceMode,
      maxRequestsPerParticipant: row?.maxRequestsPerParticipant ?? null,
      requestExpiryHours: row?.requestExpiryHours ?? null,
      maxMeetingsPerParticipant: row?.maxMeetingsPerParticipant ?? null,
    };
  }

  async getManaged(actor: Actor, eventId: string): Promise<EffectiveMeetingSettings> {
    await this.events.getManaged(actor, eventId);
    return this.get(this.dataSource.manager, eventId);
  }

  /** Fields left out keep their value; null clears a limit. */
  async update(actor: Actor, eventId: string, input: UpdateMeetingSettingsInput) {
    await this.events.getManaged(actor, eventId);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(manager, eventId);
      const next = { ...current };
      if (input.acceptanceMode) next.acceptanceMode = input.acceptanceMode;
      if (input.maxRequestsPerParticipant !== undefined)
        next.maxRequestsPerParticipant = input.maxRequestsPerParticipant;
      if (input.requestExpiryHours !== undefined) next.requestExpiryHours = input.requestExpiryHours;
      if (input.maxMeetingsPerParticipant !== undefined)
        next.maxMeetingsPerParticipant = input.maxMeetingsPerParticipant;
      await manager.upsert(MeetingSettings, next, ['eventId']);
      return next;
    });
  }
}
