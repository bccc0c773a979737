import type {
  ApolloServerPlugin,
  GraphQLRequestContextDidEncounterErrors,
  GraphQLRequestListener,
} from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { InjectDataSource } from '@nestjs/typeorm';
import { getOperationAST, Kind, valueFromASTUntyped } from 'graphql';
import { DataSource } from 'typeorm';
import { TokenPurpose } from '../action-tokens/action-token-purpose';
import { ActionTokensService } from '../action-tokens/action-tokens.service';
import { setErrorReader } from '../common/graphql/error-readers';
import { languageOf } from '../participants/participant-kind';
import type { RequestWithActor } from './access.decorators';
import { SessionReader } from './session-reader';

type Context = { req?: RequestWithActor };

/**
 * Says whom an operation's errors are for, so that formatGraphqlError words them in that person's
 * language: the participant the session names (SessionReader: signed in, or their session ended),
 * else the participant whose emailed link the operation carries as `token` (submitSurvey,
 * respondToInvitation, redeemMagicLink). Staff, and anyone unknown, read Japanese. Only an
 * operation with errors pays for the look-up.
 */
@Plugin()
export class ReaderLanguagePlugin implements ApolloServerPlugin<Context> {
  constructor(
    private readonly sessions: SessionReader,
    private readonly links: ActionTokensService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<Context>> {
    return {
      didEncounterErrors: async (request) => {
        setErrorReader(request.errors, { locale: await this.localeOf(request), schema: request.schema });
      },
    };
  }

  private async localeOf(request: GraphQLRequestContextDidEncounterErrors<Context>): Promise<'ja' | 'en'> {
    const session = await this.sessions.localeOf(request.contextValue.req);
    if (session) return session;
    const token = linkTokenOf(request);
    return token ? ((await this.linkReaderLocale(token)) ?? 'ja') : 'ja';
  }

  /**
   * The language of the participant an emailed link is for, expired or used as it may be: a survey
   * or invitation link names their registration, a sign-in link them.
   */
  private async linkReaderLocale(raw: string): Promise<'ja' | 'en' | undefined> {
    const manager = this.dataSource.manager;
    const token = await this.links.lookUp(manager, raw);
    if (!token) return undefined;
    const merged = await this.links.mergedOwnerLocale(manager, token);
    if (merged) return merged;
    const byRegistration: string[] = [TokenPurpose.SURVEY_ANSWER, TokenPurpose.INVITATION_RESPONSE];
    if (token.purpose !== TokenPurpose.MAGIC_LINK && !byRegistration.includes(token.purpose))
      return undefined;
    // Registrations and participants live in their own modules; one indexed look-up keeps them apart.
    const [participant]: { locale: string | null }[] = await manager.query(
      token.purpose === TokenPurpose.MAGIC_LINK
        ? 'SELECT locale FROM participants WHERE id = $1'
        : 'SELECT p.locale FROM registrations r JOIN participants p ON p.id = r.participant_id WHERE r.id = $1',
      [token.subjectId],
    );
    return participant ? languageOf(participant) : undefined;
  }
}

/** The `token` argument of the operation's first field that has one, as sent (literal or variable). */
function linkTokenOf(request: GraphQLRequestContextDidEncounterErrors<Context>): string | undefined {
  const operation =
    request.operation ??
    (request.document ? getOperationAST(request.document, request.request.operationName) : null);
  for (const selection of operation?.selectionSet.selections ?? []) {
    if (selection.kind !== Kind.FIELD) continue;
    const argument = selection.arguments?.find((candidate) => candidate.name.value === 'token');
    if (!argument) continue;
    const value: unknown = valueFromASTUntyped(argument.value, request.request.variables);
    if (typeof value === 'string') return value;
  }
  return undefined;
}
