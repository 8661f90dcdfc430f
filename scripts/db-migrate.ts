/**
 * `npm run db:migrate`: creates each service's database if missing and applies its pending
 * migrations (services also do this at start-up; this is for operators and upgrades).
 */
import { loadConfig, migrateServiceDatabase } from '@boissipay/runtime';
import { serviceDefinitions } from './service-definitions';

async function main(): Promise<void> {
  for (const definition of serviceDefinitions) {
    const { name } = definition.config.identity;
    const { DATABASE_URL } = loadConfig(definition.config, { ...process.env, DATABASE_URL: undefined });
    const started = Date.now();
    await migrateServiceDatabase(DATABASE_URL, definition.migrationsFolder);
    console.log(`${name.padEnd(17)} migrated ${new URL(DATABASE_URL).pathname.slice(1)} in ${Date.now() - started} ms`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
