import { catalogue, type Config, type VariableName, type VariableSpec } from './catalogue';
import type { ServiceName } from './services';

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function defaultOf(spec: VariableSpec, service: ServiceName, production: boolean): string | undefined {
  if (spec.default === undefined || (production && spec.productionDefault === false)) return undefined;
  return typeof spec.default === 'function' ? spec.default(service) : spec.default;
}

/**
 * Parses the environment once for a service. Every problem is collected and reported
 * together, each naming its variable, so a bad deployment fails at start-up with one clear
 * message instead of later at the first request.
 */
export function loadConfig(service: ServiceName, env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const problems: string[] = [];
  const values: Record<string, unknown> = {};

  for (const [name, spec] of Object.entries(catalogue) as [VariableName, VariableSpec][]) {
    const raw = env[name] ?? defaultOf(spec, service, production);
    if (raw === undefined) {
      const required = spec.usedBy === 'all' || spec.usedBy.includes(service);
      if (required && !isSatisfiedElsewhere(name, env)) problems.push(`${name} is required: ${spec.description}`);
      continue;
    }
    const parsed = spec.schema.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else problems.push(`${name}=${spec.secret ? '***' : JSON.stringify(raw)} is invalid: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(values) as Config;
}

/** A production deployment may verify tokens with a JWKS URL instead of a shared secret. */
function isSatisfiedElsewhere(name: VariableName, env: Env): boolean {
  return name === 'AUTH_JWT_SECRET' && Boolean(env.AUTH_JWKS_URL);
}
