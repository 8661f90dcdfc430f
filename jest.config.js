/**
 * Four kinds of tests, one runner (`npm test` runs them all; `npm run test:<kind>` one kind):
 * - unit: `*.unit.test.ts`, pure domain/runtime logic, no I/O;
 * - int: `*.int.test.ts`, against the real local PostgreSQL, Kafka, schema registry and SMTP
 *   catcher that `npm test` starts first (infra/cli.ts start);
 * - e2e: `*.e2e.test.ts`, several services together on that same infrastructure;
 * - repo: `*.repo.test.ts`, checks of the repository's own files (compose, Dockerfile, docs,
 *   workflows, generated files, the dependency rule): no infrastructure.
 * TypeScript is stripped by sucrase: fast, pure JavaScript (no platform-specific binary to
 * install), and type errors are `npm run typecheck`'s job anyway.
 */
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': '@sucrase/jest-plugin' },
  testPathIgnorePatterns: ['/node_modules/', '/infra/.runtime/'],
  modulePathIgnorePatterns: ['<rootDir>/infra/.runtime/'],
};

const project = (kind) => ({ ...common, displayName: kind, testMatch: [`<rootDir>/**/*.${kind}.test.ts`] });

/** @type {import('jest').Config} */
module.exports = {
  // Global only: Jest ignores testTimeout inside a project. Generous for Kafka group joins.
  testTimeout: 60_000,
  // Every test stops what it starts, yet the full run once stayed alive after its summary with
  // no worker left and nothing reported by --detectOpenHandles; CI must never hang on that.
  forceExit: true,
  projects: ['unit', 'int', 'e2e', 'repo'].map(project),
};
