/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', {}] as [string, Record<string, unknown>] },
  testEnvironmentOptions: { customExportConditions: ['hook0-source', 'node', 'require'] },
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
};

const config: Config = {
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
  // A global option: Jest ignores it inside a project. Integration tests drive real processes.
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{libs,services}/*/src/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services}/*/src/**/*.int-spec.ts', '<rootDir>/tests/e2e/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
    },
    {
      // Real processes killed, RabbitMQ and PostgreSQL stopped: run alone, one file at a time (npm run test:faults).
      ...shared,
      displayName: 'faults',
      testMatch: ['<rootDir>/tests/faults/**/*.fault-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
    },
    // The dashboard in Debian's Chromium against the API and a dispatcher, with axe-core checks (npm run test:browser).
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
    },
    // The README's walk-through run as written against `npm start`, on the README's own ports (npm run test:readme).
    { ...shared, displayName: 'readme', testMatch: ['<rootDir>/tests/readme/**/*.readme-spec.ts'] },
    // The deploy files (dashboard, alert rules, compose, Kubernetes) checked with promtool, docker-compose and kubectl.
    { ...shared, displayName: 'deploy', testMatch: ['<rootDir>/deploy/checks/**/*.spec.ts'] },
    // docker-compose.yml started for real on a Docker engine, the image built from the Dockerfile (npm run test:compose).
    { ...shared, displayName: 'compose', testMatch: ['<rootDir>/tests/compose/**/*.compose-spec.ts'] },
  ],
};

export default config;
