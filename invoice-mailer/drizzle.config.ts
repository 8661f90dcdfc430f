import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate` turns changes of the schema into a new SQL migration in drizzle/. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/infra/schema.ts',
  out: './drizzle',
});
