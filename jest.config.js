/**
 * Two projects: `unit` specs sit beside the code and need nothing running;
 * `integration` specs under test/ boot the real AppModule against Postgres, Redis and a loopback SMTP server.
 *
 * NestJS 12 and several of its neighbours ship only ES modules, which Jest's CommonJS runtime cannot
 * load; swc compiles them (and our TypeScript, with decorator metadata) to CommonJS on the way in.
 * @type {import('jest').Config}
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const shared = {
  testEnvironment: 'node',
  rootDir: '.',
  transform: { '^.+\\.(t|m?j)s$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|@apollo/server|@as-integrations|ical\\.js|csv-parse|csv-stringify|nodemailer|file-type|strtok3|token-types|uint8array-extras|@tokenizer|load-esm|@borewit)/)',
  ],
};
module.exports = {
  testTimeout: 120000,
  // A fresh worker per test file: @nestjs/graphql keeps type metadata across files in one process,
  // and a second AppModule built in the same worker trips over the first file's GraphQL scalars.
  // Two files run at once (`--maxWorkers=2` in package.json): each has its own database, queue
  // prefix, mail folder and SMTP port. Two halved the time of one; three were no faster than two on
  // the two cores (791 against 797 s for the whole suite, 2026-12-07): the files' processes, the
  // service, Postgres and Redis between them keep both cores busy.
  workerIdleMemoryLimit: '1KB',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/connection-guard.ts'],
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
