import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import type { RequestWithActor } from './access.decorators';
import { readerLocale } from './actor';
import { TokenService } from './token.service';

/**
 * Whom a request's errors are for, as far as its session says: the signed-in actor's language (a
 * participant's locale; Japanese for staff), read again from the bearer session when the request
 * was refused before AccessGuard ran (GraphQL refusing a wrong type, an address not there, a body
 * too large). A session that ended (expired, or from before the participant's address changed)
 * still names its reader, who reads its refusal in their language, without being signed in.
 * Undefined when the request names no one: the caller chooses (a link's owner, the browser's).
 * Used by GraphQL's errors (ReaderLanguagePlugin) and the JSON of the HTTP routes (AppExceptionFilter).
 */
@Injectable()
export class SessionReader {
  constructor(private readonly sessions: TokenService) {}

  async localeOf(request: RequestWithActor | undefined): Promise<'ja' | 'en' | undefined> {
    if (request?.actor) return readerLocale(request.actor);
    const header = request?.headers?.authorization;
    if (!header?.startsWith('Bearer ')) return undefined;
    return this.sessions.verify(header.slice('Bearer '.length)).then(
      (actor) => readerLocale(actor),
      // The refusal of an ended session names the participant it was theirs.
      (error: unknown) => (error instanceof AppError ? error.readerLocale : undefined),
    );
  }
}
