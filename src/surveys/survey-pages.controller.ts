import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { escapeHtml, sendLinkPage } from '../common/html/html-page';
import { InputValidationPipe } from '../common/validation/input-validation.pipe';
import { MAX_COMMENT_LENGTH, SurveyAnswerInput } from './dto/survey-answer.input';
import { SurveyErrors } from './surveys.errors';
import { SurveysService } from './surveys.service';

const TEXT = {
  ja: {
    title: 'アンケート',
    intro: (name: string, event: string) => `${name} 様、「${event}」へのご参加ありがとうございました。`,
    gained: 'このイベントは、受注機会の拡大につながりましたか？',
    yes: 'はい',
    no: 'いいえ',
    satisfaction: '満足度をお聞かせください（5: 満足 〜 1: 不満）',
    comment: 'ご意見・ご感想（任意）',
    button: '回答する',
    previousAnswer: '以前の回答が入っています。修正して送ることもできます。',
    thanks: 'ご回答ありがとうございました。今後の事業の参考にさせていただきます。',
    updated: '回答を修正しました。ありがとうございました。',
    error: '回答できませんでした',
  },
  en: {
    title: 'Survey',
    intro: (name: string, event: string) => `Dear ${name}, thank you for taking part in "${event}".`,
    gained: 'Did this event open up new business opportunities for you?',
    yes: 'Yes',
    no: 'No',
    satisfaction: 'How satisfied were you? (5: very satisfied – 1: not satisfied)',
    comment: 'Anything you would like to tell us (optional)',
    button: 'Send',
    previousAnswer: 'Your earlier answer is filled in; you can change it and send again.',
    thanks: 'Thank you for your answers. They help us plan the next events.',
    updated: 'Your answers have been updated. Thank you.',
    error: 'We could not record your answers',
  },
} as const;

const YES_NO = new Map([
  ['yes', true],
  ['no', false],
]);

/**
 * The page behind the survey link. GET shows the form (filled with an earlier answer), changing
 * nothing; POST records the answer. Radio buttons are `required`, so a browser sends a whole answer.
 */
@Controller('surveys')
export class SurveyPagesController {
  private readonly validation = new InputValidationPipe();

  constructor(private readonly surveys: SurveysService) {}

  @Get('answer')
  @Public()
  async form(
    @Query('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await sendLinkPage(
      request,
      response,
      TEXT,
      () => this.surveys.preview(String(token ?? '')),
      (preview) => {
        // No form whose answer could only be refused; thrown here, the page is in their language.
        if (!preview.answerable) throw SurveyErrors.notAParticipant();
        const text = TEXT[preview.locale];
        const previous = preview.previous;
        const radio = (name: string, value: string, label: string, checked: boolean) =>
          `<label style="margin-right:16px"><input type="radio" name="${name}" value="${value}" required${checked ? ' checked' : ''}> ${escapeHtml(label)}</label>`;
        const body = [
          `<p>${escapeHtml(text.intro(preview.participantName, preview.eventTitle))}</p>`,
          previous ? `<p>${escapeHtml(text.previousAnswer)}</p>` : '',
          `<form method="post" action="answer">`,
          `<input type="hidden" name="token" value="${escapeHtml(String(token))}">`,
          `<p><strong>${escapeHtml(text.gained)}</strong><br>`,
          radio('gainedOpportunities', 'yes', text.yes, previous?.gainedOpportunities === true),
          radio('gainedOpportunities', 'no', text.no, previous?.gainedOpportunities === false),
          `</p><p><strong>${escapeHtml(text.satisfaction)}</strong><br>`,
          [5, 4, 3, 2, 1]
            .map((score) =>
              radio('satisfaction', String(score), String(score), previous?.satisfaction === score),
            )
            .join(''),
          `</p><p><label for="comment"><strong>${escapeHtml(text.comment)}</strong></label><br>`,
          `<textarea id="comment" name="comment" rows="4" maxlength="${MAX_COMMENT_LENGTH}" style="width:100%;box-sizing:border-box;font:inherit">${escapeHtml(previous?.comment ?? '')}</textarea></p>`,
          `<button type="submit">${escapeHtml(text.button)}</button>`,
          `</form>`,
        ].join('\n');
        return { title: text.title, body };
      },
    );
  }

  @Post('answer')
  @Public()
  @HttpCode(200)
  async answer(
    @Body() form: Record<string, string | undefined>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const token = String(form?.token ?? '');
    await sendLinkPage(
      request,
      response,
      TEXT,
      () => this.surveys.preview(token),
      async ({ locale }) => {
        const input = (await this.validation.transform(
          {
            gainedOpportunities: YES_NO.get(form?.gainedOpportunities ?? ''),
            satisfaction: form?.satisfaction ? Number(form.satisfaction) : undefined,
            comment: form?.comment ?? '',
          },
          { type: 'body', metatype: SurveyAnswerInput },
        )) as SurveyAnswerInput;
        const result = await this.surveys.submit(token, input);
        const text = TEXT[locale];
        const body = [
          `<p><strong>${escapeHtml(result.eventTitle)}</strong></p>`,
          `<p>${escapeHtml(result.updated ? text.updated : text.thanks)}</p>`,
        ].join('\n');
        return { title: text.title, body };
      },
    );
  }
}
