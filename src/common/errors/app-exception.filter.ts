import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlArgumentsHost, GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { SessionReader } from '../../auth/session-reader';
import { browserLocale, sendErrorPage } from '../html/html-page';
import { GraphQLError } from 'graphql';
import { AppError, ErrorKind, INTERNAL_ERROR, NotFoundError } from './app-error';
import { englishMessage } from './english-fallback';

const HTTP_STATUS: Record<ErrorKind, number> = {
  [ErrorKind.BAD_USER_INPUT]: 400,
  [ErrorKind.UNAUTHENTICATED]: 401,
  [ErrorKind.FORBIDDEN]: 403,
  [ErrorKind.NOT_FOUND]: 404,
  [ErrorKind.CONFLICT]: 409,
};

/**
 * The one place where errors become what a client sees. AppErrors keep their kind, code and field;
 * anything else is logged here and reaches the client as a bare INTERNAL_SERVER_ERROR, so no stack
 * trace or SQL ever leaves the process. The message is in its reader's language, as GraphQL's are
 * (formatGraphqlError) and the pages' (sendErrorPage).
 */
@Catch()
export class AppExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger(AppExceptionFilter.name);

  constructor(private readonly sessions: SessionReader) {}

  catch(exception: unknown, host: ArgumentsHost) {
    const error = this.toAppError(exception);
    if (host.getType<GqlContextType>() === 'graphql') {
      if (!error)
        return new GraphQLError(INTERNAL_ERROR.message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      const field =
        error.field ??
        (error instanceof NotFoundError && error.id
          ? argumentHolding(GqlArgumentsHost.create(host).getArgs(), error.id)
          : undefined);
      // The message in the reader's language is chosen when Apollo formats it (formatGraphqlError),
      // from the AppError kept as the original.
      return new GraphQLError(error.message, {
        extensions: { code: error.kind, reason: error.code, ...(field ? { field } : {}) },
        originalError: error,
      });
    }
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    // A browser (a link from an email cut short, an address typed by hand) is shown a page in its
    // language; API clients and scripts keep the JSON.
    const request = http.getRequest<Request>();
    if (request.accepts(['json', 'html']) === 'html') {
      sendErrorPage(request, response, error ? HTTP_STATUS[error.kind] : 500, error ?? INTERNAL_ERROR);
      return;
    }
    // Nest does not wait for an HTTP filter: the reply goes once its reader is known.
    this.sendJson(request, response, error).catch((failure: unknown) =>
      this.logger.error(failure instanceof Error ? (failure.stack ?? failure.message) : String(failure)),
    );
  }

  /**
   * The JSON of the HTTP routes (CSV exports, the one-click unsubscribe, calendar feeds, …) for a
   * client that is not a browser: the kind, code and field whatever the language; the message in
   * English for a reader whose locale is en (its own English, else a plain sentence chosen by its
   * kind), Japanese for everyone else.
   */
  private async sendJson(request: Request, response: Response, error: AppError | undefined): Promise<void> {
    const english = (await this.readerLocaleOf(request, error)) === 'en';
    // Said outright: a route that answers otherwise (calendar.ics, a CSV export) has set its own
    // type, and the file name to save it under, already.
    response.type('json');
    response.removeHeader('Content-Disposition');
    if (!error) {
      response.status(500).json({
        error: 'INTERNAL_SERVER_ERROR',
        message: english ? INTERNAL_ERROR.english : INTERNAL_ERROR.message,
      });
      return;
    }
    response.status(HTTP_STATUS[error.kind]).json({
      error: error.kind,
      reason: error.code,
      message: english ? englishMessage(error) : error.message,
      field: error.field,
    });
  }

  /**
   * Whom an HTTP route's error is for: the person it names (an ended session's participant), else
   * the one the request's session names (a participant's locale; staff read Japanese), else, before
   * we know who it is, the browser's or app's preference (Accept-Language), as on the pages.
   */
  private async readerLocaleOf(request: Request, error: AppError | undefined): Promise<'ja' | 'en'> {
    if (error?.readerLocale) return error.readerLocale;
    // Reading the session can fail with the database: the refusal still goes, in the request's words.
    const session = await this.sessions.localeOf(request).catch(() => undefined);
    return session ?? browserLocale(request);
  }

  private toAppError(exception: unknown): AppError | undefined {
    if (exception instanceof AppError) return exception;
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      // Framework-level refusals (unknown route, body too large, malformed JSON): the client's doing.
      const status = exception.getStatus();
      if (status === 404)
        return new AppError(ErrorKind.NOT_FOUND, 'NOT_FOUND', 'ページが見つかりません').withEnglish(
          'Page not found.',
        );
      if (status === 413)
        return new AppError(
          ErrorKind.BAD_USER_INPUT,
          'REQUEST_TOO_LARGE',
          '送信データが大きすぎます',
        ).withEnglish('What was sent is too large.');
      return new AppError(ErrorKind.BAD_USER_INPUT, 'BAD_REQUEST', exception.message);
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return undefined;
  }
}

/**
 * The argument that named the id not found, as input errors name fields: `id`, `eventId`, a list
 * such as `participantIds`, or a field inside an input object by its path there (`organizationId`).
 */
export function argumentHolding(args: object, id: string, depth = 0): string | undefined {
  const entries = Object.entries(args);
  for (const [name, value] of entries)
    if (value === id || (Array.isArray(value) && value.includes(id))) return name;
  if (depth > 3) return undefined;
  for (const [name, value] of entries) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date)
      continue;
    const inside = argumentHolding(value, id, depth + 1);
    // Inside an argument (`input`), the path starts there; deeper, it keeps the object's name.
    if (inside) return depth === 0 ? inside : `${name}.${inside}`;
  }
  return undefined;
}
