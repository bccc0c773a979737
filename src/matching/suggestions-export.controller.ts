import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Actor, StaffActor } from '../auth/actor';
import { sendCsv, toCsv } from '../common/csv/csv-file';
import { InviteeRecommendationRow, InviteeRecommendationsService } from './invitee-recommendations.service';
import { InviteeRecommendationsQuery } from './dto/invitee-recommendations.query';
import { MeetingRequestStatus } from '../meetings/meeting-enums';
import { ListedSuggestion, SuggestionsService, UnmatchedParticipant } from './suggestions.service';
import { UNMATCHED_REASON_LABEL } from './unmatched-reason';
import { personColumns } from '../participants/person-csv-columns';

const NAMES = ['name', 'furigana', 'company'] as const;

@Controller('exports/events')
export class SuggestionsExportController {
  constructor(
    private readonly suggestions: SuggestionsService,
    private readonly invitees: InviteeRecommendationsService,
  ) {}

  /** おすすめ一覧 of one event: who was suggested to whom, why, and whether they dismissed it. */
  @Get(':eventId/suggestions.csv')
  @AllowStaff()
  async exportSuggestions(
    @CurrentActor() actor: Actor,
    @Param('eventId') eventId: string,
    @Res() response: Response,
  ): Promise<void> {
    const { event, rows } = await this.suggestions.forExport(actor, eventId);
    const csv = toCsv<ListedSuggestion>(
      [
        ...personColumns<ListedSuggestion>(({ suggestion: s }) => s.participant, NAMES),
        { header: '順位', value: ({ suggestion: s }) => s.rank },
        // The one suggested to them.
        ...personColumns<ListedSuggestion>(({ suggestion: s }) => s.suggestedParticipant, NAMES, {
          prefix: '相手の',
        }),
        { header: 'スコア', value: ({ suggestion: s }) => s.score.toFixed(3) },
        { header: '理由', value: ({ suggestion: s }) => s.reasons.join(' / ') },
        { header: '非表示', value: ({ suggestion: s }) => s.dismissed },
        // What came of it, for staff following up on the pairs they suggested.
        { header: '面談の申込', value: ({ request }) => requestLabel(request) },
        { header: '両者とも参加登録中', value: ({ bothRegistered }) => bothRegistered },
        { header: '計算日時', value: ({ suggestion: s }) => s.run.finishedAt },
      ],
      rows,
    );
    sendCsv(response, `${event.title}_おすすめ一覧.csv`, csv);
  }

  /**
   * おすすめなし一覧 (`participantsWithoutSuggestions`): whom the latest run left without anyone to
   * meet, with why and how to reach them, for staff pairing them by hand.
   */
  @Get(':eventId/participants-without-suggestions.csv')
  @AllowStaff()
  async exportParticipantsWithoutSuggestions(
    @CurrentActor() actor: Actor,
    @Param('eventId') eventId: string,
    @Res() response: Response,
  ): Promise<void> {
    const { event, run, rows } = await this.suggestions.withoutSuggestions(actor, eventId);
    const csv = toCsv<UnmatchedParticipant>(
      [
        ...personColumns<UnmatchedParticipant>((r) => r.participant, NAMES),
        { header: '提供できること', value: (r) => r.participant.offers.join(' / ') },
        { header: '求めること', value: (r) => r.participant.needs.join(' / ') },
        ...personColumns<UnmatchedParticipant>((r) => r.participant, ['email', 'phone']),
        { header: '参加登録日時', value: (r) => r.registeredAt },
        { header: 'おすすめがない理由', value: (r) => UNMATCHED_REASON_LABEL[r.reason] },
        { header: '計算日時', value: () => run.finishedAt },
      ],
      rows,
    );
    sendCsv(response, `${event.title}_おすすめなし一覧.csv`, csv);
  }

  /** 招待候補 (`recommendInvitees`), best first, with their contact details for the invitation. */
  @Get(':eventId/invitee-recommendations.csv')
  @AllowStaff()
  async exportInviteeRecommendations(
    @CurrentActor() actor: StaffActor,
    @Param('eventId') eventId: string,
    @Query() query: InviteeRecommendationsQuery,
    @Res() response: Response,
  ): Promise<void> {
    const { event, rows } = await this.invitees.recommend(actor, eventId, query.first);
    const csv = toCsv<InviteeRecommendationRow & { rank: number }>(
      [
        { header: '順位', value: (r) => r.rank },
        ...personColumns<InviteeRecommendationRow & { rank: number }>(
          (r) => r.participant,
          [...NAMES, 'email'],
        ),
        { header: 'スコア', value: (r) => r.score.toFixed(3) },
        { header: '理由', value: (r) => r.reasons.join(' / ') },
      ],
      rows.map((row, index) => ({ ...row, rank: index + 1 })),
    );
    sendCsv(response, `${event.title}_招待候補.csv`, csv);
  }
}

/** The pair's request as the row's participant stands in it; empty when neither has asked. */
function requestLabel(request: ListedSuggestion['request']): string | null {
  if (!request) return null;
  if (request.status === MeetingRequestStatus.ACCEPTED) return '面談成立';
  if (request.status === MeetingRequestStatus.DECLINED)
    return '申込に相手が見送り（このイベントでは再申込不可）';
  return request.incoming ? '相手から申込あり（回答待ち）' : '申込済み（相手の回答待ち）';
}
