// Two Jest projects: fast unit tests beside the code, and integration tests that boot the API
// against a real PostgreSQL database cloned per file from a migrated template (see test/global-setup.js).
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  moduleNameMapper: { '^@shanhai/(domain|persistence|contract|payments)$': '<rootDir>/libs/$1/src/index.ts' },
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/libs/.*/dist'],
  rootDir: __dirname,
};

module.exports = {
  // Integration tests boot the app and race hundreds of requests; the machine is shared and slow at times.
  testTimeout: 60000,
  // A test file that leaves a socket open must not hang CI after every result is in.
  forceExit: true,
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots: ['<rootDir>/libs', '<rootDir>/apps/api', '<rootDir>/apps/worker', '<rootDir>/apps/stripe-emulator'],
      testMatch: ['**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      roots: ['<rootDir>/apps/api', '<rootDir>/apps/worker'],
      testMatch: ['**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
};
