/**
 * `npm run demo`: with the platform running (`npm start`), plays a realistic month through
 * the public REST APIs and prints what happened: each operation accepted or refused and why,
 * the invoices of the billing run, their payments and e-mails.
 */
import { loadConfig } from '@boissipay/runtime';
import { billingConfig } from '../billing-service/src/config';
import { serviceIdentities, serviceNames, type ServiceName } from './platform';
import { localEndpoints } from '../infra/endpoints';
import { playMonth, type MonthOutcome } from './demo/month-scenario';
import { platformClient } from './demo/platform-client';

const baseUrlOf = (service: ServiceName) => `http://127.0.0.1:${serviceIdentities[service].port}`;

async function platformIsUp(): Promise<ServiceName[]> {
  const down: ServiceName[] = [];
  for (const service of serviceNames) {
    const ready = await fetch(`${baseUrlOf(service)}/health/ready`).then((response) => response.ok, () => false);
    if (!ready) down.push(service);
  }
  return down;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`).join('\n');
}

function print(outcome: MonthOutcome): void {
  console.log(`\nThe month ${outcome.period}, played through the REST APIs\n`);
  console.log('Customers');
  console.log(table(outcome.customers.map((customer) => [customer.name, customer.contractRef, customer.language, customer.iban, customer.billingEmail])));
  console.log('\nOperations, decided on the spot');
  console.log(
    table(
      outcome.operations.map((operation) => [
        operation.customer,
        operation.what,
        operation.amount,
        operation.status === 'ACCEPTED' ? 'accepted' : `REJECTED ${operation.code}: ${operation.reason ?? ''}`,
      ]),
    ),
  );
  console.log(`\nBilling run ${outcome.run.runId}: ${outcome.run.status} in ${outcome.run.durationMs} ms`);
  console.log(
    table([
      ['invoice', 'customer', 'type', 'total', 'payment', 'e-mail', 'outstanding now'],
      ...outcome.invoices.map((invoice) => [
        invoice.invoiceRef,
        invoice.customer,
        invoice.invoiceType,
        invoice.totalWithTax,
        invoice.payment,
        `${invoice.delivery} to ${invoice.recipient}`,
        invoice.outstandingAfter,
      ]),
    ]),
  );
  console.log(`\nRead the e-mails (the invoices with their PDF, and the customer notices: Initech suspended, then reactivated) at ${localEndpoints.mailApiUrl}`);
  console.log('Browse the APIs at http://127.0.0.1:8181/docs (billing), :8080/docs, :8282/docs, :8383/docs.\n');
}

async function main(): Promise<void> {
  const down = await platformIsUp();
  if (down.length > 0) {
    console.error(`Not running: ${down.join(', ')}. Start the platform first with \`npm start\` (in another terminal).`);
    process.exitCode = 1;
    return;
  }
  const client = platformClient(baseUrlOf, loadConfig(billingConfig).AUTH_JWT_SECRET as string);
  print(await playMonth(client));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
