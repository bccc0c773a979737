import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlArgumentsHost, GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { sendErrorPage } from '../html/html-page';
import { GraphQLError } from 'graphql';
import { AppError, ErrorKind } from './app-error';

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
 * trace or SQL ever leaves the process.
 */
@Catch()
export class AppExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger(AppExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost) {
    const error = this.toAppError(exception);
    if (host.getType<GqlContextType>() === 'graphql') {
      const { req } = GqlArgumentsHost.create(host).getContext<{ req?: { actor?: { locale?: string } } }>();
      // A participant whose locale is en reads the English message where the error has one.
      const english = req?.actor?.locale === 'en';
      if (!error)
        return new GraphQLError(english ? 'Something went wrong on our side.' : '内部エラーが発生しました', {
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
      return new GraphQLError((english && error.english) || error.message, {
        extensions: { code: error.kind, reason: error.code, ...(error.field ? { field: error.field } : {}) },
      });
    }
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    // A browser (a link from an email cut short, an address typed by hand) is shown a page in its
    // language; API clients and scripts keep the JSON.
    const request = http.getRequest<Request>();
    if (request.accepts(['json', 'html']) === 'html') {
      sendErrorPage(
        request,
        response,
        error ? HTTP_STATUS[error.kind] : 500,
        error ?? { message: '内部エラーが発生しました', english: 'Something went wrong on our side.' },
      );
      return;
    }
    if (!error) {
      response.status(500).json({ error: 'INTERNAL_SERVER_ERROR', message: '内部エラーが発生しました' });
      return;
    }
    response
      .status(HTTP_STATUS[error.kind])
      .json({ error: error.kind, reason: error.code, message: error.message, field: error.field });
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
        return new AppError(ErrorKind.BAD_USER_INPUT, 'REQUEST_TOO_LARGE', '送信データが大きすぎます');
      return new AppError(ErrorKind.BAD_USER_INPUT, 'BAD_REQUEST', exception.message);
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return undefined;
  }
}
