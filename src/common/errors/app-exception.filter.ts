import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlArgumentsHost, GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { sendErrorPage } from '../html/html-page';
import { GraphQLError } from 'graphql';
import { AppError, ErrorKind, INTERNAL_ERROR, NotFoundError } from './app-error';

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
    if (!error) {
      response.status(500).json({ error: 'INTERNAL_SERVER_ERROR', message: INTERNAL_ERROR.message });
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
