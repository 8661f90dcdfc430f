// CommonJS, so that a Jest test can load it and lint through ESLint's Node API
// (test/architecture/dependency-rule.repo.test.ts): Jest cannot import an ES module.
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const js = require('@eslint/js');
const globals = require('globals');
const tseslint = require('typescript-eslint');

const repoRoot = __dirname;

/** The service folders (a `src/main.ts` at the repository root) and their package names. */
const services = readdirSync(repoRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(repoRoot, entry.name, 'src', 'main.ts')))
  .map(({ name: folder }) => ({ folder, packageName: JSON.parse(readFileSync(path.join(repoRoot, folder, 'package.json'), 'utf8')).name }));

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Imports reaching `others` by a relative path out of the importing folder, or by package name. */
const serviceImports = (others, message) =>
  others.map(({ folder, packageName }) => ({ regex: `^((\\.\\./)+${escape(folder)}|${escape(packageName)})(/|$)`, message }));

// The dependency rule (docs/adr/0014-dependency-rule-by-lint.md): the domain is pure, a service
// reaches another only through Kafka, the runtime serves every service and knows none.
const domainMessage = 'The domain is pure: it depends on nothing but itself, @boissipay/money, @boissipay/contracts and @boissipay/runtime/retry-policy.';
const infrastructurePackages = [
  'express',
  'express-openapi-validator',
  'swagger-ui-express',
  'pg',
  'kafkajs',
  '@kafkajs/confluent-schema-registry',
  'avsc',
  'drizzle-orm',
  'drizzle-kit',
  'nodemailer',
  'pdfkit',
  'node-cron',
  'pino',
  'jose',
  'supertest',
  '@opentelemetry/api',
  'preact',
  'preact-render-to-string',
  'openid-client',
  'openapi-fetch',
  'express-session',
  'connect-pg-simple',
];
const ioModules = ['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'child_process', 'dgram', 'dns', 'tls', 'worker_threads'];
const domainImports = [
  { regex: `^(\\.\\./)+(app|infra|http|events)(/|$)`, message: domainMessage },
  { regex: `^(\\.\\./)+(service|main|config)$`, message: domainMessage },
  { regex: `^(${infrastructurePackages.map(escape).join('|')})(/|$)`, message: domainMessage },
  // The runtime is I/O, but for its retry policy: pure arithmetic the domain decides retries with.
  { regex: '^@boissipay/runtime(?!/retry-policy$)(/|$)', message: domainMessage },
  { regex: `^(node:)?(${ioModules.map(escape).join('|')})$`, message: domainMessage },
];

const dependencyRule = [
  ...services.flatMap((service) => {
    const others = serviceImports(
      services.filter((other) => other !== service),
      'A service reaches another only through its events on Kafka, never through its code.',
    );
    return [
      { files: [`${service.folder}/src/**`], rules: { 'no-restricted-imports': ['error', { patterns: others }] } },
      { files: [`${service.folder}/src/domain/**`], rules: { 'no-restricted-imports': ['error', { patterns: [...others, ...domainImports] }] } },
    ];
  }),
  {
    files: ['packages/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: serviceImports(services, 'The shared packages serve every service and know none.') }] },
  },
];

module.exports = tseslint.config(
  {
    ignores: ['**/node_modules/**', 'infra/.runtime/**', '**/generated/**', '**/drizzle/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['scripts/**', 'infra/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Pages are JSX with Preact's `h` (the @jsx pragma of each .tsx file): `h` and `Fragment` are used by JSX.
    files: ['backoffice/**/*.tsx'],
    languageOptions: { parserOptions: { jsxPragma: 'h', jsxFragmentName: 'Fragment' } },
  },
  {
    // The back office's scripts run in the browser.
    files: ['backoffice/src/http/assets/**'],
    languageOptions: { globals: globals.browser },
  },
  ...dependencyRule,
);
