/**
 * Two levels of tests, one runner:
 * - unit: `*.unit.test.ts`, pure domain/runtime logic, no I/O;
 * - int: `*.int.test.ts` (and `*.e2e.test.ts`), against the real local PostgreSQL, Kafka,
 *   schema registry and SMTP catcher that `npm test` starts first (infra/cli.ts start).
 * TypeScript is stripped by sucrase: fast, pure JavaScript (no platform-specific binary to
 * install), and type errors are `npm run typecheck`'s job anyway.
 */
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': '@sucrase/jest-plugin' },
  testPathIgnorePatterns: ['/node_modules/', '/infra/.runtime/'],
  modulePathIgnorePatterns: ['<rootDir>/infra/.runtime/'],
};

/** @type {import('jest').Config} */
module.exports = {
  // Global only: Jest ignores testTimeout inside a project. Generous for Kafka group joins.
  testTimeout: 60_000,
  // Every test stops what it starts, yet the full run once stayed alive after its summary with
  // no worker left and nothing reported by --detectOpenHandles; CI must never hang on that.
  forceExit: true,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/**/*.unit.test.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/**/*.int.test.ts', '<rootDir>/**/*.e2e.test.ts'] },
  ],
};
