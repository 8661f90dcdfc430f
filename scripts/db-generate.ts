/**
 * `npm run db:generate -- <migration-name>`: drizzle-kit turns each service's schema changes
 * into a new SQL migration in <service>/drizzle (nothing is written for an unchanged schema).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { serviceNames } from './platform';

const repoRoot = path.resolve(__dirname, '..');
const drizzleKit = path.join(repoRoot, 'node_modules', '.bin', 'drizzle-kit');

const nameArgs = process.argv[2] ? ['--name', process.argv[2]] : [];

for (const service of serviceNames) {
  console.log(`== ${service}`);
  const result = spawnSync(drizzleKit, ['generate', '--config', 'drizzle.config.ts', ...nameArgs], { cwd: path.join(repoRoot, service), stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
