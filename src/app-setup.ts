import { NestExpressApplication } from '@nestjs/platform-express';

/** Request size: a 10,000-row participant sheet, base64-encoded, is about 3 MB. */
export const MAX_REQUEST_BODY = '25mb';

/** HTTP settings shared by the service, the integration tests and the benchmarks. */
export function configureHttp(app: NestExpressApplication): NestExpressApplication {
  app.useBodyParser('json', { limit: MAX_REQUEST_BODY });
  app.useBodyParser('urlencoded', { limit: '1mb', extended: false });
  app.enableShutdownHooks();
  return app;
}
