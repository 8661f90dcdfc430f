/**
 * `npm run db:migrate`: creates each service's database if missing and applies its pending
 * migrations (services also do this at start-up; this is for operators and upgrades).
 */
import { loadConfig, migrateServiceDatabase, serviceNames } from '@boissipay/runtime';
import { serviceDefinitions } from './service-definitions';

async function main(): Promise<void> {
  for (const name of serviceNames) {
    const { DATABASE_URL } = loadConfig(name, { ...process.env, DATABASE_URL: undefined });
    const started = Date.now();
    await migrateServiceDatabase(DATABASE_URL, serviceDefinitions[name].migrationsFolder);
    console.log(`${name.padEnd(17)} migrated ${new URL(DATABASE_URL).pathname.slice(1)} in ${Date.now() - started} ms`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
