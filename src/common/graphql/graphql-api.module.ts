import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { AppConfig } from '../../config/app-config';
import { formatGraphqlError } from './graphql-errors';
import { TokyoDateTime } from './tokyo-date-time.scalar';

/** Apollo at /graphql, code-first; the schema is built from the resolvers and models at boot. */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        autoSchemaFile: true,
        sortSchema: true,
        path: '/graphql',
        buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: TokyoDateTime }] },
        context: ({ req }: { req: Request }) => ({ req }),
        includeStacktraceInErrorResponses: false,
        formatError: formatGraphqlError,
        introspection: true,
        graphiql: config.NODE_ENV !== 'production',
      }),
    }),
  ],
})
export class GraphqlApiModule {}
