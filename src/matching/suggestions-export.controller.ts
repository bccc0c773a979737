import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, CurrentActor } from '../auth/access.decorators';
import { Actor, Role } from '../auth/actor';
import { sendCsv, toCsv } from '../common/csv/csv-file';
import { Suggestion } from './suggestion.entity';
import { SuggestionsService } from './suggestions.service';

@Controller('exports/events')
export class SuggestionsExportController {
  constructor(private readonly suggestions: SuggestionsService) {}

  /** おすすめ一覧 of one event: who was suggested to whom, why, and whether they dismissed it. */
  @Get(':eventId/suggestions.csv')
  @Allow(Role.ADMIN, Role.ORGANIZER, Role.STAFF)
  async exportSuggestions(
    @CurrentActor() actor: Actor,
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Res() response: Response,
  ): Promise<void> {
    const { event, rows } = await this.suggestions.forExport(actor, eventId);
    const csv = toCsv<Suggestion>(
      [
        { header: '参加者', value: (s) => s.participant.name },
        { header: 'フリガナ', value: (s) => s.participant.furigana },
        { header: '事業者名', value: (s) => s.participant.company?.name },
        { header: '順位', value: (s) => s.rank },
        { header: 'おすすめの相手', value: (s) => s.suggestedParticipant.name },
        { header: '相手のフリガナ', value: (s) => s.suggestedParticipant.furigana },
        { header: '相手の事業者名', value: (s) => s.suggestedParticipant.company?.name },
        { header: 'スコア', value: (s) => s.score.toFixed(3) },
        { header: '理由', value: (s) => s.reasons.join(' / ') },
        { header: '非表示', value: (s) => s.dismissed },
        { header: '計算日時', value: (s) => s.run.finishedAt },
      ],
      rows,
    );
    sendCsv(response, `${event.title}_おすすめ一覧.csv`, csv);
  }
}
