import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AllowStaff, CurrentActor } from '../auth/access.decorators';
import { Actor } from '../auth/actor';
import { sendCsv, toCsv } from '../common/csv/csv-file';
import { EventsService } from '../events/events.service';
import { PERSON_CSV_HEADER } from '../participants/person-csv-columns';
import { SurveyAnswerModel } from './models/survey-results.model';
import { SurveysService } from './surveys.service';

@Controller('exports/events')
export class SurveysExportController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly events: EventsService,
  ) {}

  /** アンケート回答一覧 of one event, newest first, as `surveyResults` shows them. */
  @Get(':eventId/survey.csv')
  @AllowStaff()
  async exportAnswers(
    @CurrentActor() actor: Actor,
    @Param('eventId') eventId: string,
    @Res() response: Response,
  ): Promise<void> {
    const event = await this.events.getManaged(actor, eventId);
    const results = await this.surveys.results(actor, eventId);
    const csv = toCsv<SurveyAnswerModel>(
      [
        { header: '回答日時', value: (a) => a.answeredAt },
        { header: PERSON_CSV_HEADER.name, value: (a) => a.participantName },
        { header: PERSON_CSV_HEADER.company, value: (a) => a.companyName },
        { header: '受注機会の拡大', value: (a) => a.gainedOpportunities },
        { header: '満足度', value: (a) => a.satisfaction },
        { header: 'ご意見', value: (a) => a.comment },
        { header: '参加者ID', value: (a) => a.participantId },
      ],
      results.answers,
    );
    sendCsv(response, `${event.title}_アンケート回答.csv`, csv);
  }
}
