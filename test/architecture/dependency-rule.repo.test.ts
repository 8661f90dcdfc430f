import path from 'node:path';
import { ESLint } from 'eslint';

const repoRoot = path.resolve(__dirname, '../..');
// The repository's own configuration, passed in: ESLint would import the file, which Jest cannot.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: require('../../eslint.config.js') });

/** The messages of the dependency rule that `source` gets, linted as if it were the file at `file`. */
async function restrictedImportsIn(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(repoRoot, file) });
  // A parse error or an ignored path would pass every "lint passes" case for the wrong reason.
  expect(result?.messages.filter((message) => message.ruleId === null)).toEqual([]);
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

const importing = (from: string) => `import { thing } from '${from}';\nexport const used = thing;\n`;

describe('the dependency rule, enforced by npm run lint', () => {
  it.each([
    ['its app layer', '../app/submission'],
    ['its infrastructure', '../infra/operations.repository'],
    ['its HTTP layer', '../http/billing-routes'],
    ['its event mapping', '../events/contract-event'],
    ['its composition root', '../service'],
    ['express', 'express'],
    ['pg', 'pg'],
    ['kafkajs', 'kafkajs'],
    ['drizzle', 'drizzle-orm/pg-core'],
    ['the runtime', '@boissipay/runtime'],
    ['the runtime by a subpath', '@boissipay/runtime/testing'],
    ['the file system', 'node:fs/promises'],
  ])('when a domain file imports %s, then lint fails', async (_what, from) => {
    expect(await restrictedImportsIn('billing-service/src/domain/decide-purchase.ts', importing(from))).toEqual([expect.stringContaining('The domain is pure')]);
  });

  it('when a domain file imports another domain file, money and the generated contracts, then lint passes', async () => {
    const source = [importing('./order-totals'), "import { Money } from '@boissipay/money';", "import type { contractLifecycleV1Event } from '@boissipay/contracts';"].join('\n');
    expect(await restrictedImportsIn('billing-service/src/domain/decide-purchase.ts', `${source}\nexport type T = [Money, contractLifecycleV1Event.ContractLifecycleEvent];\n`)).toEqual([]);
  });

  it.each([
    ['by a relative path', 'payment-service/src/app/settle.ts', '../../../billing-service/src/domain/invoice'],
    ['by its package name', 'payment-service/src/app/settle.ts', '@boissipay/billing-service'],
    ['from its domain', 'invoice-mailer/src/domain/invoice.ts', '../../../contract-service/src/domain/dates'],
  ])('when a service imports another service %s, then lint fails', async (_how, file, from) => {
    expect(await restrictedImportsIn(file, importing(from))).toEqual([expect.stringContaining('only through its events on Kafka')]);
  });

  it('when the runtime imports a service, then lint fails', async () => {
    expect(await restrictedImportsIn('packages/runtime/src/service/start-service.ts', importing('../../../../contract-service/src/service'))).toEqual([
      expect.stringContaining('know none'),
    ]);
  });

  it('when an app file imports its infrastructure and the runtime, then lint passes', async () => {
    expect(await restrictedImportsIn('billing-service/src/app/submission.ts', `${importing('../infra/operations.repository')}import { startService } from '@boissipay/runtime';\nexport const s = startService;\n`)).toEqual([]);
  });

  describe('the back office, a service like the others', () => {
    it.each([
      ['preact', 'preact'],
      ['its page renderer', 'preact-render-to-string'],
      ['openid-client', 'openid-client'],
      ['openapi-fetch', 'openapi-fetch'],
      ['its HTTP layer', '../http/pages/layout'],
      ['its live feed', '../app/live-feed'],
    ])('when a back-office domain file imports %s, then lint fails', async (_what, from) => {
      expect(await restrictedImportsIn('backoffice/src/domain/permissions.ts', importing(from))).toEqual([expect.stringContaining('The domain is pure')]);
    });

    it.each([
      ['by a relative path', '../../../billing-service/src/domain/decide-purchase'],
      ['by its package name', '@boissipay/billing-service'],
    ])("when the back office imports a service's code %s, then lint fails: it reaches them through their APIs and topics", async (_how, from) => {
      expect(await restrictedImportsIn('backoffice/src/http/overview-routes.tsx', importing(from))).toEqual([expect.stringContaining('only through its events on Kafka')]);
    });

    it('when the runtime imports the back office, then lint fails', async () => {
      expect(await restrictedImportsIn('packages/runtime/src/service/start-service.ts', importing('@boissipay/backoffice'))).toEqual([expect.stringContaining('know none')]);
    });

    it('when a back-office page imports the generated API types, then lint passes', async () => {
      expect(await restrictedImportsIn('backoffice/src/http/pages/contracts.tsx', "import type { contractApi } from '@boissipay/contracts';\nexport type C = contractApi.paths;\n")).toEqual([]);
    });
  });
});
